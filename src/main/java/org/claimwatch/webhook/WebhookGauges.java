package org.claimwatch.webhook;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.claimwatch.system.CachedGauges;

/**
 * The webhook feature's gauges: the outbox's deliveries by state (pending, failing, dead, paused).
 */
@Factory
class WebhookGauges {
  @Singleton
  CachedGauges.Source outbox(DeliveryStore store) {
    return readings ->
        readings.setEach(
            "claimwatch.webhooks.outbox",
            "Webhook deliveries by state: pending (not tried yet), failing (a retry to come), dead"
                + " (given up), paused (subscription disabled), database-wide",
            store.outbox(),
            "state",
            Function.identity());
  }
}
