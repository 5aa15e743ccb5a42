package org.claimwatch.review;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * Review over time, with the service's clock set by the test: a verdict, a newer filing that
 * contradicts it, and the re-check; leases running out. Time moves by {@link SettableClock}, never
 * by sleeping.
 */
@MicronautTest(transactional = false)
class ReviewStoryTest extends ReviewTest {
  @Inject SettableClock clock;
  @Inject ReviewJobs jobs;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new java.util.HashMap<>(super.getProperties());
    p.put("claimwatch.test.settable-clock", "true");
    return p;
  }

  @Test
  void a_verdict_a_contradicting_filing_and_the_recheck_read_as_one_story() {
    clock.set(Instant.parse("2024-04-02T09:00:00Z"));
    long e = company("Story Co", null);
    // Judged on each quarter of H1 2024 (about: ±10%): Q1 101M is within; Q2, filed after the first
    // verdict, 60M (-40%) is news that contradicts it.
    long id =
        claim(
            about(e)
                .statement("Story Co makes about $100 million a quarter this half " + unique())
                .value("100000000")
                .approx()
                .perQuarter("2024-01-01", "2024-06-30")
                .statedAt("2024-04-01"));
    String alice = token("CHECKER");
    String bob = token("CHECKER");

    clock.set(Instant.parse("2024-04-27T09:00:00Z"));
    long q1 = revenueFact(e, "10-Q", "2024-04-26", "101000000", "2024-01-01", "2024-03-31");
    Res flagged = claimRes(id);
    @SuppressWarnings("unchecked")
    Map<String, Object> flag = (Map<String, Object>) flagged.json().get("openRecheck");
    assertEquals("SUPPORTS", ((Map<?, ?>) flag.get("comparison")).get("outcome"));
    assertEquals(q1, ((Number) flag.get("factId")).longValue());

    clock.set(Instant.parse("2024-05-02T10:00:00Z"));
    Res taken = post("/api/v1/queue/rechecks/next?entityId=" + e, Map.of(), alice);
    assertEquals(200, taken.status(), taken.toString());
    assertEquals(id, ((Number) taken.json().get("id")).longValue());
    Res first =
        verdict(
            id,
            taken.header("ETag"),
            verdictBody(
                "ACCURATE",
                "Q1 revenue was $101 million.",
                List.of(Map.of("factId", q1, "note", "Q1 10-Q"))),
            alice);
    assertEquals(201, first.status(), first.toString());
    assertNull(claimRes(id).json().get("openRecheck"), "the verdict resolved the flag");
    Res resolved = get("/api/v1/rechecks?claimId=" + id, ADMIN_TOKEN);
    assertNotNull(resolved.items().get(0).get("resolvedAt"));

    clock.set(Instant.parse("2024-07-25T08:00:00Z"));
    revenueFact(e, "10-Q", "2024-07-24", "60000000", "2024-04-01", "2024-06-30");
    List<Long> rechecks = ids(get("/api/v1/queue/rechecks?entityId=" + e, bob));
    assertEquals(List.of(id), rechecks);
    assertEquals(
        "ACCURATE", claimRes(id).json().get("status"), "keeps its verdict until re-checked");

    Res again = post("/api/v1/claims/" + id + "/assignment", Map.of(), bob);
    assertEquals(201, again.status(), again.toString());
    long q2 = revenueFact(e, "10-Q", "2024-07-24", "60000000", "2024-04-01", "2024-06-30");
    Res second =
        verdict(
            id,
            again.header("ETag"),
            verdictBody(
                "INACCURATE",
                "Q2 revenue fell to $60 million.",
                List.of(Map.of("factId", q2, "note", "Q2 10-Q"))),
            bob);
    assertEquals(201, second.status(), second.toString());

    List<String> story = summaries(id);
    String aliceName = holder(taken);
    String bobName = holder(again);
    assertEquals(
        List.of(
            "created",
            "flagged NEW_FILING (10-Q filed 2024-04-26): SUPPORTS",
            "taken by " + aliceName,
            "ACCURATE as of 10-Q filed 2024-04-26",
            "flagged NEW_FILING (10-Q filed 2024-07-24): CONTRADICTS",
            "taken by " + bobName,
            "INACCURATE as of 10-Q filed 2024-07-24"),
        story);
    Res verdicts = get("/api/v1/claims/" + id + "/verdicts", ADMIN_TOKEN);
    assertEquals(
        List.of("ACCURATE", "INACCURATE"),
        verdicts.list().stream().map(v -> v.get("status")).toList());
  }

  @Test
  void an_expired_lease_returns_the_claim_to_its_queue() {
    clock.set(Instant.parse("2024-06-01T12:00:00Z"));
    long e = company("Expiry Co", null);
    long id = claimAbout(e, 50, "en");
    String alice = token("CHECKER");
    String bob = token("CHECKER");
    Res taken = take(id, alice);
    assertEquals(201, taken.status());

    clock.advance(Duration.ofMinutes(29));
    jobs.releaseExpired();
    assertEquals(409, take(id, bob).status(), "29 minutes in, alice still holds it");

    clock.advance(Duration.ofMinutes(2));
    assertTrue(jobs.releaseExpired() >= 1);
    Res back = claimRes(id);
    assertEquals("UNVERIFIED", back.json().get("status"));
    assertNull(back.json().get("assignment"));
    assertEquals(List.of(id), ids(get("/api/v1/queue/unreviewed?entityId=" + e, bob)));
    assertEquals(
        "lease of " + holder(taken) + " ran out; back to UNVERIFIED", summaries(id).get(2));

    Res late =
        verdict(id, taken.header("ETag"), verdictBody("MISLEADING", "too late", List.of()), alice);
    assertEquals(412, late.status(), "the claim moved on when the lease ran out: " + late);
  }

  @Test
  void a_lapsed_lease_can_be_taken_over_before_the_job_runs() {
    clock.set(Instant.parse("2024-06-02T12:00:00Z"));
    long e = company("Takeover Co", null);
    long id = claimAbout(e, 50, "en");
    String alice = token("CHECKER");
    String bob = token("CHECKER");
    assertEquals(201, take(id, alice).status());
    clock.advance(Duration.ofMinutes(31));
    Res r = take(id, bob);
    assertEquals(201, r.status(), r.toString());
    assertEquals("IN_REVIEW", r.json().get("status"));
    assertEquals(403, release(id, alice).status());
    assertEquals(204, release(id, bob).status());
    assertEquals("UNVERIFIED", claimRes(id).json().get("status"), "back to where it was first");
  }

  @Test
  void two_instances_returning_expired_leases_at_once_return_each_claim_once() throws Exception {
    clock.set(Instant.parse("2024-06-03T12:00:00Z"));
    long e = company("Two Instances Co", null);
    String alice = token("CHECKER");
    List<Long> claims = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long id = claimAbout(e, 50, "en");
      assertEquals(201, take(id, alice).status());
      claims.add(id);
    }
    clock.advance(Duration.ofHours(1));
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<Integer> run =
          () -> {
            start.await();
            return jobs.releaseExpired();
          };
      var one = pool.submit(run);
      var two = pool.submit(run);
      assertTrue(one.get() + two.get() >= claims.size());
    } finally {
      pool.shutdownNow();
    }
    for (long id : claims) {
      assertEquals("UNVERIFIED", claimRes(id).json().get("status"));
      assertEquals(
          1, summaries(id).stream().filter(s -> s.startsWith("lease of ")).count(), "claim " + id);
    }
  }
}
