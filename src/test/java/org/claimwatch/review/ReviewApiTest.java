package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.recheck.RecheckJobs;
import org.junit.jupiter.api.Test;

/**
 * Queues, leases and verdicts over HTTP against the real database. Each test has its own company.
 */
@MicronautTest(transactional = false)
class ReviewApiTest extends ReviewTest {

  @Test
  void unreviewed_lists_by_priority_then_age_with_filters_and_a_cursor() {
    long e = company("Queue Co", null);
    long a = claimAbout(e, 50, "en");
    long b = claimAbout(e, 90, "en-GB");
    long c = claimAbout(e, 50, "de");
    long d = claimAbout(e, 10, "en");

    Res first = get("/api/v1/queue/unreviewed?entityId=" + e + "&limit=2", token("VIEWER"));
    assertEquals(200, first.status(), first.toString());
    assertEquals(List.of(b, a), ids(first));
    String cursor = (String) first.json().get("nextCursor");
    assertNotNull(cursor);
    Res second =
        get("/api/v1/queue/unreviewed?entityId=" + e + "&limit=2&cursor=" + cursor, ADMIN_TOKEN);
    assertEquals(List.of(c, d), ids(second));
    assertNull(second.json().get("nextCursor"));

    assertEquals(
        List.of(b, a, d),
        ids(get("/api/v1/queue/unreviewed?entityId=" + e + "&language=en", ADMIN_TOKEN)));
    assertEquals(
        List.of(c),
        ids(get("/api/v1/queue/unreviewed?entityId=" + e + "&language=de", ADMIN_TOKEN)));
    assertEquals(
        List.of(),
        ids(get("/api/v1/queue/unreviewed?entityId=" + e + "&metric=capex", ADMIN_TOKEN)));

    Res counts = get("/api/v1/queue?entityId=" + e, ADMIN_TOKEN);
    assertEquals(200, counts.status(), counts.toString());
    Map<String, Number> byName = new java.util.HashMap<>();
    counts.list().forEach(q -> byName.put((String) q.get("name"), (Number) q.get("count")));
    assertEquals(4, byName.get("unreviewed").intValue());
    assertEquals(0, byName.get("rechecks").intValue());
    assertEquals(
        Set.of("unreviewed", "rechecks", "mine", "forecasts-due", "proposals", "outdated"),
        byName.keySet());
  }

  @Inject RecheckJobs recheckJobs;

  @Test
  void rechecks_come_contradicts_first_then_by_priority_and_forecasts_due_have_their_own_queue() {
    long e = company("Recheck Queue Co", null);
    long a = claimAbout(e, 10, "en");
    Map<String, Object> low =
        numberClaim(
            e, "revenue", "50000000", "EXACT", "NONE", "2024-01-01", "2024-03-31", "2024-04-01");
    low.put("priority", 90);
    long b = ((Number) claim(low)).longValue();
    long c = claimAbout(e, 50, "en");
    long untouched = claimAbout(e, 99, "en");
    revenueFact(e, "10-Q", "2024-04-26", "100000000", "2024-01-01", "2024-03-31");
    // The untouched claim is held by someone: in nobody's queue but theirs.
    String holder = token("CHECKER");
    assertEquals(201, take(untouched, holder).status());

    String checker = token("CHECKER");
    Res page = get("/api/v1/queue/rechecks?entityId=" + e + "&limit=2", checker);
    assertEquals(List.of(b, c), ids(page), "CONTRADICTS first, then priority");
    Res rest =
        get(
            "/api/v1/queue/rechecks?entityId=" + e + "&cursor=" + page.json().get("nextCursor"),
            checker);
    assertEquals(List.of(a), ids(rest));
    @SuppressWarnings("unchecked")
    Map<String, Object> flag = (Map<String, Object>) page.items().get(0).get("openRecheck");
    assertEquals("CONTRADICTS", ((Map<?, ?>) flag.get("comparison")).get("outcome"));

    // Editing a claim's priority moves it within the queue; moving it to another entity moves
    // its flag with it.
    Res edited = patch("/api/v1/claims/" + a, Map.of("priority", 60), "\"1\"", ADMIN_TOKEN);
    assertEquals(200, edited.status(), edited.toString());
    assertEquals(List.of(b, a, c), ids(get("/api/v1/queue/rechecks?entityId=" + e, checker)));
    long other = company("Other Co", null);
    assertEquals(
        200,
        patch("/api/v1/claims/" + c, Map.of("entityId", other), "\"1\"", ADMIN_TOKEN).status());
    assertEquals(List.of(b, a), ids(get("/api/v1/queue/rechecks?entityId=" + e, checker)));
    assertEquals(List.of(c), ids(get("/api/v1/queue/rechecks?entityId=" + other, checker)));

    Map<String, Object> f = new java.util.HashMap<>();
    f.put("statement", "Recheck Queue Co will make $1 billion " + unique());
    f.put("entityId", e);
    f.put("metric", "revenue");
    f.put("value", "1000000000");
    f.put("unit", "USD");
    f.put("kind", "FORECAST");
    f.put("resolvesOn", "2025-01-01");
    f.put("statedAt", "2024-01-15");
    long forecast = ((Number) claim(f)).longValue();
    assertTrue(recheckJobs.flagForecastsDue() >= 1);
    assertEquals(List.of(forecast), ids(get("/api/v1/queue/forecasts-due?entityId=" + e, checker)));
    Res next = post("/api/v1/queue/forecasts-due/next?entityId=" + e, Map.of(), checker);
    assertEquals(forecast, ((Number) next.json().get("id")).longValue());
    assertEquals(List.of(), ids(get("/api/v1/queue/forecasts-due?entityId=" + e, checker)));
  }

