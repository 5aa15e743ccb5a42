package org.claimwatch.report;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.claimwatch.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a migration changed the metric map (V43 mapped earnings per share, pre-tax income and
 * operating cash flow), computes the figures it brings for the facts already stored and flags the
 * claims they bear on, as a PUT of the map would. Soon after start and then now and again, one
 * instance at a time (job lease); with nothing to catch up it reads two small tables.
 */
@Singleton
@Requires(property = "claimwatch.jobs.enabled", notEquals = "false")
class MetricMapCatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(MetricMapCatchUp.class);

  /**
   * Longer than recomputing every company's figures takes (it is not renewed), and so also the
   * least time between two runs on any instances (JobLeases#done).
   */
  private static final Duration LEASE = Duration.ofHours(1);

  private final ReportService reports;
  private final JobLeases leases;

  MetricMapCatchUp(ReportService reports, JobLeases leases) {
    this.reports = reports;
    this.leases = leases;
  }

  @Scheduled(
      fixedDelay = "${claimwatch.reports.metric-map-interval:10m}",
      initialDelay = "${claimwatch.rechecks.initial-delay:30s}")
  void scheduled() {
    leases.runLeased(
        "metric-map-catch-up",
        LEASE,
        () -> {
          int flagged = reports.catchUpMetricMap();
          if (flagged > 0) {
            LOG.info("metric map caught up: {} claims flagged by the figures it adds", flagged);
          }
        });
  }
}
