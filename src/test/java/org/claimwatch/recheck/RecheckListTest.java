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

  private static List<String> states(Res page) {
    return page.items().stream()
        .map(r -> r.get("resolvedAt") == null ? "OPEN" : "RESOLVED")
        .toList();
  }
}
