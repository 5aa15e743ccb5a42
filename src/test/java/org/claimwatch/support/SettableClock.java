package org.claimwatch.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.claimwatch.system.ClockFactory;

/**
 * A clock tests set and advance instead of sleeping (db-scheduler's SettableClock). It replaces the
 * service's clock in test classes that set {@code claimwatch.test.settable-clock=true}.
 */
public class SettableClock extends Clock {
  private volatile Instant now = Instant.parse("2024-01-01T00:00:00Z");

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Factory
  @Requires(property = "claimwatch.test.settable-clock", value = "true")
  static class Install {
    @Singleton
    @Replaces(value = Clock.class, factory = ClockFactory.class)
    SettableClock clock() {
      return new SettableClock();
    }
  }
}
