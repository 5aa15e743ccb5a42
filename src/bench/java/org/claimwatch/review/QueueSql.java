package org.claimwatch.review;

import java.util.List;

/** The queues' production SQL, for the queue benchmark's raw JDBC side. */
public final class QueueSql {
  private QueueSql() {}

  /** SQL and parameters of the first page of {@code queue} with these filters. */
  public static Object[] firstPage(
      String queue, Long entityId, String metric, String language, String actorName, int limit) {
    QueueService.Query q =
        QueueService.pageQuery(
            Queue.of(queue),
            new QueueFilter(entityId, metric, language, null, null, null, null),
            null,
            actorName,
            limit);
    return new Object[] {q.sql(), List.copyOf(q.params())};
  }
}
