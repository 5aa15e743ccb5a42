package org.claimwatch.webhook;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.claimwatch.system.MinuteCounts;
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
  private final MinuteCounts uses;

  OperatorLimits(Clock clock) {
    this.uses = new MinuteCounts(100_000, clock);
  }

  /** Counts one {@code what} ("replay", "test") on the subscription; 429 past the limit. */
  void take(String what, long subscriptionId) {
    if (uses.add(what + ":" + subscriptionId) > PER_MINUTE) {
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
