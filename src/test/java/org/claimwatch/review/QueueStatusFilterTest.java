package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Queues narrowed to one claim status (API and reviewer pages share the filter). */
@MicronautTest(transactional = false)
class QueueStatusFilterTest extends ApiTest {
  @Test
  void the_rechecks_queue_can_be_narrowed_to_a_status() {
    long entity = company("Status Co", null);
    long claimId = q1RevenueClaim(entity, "10");
    Res flagged = post("/api/v1/claims/" + claimId + "/recheck", Map.of(), ADMIN_TOKEN);
    assertEquals(201, flagged.status(), flagged::toString);
    String viewer = token("VIEWER");
    assertTrue(
        ids(get("/api/v1/queue/rechecks?entityId=" + entity + "&status=UNVERIFIED", viewer))
            .contains(claimId));
    assertTrue(
        !ids(get("/api/v1/queue/rechecks?entityId=" + entity + "&status=ACCURATE", viewer))
            .contains(claimId));
    Res bad = get("/api/v1/queue/rechecks?status=SORT_OF", viewer);
    assertEquals(400, bad.status());
    assertEquals(java.util.List.of("status"), fields(bad));
  }

  private static java.util.List<Long> ids(Res r) {
    assertEquals(200, r.status(), r::toString);
    return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }
}
