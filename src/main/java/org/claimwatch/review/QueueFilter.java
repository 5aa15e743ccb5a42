package org.claimwatch.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/**
 * Query parameters of the queues. {@code language} matches the tag and its regional forms ("en"
 * matches "en-GB").
 */
@Introspected
public record QueueFilter(
    @Nullable @QueryValue Long entityId,
    @Nullable @QueryValue String metric,
    @Nullable @QueryValue String language,
    @Nullable @QueryValue String cursor,
    @Nullable @QueryValue Integer limit) {

  static QueueFilter none() {
    return new QueueFilter(null, null, null, null, null);
  }

  QueueFilter after(String nextCursor, int pageSize) {
    return new QueueFilter(entityId, metric, language, nextCursor, pageSize);
  }
}
