package org.claimwatch.webhook;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.claimwatch.system.ProblemException;

/**
 * What one caller may ask of the webhook machinery: a replay re-sends up to a month of events and a
 * test event is a delivery, so each is limited per subscription ({@value #PER_MINUTE} a minute in
 * this instance), and an owner keeps at most {@value #MAX_SUBSCRIPTIONS} subscriptions.
 */
@Singleton
class OperatorLimits {
  static final int PER_MINUTE = 10;
  static final int MAX_SUBSCRIPTIONS = 25;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private record Window(Instant start, int used) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;

  OperatorLimits(Clock clock) {
    this.clock = clock;
  }

  /** Counts one {@code what} ("replay", "test") on the subscription; 429 past the limit. */
  void take(String what, long subscriptionId) {
    Instant now = clock.instant();
    if (windows.size() > 100_000) {
      windows.clear();
    }
    Window w =
        windows.compute(
            what + ":" + subscriptionId,
            (k, old) ->
                old == null || !old.start().plus(WINDOW).isAfter(now)
                    ? new Window(now, 1)
                    : new Window(old.start(), old.used() + 1));
    if (w.used() > PER_MINUTE) {
      throw new ProblemException(
          HttpStatus.TOO_MANY_REQUESTS,
          "too-many-requests",
          "Too many requests",
          "At most "
              + PER_MINUTE
              + " of "
              + what
              + " a minute for one subscription; try again later",
          List.of());
    }
  }

  /** 409 when the owner already has as many subscriptions as allowed. */
  void requireRoomFor(long subscriptionsOwned) {
    if (subscriptionsOwned >= MAX_SUBSCRIPTIONS) {
      throw ProblemException.conflict(
          "At most " + MAX_SUBSCRIPTIONS + " webhook subscriptions per token; delete one first");
    }
  }
}
