package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.claimwatch.auth.Actor;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gauges' queue lengths are summed over ranges of claim ids, a short statement each; whatever
 * the ranges, the sums are the queues' exact lengths, as GET /api/v1/queue counts them.
 */
@MicronautTest(transactional = false)
class QueueDepthsTest extends ReviewTest {
  @Inject QueueService queues;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 40})
  void summed_over_id_ranges_the_lengths_are_the_exact_counts(int ranges) throws SQLException {
    long entity = company("Depths Co " + ranges, null);
    long waiting = claimAbout(entity, 10, "en");
    long flagged = claimAbout(entity, 20, "en");
    assertEquals(201, claims.recheck(ADMIN_TOKEN, flagged).code());
    long held = claimAbout(entity, 30, "en");
    assertEquals(201, take(held, ADMIN_TOKEN).status());
    long newest = claimAbout(entity, 40, "en");
    assertTrue(
        waiting < held && held < newest, "the newest claim, in a queue, ends the last range");

    long span = idSpan();
    Map<String, Long> summed = new TreeMap<>();
    queues.depths(span / ranges + 1).forEach((q, n) -> summed.put(q.path(), n));

    Map<String, Long> exact = new TreeMap<>();
    for (QueueCount c : queues.countsUpTo(QueueFilter.none(), new Actor("depths", Set.of()), 0)) {
      if (!c.name().equals(Queue.MINE.path())) {
        exact.put(c.name(), c.count());
      }
    }
    assertEquals(exact, summed);
    assertTrue(summed.get("unreviewed") >= 1, summed::toString);
    assertTrue(summed.get("rechecks") >= 1, summed::toString);
  }

  private long idSpan() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
        ResultSet rs =
            c.createStatement().executeQuery("SELECT MAX(id) - MIN(id) + 1 FROM claims")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
