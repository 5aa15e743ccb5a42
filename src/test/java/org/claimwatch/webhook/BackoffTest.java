package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final List<Duration> SCHEDULE =
      List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

  @Test
  void waits_follow_the_schedule_within_the_jitter() {
    Backoff b = new Backoff(SCHEDULE, 0.2, new Random(42));
    for (int round = 0; round < 200; round++) {
      for (int attempt = 1; attempt <= SCHEDULE.size(); attempt++) {
        long ms = b.after(attempt, null).orElseThrow().toMillis();
        long base = SCHEDULE.get(attempt - 1).toMillis();
        assertTrue(ms >= base * 0.8 && ms <= base * 1.2, attempt + ": " + ms);
      }
    }
  }

  @Test
  void jitter_spreads_the_waits() {
    Backoff b = new Backoff(SCHEDULE, 0.2, new Random(7));
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> b.after(2, null).orElseThrow())
            .distinct()
            .count();
    assertTrue(distinct > 10, "only " + distinct + " distinct waits");
  }

  @Test
  void gives_up_after_the_last_wait() {
    Backoff b = new Backoff(SCHEDULE, 0.2, new Random(1));
    assertTrue(b.after(3, null).isPresent());
    assertTrue(b.after(4, null).isEmpty());
    assertTrue(b.after(4, Duration.ofSeconds(10)).isEmpty());
  }

  @Test
  void retry_after_replaces_the_wait_and_is_bounded() {
    Backoff b = new Backoff(SCHEDULE, 0.2, new Random(1));
    assertEquals(Duration.ofSeconds(90), b.after(1, Duration.ofSeconds(90)).orElseThrow());
    assertEquals(Duration.ofSeconds(1), b.after(1, Duration.ZERO).orElseThrow());
    assertEquals(Backoff.MAX_RETRY_AFTER, b.after(1, Duration.ofDays(30)).orElseThrow());
  }

  @Test
  void reads_retry_after_as_seconds_or_http_date() {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    assertEquals(Duration.ofSeconds(120), Backoff.parseRetryAfter("120", now));
    assertEquals(
        Duration.ofMinutes(5), Backoff.parseRetryAfter("Sun, 29 Nov 2026 12:05:00 GMT", now));
    assertEquals(Duration.ZERO, Backoff.parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now));
    assertNull(Backoff.parseRetryAfter("soon", now));
    assertNull(Backoff.parseRetryAfter("-5", now));
    assertNull(Backoff.parseRetryAfter(null, now));
  }
}
