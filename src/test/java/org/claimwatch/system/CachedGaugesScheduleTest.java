package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Receiver;
import org.junit.jupiter.api.Test;

/** With a refresh interval set, the gauges are counted on their own schedule after start-up. */
@MicronautTest(transactional = false)
class CachedGaugesScheduleTest extends ApiTest {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.metrics.refresh-interval", "1s");
    p.put("claimwatch.metrics.initial-delay", "0s");
    return p;
  }

  @Test
  void the_gauges_are_counted_without_being_asked() {
    Receiver.await(
        Duration.ofSeconds(60),
        "the scheduled count",
        () -> scrape().contains("claimwatch_rechecks_open{reason=\"NEW_FILING\"}"));
    String text = scrape();
    for (String series :
        new String[] {
          "claimwatch_queue_depth{queue=\"unreviewed\"}",
          "claimwatch_claims_held ",
          "claimwatch_webhooks_outbox{state=\"dead\"}",
          "claimwatch_import_jobs{state=\"queued\"}"
        }) {
      assertTrue(text.contains(series), series);
    }
  }

  private String scrape() {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_TOKEN), String.class);
  }
}
