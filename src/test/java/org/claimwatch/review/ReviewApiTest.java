package org.claimwatch.review;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.claimwatch.support.Refusal.refused;
import static org.claimwatch.support.Refusal.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.recheck.RecheckJobs;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.support.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queues, leases and verdicts over HTTP against the real database. Each test has its own company.
 */
@MicronautTest(transactional = false)
class ReviewApiTest extends ReviewTest {

  /** The ids of the claims on a page of the queue {@code name}, as {@code token} sees it. */
  private List<Long> queue(String token, String name, Map<String, ?> query) {
    return review.queue(token, name, query).body().items().stream().map(ClaimView::id).toList();
  }

  private List<Long> queue(String token, String name, long entityId) {
    return queue(token, name, Map.of("entityId", entityId));
  }

  private ClaimView read(long id) {
    return claims.get(ADMIN_TOKEN, id).body();
  }

  private static VerdictRequest verdict(
      String status, String rationale, List<EvidenceInput> evidence) {
    return new VerdictRequest(status, rationale, evidence);
  }

  private static EvidenceInput citeFact(long factId, String note) {
    return new EvidenceInput(factId, null, null, note);
  }

  private static EvidenceInput citeUrl(String url, String note) {
    return new EvidenceInput(null, null, url, note);
  }

  // ---- The unreviewed queue: four claims of one company, only read by these tests.

  private long queueCo;
  private long a; // priority 50, en, first
  private long b; // priority 90, en-GB
  private long c; // priority 50, de, after a
  private long d; // priority 10, en

  @BeforeAll
  void fourUnreviewedClaims() {
    queueCo = company("Queue Co", null);
    a = claimAbout(queueCo, 50, "en");
    b = claimAbout(queueCo, 90, "en-GB");
    c = claimAbout(queueCo, 50, "de");
    d = claimAbout(queueCo, 10, "en");
  }

