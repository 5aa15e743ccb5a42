package org.claimwatch.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock: everything that reads the time takes it from here, so tests can set it. It ticks
 * in whole seconds because DATETIME columns keep whole seconds: a time the API returns is exactly
 * the time stored.
 */
@Factory
public class ClockFactory {
  @Singleton
  Clock clock() {
    return Clock.tickSeconds(java.time.ZoneOffset.UTC);
  }
}
