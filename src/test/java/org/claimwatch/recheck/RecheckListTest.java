package org.claimwatch.recheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RecheckListTest extends ApiTest {

  @Test
  void a_claim_moved_to_another_entity_takes_its_flags_resolved_ones_too() {
    long before = company("Flags Before " + unique(), null);
    long after = company("Flags After " + unique(), null);
    long claim = q1RevenueClaim(before, "100");
    for (String note : List.of("first look", "second look")) { // the second supersedes the first
      Res flagged = post("/api/v1/claims/" + claim + "/recheck", Map.of("note", note), ADMIN_TOKEN);
      assertEquals(201, flagged.status(), flagged.toString());
    }
    Res moved =
        patch(
            "/api/v1/claims/" + claim,
            Map.of("entityId", after),
            get("/api/v1/claims/" + claim, ADMIN_TOKEN).header("ETag"),
            ADMIN_TOKEN);
    assertEquals(200, moved.status(), moved.toString());

    assertEquals(
        List.of("OPEN", "RESOLVED"),
        states(get("/api/v1/rechecks?entityId=" + after, ADMIN_TOKEN)));
    assertEquals(List.of(), states(get("/api/v1/rechecks?entityId=" + before, ADMIN_TOKEN)));
  }

  /** Re-checks of one claim asked for at once take turns: each replaces the last, none fails. */
  @Test
  void manual_rechecks_of_one_claim_at_once_leave_one_open_flag() throws Exception {
    long claim = q1RevenueClaim(company("Flags Race " + unique(), null), "100");
    int callers = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(callers);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < callers; i++) {
        String note = "look " + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(
                          "/api/v1/claims/" + claim + "/recheck", Map.of("note", note), ADMIN_TOKEN)
                      .status();
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> a : answers) {
        assertEquals(201, a.get());
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> all = states(get("/api/v1/rechecks?claimId=" + claim, ADMIN_TOKEN));
    assertEquals(1, all.stream().filter("OPEN"::equals).count(), all.toString());
    assertEquals(callers, all.size(), all.toString());
  }

  private static List<String> states(Res page) {
    return page.items().stream()
        .map(r -> r.get("resolvedAt") == null ? "OPEN" : "RESOLVED")
        .toList();
  }
}
