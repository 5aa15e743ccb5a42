package org.claimwatch.system;

import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Lets one instance of several run a scheduled job at a time: the job's row in {@code job_leases}
 * is taken by moving {@code lease_until} forward only where it has passed, in one UPDATE; the row
 * lock makes that atomic, so two instances never both get it.
 */
@Singleton
public class JobLeases {
  private final JdbcOperations jdbc;
  private final Clock clock;
  private final String holder;

  public JobLeases(JdbcOperations jdbc, Clock clock, InstanceName instance) {
    this.holder = instance.value();
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Takes the job for {@code lease} if nobody holds it; true when this instance may run it. */
  @Transactional
  public boolean tryAcquire(String job, Duration lease) {
    Instant now = clock.instant();
    jdbc.prepareStatement(
        "INSERT IGNORE INTO job_leases (name, holder, lease_until) VALUES (?, NULL, ?)",
        ps -> {
          ps.setString(1, job);
          ps.setObject(2, LocalDateTime.of(1970, 1, 1, 0, 0));
          return ps.executeUpdate();
        });
    int taken =
        jdbc.prepareStatement(
            "UPDATE job_leases SET holder = ?, lease_until = ?, last_run_at = ?"
                + " WHERE name = ? AND lease_until <= ?",
            ps -> {
              ps.setString(1, holder);
              ps.setObject(2, utc(now.plus(lease)));
              ps.setObject(3, utc(now));
              ps.setString(4, job);
              ps.setObject(5, utc(now));
              return ps.executeUpdate();
            });
    return taken == 1;
  }

  /** Gives the job back early (when its run finished), so the next run need not wait. */
  @Transactional
  public void release(String job) {
    jdbc.prepareStatement(
        "UPDATE job_leases SET lease_until = ? WHERE name = ? AND holder = ?",
        ps -> {
          ps.setObject(1, utc(clock.instant()));
          ps.setString(2, job);
          ps.setString(3, holder);
          return ps.executeUpdate();
        });
  }
}