  @Test
  void unknown_queue_is_404_and_a_foreign_cursor_is_400() {
    Res r = get("/api/v1/queue/everything", ADMIN_TOKEN);
    assertEquals(404, r.status());
    assertTrue(((String) r.json().get("detail")).contains("unreviewed"), r.toString());
    Res bad = get("/api/v1/queue/unreviewed?cursor=bm90LWEtY3Vyc29y", ADMIN_TOKEN);
    assertEquals(400, bad.status());
    assertEquals(List.of("cursor"), fields(bad));
    assertEquals(404, post("/api/v1/queue/nothing/next", Map.of(), ADMIN_TOKEN).status());
  }

  @Test
  void a_lease_is_held_renewed_refused_to_others_and_released() {
    long e = company("Lease Co", null);
    long id = claimAbout(e, 50, "en");
    String alice = token("CHECKER");
    String bob = token("CHECKER");

    Res taken = take(id, alice);
    assertEquals(201, taken.status(), taken.toString());
    assertEquals("IN_REVIEW", taken.json().get("status"));
    String aliceName = holder(taken);
    assertNotNull(aliceName);
    assertEquals("\"2\"", taken.header("ETag"));

    Res refused = take(id, bob);
    assertEquals(409, refused.status(), refused.toString());
    assertTrue(((String) refused.json().get("detail")).contains(aliceName), refused.toString());

    Res renewed = take(id, alice);
    assertEquals(200, renewed.status(), renewed.toString());
    assertEquals(
        2, ((Number) renewed.json().get("version")).intValue(), "renewal keeps the version");

    assertEquals(List.of(), ids(get("/api/v1/queue/unreviewed?entityId=" + e, bob)));
    assertEquals(List.of(id), ids(get("/api/v1/queue/mine?entityId=" + e, alice)));
    assertEquals(List.of(), ids(get("/api/v1/queue/mine?entityId=" + e, bob)));

    assertEquals(403, release(id, bob).status());
    assertEquals(204, release(id, alice).status());
    Res back = claimRes(id);
    assertEquals("UNVERIFIED", back.json().get("status"));
    assertNull(back.json().get("assignment"));
    assertEquals(List.of(id), ids(get("/api/v1/queue/unreviewed?entityId=" + e, bob)));
    assertEquals(409, release(id, alice).status(), "nobody holds it now");

    List<String> story = summaries(id);
    assertEquals(List.of("created", "taken by " + aliceName, "released by " + aliceName), story);
  }

  @Test
  void an_editor_may_release_someone_elses_lease_and_roles_are_enforced() {
    long e = company("Roles Co", null);
    long id = claimAbout(e, 50, "en");
    String checker = token("CHECKER");
    assertEquals(403, take(id, token("VIEWER")).status());
    assertEquals(403, take(id, token("INTEGRATION")).status());
    assertEquals(401, take(id, null).status());
    assertEquals(201, take(id, checker).status());
    assertEquals(
        403,
        verdict(id, "\"2\"", verdictBody("MISLEADING", "no", List.of()), token("VIEWER")).status());
    assertEquals(204, release(id, token("EDITOR")).status());
    assertEquals("UNVERIFIED", claimRes(id).json().get("status"));
  }

