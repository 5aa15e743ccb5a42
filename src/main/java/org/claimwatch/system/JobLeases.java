package org.claimwatch.system;

import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one instance of several run a scheduled job at a time: the job's row in {@code job_leases}
 * is taken by moving {@code lease_until} forward only where it has passed, in one UPDATE; the row
 * lock makes that atomic, so two instances never both get it. {@code holder} names the instance
 * running it now; a finished run leaves {@code lease_until} as the time the next run is due.
 */
@Singleton
public class JobLeases {
  private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);
  private final JdbcOperations jdbc;
  private final Transactions transactions;
  private final Clock clock;
  private final String holder;

  public JobLeases(
      JdbcOperations jdbc, Transactions transactions, Clock clock, InstanceName instance) {
    this.holder = instance.value();
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Takes the job for {@code lease} if nobody holds it; true when this instance may run it. */
  @Transactional
  public boolean tryAcquire(String job, Duration lease) {
    Instant now = clock.instant();
    JdbcRows.update(
        jdbc,
        "INSERT IGNORE INTO job_leases (name, holder, lease_until) VALUES (?, NULL, ?)",
        job,
        LocalDateTime.of(1970, 1, 1, 0, 0));
    int taken =
        JdbcRows.update(
            jdbc,
            "UPDATE job_leases SET holder = ?, lease_until = ?, last_run_at = ?"
                + " WHERE name = ? AND lease_until <= ?",
            holder,
            utc(now.plus(lease)),
            utc(now),
            job,
            utc(now));
    return taken == 1;
  }

  /**
   * Runs {@code work} if this instance gets the job for {@code lease} ({@link #tryAcquire}), and
   * gives the job back ({@link #done}) however the run ends; false when another instance holds it.
   */
  public boolean runLeased(String job, Duration lease, Runnable work) {
    if (!tryAcquire(job, lease)) {
      return false;
    }
    try {
      work.run();
    } finally {
      done(job);
    }
    return true;
  }

  /**
   * The run finished: nobody holds the job any more, but {@code lease_until} stays as the time the
   * next run is due (any instance may take it then). A row with a holder is a run going on now.
   */
  @Transactional
  public void done(String job) {
    JdbcRows.update(
        jdbc, "UPDATE job_leases SET holder = NULL WHERE name = ? AND holder = ?", job, holder);
  }

  /**
   * At shutdown: the jobs this instance is still running are given back, due now, so another
   * instance takes them up at once instead of waiting for the lease to run out.
   */
  @PreDestroy
  public void releaseHeld() {
    int released =
        transactions.writeAlone(
            () ->
                JdbcRows.update(
                    jdbc,
                    "UPDATE job_leases SET holder = NULL, lease_until = ? WHERE holder = ?",
                    utc(clock.instant()),
                    holder));
    if (released > 0) {
      LOG.info("shutdown: gave back {} running job(s)", released);
    }
  }
}
