package org.claimwatch.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/**
 * Query parameters of the queues. {@code language} matches the tag and its regional forms ("en"
 * matches "en-GB"); {@code status} narrows a queue to claims of that status (e.g. re-check flags on
 * ACCURATE claims); {@code check} to claims whose check has that outcome (NONE: no check).
 */
@Introspected
public record QueueFilter(
    @Nullable @QueryValue Long entityId,
    @Nullable @QueryValue String metric,
    @Nullable @QueryValue String language,
    @Nullable @QueryValue String status,
    @Nullable @QueryValue String check,
    @Nullable @QueryValue String cursor,
    @Nullable @QueryValue Integer limit) {

  /** No filter at all. */
  public static QueueFilter none() {
    return new QueueFilter(null, null, null, null, null, null, null);
  }

  QueueFilter after(String nextCursor, int pageSize) {
    return new QueueFilter(entityId, metric, language, status, check, nextCursor, pageSize);
  }
}
