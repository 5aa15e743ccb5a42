package org.claimwatch.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the configured schedule (5 s, 5 min, 30 min, ... about three
 * days in all), each wait varied by the jitter so a receiver coming back is not hit by every retry
 * at once. A receiver's {@code Retry-After} on 429 or 503 takes the place of the schedule's wait.
 */
final class Backoff {
  /** Longest wait a Retry-After may ask for; a longer one is taken as this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

  private final List<Duration> schedule;
  private final double jitter;
  private final RandomGenerator random;

  Backoff(List<Duration> schedule, double jitter, RandomGenerator random) {
    this.schedule = List.copyOf(schedule);
    this.jitter = jitter;
    this.random = random;
  }

  /**
   * The wait after attempt number {@code attempt} (1 = the first) failed, or empty when the
   * schedule is used up and the delivery has failed for good.
   */
  Optional<Duration> after(int attempt, Duration retryAfter) {
    if (attempt < 1 || attempt > schedule.size()) {
      return Optional.empty();
    }
    if (retryAfter != null) {
      return Optional.of(clamp(retryAfter));
    }
    Duration base = schedule.get(attempt - 1);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor))));
  }

  /**
   * A {@code Retry-After} value: delay-seconds or an HTTP-date; null when absent or unreadable (the
   * schedule then applies).
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static Duration clamp(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return Duration.ofSeconds(1);
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }
}
