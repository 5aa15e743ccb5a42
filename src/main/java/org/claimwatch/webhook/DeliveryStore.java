package org.claimwatch.webhook;

import static org.claimwatch.system.Sql.instant;
import static org.claimwatch.system.Sql.marks;
import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.system.JdbcRows;

/**
 * The dispatcher's SQL on deliveries: taking due ones, recording what happened, pausing and
 * resuming a subscription's ({@link FanOutStore} makes them from events). Every step takes its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work and never take the same
 * row at the same time. READ COMMITTED: the steps lock the rows they take, not the gaps between
 * them, so claims being written meanwhile (whose events go in at the end of the outbox) never wait
 * for the dispatcher or deadlock with it.
 */
@Singleton
class DeliveryStore {
  /** A delivery taken for sending, with what is needed to send it. */
  record Pick(
      long deliveryId,
      int attempts,
      long eventId,
      String type,
      Long subjectId,
      String data,
      Instant occurredAt,
      long subscriptionId,
      String url,
      String secret,
      String previousSecret,
      Instant previousSecretUntil,
      boolean internal) {

    /** This pick with the event's data, read once the pick is known to be sent. */
    Pick withData(String eventData) {
      return with(deliveryId, eventData);
    }

    /** This pick as stored, with its delivery's id. */
    Pick withDeliveryId(long id) {
      return with(id, data);
    }

    private Pick with(long id, String eventData) {
      return new Pick(
          id,
          attempts,
          eventId,
          type,
          subjectId,
          eventData,
          occurredAt,
          subscriptionId,
          url,
          secret,
          previousSecret,
          previousSecretUntil,
          internal);
    }
  }

  /** What one attempt came to. {@code next} is null when the delivery is finished. */
  record Outcome(
      Pick pick,
      String token,
      DeliveryStatus status,
      Instant attemptedAt,
      Instant next,
      Integer statusCode,
      int latencyMs,
      String responseBody,
      String error,
      String disableReason) {
    boolean success() {
      return status == DeliveryStatus.DELIVERED;
    }
  }

  /** Queue figures for metrics and health. */
  record Stats(long due, Instant oldestPending) {}

  private final JdbcOperations jdbc;

  private final SecretBox box;

