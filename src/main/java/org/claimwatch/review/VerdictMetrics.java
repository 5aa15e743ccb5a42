package org.claimwatch.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimStatus;

/**
 * {@code claimwatch_verdicts_total{status, state}}: verdicts recorded, by the status they give and
 * whether they were published at once, proposed (two-person review) or approved. Counted after the
 * transaction commits, so a verdict rolled back is not counted. Every series exists from the start.
 */
@Singleton
class VerdictMetrics {
  /** A verdict's transaction wrote it; counted when it commits. */
  record Recorded(ClaimStatus status, String state) {}

  static final String PUBLISHED = "published";
  static final String PROPOSED = "proposed";
  static final String APPROVED = "approved";

  private final ApplicationEventPublisher<Recorded> events;
  private final Map<String, Counter> counters = new HashMap<>();

  VerdictMetrics(ApplicationEventPublisher<Recorded> events, MeterRegistry meters) {
    this.events = events;
    for (ClaimStatus status : ClaimStatus.values()) {
      if (!status.isVerdict()) {
        continue;
      }
      for (String state : List.of(PUBLISHED, PROPOSED, APPROVED)) {
        counters.put(
            status.name() + state,
            Counter.builder("claimwatch.verdicts")
                .description(
                    "Verdicts recorded, by status and by how (published, proposed, approved)")
                .tags("status", status.name(), "state", state)
                .register(meters));
      }
    }
  }

  /** In the verdict's transaction: counts it once the transaction commits. */
  void recorded(ClaimStatus status, String state) {
    events.publishEvent(new Recorded(status, state));
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void onCommit(Recorded r) {
    Counter c = counters.get(r.status().name() + r.state());
    if (c != null) {
      c.increment();
    }
  }
}
