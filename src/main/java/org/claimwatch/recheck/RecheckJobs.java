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

  static final String FORECASTS_DUE =
      "INSERT IGNORE INTO rechecks (claim_id, reason, claimed_value, claimed_value_high,"
          + " claimed_qualifier, claimed_unit, metric, outcome, note, created_by, created_at,"
          + " open_slot, dedupe_key, priority, claim_version, entity_id)"
          + " SELECT c.id, 'FORECAST_DUE', c.value, c.value_high, c.qualifier, c.unit, c.metric,"
          + " 'INCONCLUSIVE', CONCAT('The forecast could be judged from ', c.resolves_on,"
          + " ': check it against what happened.'), 'claimwatch', ?, 'FORECAST_DUE', 'due',"
          + " c.priority, c.version, c.entity_id"
          + " FROM claims c WHERE c.kind = 'FORECAST' AND c.resolves_on <= ?";

  static final String STALE =
      "INSERT IGNORE INTO rechecks (claim_id, reason, claimed_value, claimed_value_high,"
          + " claimed_qualifier, claimed_unit, metric, outcome, note, created_by, created_at,"
          + " open_slot, dedupe_key, priority, claim_version, entity_id)"
          + " SELECT c.id, 'STALE', c.value, c.value_high, c.qualifier, c.unit, c.metric,"
          + " 'INCONCLUSIVE', CONCAT('The verdict of ', DATE(c.last_verdict_at),"
          + " ' predates newer figures: check it again.'), 'claimwatch', ?, 'STALE',"
          + " CONCAT('stale:', DATE_FORMAT(c.last_verdict_at, '%Y%m%d%H%i%s')), c.priority,"
          + " c.version, c.entity_id"
          + " FROM claims c WHERE c.last_verdict_at < ?"
          + " AND EXISTS (SELECT 1 FROM figures f WHERE f.entity_id = c.entity_id"
          + " AND f.metric = c.metric AND f.filed_on > DATE(c.last_verdict_at))";

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
    return flag(FORECASTS_DUE, "FORECAST_DUE", today);
  }

  @Transactional
  public int flagStale() {
    return flag(
        STALE,
        "STALE",
        LocalDateTime.ofInstant(clock.instant().minus(config.staleAfter()), ZoneOffset.UTC));
  }

  /** Runs one of the flagging statements and announces the flags it raised. */
  private int flag(String sql, String reason, Object cutoff) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    long mark = events.mark();
    int flagged =
        jdbc.prepareStatement(
            sql,
            ps -> {
              ps.setObject(1, now);
              ps.setObject(2, cutoff);
              return ps.executeUpdate();
            });
    if (flagged > 0) {
      events.announceReason(mark, now, reason);
    }
    return flagged;
  }

  /** Runs the job if this instance gets its lease; returns the flags added, or -1 if not run. */
  int run(String job, java.time.Duration interval, java.util.function.IntSupplier work) {
    if (!leases.tryAcquire(job, interval)) {
      return -1;
    }
    int flagged = work.getAsInt();
    if (flagged > 0) {
      LOG.info("{}: flagged {} claims", job, flagged);
    }
    return flagged;
  }
}
