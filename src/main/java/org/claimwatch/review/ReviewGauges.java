package org.claimwatch.review;

import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The review feature's gauges: the length of each shared queue, as the API counts it. */
@Singleton
class ReviewGauges implements CachedGauges.Source {
  private final QueueService queues;

  ReviewGauges(QueueService queues) {
    this.queues = queues;
  }

  @Override
  public void count(CachedGauges.Readings readings) {
    queues
        .depths()
        .forEach(
            (queue, depth) ->
                readings.set(
                    "claimwatch.queue.depth",
                    "Claims waiting in a review queue (as GET /api/v1/queue counts them),"
                        + " database-wide",
                    depth,
                    "queue",
                    queue.path()));
  }
}
