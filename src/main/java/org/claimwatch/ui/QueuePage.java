package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.review.QueueFilter;

/**
 * {@code queue.html}: one queue's page of claims, the sizes of all queues, and the filter as the
 * checker set it ({@code message} says what was not understood, or that nothing waits).
 */
@Introspected
record QueuePage(
    Layout layout,
    String queue,
    List<Tab> counts,
    List<ClaimView> rows,
    String nextCursor,
    Filter filter,
    List<String> checkOutcomes,
    List<String> allStatuses,
    String message) {

  /** A queue's link with its size as shown ("1,000+" past the cap). */
  record Tab(String name, String label) {}

  /** The filter's fields as the form shows them: {@code entity} is the entity's name. */
  record Filter(
      Long entityId, String entity, String metric, String language, String status, String check) {

    static Filter of(QueueFilter f, String entityName) {
      return new Filter(f.entityId(), entityName, f.metric(), f.language(), f.status(), f.check());
    }
  }
}
