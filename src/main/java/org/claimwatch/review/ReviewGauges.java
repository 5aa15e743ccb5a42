package org.claimwatch.review;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The review feature's gauges: the length of each shared queue, as the API counts it. */
@Factory
class ReviewGauges {
  /** The queue lengths' gauge, one series per shared queue, tagged {@link #QUEUE_TAG}. */
  static final String DEPTH = "claimwatch.queue.depth";

  static final String QUEUE_TAG = "queue";

  @Singleton
  CachedGauges.Source depths(QueueService queues) {
    return readings ->
        readings.setEach(
            DEPTH,
            "Claims waiting in a review queue (as GET /api/v1/queue counts them), database-wide",
            queues.depths(),
            QUEUE_TAG,
            Queue::path);
  }
}