  @Test
  void concurrent_next_calls_never_hand_out_the_same_claim() throws Exception {
    long e = company("Next Co", null);
    int claims = 30;
    int checkers = 20;
    for (int i = 0; i < claims; i++) {
      claimAbout(e, i % 3 * 10, "en");
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < checkers; i++) {
      tokens.add(token("CHECKER"));
    }
    CyclicBarrier start = new CyclicBarrier(checkers);
    ExecutorService pool = Executors.newFixedThreadPool(checkers);
    try {
      List<Future<Res>> calls = new ArrayList<>();
      for (String t : tokens) {
        Callable<Res> call =
            () -> {
              start.await();
              return post("/api/v1/queue/unreviewed/next?entityId=" + e, Map.of(), t);
            };
        calls.add(pool.submit(call));
      }
      Set<Long> handedOut = new HashSet<>();
      for (Future<Res> f : calls) {
        Res r = f.get();
        assertEquals(200, r.status(), r.toString());
        assertEquals("IN_REVIEW", r.json().get("status"));
        assertTrue(handedOut.add(((Number) r.json().get("id")).longValue()), "handed out twice");
      }
      assertEquals(checkers, handedOut.size());
    } finally {
      pool.shutdownNow();
    }
    String last = token("CHECKER");
    Set<Long> rest = new HashSet<>();
    for (int i = 0; i < claims - checkers; i++) {
      Res r = post("/api/v1/queue/unreviewed/next?entityId=" + e, Map.of(), last);
      assertEquals(200, r.status(), r.toString());
      rest.add(((Number) r.json().get("id")).longValue());
    }
    assertEquals(claims - checkers, rest.size());
    assertEquals(204, post("/api/v1/queue/unreviewed/next?entityId=" + e, Map.of(), last).status());
    assertEquals(claims - checkers, ids(get("/api/v1/queue/mine?entityId=" + e, last)).size());
  }

  @Test
  void next_takes_the_highest_priority_oldest_claim() {
    long e = company("Order Co", null);
    claimAbout(e, 10, "en");
    long urgent = claimAbout(e, 80, "en");
    claimAbout(e, 80, "en");
    Res r = post("/api/v1/queue/unreviewed/next?entityId=" + e, Map.of(), token("CHECKER"));
    assertEquals(200, r.status(), r.toString());
    assertEquals(urgent, ((Number) r.json().get("id")).longValue());
    assertEquals(r.json().get("version").toString(), r.header("ETag").replace("\"", ""));
    Res mine = post("/api/v1/queue/mine/next", Map.of(), token("CHECKER"));
    assertEquals(400, mine.status(), mine.toString());
  }

