package org.claimwatch.webhook;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import org.claimwatch.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the outbox from growing for ever: finished deliveries (delivered or given up, with their
 * attempts) and events that every subscriber has had go after {@code retention} (30 days). A
 * delivery still waiting, or parked on a disabled endpoint, keeps its event. In batches, one
 * instance at a time (job lease).
 */
@Singleton
@Requires(property = "claimwatch.jobs.enabled", notEquals = "false")
public class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  static final int BATCH = 5_000;

  private final JdbcOperations jdbc;
  private final JobLeases leases;
  private final WebhookConfig config;
  private final Clock clock;

  Retention(JdbcOperations jdbc, JobLeases leases, WebhookConfig config, Clock clock) {
    this.jdbc = jdbc;
    this.leases = leases;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelay = "${claimwatch.webhooks.retention-interval:1h}",
      initialDelay = "${claimwatch.rechecks.initial-delay:30s}")
  void scheduled() {
    leases.runLeased(
        "webhook-retention",
        config.retentionInterval(),
        () -> {
          int n = purgeAll();
          if (n > 0) {
            LOG.info("webhook retention: removed {} old deliveries and events", n);
          }
        });
  }

  /** Everything older than the retention, batch by batch; returns how many rows went. */
  public int purgeAll() {
    int total = 0;
    int n;
    do {
      n = purgeBatch();
      total += n;
    } while (n > 0);
    return total;
  }

  /** One batch of deliveries, then one of events, in one transaction. */
  @Transactional
  public int purgeBatch() {
    LocalDateTime before = org.claimwatch.system.Sql.utc(clock.instant().minus(config.retention()));
    int deliveries =
        jdbc.prepareStatement(
            // A PAUSED delivery (its subscription disabled) waits as long as the others are kept,
            // no longer: a subscription left disabled does not keep every event for ever.
            "DELETE FROM webhook_deliveries WHERE status IN ('DELIVERED', 'FAILED', 'PAUSED')"
                + " AND created_at < ? ORDER BY id LIMIT "
                + BATCH,
            ps -> {
              ps.setObject(1, before);
              return ps.executeUpdate();
            });
    int events =
        jdbc.prepareStatement(
            "DELETE FROM outbox_events WHERE occurred_at < ? AND fanned_out = 1"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d"
                + " WHERE d.event_id = outbox_events.id) ORDER BY id LIMIT "
                + BATCH,
            ps -> {
              ps.setObject(1, before);
              return ps.executeUpdate();
            });
    return deliveries + events;
  }
}
