package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.support.SettableClock;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Sql;
import org.claimwatch.system.Transactions;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/queue answers every caller from one exact count for up to {@code
 * claimwatch.review.counts-max-age} (15 s), so asking often costs the database nothing more:
 * without a filter, and with each filter; {@code mine} is counted on the spot. Another instance's
 * count for the gauges serves as well while it is that young. Time moves by the test's clock.
 */
@MicronautTest(transactional = false)
class QueueCountsMaxAgeTest extends ReviewTest {
  @Inject SettableClock clock;
  @Inject JdbcOperations jdbc;
  @Inject Transactions transactions;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.test.settable-clock", "true");
    return p;
  }

  @Test
  void unfiltered_lengths_are_counted_once_per_max_age_mine_every_time() {
    Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
    clock.set(t0);
    Map<String, Long> first = counts(Map.of());

    long entity = company("Max Age Co", null);
    long fresh = claimAbout(entity, 50, "en");
    clock.set(t0.plusSeconds(14));
    Map<String, Long> cached = counts(Map.of());
    assertEquals(first.get("unreviewed"), cached.get("unreviewed"), "the count of 14 s ago");
    assertEquals(1L, counts(Map.of("entityId", entity)).get("unreviewed"), "filtered: counted now");

    assertEquals(201, take(fresh, ADMIN_TOKEN).status());
    assertEquals(first.get("mine") + 1, counts(Map.of()).get("mine"), "mine: counted now");

    clock.set(t0.plusSeconds(15));
    Map<String, Long> recounted = counts(Map.of());
    assertEquals(first.get("unreviewed"), recounted.get("unreviewed"), "taken again since");
    long another = claimAbout(entity, 60, "en");
    clock.set(t0.plusSeconds(29));
    assertEquals(recounted.get("unreviewed"), counts(Map.of()).get("unreviewed"));
    clock.set(t0.plusSeconds(30));
    assertEquals(recounted.get("unreviewed") + 1, counts(Map.of()).get("unreviewed"), "" + another);
  }

  @Test
  void a_filtered_count_is_kept_for_the_max_age_too() {
    Instant t0 = Instant.parse("2025-04-01T10:00:00Z");
    clock.set(t0);
    long entity = company("Filtered Age Co", null);
    claimAbout(entity, 50, "en");
    Map<String, Object> byEntity = Map.of("entityId", entity);
    assertEquals(1L, counts(byEntity).get("unreviewed"));

    claimAbout(entity, 60, "de");
    clock.set(t0.plusSeconds(14));
    assertEquals(1L, counts(byEntity).get("unreviewed"), "the count of 14 s ago");
    assertEquals(
        1L,
        counts(Map.of("entityId", entity, "language", "de")).get("unreviewed"),
        "another filter: counted now");
    clock.set(t0.plusSeconds(15));
    assertEquals(2L, counts(byEntity).get("unreviewed"), "15 s old: counted anew");
  }

  @Test
  void callers_arriving_together_when_the_count_is_old_all_get_the_same_answer() throws Exception {
    clock.set(Instant.parse("2025-06-01T10:00:00Z"));
    counts(Map.of());
    claimAbout(company("Together Co", null), 50, "en");
    clock.set(Instant.parse("2025-06-01T10:01:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<Map<String, Long>>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        answers.add(pool.submit(() -> counts(Map.of())));
      }
      Map<String, Long> first = answers.get(0).get();
      for (Future<Map<String, Long>> answer : answers) {
        assertEquals(first, answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Several instances: the one that holds the gauges' lease counts the queue lengths for the gauges
   * and writes them to gauge_readings; another instance answers an unfiltered GET /api/v1/queue
   * with that count while it is younger than the maximum age, and counts for itself only after.
   */
  @Test
  void another_instances_gauge_count_answers_while_younger_than_the_max_age() {
    Instant t0 = Instant.parse("2025-09-01T10:00:00Z");
    clock.set(t0);
    // As CachedGauges writes the series counted 5 s ago by the instance holding the lease.
    Map<String, Long> written = writeGaugeCount(t0.minusSeconds(5), Queue.MINE);
    try {
      Map<String, Long> shared = counts(Map.of());
      shared.remove("mine");
      assertEquals(written, shared, "the other instance's count, not one of its own");
      clock.set(t0.plusSeconds(9));
      assertEquals(900_001L, counts(Map.of()).get("unreviewed"), "14 s old: still answers");

      clock.set(t0.plusSeconds(10));
      Map<String, Long> own = counts(Map.of());
      for (long v : written.values()) {
        assertFalse(own.containsValue(v), "15 s old: counted anew, " + own);
      }
    } finally {
      forgetGaugeCount();
    }
  }

  /**
   * A gauge count is used only whole and within the maximum age: not with a shared queue missing,
   * nor with one series counted "in the future" (this instance's clock behind the writer's).
   */
  @Test
  void a_gauge_count_missing_a_queue_or_partly_from_the_future_is_not_used() {
    Instant t1 = Instant.parse("2025-10-01T10:00:00Z");
    clock.set(t1);
    try {
      Map<String, Long> partial = writeGaugeCount(t1.minusSeconds(5), Queue.MINE, Queue.OUTDATED);
      Map<String, Long> own = counts(Map.of());
      partial.values().forEach(v -> assertFalse(own.containsValue(v), "a queue missing: " + own));

      Instant t2 = Instant.parse("2025-11-01T10:00:00Z");
      clock.set(t2);
      Map<String, Long> mixed = writeGaugeCount(t2.minusSeconds(5), Queue.MINE);
      writeSeries(Queue.UNREVIEWED, 900_001, t2.plusSeconds(60));
      Map<String, Long> again = counts(Map.of());
      mixed.values().forEach(v -> assertFalse(again.containsValue(v), "one ahead: " + again));
    } finally {
      forgetGaugeCount();
    }
  }

  /**
   * Writes a count of every shared queue but {@code leftOut} to gauge_readings in place of any
   * there, as the instance counting the gauges does, with values no real count has (900,001 on).
   */
  private Map<String, Long> writeGaugeCount(Instant countedAt, Queue... leftOut) {
    transactions.write(
        () ->
            JdbcRows.update(jdbc, "DELETE FROM gauge_readings WHERE name = ?", ReviewGauges.DEPTH));
    Map<String, Long> written = new HashMap<>();
    long value = 900_001;
    for (Queue q : Queue.values()) {
      if (!List.of(leftOut).contains(q)) {
        written.put(q.path(), value);
        writeSeries(q, value++, countedAt);
      }
    }
    return written;
  }

  private void writeSeries(Queue q, long value, Instant countedAt) {
    String tags = ReviewGauges.QUEUE_TAG + "=" + q.path();
    transactions.write(
        () ->
            JdbcRows.update(
                jdbc,
                "REPLACE INTO gauge_readings (series, name, tags, description, value, counted_at)"
                    + " VALUES (?, ?, ?, 'test', ?, ?)",
                ReviewGauges.DEPTH + "{" + tags + "}",
                ReviewGauges.DEPTH,
                tags,
                value,
                Sql.utc(countedAt)));
  }

  private void forgetGaugeCount() {
    transactions.write(
        () ->
            JdbcRows.update(
                jdbc,
                "DELETE FROM gauge_readings WHERE name = ? AND description = 'test'",
                ReviewGauges.DEPTH));
  }

  private Map<String, Long> counts(Map<String, ?> query) {
    List<QueueCount> list = review.counts(ADMIN_TOKEN, query).body();
    Map<String, Long> out = new HashMap<>();
    list.forEach(c -> out.put(c.name(), c.count()));
    return out;
  }
}
