package org.claimwatch.webhook;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** {@code /health} shows the webhook dispatcher: running or not, its queue and its last error. */
@Singleton
class DispatcherHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final Dispatcher dispatcher;

  DispatcherHealth(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = dispatcher.healthy() ? HealthStatus.UP : HealthStatus.DOWN;
    return dispatcher.health();
  }

  @Override
  protected String getName() {
    return "webhookDispatcher";
  }
}