  DeliveryStore(JdbcOperations jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  /**
   * Takes up to {@code max} due deliveries, skipping the subscriptions in {@code busy}, and moves
   * their due time to {@code leaseUntil}: if this instance dies they come due again then.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public List<Pick> pick(int max, Collection<Long> busy, String token, Instant now, Instant until) {
    List<Long> ids = dueIds(max, busy, now);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> paused = new ArrayList<>();
    List<Pick> picks = load(ids, paused);
    if (!paused.isEmpty()) {
      // The subscription was disabled since these came due: they wait for it to be enabled again.
      setStatus(paused, DeliveryStatus.PAUSED);
    }
    lease(picks.stream().map(Pick::deliveryId).toList(), token, until);
    return picks;
  }

  /** Ids of due deliveries, locked, oldest first, none of a busy subscription. */
  private List<Long> dueIds(int max, Collection<Long> busy, Instant now) {
    String notBusy =
        busy.isEmpty() ? "" : " AND subscription_id NOT IN (" + marks(busy.size()) + ")";
    return jdbc.prepareStatement(
        "SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND due_at <= ?"
            + notBusy
            + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
        ps -> {
          ps.setObject(1, utc(now));
          int next = JdbcRows.bind(ps, 2, busy);
          ps.setInt(next, max);
          return JdbcRows.list(ps, rs -> rs.getLong(1));
        });
  }

  /** The deliveries with their events and subscriptions; those of a disabled one go to paused. */
  private List<Pick> load(List<Long> ids, List<Long> paused) {
    List<Pick> picks = new ArrayList<>(ids.size());
    jdbc.prepareStatement(
        "SELECT d.id, d.attempts, e.id, e.type, e.subject_id, e.data, e.occurred_at, s.id, s.url,"
            + " s.secret, s.previous_secret, s.previous_secret_until, s.enabled, s.internal"
            + " FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id"
            + " JOIN webhook_subscriptions s ON s.id = d.subscription_id"
            + " WHERE d.id IN ("
            + marks(ids.size())
            + ") ORDER BY d.due_at, d.id",
        ps -> {
          JdbcRows.bind(ps, 1, ids);
          JdbcRows.forEach(
              ps,
              rs -> {
                if (!rs.getBoolean(13)) {
                  paused.add(rs.getLong(1));
                  return;
                }
                long subject = rs.getLong(5);
                Long subjectId = rs.wasNull() ? null : subject;
                picks.add(
                    new Pick(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getString(4),
                        subjectId,
                        rs.getString(6),
                        instant(rs.getObject(7, LocalDateTime.class)),
                        rs.getLong(8),
                        rs.getString(9),
                        box.open(rs.getString(10)),
                        box.open(rs.getString(11)),
                        instant(rs.getObject(12, LocalDateTime.class)),
                        rs.getBoolean(14)));
              });
          return null;
        });
    return picks;
  }

  /**
   * Moves the deliveries' due time to the lease's end: if this instance dies they come due then.
   */
  private void lease(List<Long> taken, String token, Instant until) {
    updateTaken(
        "UPDATE webhook_deliveries SET due_at = ?, picked_by = ? WHERE id IN (",
        taken,
        until,
        token);
  }

  /** Hands back picks this instance will not send after all (their endpoint is busy). */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public void unpick(List<Pick> picks, String token, Instant now) {
    updateTaken(
        "UPDATE webhook_deliveries SET due_at = ?, picked_by = NULL WHERE picked_by = ? AND id IN"
            + " (",
        picks.stream().map(Pick::deliveryId).toList(),
        now,
        token);
  }

  /**
   * Hands back every delivery a pick of this dispatcher still holds (its tokens start with {@code
   * tokenPrefix}): due {@code now}, not leased, attempts as they were. For a dispatcher that stops.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public int handBack(String tokenPrefix, Instant now) {
    return JdbcRows.update(
        jdbc,
        "UPDATE webhook_deliveries SET due_at = ?, picked_by = NULL"
            + " WHERE status = 'PENDING' AND picked_by LIKE ?",
        utc(now),
        // tokens are hex digits, '-' and a number: nothing LIKE would read as a wildcard
        tokenPrefix + "%");
  }

  /** Runs {@code sql} (due time, then the token, then the ids) over the deliveries, if any. */
  private void updateTaken(String sql, List<Long> ids, Instant due, String token) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        sql + marks(ids.size()) + ")",
        ps -> {
          ps.setObject(1, utc(due));
          ps.setString(2, token);
          JdbcRows.bind(ps, 3, ids);
          return ps.executeUpdate();
        });
  }

  /**
   * Records attempts: every attempt is logged; a delivery's row changes only if this pick still
   * holds it. Subscriptions track their run of failures and are disabled when it lasted too long.
   * Returns the subscriptions disabled, with why.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public Map<Long, String> record(List<Outcome> outcomes, Instant now, Instant failingBefore) {
    logAttempts(outcomes);
    Map<Long, String> disabled = failingTooLong(outcomes, now, failingBefore);
    disabled.forEach((sub, why) -> disable(sub, why, now));
    return disabled;
  }

  /** Each attempt into the log, and into its delivery's row if this pick still holds it. */
  private void logAttempts(List<Outcome> outcomes) {
    jdbc.execute(
        (Connection conn) -> {
          try (PreparedStatement upd =
                  conn.prepareStatement(
                      "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1,"
                          + " due_at = COALESCE(?, due_at), last_status_code = ?, last_error = ?,"
                          + " finished_at = ?, picked_by = NULL WHERE id = ? AND picked_by = ?");
              PreparedStatement log =
                  conn.prepareStatement(
                      // Only while the delivery exists: its subscription may have been deleted
                      // while the request was on the wire.
                      "INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at,"
                          + " status_code, latency_ms, response_body, error)"
                          + " SELECT d.id, ?, ?, ?, ?, ?, ? FROM webhook_deliveries d"
                          + " WHERE d.id = ?")) {
            for (Outcome o : outcomes) {
              upd.setString(1, o.status().name());
              upd.setObject(2, o.next() == null ? null : utc(o.next()));
              JdbcRows.setNullable(upd, 3, o.statusCode(), Types.INTEGER);
              upd.setString(4, truncate(o.error(), 500));
              upd.setObject(5, o.status() == DeliveryStatus.PENDING ? null : utc(o.attemptedAt()));
              upd.setLong(6, o.pick().deliveryId());
              upd.setString(7, o.token());
              upd.addBatch();
              log.setInt(1, o.pick().attempts() + 1);
              log.setObject(2, utc(o.attemptedAt()));
              JdbcRows.setNullable(log, 3, o.statusCode(), Types.INTEGER);
              log.setInt(4, o.latencyMs());
              log.setString(5, o.responseBody());
              log.setString(6, truncate(o.error(), 500));
              log.setLong(7, o.pick().deliveryId());
              log.addBatch();
            }
            upd.executeBatch();
            log.executeBatch();
            return null;
          }
        });
  }

  /**
   * Tracks each subscription's run of failures (an attempt that worked ends it); returns the ones
   * to disable: failing since before {@code failingBefore}, or refused for good by the attempt.
   */
  private Map<Long, String> failingTooLong(
      List<Outcome> outcomes, Instant now, Instant failingBefore) {
    Set<Long> ok = new LinkedHashSet<>();
    Set<Long> failing = new LinkedHashSet<>();
    Map<Long, String> disabled = new HashMap<>();
    for (Outcome o : outcomes) {
      long sub = o.pick().subscriptionId();
      if (o.success()) {
        ok.add(sub);
      } else {
        failing.add(sub);
        if (o.disableReason() != null) {
          disabled.put(sub, o.disableReason());
        }
      }
    }
    failing.removeAll(ok);
    if (!failing.isEmpty()) {
      updateSubscriptions("failing_since = ?", "failing_since IS NULL", failing, utc(now));
      jdbc.prepareStatement(
          "SELECT id, failing_since FROM webhook_subscriptions WHERE enabled = 1"
              + " AND failing_since <= ? AND id IN ("
              + marks(failing.size())
              + ")",
          ps -> {
            ps.setObject(1, utc(failingBefore));
            JdbcRows.bind(ps, 2, failing);
            JdbcRows.forEach(
                ps,
                rs ->
                    disabled.putIfAbsent(
                        rs.getLong(1),
                        "every delivery has failed since "
                            + instant(rs.getObject(2, LocalDateTime.class))
                            + "; re-enable it once the endpoint works again"));
            return null;
          });
    }
    if (!ok.isEmpty()) {
      updateSubscriptions("failing_since = NULL", "failing_since IS NOT NULL", ok, null);
    }
    return disabled;
  }

  /** Disables a subscription and parks its waiting deliveries until it is enabled again. */
  void disable(long subscriptionId, String reason, Instant now) {
    JdbcRows.update(
        jdbc,
        "UPDATE webhook_subscriptions SET enabled = 0, disabled_reason = ?, updated_at = ?,"
            + " version = version + 1 WHERE id = ?",
        truncate(reason, 500),
        utc(now),
        subscriptionId);
    JdbcRows.update(
        jdbc,
        "UPDATE webhook_deliveries SET status = 'PAUSED' WHERE subscription_id = ?"
            + " AND status = 'PENDING' AND picked_by IS NULL",
        subscriptionId);
  }

  /** Sends a re-enabled subscription's parked deliveries again, starting now. */
  void resume(long subscriptionId, Instant now) {
    JdbcRows.update(
        jdbc,
        "UPDATE webhook_deliveries SET status = 'PENDING', due_at = ?, picked_by = NULL"
            + " WHERE subscription_id = ? AND status = 'PAUSED'",
        utc(now),
        subscriptionId);
  }

  /**
   * The outbox by state, for the gauges: {@code pending} (not tried yet), {@code failing} (tried,
   * failed, a retry to come), {@code dead} (given up: FAILED) and {@code paused} (their
   * subscription is disabled). The finished states are counted in the (status, due_at, id) index;
   * only PENDING rows, the backlog, are read.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public Map<String, Long> outbox() {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.prepareStatement(
        "SELECT COUNT(*), COALESCE(SUM(attempts > 0), 0) FROM webhook_deliveries"
            + " WHERE status = 'PENDING'",
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            out.put("pending", rs.getLong(1) - rs.getLong(2));
            out.put("failing", rs.getLong(2));
          }
          return null;
        });
    out.put("dead", countStatus(DeliveryStatus.FAILED));
    out.put("paused", countStatus(DeliveryStatus.PAUSED));
    return out;
  }

  private long countStatus(DeliveryStatus status) {
    return jdbc.prepareStatement(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE status = ?",
        ps -> {
          ps.setString(1, status.name());
          return JdbcRows.one(ps, rs -> rs.getLong(1));
        });
  }

  /** Deliveries waiting now, and the creation time of the oldest undelivered event. */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public Stats stats(Instant now) {
    long[] due = new long[1];
    Instant[] oldest = new Instant[2];
    jdbc.prepareStatement(
        "SELECT COUNT(*), MIN(created_at) FROM webhook_deliveries"
            + " WHERE status = 'PENDING' AND due_at <= ?",
        ps -> {
          ps.setObject(1, utc(now));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            due[0] = rs.getLong(1);
            oldest[0] = instant(rs.getObject(2, LocalDateTime.class));
          }
          return null;
        });
    jdbc.prepareStatement(
        "SELECT occurred_at FROM outbox_events WHERE fanned_out = 0 ORDER BY id LIMIT 1",
        ps -> {
          JdbcRows.forEach(ps, rs -> oldest[1] = instant(rs.getObject(1, LocalDateTime.class)));
          return null;
        });
    Instant min = Arrays.stream(oldest).filter(i -> i != null).min(Instant::compareTo).orElse(null);
    return new Stats(due[0], min);
  }

  /** Subscriptions whose secrets are stored as issued or sealed under an older key. */
  List<Long> staleSecrets() {
    List<Long> out = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT id, secret, previous_secret FROM webhook_subscriptions",
        ps -> {
          JdbcRows.forEach(
              ps,
              rs -> {
                if (box.stale(rs.getString(2)) || box.stale(rs.getString(3))) {
                  out.add(rs.getLong(1));
                }
              });
          return null;
        });
    return out;
  }

  private void setStatus(List<Long> ids, DeliveryStatus status) {
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET status = ? WHERE id IN (" + marks(ids.size()) + ")",
        ps -> {
          ps.setString(1, status.name());
          JdbcRows.bind(ps, 2, ids);
          return ps.executeUpdate();
        });
  }

  private void updateSubscriptions(String set, String where, Set<Long> ids, Object value) {
    jdbc.prepareStatement(
        "UPDATE webhook_subscriptions SET "
            + set
            + " WHERE "
            + where
            + " AND id IN ("
            + marks(ids.size())
            + ")",
        ps -> {
          int first = 1;
          if (value != null) {
            ps.setObject(1, value);
            first = 2;
          }
          JdbcRows.bind(ps, first, ids);
          return ps.executeUpdate();
        });
  }

  /**
   * The {@code webhook-id} of every delivery of an event: the same on each retry and replay, and
   * for each subscription, so receivers can deduplicate by it.
   */
  static String webhookId(long eventId) {
    return "msg_" + eventId;
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
