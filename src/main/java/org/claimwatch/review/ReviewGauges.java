package org.claimwatch.review;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The review feature's gauges: the length of each shared queue, as the API counts it. */
@Factory
class ReviewGauges {
  @Singleton
  CachedGauges.Source depths(QueueService queues) {
    return readings ->
        readings.setEach(
            "claimwatch.queue.depth",
            "Claims waiting in a review queue (as GET /api/v1/queue counts them), database-wide",
            queues.depths(),
            "queue",
            Queue::path);
  }
}