  @Test
  void verdict_rules_lease_if_match_version_rationale_evidence_and_transitions() {
    long e = company("Verdict Co", null);
    long id = claimAbout(e, 50, "en");
    long fact = revenueFact(e, "10-Q", "2024-04-26", "100000000", "2024-01-01", "2024-03-31");
    String checker = token("CHECKER");
    Map<String, Object> good =
        verdictBody(
            "ACCURATE",
            "The 10-Q reports exactly this.",
            List.of(Map.of("factId", fact, "note", "Q1 revenue as filed")));

    assertEquals(403, verdict(id, "\"1\"", good, checker).status(), "no lease");
    Res taken = take(id, checker);
    String etag = taken.header("ETag");

    assertEquals(428, verdict(id, null, good, checker).status());
    Res stale = verdict(id, "\"1\"", good, checker);
    assertEquals(412, stale.status(), stale.toString());

    Res empty = verdict(id, etag, verdictBody(null, " ", null), checker);
    assertEquals(400, empty.status());
    assertEquals(List.of("status", "rationale"), fields(empty));

    Res noEvidence = verdict(id, etag, verdictBody("INACCURATE", "wrong", List.of()), checker);
    assertEquals(400, noEvidence.status());
    assertEquals(List.of("evidence"), fields(noEvidence));

    Res badItems =
        verdict(
            id,
            etag,
            verdictBody(
                "ACCURATE",
                "see",
                List.of(
                    Map.of("factId", 999999999L, "note", "gone"),
                    Map.of("url", "ftp://example.org/x", "note", "odd"),
                    Map.of("note", "nothing named"),
                    Map.of("url", "https://example.org/a", "reportId", 1, "note", "two"))),
            checker);
    assertEquals(400, badItems.status(), badItems.toString());
    assertEquals(List.of("evidence[1].url", "evidence[2]", "evidence[3]"), fields(badItems));
    Res unknownFact =
        verdict(
            id,
            etag,
            verdictBody("ACCURATE", "see", List.of(Map.of("factId", 999999999L, "note", "gone"))),
            checker);
    assertEquals(List.of("evidence[0].factId"), fields(unknownFact));

    Res backwards = verdict(id, etag, verdictBody("UNVERIFIED", "undo", List.of()), checker);
    assertEquals(409, backwards.status(), backwards.toString());

    Res ok = verdict(id, etag, good, checker);
    assertEquals(201, ok.status(), ok.toString());
    assertEquals("PUBLISHED", ok.json().get("state"));
    assertEquals("10-Q filed 2024-04-26", ok.json().get("asOf"));
    assertEquals("ACCURATE as of 10-Q filed 2024-04-26", ok.json().get("summary"));
    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) ok.json().get("evidence")).get(0);
    assertEquals("FACT", item.get("kind"));
    assertTrue(
        ((String) item.get("label")).contains("100,000,000")
            || ((String) item.get("label")).contains("100000000"),
        item.toString());

    Res after = claimRes(id);
    assertEquals("ACCURATE", after.json().get("status"));
    assertNull(after.json().get("assignment"));
    assertNotNull(after.json().get("lastVerdictAt"));
    assertEquals(ok.header("ETag"), after.header("ETag"));
    assertFalse(ids(get("/api/v1/queue/unreviewed?entityId=" + e, checker)).contains(id));

    Res url =
        verdict(
            claimAbout(e, 50, "en"),
            "\"1\"",
            verdictBody("UNVERIFIABLE", "Nobody publishes this number.", List.of()),
            token("EDITOR"));
    assertEquals(201, url.status(), "an editor may publish without taking the claim: " + url);
  }

  @Test
  void two_concurrent_verdicts_on_one_version_one_wins_one_is_412() throws Exception {
    long e = company("Race Co", null);
    long id = claimAbout(e, 50, "en");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    String etag = take(id, checker).header("ETag");
    int n = 6;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Res>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String t = i % 2 == 0 ? checker : editor;
        String status = i % 2 == 0 ? "MISLEADING" : "UNVERIFIABLE";
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return verdict(id, etag, verdictBody(status, "race " + status, List.of()), t);
                }));
      }
      int won = 0;
      int stale = 0;
      for (Future<Res> f : calls) {
        Res r = f.get();
        if (r.status() == 201) {
          won++;
        } else if (r.status() == 412) {
          stale++;
        } else {
          throw new AssertionError("unexpected " + r);
        }
      }
      assertEquals(1, won);
      assertEquals(n - 1, stale);
    } finally {
      pool.shutdownNow();
    }
    Res verdicts = get("/api/v1/claims/" + id + "/verdicts", ADMIN_TOKEN);
    assertEquals(1, verdicts.list().size(), verdicts.toString());
  }

  @Test
  void claimreview_export_of_the_published_verdict() {
    long e = company("Export Co", null);
    Map<String, Object> body =
        numberClaim(
            e, "capex", "12000000000", "APPROX", "PER_QUARTER", null, null, "2024-07-27T00:00:00Z");
    body.put("claimant", "Jim Covello, Goldman Sachs");
    body.put(
        "source",
        Map.of(
            "url", "https://example.org/600-days-" + unique(),
            "title", "600 days after ChatGPT",
            "publisher", "Example Times",
            "publishedAt", "2024-07-27T08:00:00Z"));
    long id = ((Number) claim(body)).longValue();
    assertEquals(404, get("/api/v1/claims/" + id + "/claimreview", token("VIEWER")).status());

    String checker = token("CHECKER");
    String etag = take(id, checker).header("ETag");
    Res v =
        verdict(
            id,
            etag,
            verdictBody(
                "MOSTLY_ACCURATE",
                "Close to the reported capex.",
                List.of(urlEvidence("https://abc.xyz/investor/", "Alphabet's Q2 release"))),
            checker);
    assertEquals(201, v.status(), v.toString());

    String viewer = token("VIEWER");
    Res ld =
        call(
            HttpRequest.GET("/api/v1/claims/" + id + "/claimreview").accept("application/ld+json"),
            viewer);
    assertEquals(200, ld.status());
    assertTrue(ld.header("Content-Type").startsWith("application/ld+json"), ld.toString());
    Res r =
        call(
            HttpRequest.GET("/api/v1/claims/" + id + "/claimreview").accept("application/json"),
            viewer);
    assertEquals(200, r.status(), r.toString());
    Map<String, Object> cr = r.json();
    assertEquals("ClaimReview", cr.get("@type"));
    assertEquals("https://schema.org", cr.get("@context"));
    assertEquals(body.get("statement"), cr.get("claimReviewed"));
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
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) cr.get("itemReviewed");
    assertEquals("Claim", item.get("@type"));
    assertEquals(
        Map.of("@type", "Person", "name", "Jim Covello, Goldman Sachs"), item.get("author"));
    assertEquals("2024-07-27", item.get("datePublished"));
    @SuppressWarnings("unchecked")
    Map<String, Object> appearance = (Map<String, Object>) item.get("appearance");
    assertEquals("CreativeWork", appearance.get("@type"));
    assertEquals("600 days after ChatGPT", appearance.get("headline"));
    assertEquals(
        Map.of("@type", "Organization", "name", "Example Times"), appearance.get("publisher"));
  }
}
