package org.claimwatch.webhook;

import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/**
 * The webhook feature's gauges: the outbox's deliveries by state (pending, failing, dead, paused).
 */
@Singleton
class WebhookGauges implements CachedGauges.Source {
  private final DeliveryStore store;

  WebhookGauges(DeliveryStore store) {
    this.store = store;
  }

  @Override
  public void count(CachedGauges.Readings readings) {
    store
        .outbox()
        .forEach(
            (state, n) ->
                readings.set(
                    "claimwatch.webhooks.outbox",
                    "Webhook deliveries by state: pending (not tried yet), failing (a retry to"
                        + " come), dead (given up), paused (subscription disabled), database-wide",
                    n,
                    "state",
                    state));
  }
}
