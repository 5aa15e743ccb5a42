package org.claimwatch.webhook;

import static org.claimwatch.system.Sql.instant;
import static org.claimwatch.system.Sql.marks;
import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * What operators do with deliveries: read the log, retry one, replay everything since a time, send
 * a test event. A retry or a replay is one more attempt: if it fails too, the delivery has failed.
 */
@Singleton
public class DeliveryService {
  private static final Set<String> STATUSES =
      java.util.Arrays.stream(DeliveryStatus.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** What a replay did. */
  @Serdeable
  public record Replayed(Instant since, int requeued, int added) {}

  /** A test event, queued for the subscription. */
  @Serdeable
  public record TestSent(long eventId, String webhookId) {}

  private final SubscriptionService subscriptions;
  private final Outbox outbox;
  private final JdbcOperations jdbc;
  private final Transactions tx;
  private final Dispatcher dispatcher;
  private final Clock clock;

  private final OperatorLimits limits;

  DeliveryService(
      SubscriptionService subscriptions,
      Outbox outbox,
      JdbcOperations jdbc,
      Transactions tx,
      Dispatcher dispatcher,
      OperatorLimits limits,
      Clock clock) {
    this.limits = limits;
    this.tx = tx;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The subscription's deliveries, newest first, each with its attempts. */
  @Transactional
  public Page<DeliveryView> list(
      long subscriptionId, String status, String cursor, Integer limit, Actor actor) {
    subscriptions.visible(subscriptionId, actor);
    if (status != null && !STATUSES.contains(status)) {
      throw ProblemException.invalidField("status", "one of " + STATUSES);
    }
    Long before = Cursors.decode(cursor);
    int n = Cursors.limit(limit);
    List<DeliveryView> rows =
        deliveries(
            "d.subscription_id = ?"
                + (status == null ? "" : " AND d.status = ?")
                + (before == null ? "" : " AND d.id < ?")
                + " ORDER BY d.id DESC LIMIT ?",
            subscriptionId,
            status,
            before,
            n + 1);
    return Cursors.page(rows, n, DeliveryView::id, r -> r);
  }

  @Transactional
  public DeliveryView get(long subscriptionId, long deliveryId, Actor actor) {
    subscriptions.visible(subscriptionId, actor);
    return one(subscriptionId, deliveryId);
  }

  /** Sends the delivery again now (whatever its state), with the same webhook-id. */
  public DeliveryView retry(long subscriptionId, long deliveryId, Actor actor) {
    DeliveryView v = tx.write(() -> retryNow(subscriptionId, deliveryId, actor));
    dispatcher.wake();
    return v;
  }

  private DeliveryView retryNow(long subscriptionId, long deliveryId, Actor actor) {
    Subscription s = subscriptions.visible(subscriptionId, actor);
    requireEnabled(s);
    one(subscriptionId, deliveryId);
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET status = 'PENDING', due_at = ?, finished_at = NULL,"
            + " picked_by = NULL WHERE id = ? AND subscription_id = ?",
        ps -> {
          ps.setObject(1, utc(clock.instant()));
          ps.setLong(2, deliveryId);
          ps.setLong(3, subscriptionId);
          return ps.executeUpdate();
        });
    return one(subscriptionId, deliveryId);
  }

  /**
   * Sends again every event since {@code since} that the subscription takes: its deliveries are
   * queued again, and events it never got a delivery for (it was disabled, or subscribed later) get
   * one. Receivers deduplicate by webhook-id, which is the same as the first time.
   */
  public Replayed replay(long subscriptionId, Instant since, Actor actor) {
    subscriptions.visible(subscriptionId, actor);
    limits.take("replay", subscriptionId);
    Replayed r = tx.write(() -> replayNow(subscriptionId, since, actor));
    dispatcher.wake();
    return r;
  }

  private Replayed replayNow(long subscriptionId, Instant asked, Actor actor) {
    if (asked == null) {
      throw ProblemException.invalidField(
          "since", "required: an ISO-8601 time, e.g. 2026-11-28T00:00:00Z");
    }
    // No event is older than 1970, and the database holds no year before 0001.
    Instant since = asked.isBefore(Instant.EPOCH) ? Instant.EPOCH : asked;
    Subscription s = subscriptions.visible(subscriptionId, actor);
    requireEnabled(s);
    Instant now = clock.instant();
    if (since.isAfter(now)) {
      throw ProblemException.invalidField("since", "is in the future");
    }
    int requeued =
        jdbc.prepareStatement(
            "UPDATE webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id"
                + " SET d.status = 'PENDING', d.due_at = ?, d.finished_at = NULL,"
                + " d.picked_by = NULL"
                + " WHERE d.subscription_id = ? AND e.occurred_at >= ? AND d.status <> 'PENDING'",
            ps -> {
              ps.setObject(1, utc(now));
              ps.setLong(2, subscriptionId);
              ps.setObject(3, utc(since));
              return ps.executeUpdate();
            });
    List<String> exact = new ArrayList<>();
    List<String> families = new ArrayList<>();
    for (String p : s.patterns()) {
      if (p.endsWith(".*")) {
        families.add(p.substring(0, p.length() - 1) + "%");
      } else {
        exact.add(p);
      }
    }
    List<String> match = new ArrayList<>();
    exact.forEach(x -> match.add("e.type = ?"));
    families.forEach(x -> match.add("e.type LIKE ?"));
    int added =
        jdbc.prepareStatement(
            "INSERT IGNORE INTO webhook_deliveries (event_id, subscription_id, status, attempts,"
                + " due_at, created_at)"
                + " SELECT e.id, ?, 'PENDING', 0, ?, ? FROM outbox_events e"
                + " WHERE e.occurred_at >= ? AND e.fanned_out = 1 AND e.type <> 'webhook.test'"
                + " AND ("
                + String.join(" OR ", match)
                + ") AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d"
                + " WHERE d.event_id = e.id AND d.subscription_id = ?)",
            ps -> {
              int i = 0;
              ps.setLong(++i, subscriptionId);
              ps.setObject(++i, utc(now));
              ps.setObject(++i, utc(now));
              ps.setObject(++i, utc(since));
              for (String x : exact) {
                ps.setString(++i, x);
              }
              for (String x : families) {
                ps.setString(++i, x);
              }
              ps.setLong(++i, subscriptionId);
              return ps.executeUpdate();
            });
    return new Replayed(since, requeued, added);
  }

  /** Queues a {@code webhook.test} event for this subscription alone. */
  @Transactional
  public TestSent test(long subscriptionId, Actor actor) {
    Subscription s = subscriptions.visible(subscriptionId, actor);
    requireEnabled(s);
    limits.take("test events", subscriptionId);
    Map<String, Object> data = new HashMap<>();
    data.put("subscriptionId", subscriptionId);
    data.put("message", "Test event sent by " + actor.name());
    long id = outbox.append(EventTypes.WEBHOOK_TEST, subscriptionId, data);
    return new TestSent(id, DeliveryStore.webhookId(id));
  }

  private static void requireEnabled(Subscription s) {
    if (!s.enabled()) {
      throw ProblemException.conflict(
          "Webhook subscription "
              + s.id()
              + " is disabled ("
              + s.disabledReason()
              + "); enable it first (PATCH {\"enabled\": true})");
    }
  }

  private DeliveryView one(long subscriptionId, long deliveryId) {
    List<DeliveryView> found =
        deliveries("d.subscription_id = ? AND d.id = ?", subscriptionId, null, deliveryId, null);
    if (found.isEmpty()) {
      throw ProblemException.notFound(
          "No delivery " + deliveryId + " of webhook subscription " + subscriptionId);
    }
    return found.get(0);
  }

  private List<DeliveryView> deliveries(
      String where, long subscriptionId, String status, Long id, Integer limit) {
    List<DeliveryView> rows = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT d.id, d.event_id, e.type, d.status, d.attempts, d.due_at, d.last_status_code,"
            + " d.last_error, d.created_at, d.finished_at"
            + " FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE "
            + where,
        ps -> {
          int i = 0;
          ps.setLong(++i, subscriptionId);
          if (status != null) {
            ps.setString(++i, status);
          }
          if (id != null) {
            ps.setLong(++i, id);
          }
          if (limit != null) {
            ps.setInt(++i, limit);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(row(rs));
            }
          }
          return null;
        });
    Map<Long, List<DeliveryView.Attempt>> attempts =
        attemptsOf(rows.stream().map(DeliveryView::id).toList());
    List<DeliveryView> out = new ArrayList<>(rows.size());
    for (DeliveryView r : rows) {
      out.add(r.withAttempts(attempts.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  /** A delivery as read (its attempts not yet). */
  private static DeliveryView row(ResultSet rs) throws java.sql.SQLException {
    long eventId = rs.getLong(2);
    String status = rs.getString(4);
    int code = rs.getInt(7);
    Integer lastCode = rs.wasNull() ? null : code;
    return new DeliveryView(
        rs.getLong(1),
        DeliveryStore.webhookId(eventId),
        eventId,
        rs.getString(3),
        status,
        rs.getInt(5),
        DeliveryStatus.PENDING.name().equals(status)
            ? instant(rs.getObject(6, LocalDateTime.class))
            : null,
        lastCode,
        rs.getString(8),
        instant(rs.getObject(9, LocalDateTime.class)),
        instant(rs.getObject(10, LocalDateTime.class)),
        List.of());
  }

  private Map<Long, List<DeliveryView.Attempt>> attemptsOf(List<Long> ids) {
    Map<Long, List<DeliveryView.Attempt>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.prepareStatement(
        "SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, response_body, error"
            + " FROM webhook_attempts WHERE delivery_id IN ("
            + marks(ids.size())
            + ") ORDER BY id",
        ps -> {
          JdbcRows.bind(ps, 1, ids);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              int code = rs.getInt(4);
              Integer statusCode = rs.wasNull() ? null : code;
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new DeliveryView.Attempt(
                          rs.getInt(2),
                          instant(rs.getObject(3, LocalDateTime.class)),
                          statusCode,
                          rs.getInt(5),
                          rs.getString(6),
                          rs.getString(7)));
            }
          }
          return null;
        });
    return out;
  }
}
