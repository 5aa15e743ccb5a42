package org.claimwatch.recheck;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled re-check jobs. Every instance schedules them; a lease in the database lets one run
 * each at a time, and each is one set-based statement whose unique keys make a second run (or a
 * second instance) add nothing.
 */
@Singleton
@Requires(property = "claimwatch.jobs.enabled", notEquals = "false")
public class RecheckJobs {
  private static final Logger LOG = LoggerFactory.getLogger(RecheckJobs.class);

  private final JdbcOperations jdbc;
  private final JobLeases leases;
  private final RecheckConfig config;
  private final FlagEvents events;
  private final Clock clock;

  RecheckJobs(
      JdbcOperations jdbc, JobLeases leases, RecheckConfig config, FlagEvents events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.leases = leases;
    this.config = config;
    this.clock = clock;
  }

  /** FORECAST claims whose {@code resolvesOn} has come: flagged FORECAST_DUE, once. */
  @Scheduled(
      fixedDelay = "${claimwatch.rechecks.forecasts-interval:15m}",
      initialDelay = "${claimwatch.rechecks.initial-delay:30s}")
  void forecastsDue() {
    run("forecasts-due", config.forecastsInterval(), this::flagForecastsDue);
  }

  /** Verdicts older than {@code stale-after} with newer figures since: flagged STALE. */
  @Scheduled(
      fixedDelay = "${claimwatch.rechecks.stale-interval:1h}",
      initialDelay = "${claimwatch.rechecks.initial-delay:30s}")
  void staleVerdicts() {
    run("stale-verdicts", config.staleInterval(), this::flagStale);
  }

  @Transactional
  public int flagForecastsDue() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return flag(RecheckPlanner.FORECASTS_DUE, "FORECAST_DUE", today);
  }

  @Transactional
  public int flagStale() {
    return flag(
        RecheckPlanner.STALE,
        "STALE",
        LocalDateTime.ofInstant(clock.instant().minus(config.staleAfter()), ZoneOffset.UTC));
  }

  /** Runs one of the flagging statements and announces the flags it raised. */
  private int flag(String sql, String reason, Object cutoff) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    long mark = events.mark();
    int flagged = JdbcRows.update(jdbc, sql, now, cutoff);
    if (flagged > 0) {
      events.announceReason(mark, now, reason);
    }
    return flagged;
  }

  /** Runs the job if this instance gets its lease, and logs the flags it added. */
  private void run(String job, java.time.Duration interval, java.util.function.IntSupplier work) {
    leases.runLeased(
        job,
        interval,
        () -> {
          int flagged = work.getAsInt();
          if (flagged > 0) {
            LOG.info("{}: flagged {} claims", job, flagged);
          }
        });
  }
}
