package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimStatus;

/** A verdict on a claim at one version of it (table {@code verdicts}). */
@MappedEntity("verdicts")
public record Verdict(
    @Id @GeneratedValue @Nullable Long id,
    long claimId,
    int claimVersion,
    ClaimStatus status,
    String rationale,
    State state,
    @Nullable String asOf,
    String recordedBy,
    Instant recordedAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String decisionNote) {

  public enum State {
    PUBLISHED,
    PROPOSED,
    RETURNED
  }

  /** A verdict a checker proposes under two-person review, on the claim as it is now. */
  static Verdict proposed(
      Claim c, ClaimStatus status, String rationale, String asOf, String by, Instant at) {
    return new Verdict(
        null,
        c.id(),
        c.version(),
        status,
        rationale,
        State.PROPOSED,
        asOf,
        by,
        at,
        null,
        null,
        null);
  }

  /** A verdict published at once (by an editor, or without two-person review). */
  static Verdict published(
      Claim c, ClaimStatus status, String rationale, String asOf, String by, Instant at) {
    return new Verdict(
        null, c.id(), c.version(), status, rationale, State.PUBLISHED, asOf, by, at, by, at, null);
  }

  Verdict decided(State to, String by, Instant at, String note) {
    return new Verdict(
        id,
        claimId,
        claimVersion,
        status,
        rationale,
        to,
        asOf,
        recordedBy,
        recordedAt,
        by,
        at,
        note);
  }

  /** "ACCURATE as of 10-Q filed 2024-04-26" */
  String summary() {
    return asOf == null ? status.name() : status.name() + " as of " + asOf;
  }
}
