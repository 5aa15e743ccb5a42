package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimData;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.ClaimPeriod;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimedNumber;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.claim.ReviewState;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.system.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The verdict workflow's rules, without a database: who may record, what a claim can take. */
class VerdictRulesTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  private static final Actor ANA = new Actor("ana", Set.of(Role.R_CHECKER));
  private static final Actor BEN = new Actor("ben", Set.of(Role.R_CHECKER));
  private static final Actor EDITOR = new Actor("eve", Set.of(Role.R_CHECKER, Role.R_EDITOR));

  @Test
  void the_holder_may_record_and_so_may_an_editor_over_the_lease() {
    Claim held = claim(ClaimStatus.IN_REVIEW, "ana", NOW.plusSeconds(60), new BigDecimal("5"));
    assertTrue(VerdictRules.requireMayRecord(held, ANA, NOW));
    assertFalse(VerdictRules.requireMayRecord(held, EDITOR, NOW), "not the holder, but allowed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "held by someone else, IN_REVIEW, ana, 60, held by ana",
    "held no more, IN_REVIEW, ben, -1, Take claim",
    "taken by nobody, UNVERIFIED, , 0, Take claim"
  })
  void a_checker_who_does_not_hold_the_claim_is_refused(
      String why, ClaimStatus status, String holder, long leaseSeconds, String says) {
    Claim c =
        claim(
            status, holder, holder == null ? null : NOW.plusSeconds(leaseSeconds), BigDecimal.ONE);
    ProblemException e =
        assertThrows(ProblemException.class, () -> VerdictRules.requireMayRecord(c, BEN, NOW));
    assertEquals(403, e.status().getCode());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(
      value = ClaimStatus.class,
      names = {"UNVERIFIED", "IN_REVIEW"})
  void a_verdict_cannot_put_a_claim_back_in_the_queue(ClaimStatus status) {
    Claim held = claim(ClaimStatus.IN_REVIEW, "ana", NOW.plusSeconds(60), BigDecimal.ONE);
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> VerdictRules.requireRecordable(held, parsed(status, List.of())));
    assertEquals(409, e.status().getCode());
  }

  @ParameterizedTest
  @EnumSource(
      value = ClaimStatus.class,
      names = {"ACCURATE", "MOSTLY_ACCURATE", "INACCURATE"})
  void a_rating_of_a_claimed_number_needs_evidence(ClaimStatus status) {
    Claim number = claim(ClaimStatus.IN_REVIEW, "ana", NOW.plusSeconds(60), BigDecimal.ONE);
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> VerdictRules.requireRecordable(number, parsed(status, List.of())));
    assertEquals(400, e.status().getCode());
    Claim words = claim(ClaimStatus.IN_REVIEW, "ana", NOW.plusSeconds(60), null);
    VerdictRules.requireRecordable(words, parsed(status, List.of())); // no number: no evidence
    VerdictRules.requireRecordable(
        number,
        parsed(
            status, List.of(new EvidenceInput(null, null, "https://example.org/a", "shows it"))));
  }

  @Test
  void nothing_is_recorded_while_a_proposal_waits_for_an_editor() {
    Claim waiting = claim(ClaimStatus.IN_REVIEW, null, null, null);
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                VerdictRules.requireRecordable(waiting, parsed(ClaimStatus.MISLEADING, List.of())));
    assertEquals(409, e.status().getCode());
  }

  @Test
  void a_request_reports_every_bad_field_at_once() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                VerdictRules.parse(
                    new VerdictRequest(
                        "TRUE-ISH", " ", List.of(new EvidenceInput(1L, 2L, "ftp://x", null)))));
    assertEquals(
        List.of("status", "rationale", "evidence[0]", "evidence[0].url", "evidence[0].note"),
        e.errors().stream().map(org.claimwatch.system.FieldError::field).toList());
  }

  private static VerdictRules.Parsed parsed(ClaimStatus status, List<EvidenceInput> evidence) {
    return new VerdictRules.Parsed(status, "because", evidence);
  }

  private static Claim claim(
      ClaimStatus status, String assignee, Instant leaseUntil, BigDecimal value) {
    return new Claim(
        7L,
        "tool",
        null,
        new ClaimData(
            "A claim",
            "en",
            null,
            1L,
            "revenue",
            ClaimedNumber.of(value, null, "USD", Qualifier.EXACT),
            new ClaimPeriod(null, null, Periodicity.NONE),
            ClaimKind.REPORTED,
            null,
            NOW,
            50),
        null,
        new ReviewState(status, assignee, leaseUntil, null, null),
        null,
        3,
        NOW,
        NOW);
  }
}