  @Test
  void unreviewed_lists_by_priority_then_age_in_pages() {
    var first =
        review.queue(token("VIEWER"), "unreviewed", Map.of("entityId", queueCo, "limit", 2)).body();
    assertEquals(List.of(b, a), first.items().stream().map(ClaimView::id).toList());
    assertNotNull(first.nextCursor());

    var second =
        review
            .queue(
                ADMIN_TOKEN,
                "unreviewed",
                Map.of("entityId", queueCo, "limit", 2, "cursor", first.nextCursor()))
            .body();
    assertEquals(List.of(c, d), second.items().stream().map(ClaimView::id).toList());
    assertNull(second.nextCursor());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"language, en, 'b,a,d'", "language, de, c", "metric, capex, ''"})
  void a_filter_narrows_the_queue(String filter, String value, String expected) {
    Map<String, Long> byName = Map.of("a", a, "b", b, "c", c, "d", d);
    List<Long> listed =
        expected.isEmpty() ? List.of() : Stream.of(expected.split(",")).map(byName::get).toList();
    assertEquals(
        listed, queue(ADMIN_TOKEN, "unreviewed", Map.of("entityId", queueCo, filter, value)));
  }

  @Test
  void counts_name_every_queue_and_what_waits_in_it() {
    HttpResponse<List<QueueCount>> r = review.counts(ADMIN_TOKEN, Map.of("entityId", queueCo));
    assertEquals(HttpStatus.OK, r.getStatus());
    Map<String, Long> byName = new HashMap<>();
    r.body().forEach(q -> byName.put(q.name(), q.count()));
    assertEquals(4, byName.get("unreviewed"));
    assertEquals(0, byName.get("rechecks"));
    assertEquals(
        Set.of("unreviewed", "rechecks", "mine", "forecasts-due", "proposals", "outdated"),
        byName.keySet());
  }

  // ---- The rechecks queue.

  /**
   * Claims of a company about Q1 2024 revenue, flagged by its 10-Q: {@code low} priority 10 and
   * {@code mid} priority 50 (supported), {@code contradicted} priority 90 (50M, filed 100M), and
   * one priority 99 that someone holds, so it is in nobody's queue but theirs.
   */
  private record Flagged(long entity, long low, long mid, long contradicted) {}

  private Flagged flaggedClaims() {
    long e = company("Recheck Queue Co", null);
    long low = claimAbout(e, 10, "en");
    long contradicted =
        claim(
            about(e)
                .value("50000000")
                .period("2024-01-01", "2024-03-31")
                .statedAt("2024-04-01")
                .priority(90));
    long mid = claimAbout(e, 50, "en");
    long held = claimAbout(e, 99, "en");
    revenueFact(e, "10-Q", "2024-04-26", "100000000", "2024-01-01", "2024-03-31");
    assertEquals(HttpStatus.CREATED, review.take(token("CHECKER"), held).getStatus());
    return new Flagged(e, low, mid, contradicted);
  }

  @Test
  void rechecks_come_contradicts_first_then_by_priority() {
    Flagged f = flaggedClaims();
    String checker = token("CHECKER");

    var page = review.queue(checker, "rechecks", Map.of("entityId", f.entity(), "limit", 2)).body();

    assertEquals(
        List.of(f.contradicted(), f.mid()),
        page.items().stream().map(ClaimView::id).toList(),
        "CONTRADICTS first, then priority");
    RecheckView flag = page.items().get(0).openRecheck();
    assertEquals("CONTRADICTS", flag.comparison().outcome());
    assertEquals(
        List.of(f.low()),
        queue(checker, "rechecks", Map.of("entityId", f.entity(), "cursor", page.nextCursor())));
  }

  @Test
  void editing_a_claims_priority_moves_it_within_the_queue() {
    Flagged f = flaggedClaims();
    String checker = token("CHECKER");

    HttpResponse<ClaimView> edited =
        claims.patch(ADMIN_TOKEN, f.low(), "\"1\"", Map.of("priority", 60));

    assertEquals(HttpStatus.OK, edited.getStatus());
    assertEquals(
        List.of(f.contradicted(), f.low(), f.mid()), queue(checker, "rechecks", f.entity()));
  }

  @Test
  void moving_a_claim_to_another_entity_moves_its_flag_with_it() {
    Flagged f = flaggedClaims();
    String checker = token("CHECKER");
    long other = company("Other Co", null);

    HttpResponse<ClaimView> moved =
        claims.patch(ADMIN_TOKEN, f.mid(), "\"1\"", Map.of("entityId", other));

    assertEquals(HttpStatus.OK, moved.getStatus());
    assertEquals(List.of(f.contradicted(), f.low()), queue(checker, "rechecks", f.entity()));
    assertEquals(List.of(f.mid()), queue(checker, "rechecks", other));
  }

  @Inject RecheckJobs recheckJobs;

  @Test
  void forecasts_due_have_their_own_queue() {
    long e = company("Forecast Queue Co", null);
    long forecast =
        claim(
            about(e)
                .statement("Forecast Queue Co will make $1 billion " + unique())
                .value("1000000000")
                .forecast("2025-01-01")
                .statedAt("2024-01-15"));
    String checker = token("CHECKER");

    assertTrue(recheckJobs.flagForecastsDue() >= 1);

    assertEquals(List.of(forecast), queue(checker, "forecasts-due", e));
    HttpResponse<ClaimView> next = review.next(checker, "forecasts-due", Map.of("entityId", e));
    assertEquals(forecast, next.body().id());
    assertEquals(List.of(), queue(checker, "forecasts-due", e));
  }

  @Test
  void an_unknown_queue_is_404_naming_the_queues() {
    Refusal r = refused(() -> review.queue(ADMIN_TOKEN, "everything", Map.of()));
    assertEquals(HttpStatus.NOT_FOUND, r.status());
    assertTrue(r.detail().contains("unreviewed"), r.body());
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(() -> review.next(ADMIN_TOKEN, "nothing", Map.of())).status());
  }

  @Test
  void a_foreign_cursor_is_400() {
    Refusal r =
        refused(
            () -> review.queue(ADMIN_TOKEN, "unreviewed", Map.of("cursor", "bm90LWEtY3Vyc29y")));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("cursor"), r.fields());
  }

  // ---- Leases.

  @Test
  void taking_a_claim_puts_it_in_review_held_by_the_taker() {
    long id = claimAbout(company("Lease Co", null), 50, "en");

    HttpResponse<ClaimView> taken = review.take(token("CHECKER"), id);

    assertEquals(HttpStatus.CREATED, taken.getStatus());
    assertEquals(ClaimStatus.IN_REVIEW, taken.body().status());
    assertNotNull(taken.body().assignment().holder());
    assertEquals("\"2\"", taken.header("ETag"));
  }

  @Test
  void a_held_claim_is_refused_to_others_naming_the_holder() {
    long id = claimAbout(company("Lease Co", null), 50, "en");
    String alice = review.take(token("CHECKER"), id).body().assignment().holder();

    Refusal refused = refused(() -> review.take(token("CHECKER"), id));

    assertEquals(HttpStatus.CONFLICT, refused.status());
    assertTrue(refused.detail().contains(alice), refused.body());
  }

  @Test
  void taking_it_again_renews_the_lease_at_the_same_version() {
    long id = claimAbout(company("Lease Co", null), 50, "en");
    String alice = token("CHECKER");
    review.take(alice, id);

    HttpResponse<ClaimView> renewed = review.take(alice, id);

    assertEquals(HttpStatus.OK, renewed.getStatus());
    assertEquals(2, renewed.body().version(), "renewal keeps the version");
  }

  @Test
  void a_held_claim_is_in_its_holders_queue_only() {
    long e = company("Lease Co", null);
    long id = claimAbout(e, 50, "en");
    String alice = token("CHECKER");
    String bob = token("CHECKER");
    review.take(alice, id);

    assertEquals(List.of(), queue(bob, "unreviewed", e));
    assertEquals(List.of(id), queue(alice, "mine", e));
    assertEquals(List.of(), queue(bob, "mine", e));
  }

  @Test
  void only_the_holder_may_release_a_claim() {
    long id = claimAbout(company("Lease Co", null), 50, "en");
    review.take(token("CHECKER"), id);
    assertEquals(
        HttpStatus.FORBIDDEN, refused(() -> review.release(token("CHECKER"), id)).status());
  }

  @Test
  void a_released_claim_is_unverified_and_back_in_the_queue() {
    long e = company("Lease Co", null);
    long id = claimAbout(e, 50, "en");
    String alice = token("CHECKER");
    review.take(alice, id);

    assertEquals(HttpStatus.NO_CONTENT, review.release(alice, id).getStatus());

    ClaimView back = read(id);
    assertEquals(ClaimStatus.UNVERIFIED, back.status());
    assertNull(back.assignment());
    assertEquals(List.of(id), queue(token("CHECKER"), "unreviewed", e));
    assertEquals(
        HttpStatus.CONFLICT,
        refused(() -> review.release(alice, id)).status(),
        "nobody holds it now");
  }

  @Test
  void history_tells_who_took_and_released_a_claim() {
    long id = claimAbout(company("Lease Co", null), 50, "en");
    String alice = token("CHECKER");
    String aliceName = review.take(alice, id).body().assignment().holder();
    review.release(alice, id);

    assertEquals(
        List.of("created", "taken by " + aliceName, "released by " + aliceName), summaries(id));
  }

  @ParameterizedTest(name = "role [{0}]: {1}")
  @CsvSource({"VIEWER, FORBIDDEN", "INTEGRATION, FORBIDDEN", "'', UNAUTHORIZED"})
  void only_checkers_take_claims(String role, HttpStatus status) {
    long id = claimAbout(company("Roles Co", null), 50, "en");
    String caller = role.isEmpty() ? null : token(role);
    assertEquals(status, refused(() -> review.take(caller, id)).status());
  }

  @Test
  void a_viewer_may_not_record_a_verdict() {
    long id = claimAbout(company("Roles Co", null), 50, "en");
    review.take(token("CHECKER"), id);
    Refusal r =
        refused(
            () ->
                review.record(
                    token("VIEWER"), id, "\"2\"", verdict("MISLEADING", "no", List.of())));
    assertEquals(HttpStatus.FORBIDDEN, r.status());
  }

  @Test
  void an_editor_may_release_someone_elses_lease() {
    long id = claimAbout(company("Roles Co", null), 50, "en");
    assertEquals(HttpStatus.CREATED, review.take(token("CHECKER"), id).getStatus());

    assertEquals(HttpStatus.NO_CONTENT, review.release(token("EDITOR"), id).getStatus());

    assertEquals(ClaimStatus.UNVERIFIED, read(id).status());
  }

  // ---- Next.

  @Test
  void concurrent_next_calls_never_hand_out_the_same_claim() throws Exception {
    long e = company("Next Co", null);
    int claimCount = 30;
    int checkers = 20;
    for (int i = 0; i < claimCount; i++) {
      claimAbout(e, i % 3 * 10, "en");
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < checkers; i++) {
      tokens.add(token("CHECKER"));
    }
    CyclicBarrier start = new CyclicBarrier(checkers);
    ExecutorService pool = Executors.newFixedThreadPool(checkers);
    try {
      List<Future<HttpResponse<ClaimView>>> calls = new ArrayList<>();
      for (String t : tokens) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return review.next(t, "unreviewed", Map.of("entityId", e));
                }));
      }
      Set<Long> handedOut = new HashSet<>();
      for (Future<HttpResponse<ClaimView>> f : calls) {
        HttpResponse<ClaimView> r = f.get();
        assertEquals(HttpStatus.OK, r.getStatus());
        assertEquals(ClaimStatus.IN_REVIEW, r.body().status());
        assertTrue(handedOut.add(r.body().id()), "handed out twice");
      }
      assertEquals(checkers, handedOut.size());
    } finally {
      pool.shutdownNow();
    }
    String last = token("CHECKER");
    Set<Long> rest = new HashSet<>();
    for (int i = 0; i < claimCount - checkers; i++) {
      HttpResponse<ClaimView> r = review.next(last, "unreviewed", Map.of("entityId", e));
      assertEquals(HttpStatus.OK, r.getStatus());
      rest.add(r.body().id());
    }
    assertEquals(claimCount - checkers, rest.size());
    assertEquals(
        HttpStatus.NO_CONTENT, review.next(last, "unreviewed", Map.of("entityId", e)).getStatus());
    assertEquals(claimCount - checkers, queue(last, "mine", e).size());
  }

  @Test
  void next_takes_the_highest_priority_oldest_claim() {
    long e = company("Order Co", null);
    claimAbout(e, 10, "en");
    long urgent = claimAbout(e, 80, "en");
    claimAbout(e, 80, "en");

    HttpResponse<ClaimView> r = review.next(token("CHECKER"), "unreviewed", Map.of("entityId", e));

    assertEquals(HttpStatus.OK, r.getStatus());
    assertEquals(urgent, r.body().id());
    assertEquals("\"" + r.body().version() + "\"", r.header("ETag"));
  }

  @Test
  void next_from_ones_own_claims_is_400() {
    assertEquals(
        HttpStatus.BAD_REQUEST,
        refused(() -> review.next(token("CHECKER"), "mine", Map.of())).status());
  }

  // ---- Verdicts.

  /** A claim of Q1 2024 revenue, its 10-Q fact, and a checker who holds it at {@code etag}. */
  private record Held(long entity, long claim, long fact, String checker, String etag) {
    VerdictRequest accurate() {
      return verdict(
          "ACCURATE",
          "The 10-Q reports exactly this.",
          List.of(citeFact(fact, "Q1 revenue as filed")));
    }
  }

  private Held heldClaim() {
    long e = company("Verdict Co", null);
    long id = claimAbout(e, 50, "en");
    long fact = revenueFact(e, "10-Q", "2024-04-26", "100000000", "2024-01-01", "2024-03-31");
    String checker = token("CHECKER");
    String etag = review.take(checker, id).header("ETag");
    return new Held(e, id, fact, checker, etag);
  }

  @Test
  void a_verdict_needs_the_lease() {
    long e = company("Verdict Co", null);
    long id = claimAbout(e, 50, "en");
    long fact = revenueFact(e, "10-Q", "2024-04-26", "100000000", "2024-01-01", "2024-03-31");
    VerdictRequest good =
        verdict(
            "ACCURATE",
            "The 10-Q reports exactly this.",
            List.of(citeFact(fact, "Q1 revenue as filed")));

    Refusal r = refused(() -> review.record(token("CHECKER"), id, "\"1\"", good));

    assertEquals(HttpStatus.FORBIDDEN, r.status(), "no lease");
  }

  @Test
  void a_verdict_needs_if_match() {
    Held h = heldClaim();
    Refusal r = refused(() -> review.record(h.checker(), h.claim(), null, h.accurate()));
    assertEquals(HttpStatus.PRECONDITION_REQUIRED, r.status());
  }

  @Test
  void a_verdict_on_a_stale_version_is_412() {
    Held h = heldClaim();
    Refusal r = refused(() -> review.record(h.checker(), h.claim(), "\"1\"", h.accurate()));
    assertEquals(HttpStatus.PRECONDITION_FAILED, r.status(), r.body());
  }

  static Stream<Arguments> badVerdicts() {
    return Stream.of(
        Arguments.of(
            "no status, blank rationale", verdict(null, " ", null), List.of("status", "rationale")),
        Arguments.of(
            "INACCURATE without evidence",
            verdict("INACCURATE", "wrong", List.of()),
            List.of("evidence")),
        Arguments.of(
            "evidence items each wrong",
            verdict(
                "ACCURATE",
                "see",
                List.of(
                    citeFact(999999999L, "gone"),
                    citeUrl("ftp://example.org/x", "odd"),
                    new EvidenceInput(null, null, null, "nothing named"),
                    new EvidenceInput(null, 1L, "https://example.org/a", "two"))),
            List.of("evidence[1].url", "evidence[2]", "evidence[3]")),
        Arguments.of(
            "an unknown fact",
            verdict("ACCURATE", "see", List.of(citeFact(999999999L, "gone"))),
            List.of("evidence[0].factId")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVerdicts")
  void a_bad_verdict_is_refused_naming_each_field_at_fault(
      String what, VerdictRequest bad, List<String> fields) {
    Held h = heldClaim();
    Refusal r = refused(() -> review.record(h.checker(), h.claim(), h.etag(), bad));
    assertEquals(HttpStatus.BAD_REQUEST, r.status(), r.body());
    assertEquals(fields, r.fields());
  }

  @Test
  void a_verdict_cannot_take_a_claim_back_to_unverified() {
    Held h = heldClaim();
    Refusal r =
        refused(
            () ->
                review.record(
                    h.checker(), h.claim(), h.etag(), verdict("UNVERIFIED", "undo", List.of())));
    assertEquals(HttpStatus.CONFLICT, r.status(), r.body());
  }

  @Test
  void a_published_verdict_says_what_it_rests_on() {
    Held h = heldClaim();

    HttpResponse<VerdictView> ok = review.record(h.checker(), h.claim(), h.etag(), h.accurate());

    assertEquals(HttpStatus.CREATED, ok.getStatus());
    VerdictView v = ok.body();
    assertEquals("PUBLISHED", v.state());
    assertEquals("10-Q filed 2024-04-26", v.asOf());
    assertEquals("ACCURATE as of 10-Q filed 2024-04-26", v.summary());
    VerdictView.EvidenceView item = v.evidence().get(0);
    assertEquals("FACT", item.kind());
    assertTrue(
        item.label().contains("100,000,000") || item.label().contains("100000000"),
        item.toString());
    assertTrue(item.label().startsWith("Verdict Co "), item.label());
  }

  @Test
  void evidence_from_another_entity_is_labelled_with_that_entity() {
    Held h = heldClaim();
    long rival = company("Rival Co", null);
    long rivalFact =
        revenueFact(rival, "10-Q", "2024-04-30", "70000000", "2024-01-01", "2024-03-31");
    long rivalReport =
        get("/api/v1/entities/" + rival + "/facts?metric=revenue", ADMIN_TOKEN).list().stream()
            .filter(f -> ((Number) f.get("id")).longValue() == rivalFact)
            .map(f -> ((Number) ((Map<?, ?>) f.get("report")).get("id")).longValue())
            .findFirst()
            .orElseThrow();

    VerdictView v =
        review
            .record(
                h.checker(),
                h.claim(),
                h.etag(),
                verdict(
                    "MISLEADING",
                    "The rival's revenue is the figure the article compares with.",
                    List.of(
                        citeFact(h.fact(), "own"),
                        citeFact(rivalFact, "rival's"),
                        new EvidenceInput(null, rivalReport, null, "rival's filing"))))
            .body();

    assertTrue(v.evidence().get(0).label().startsWith("Verdict Co "), v.toString());
    assertTrue(v.evidence().get(1).label().startsWith("Rival Co "), v.toString());
    assertTrue(v.evidence().get(2).label().startsWith("Rival Co "), v.toString());
    assertTrue(v.evidence().get(2).label().contains("10-Q filed 2024-04-30"), v.toString());
  }

  @Test
  void a_report_with_the_longest_title_is_cited_with_its_label_cut_to_what_is_stored() {
    Held h = heldClaim();
    Map<String, Object> body = new HashMap<>();
    body.put("entityId", h.entity());
    body.put("title", "T".repeat(495) + unique().substring(0, 5));
    body.put("form", "8-K");
    body.put("filedAt", "2024-05-02");
    body.put(
        "facts",
        List.of(
            Map.of(
                "metric", "revenue",
                "value", "1",
                "unit", "USD",
                "periodStart", "2024-01-01",
                "periodEnd", "2024-03-31")));
    Res report = post("/api/v1/reports", body, ADMIN_TOKEN);
    assertEquals(201, report.status(), report.toString());
    long reportId =
        get("/api/v1/entities/" + h.entity() + "/facts?metric=revenue", ADMIN_TOKEN).list().stream()
            .map(f -> (Map<?, ?>) f.get("report"))
            .filter(r -> "2024-05-02".equals(String.valueOf(r.get("filedOn")).substring(0, 10)))
            .map(r -> ((Number) r.get("id")).longValue())
            .findFirst()
            .orElseThrow();

    HttpResponse<VerdictView> ok =
        review.record(
            h.checker(),
            h.claim(),
            h.etag(),
            verdict(
                "ACCURATE",
                "The long filing says so.",
                List.of(new EvidenceInput(null, reportId, null, "the filing"))));

    assertEquals(HttpStatus.CREATED, ok.getStatus());
    String label = ok.body().evidence().get(0).label();
    assertEquals(500, label.codePointCount(0, label.length()), label);
    assertTrue(label.startsWith("Verdict Co ") && label.endsWith("\u2026"), label);
  }

  @Test
  void a_published_verdict_rates_the_claim_and_ends_the_lease() {
    Held h = heldClaim();

    HttpResponse<VerdictView> ok = review.record(h.checker(), h.claim(), h.etag(), h.accurate());

    HttpResponse<ClaimView> after = claims.get(ADMIN_TOKEN, h.claim());
    assertEquals(ClaimStatus.ACCURATE, after.body().status());
    assertNull(after.body().assignment());
    assertNotNull(after.body().lastVerdictAt());
    assertEquals(ok.header("ETag"), after.header("ETag"));
    assertFalse(queue(h.checker(), "unreviewed", h.entity()).contains(h.claim()));
  }

  @Test
  void an_editor_may_publish_without_taking_the_claim() {
    long id = claimAbout(company("Verdict Co", null), 50, "en");
    HttpResponse<VerdictView> r =
        review.record(
            token("EDITOR"),
            id,
            "\"1\"",
            verdict("UNVERIFIABLE", "Nobody publishes this number.", List.of()));
    assertEquals(HttpStatus.CREATED, r.getStatus());
  }

  @Test
  void two_concurrent_verdicts_on_one_version_one_wins_one_is_412() throws Exception {
    long id = claimAbout(company("Race Co", null), 50, "en");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    String etag = review.take(checker, id).header("ETag");
    int n = 6;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<HttpStatus> statuses = new ArrayList<>();
    try {
      List<Future<HttpStatus>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String t = i % 2 == 0 ? checker : editor;
        String status = i % 2 == 0 ? "MISLEADING" : "UNVERIFIABLE";
        VerdictRequest v = verdict(status, "race " + status, List.of());
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return statusOf(() -> review.record(t, id, etag, v));
                }));
      }
      for (Future<HttpStatus> f : calls) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        Set.of(HttpStatus.CREATED, HttpStatus.PRECONDITION_FAILED),
        new HashSet<>(statuses),
        statuses::toString);
    assertEquals(1, statuses.stream().filter(s -> s == HttpStatus.CREATED).count());
    assertEquals(n - 1, statuses.stream().filter(s -> s == HttpStatus.PRECONDITION_FAILED).count());
    assertEquals(1, review.verdicts(ADMIN_TOKEN, id).body().size());
  }

  // ---- ClaimReview.

  /** Goldman's "capex of $12B a quarter", with its source. */
  private ClaimBuilder capexClaim() {
    return about(company("Export Co", null))
        .metric("capex")
        .value("12000000000")
        .approx()
        .perQuarter(null, null)
        .statedAt("2024-07-27T00:00:00Z")
        .claimant("Jim Covello, Goldman Sachs")
        .source(
            "https://example.org/600-days-" + unique(),
            "600 days after ChatGPT",
            "Example Times",
            "2024-07-27T08:00:00Z");
  }

  /** Posts the claim and has a checker rate it MOSTLY_ACCURATE; returns its id. */
  private long published(ClaimBuilder claim) {
    long id = claim(claim);
    String checker = token("CHECKER");
    String etag = review.take(checker, id).header("ETag");
    VerdictRequest v =
        verdict(
            "MOSTLY_ACCURATE",
            "Close to the reported capex.",
            List.of(citeUrl("https://abc.xyz/investor/", "Alphabet's Q2 release")));
    assertEquals(HttpStatus.CREATED, review.record(checker, id, etag, v).getStatus());
    return id;
  }

  @Test
  void there_is_no_claimreview_before_a_verdict_is_published() {
    long id = claim(capexClaim());
    assertEquals(
        HttpStatus.NOT_FOUND, refused(() -> review.claimReview(token("VIEWER"), id)).status());
  }

  @Test
  void the_claimreview_is_served_as_json_ld() {
    long id = published(capexClaim());
    HttpResponse<String> ld = review.claimReviewAsJsonLd(token("VIEWER"), id);
    assertEquals(HttpStatus.OK, ld.getStatus());
    assertTrue(
        ld.header("Content-Type").startsWith("application/ld+json"), ld.header("Content-Type"));
  }

  @Test
  void a_claims_words_cannot_close_the_script_element_the_claimreview_is_pasted_into() {
    String hostile = "</script><img src=x onerror=alert(1)> & more";
    long id = published(capexClaim().claimant(hostile).statement("Capex <b>tops</b> $12bn"));

    String ld = review.claimReviewAsJsonLd(token("VIEWER"), id).body();

    assertFalse(ld.contains("<") || ld.contains(">") || ld.contains("&"), ld);
    assertTrue(ld.contains("\\u003c/script\\u003e\\u003cimg src=x"), ld);
    // ... and read as JSON, the words are as written
    Map<String, Object> cr = review.claimReview(token("VIEWER"), id).body();
    assertEquals("Capex <b>tops</b> $12bn", cr.get("claimReviewed"));
    assertEquals(
        hostile, ((Map<?, ?>) ((Map<?, ?>) cr.get("itemReviewed")).get("author")).get("name"));
  }

  @Test
  void the_claimreview_rates_the_claim_as_claimwatch() {
    ClaimBuilder capex = capexClaim();
    long id = published(capex);

    HttpResponse<Map<String, Object>> r = review.claimReview(token("VIEWER"), id);

    assertEquals(HttpStatus.OK, r.getStatus());
    Map<String, Object> cr = r.body();
    assertEquals("ClaimReview", cr.get("@type"));
    assertEquals("https://schema.org", cr.get("@context"));
    assertEquals(capex.statement(), cr.get("claimReviewed"));
    assertTrue(((String) cr.get("url")).endsWith("/claims/" + id), cr.toString());
    assertEquals(10, ((String) cr.get("datePublished")).length());
    assertEquals(
        Map.of("@type", "Organization", "name", "Claimwatch", "url", "http://localhost:8080/"),
        cr.get("author"));
    assertEquals(
        Map.of(
            "@type", "Rating",
            "ratingValue", 4,
            "bestRating", 5,
            "worstRating", 1,
            "alternateName", "Mostly accurate"),
        cr.get("reviewRating"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_claimreview_names_who_made_the_claim_and_where_it_appeared() {
    long id = published(capexClaim());

    Map<String, Object> item =
        (Map<String, Object>) review.claimReview(token("VIEWER"), id).body().get("itemReviewed");

    assertEquals("Claim", item.get("@type"));
    assertEquals(
        Map.of("@type", "Person", "name", "Jim Covello, Goldman Sachs"), item.get("author"));
    assertEquals("2024-07-27", item.get("datePublished"));
    Map<String, Object> appearance = (Map<String, Object>) item.get("appearance");
    assertEquals("CreativeWork", appearance.get("@type"));
    assertEquals("600 days after ChatGPT", appearance.get("headline"));
    assertEquals(
        Map.of("@type", "Organization", "name", "Example Times"), appearance.get("publisher"));
  }
}
