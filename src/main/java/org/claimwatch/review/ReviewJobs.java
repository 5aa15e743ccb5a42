package org.claimwatch.review;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.claimwatch.claim.ClaimWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns claims whose review lease ran out to their queues. Every instance runs it; expired rows
 * are locked with SKIP LOCKED, so two instances never return the same claim twice.
 */
@Singleton
@Requires(property = "claimwatch.jobs.enabled", notEquals = "false")
public class ReviewJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewJobs.class);
  private static final int BATCH = 500;

  private final ClaimWork work;
  private final Clock clock;

  ReviewJobs(ClaimWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelay = "${claimwatch.review.lease-check-interval:1m}",
      initialDelay = "${claimwatch.rechecks.initial-delay:30s}")
  void expireLeases() {
    int total = 0;
    int n;
    do {
      n = releaseExpired();
      total += n;
    } while (n == BATCH);
    if (total > 0) {
      LOG.info("expired leases: returned {} claims to their queues", total);
    }
  }

  /** One batch, in its own transaction; returns how many claims went back. */
  @Transactional
  public int releaseExpired() {
    return work.releaseExpired(clock.instant(), BATCH);
  }
}
