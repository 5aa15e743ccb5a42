package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database share the deliveries: every delivery is sent once, and both
 * instances send some.
 */
@MicronautTest(transactional = false)
class WebhookTwoInstancesTest extends WebhookTest {
  @Inject MeterRegistry meters;

  @Test
  void two_instances_send_every_delivery_once() {
    // A receiver that takes a little while, so the work outlasts one instance's first round.
    receiver.answer("/shared", q -> new Answer(200, Map.of(), "ok", Duration.ofMillis(20)));
    subscribe("/shared", List.of("claim.created"));
    Map<String, Object> props = new HashMap<>(getProperties());
    props.put("micronaut.server.port", "-1");
    try (ApplicationContext second = ApplicationContext.run(props)) {
      MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
      double before1 = delivered(meters);
      double before2 = delivered(secondMeters);
      long entity = company("Twin Co", null);
      int n = 0;
      for (int b = 0; b < 4; b++) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          batch.add(
              ClaimBuilder.about(entity)
                  .value(String.valueOf(i))
                  .period("2024-01-01", "2024-03-31")
                  .statedAt("2024-05-01T00:00:00Z")
                  .toMap());
        }
        Res r = post("/api/v1/claims/batch", Map.of("claims", batch), ADMIN_TOKEN);
        assertEquals(201, r.status(), r::toString);
        n += batch.size();
      }
      int expected = n;
      Receiver.await(
          Duration.ofSeconds(60), expected + " deliveries", () -> created().size() >= expected);
      List<String> ids = created();
      Set<String> distinct = new HashSet<>(ids);
      assertEquals(ids.size(), distinct.size(), "a delivery was sent twice");
      assertEquals(expected, distinct.size());
      // The receiver records a request before it answers; the counters follow the answers.
      Receiver.await(
          Duration.ofSeconds(30),
          "answers counted",
          () -> delivered(meters) - before1 + delivered(secondMeters) - before2 >= expected);
      double first = delivered(meters) - before1;
      double other = delivered(secondMeters) - before2;
      assertEquals(expected, first + other, 0.1);
      assertTrue(first > 0 && other > 0, "one instance did it all: " + first + " / " + other);
    }
  }

  private List<String> created() {
    List<String> ids = new ArrayList<>();
    for (Receiver.Request r : receiver.at("/shared")) {
      ids.add(r.header("webhook-id"));
    }
    return ids;
  }

  private static double delivered(MeterRegistry registry) {
    var c = registry.find("claimwatch.webhooks.deliveries").tag("outcome", "delivered").counter();
    return c == null ? 0 : c.count();
  }
}
