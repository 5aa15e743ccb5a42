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
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's SQL: fanning events out into deliveries, taking due deliveries, recording what
 * happened. Every step takes its rows with {@code FOR UPDATE SKIP LOCKED}, so several instances
 * share the work and never take the same row at the same time. READ COMMITTED: the steps lock the
 * rows they take, not the gaps between them, so claims being written meanwhile (whose events go in
 * at the end of the outbox) never wait for the dispatcher or deadlock with it.
 */
@Singleton
class DeliveryStore {
  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";
  static final String PAUSED = "PAUSED";

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
      boolean internal) {}

  /** What one attempt came to. {@code next} is null when the delivery is finished. */
  record Outcome(
      Pick pick,
      String token,
      String status,
      Instant attemptedAt,
      Instant next,
      Integer statusCode,
      int latencyMs,
      String responseBody,
      String error,
      String disableReason) {
    boolean success() {
      return DELIVERED.equals(status);
    }
  }

  /** Queue figures for metrics and health. */
  record Stats(long due, Instant oldestPending) {}

  private final JdbcOperations jdbc;
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryStore.class);

  private final Map<String, OutboxExpander> expanders = new HashMap<>();

  private final SecretBox box;

  DeliveryStore(JdbcOperations jdbc, List<OutboxExpander> expanders, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
    expanders.forEach(e -> this.expanders.put(e.name(), e));
  }

  /**
   * What a fan-out round did: events handled, the new deliveries it took for sending, and how many
   * it left waiting (no room to send them now).
   */
  record FanOut(int events, List<Pick> taken, int waiting) {}

  /** A subscription, as fan-out needs it. */
  private record Target(
      long id,
      boolean enabled,
      List<String> patterns,
      String url,
      String secret,
      String previousSecret,
      Instant previousSecretUntil,
      boolean internal) {}

  /**
   * Turns up to {@code max} new events into one delivery per matching enabled subscription. New
   * deliveries are taken for sending at once (as {@link #pick} would take them, saving a round
   * trip), up to {@code room} in all and {@code roomOf} per subscription; the rest wait as due.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public FanOut fanOut(
      int max,
      int room,
      java.util.function.ToIntFunction<Long> roomOf,
      String token,
      Instant now,
      Instant until) {
    List<Object[]> events = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT id, type, subject_id, occurred_at FROM outbox_events WHERE fanned_out = 0"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
        ps -> {
          ps.setInt(1, max);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long subject = rs.getLong(3);
              events.add(
                  new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.wasNull() ? null : subject,
                    null,
                    instant(rs.getObject(4, LocalDateTime.class))
                  });
            }
          }
          return null;
        });
    if (events.isEmpty()) {
      return new FanOut(0, List.of(), 0);
    }
    expandDeferred(events);
    if (events.isEmpty()) {
      return new FanOut(0, List.of(), 0); // every row was set aside
    }
    List<Target> targets = subscriptions();
    List<Pick> taken = new ArrayList<>();
    List<long[]> waiting = new ArrayList<>();
    List<long[]> paused = new ArrayList<>();
    Map<Long, Integer> takenBy = new HashMap<>();
    for (Object[] e : events) {
      long eventId = (Long) e[0];
      String type = (String) e[1];
      Long subject = (Long) e[2];
      for (Target t : targets) {
        // A test event goes to the one subscription it was sent for, whatever it subscribes to.
        boolean wanted =
            EventTypes.WEBHOOK_TEST.equals(type)
                ? subject != null && subject == t.id()
                : EventTypes.matches(t.patterns(), type);
        if (!wanted) {
          continue;
        }
        if (!t.enabled()) {
          // Kept for when it is enabled again: what waits goes out then.
          paused.add(new long[] {eventId, t.id()});
          continue;
        }
        int mine = takenBy.getOrDefault(t.id(), 0);
        if (taken.size() < room && mine < roomOf.applyAsInt(t.id())) {
          takenBy.put(t.id(), mine + 1);
          taken.add(
              new Pick(
                  0,
                  0,
                  eventId,
                  type,
                  subject,
                  (String) e[3],
                  (Instant) e[4],
                  t.id(),
                  t.url(),
                  t.secret(),
                  t.previousSecret(),
                  t.previousSecretUntil(),
                  t.internal()));
        } else {
          waiting.add(new long[] {eventId, t.id()});
        }
      }
    }
    // Only what is sent now needs its data (most events may have no subscriber at all).
    Map<Long, String> data = dataOf(taken.stream().map(Pick::eventId).distinct().toList());
    List<Pick> picks =
        insertTaken(
            taken.stream()
                .map(
                    p ->
                        new Pick(
                            0,
                            0,
                            p.eventId(),
                            p.type(),
                            p.subjectId(),
                            data.get(p.eventId()),
                            p.occurredAt(),
                            p.subscriptionId(),
                            p.url(),
                            p.secret(),
                            p.previousSecret(),
                            p.previousSecretUntil(),
                            p.internal()))
                .toList(),
            token,
            now,
            until);
    insertDeliveries(waiting, "PENDING", now);
    insertDeliveries(paused, PAUSED, now);
    jdbc.prepareStatement(
        "UPDATE outbox_events SET fanned_out = 1 WHERE id IN (" + marks(events.size()) + ")",
        ps -> {
          for (int i = 0; i < events.size(); i++) {
            ps.setLong(i + 1, (Long) events.get(i)[0]);
          }
          return ps.executeUpdate();
        });
    return new FanOut(events.size(), picks, waiting.size());
  }

  /** Expands the deferred rows among {@code events} into their events (in this transaction). */
  private void expandDeferred(List<Object[]> events) {
    List<Long> deferred = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Object[] e : events) {
      String type = (String) e[1];
      if (type.startsWith(Outbox.DEFERRED)) {
        deferred.add((Long) e[0]);
        names.add(type.substring(Outbox.DEFERRED.length()));
      }
    }
    if (deferred.isEmpty()) {
      return;
    }
    Map<Long, String> data = dataOf(deferred);
    Set<Long> setAside = new java.util.HashSet<>();
    for (int i = 0; i < deferred.size(); i++) {
      long id = deferred.get(i);
      OutboxExpander x = expanders.get(names.get(i));
      String failure = x == null ? "no expander " + names.get(i) : expand(x, data.get(id));
      if (failure != null) {
        LOG.error("Outbox row {} could not be expanded and is set aside: {}", id, failure);
        setAside(id, failure);
        setAside.add(id);
      }
    }
    events.removeIf(e -> setAside.contains((Long) e[0]));
  }

  /**
   * Expands one deferred row behind a savepoint: a row that fails is undone alone (null: done). A
   * deadlock or a lost connection undoes the whole transaction and is thrown, to be tried again.
   */
  private String expand(OutboxExpander x, String dataJson) {
    return jdbc.execute(
        (Connection conn) -> {
          java.sql.Savepoint before = conn.setSavepoint();
          try {
            x.expand(dataJson);
            conn.releaseSavepoint(before);
            return null;
          } catch (RuntimeException e) {
            if (org.claimwatch.system.ProblemException.isDatabaseFailure(e)) {
              throw e; // undone whole, tried again next round: the row is not to blame
            }
            conn.rollback(before);
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            return why.length() > 500 ? why.substring(0, 500) : why;
          }
        });
  }

  private void setAside(long eventId, String why) {
    jdbc.prepareStatement(
        "UPDATE outbox_events SET fanned_out = 1, expand_error = ? WHERE id = ?",
        ps -> {
          ps.setString(1, why);
          ps.setLong(2, eventId);
          return ps.executeUpdate();
        });
  }

  private Map<Long, String> dataOf(List<Long> eventIds) {
    Map<Long, String> out = new HashMap<>();
    if (eventIds.isEmpty()) {
      return out;
    }
    jdbc.prepareStatement(
        "SELECT id, data FROM outbox_events WHERE id IN (" + marks(eventIds.size()) + ")",
        ps -> {
          bindIds(ps, eventIds, 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getLong(1), rs.getString(2));
            }
          }
          return null;
        });
    return out;
  }

  /** Inserts deliveries already taken by this pick; returns them with their ids. */
  private List<Pick> insertTaken(List<Pick> taken, String token, Instant now, Instant until) {
    if (taken.isEmpty()) {
      return List.of();
    }
    return jdbc.execute(
        (Connection conn) -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO webhook_deliveries (event_id, subscription_id, status, attempts,"
                      + " due_at, picked_by, created_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            for (Pick p : taken) {
              ps.setLong(1, p.eventId());
              ps.setLong(2, p.subscriptionId());
              ps.setObject(3, utc(until));
              ps.setString(4, token);
              ps.setObject(5, utc(now));
              ps.addBatch();
            }
            ps.executeBatch();
            List<Pick> out = new ArrayList<>(taken.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
              for (Pick p : taken) {
                if (!keys.next()) {
                  throw new SQLException("Fewer generated ids than inserted deliveries");
                }
                out.add(
                    new Pick(
                        keys.getLong(1),
                        0,
                        p.eventId(),
                        p.type(),
                        p.subjectId(),
                        p.data(),
                        p.occurredAt(),
                        p.subscriptionId(),
                        p.url(),
                        p.secret(),
                        p.previousSecret(),
                        p.previousSecretUntil(),
                        p.internal()));
              }
            }
            return out;
          }
        });
  }

  /**
   * Takes up to {@code max} due deliveries, skipping the subscriptions in {@code busy}, and moves
   * their due time to {@code leaseUntil}: if this instance dies they come due again then.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public List<Pick> pick(int max, Collection<Long> busy, String token, Instant now, Instant until) {
    List<Long> ids = new ArrayList<>();
    String notBusy =
        busy.isEmpty() ? "" : " AND subscription_id NOT IN (" + marks(busy.size()) + ")";
    jdbc.prepareStatement(
        "SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND due_at <= ?"
            + notBusy
            + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
        ps -> {
          int i = 0;
          ps.setObject(++i, utc(now));
          for (Long b : busy) {
            ps.setLong(++i, b);
          }
          ps.setInt(++i, max);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          return null;
        });
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Pick> picks = new ArrayList<>(ids.size());
    List<Long> paused = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT d.id, d.attempts, e.id, e.type, e.subject_id, e.data, e.occurred_at, s.id, s.url,"
            + " s.secret, s.previous_secret, s.previous_secret_until, s.enabled, s.internal"
            + " FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id"
            + " JOIN webhook_subscriptions s ON s.id = d.subscription_id"
            + " WHERE d.id IN ("
            + marks(ids.size())
            + ") ORDER BY d.due_at, d.id",
        ps -> {
          bindIds(ps, ids, 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (!rs.getBoolean(13)) {
                paused.add(rs.getLong(1));
                continue;
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
            }
          }
          return null;
        });
    if (!paused.isEmpty()) {
      // The subscription was disabled since these came due: they wait for it to be enabled again.
      setStatus(paused, PAUSED);
    }
    List<Long> taken = picks.stream().map(Pick::deliveryId).toList();
    if (!taken.isEmpty()) {
      jdbc.prepareStatement(
          "UPDATE webhook_deliveries SET due_at = ?, picked_by = ? WHERE id IN ("
              + marks(taken.size())
              + ")",
          ps -> {
            ps.setObject(1, utc(until));
            ps.setString(2, token);
            bindIds(ps, taken, 3);
            return ps.executeUpdate();
          });
    }
    return picks;
  }

  /** Hands back picks this instance will not send after all (their endpoint is busy). */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public void unpick(List<Pick> picks, String token, Instant now) {
    if (picks.isEmpty()) {
      return;
    }
    List<Long> ids = picks.stream().map(Pick::deliveryId).toList();
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET due_at = ?, picked_by = NULL WHERE picked_by = ? AND id IN ("
            + marks(ids.size())
            + ")",
        ps -> {
          ps.setObject(1, utc(now));
          ps.setString(2, token);
          bindIds(ps, ids, 3);
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
              upd.setString(1, o.status());
              upd.setObject(2, o.next() == null ? null : utc(o.next()));
              setInt(upd, 3, o.statusCode());
              upd.setString(4, truncate(o.error(), 500));
              upd.setObject(5, PENDING.equals(o.status()) ? null : utc(o.attemptedAt()));
              upd.setLong(6, o.pick().deliveryId());
              upd.setString(7, o.token());
              upd.addBatch();
              log.setInt(1, o.pick().attempts() + 1);
              log.setObject(2, utc(o.attemptedAt()));
              setInt(log, 3, o.statusCode());
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
            bindIds(ps, failing, 2);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                disabled.putIfAbsent(
                    rs.getLong(1),
                    "every delivery has failed since "
                        + instant(rs.getObject(2, LocalDateTime.class))
                        + "; re-enable it once the endpoint works again");
              }
            }
            return null;
          });
    }
    if (!ok.isEmpty()) {
      updateSubscriptions("failing_since = NULL", "failing_since IS NOT NULL", ok, null);
    }
    disabled.forEach((sub, why) -> disable(sub, why, now));
    return disabled;
  }

  /** Disables a subscription and parks its waiting deliveries until it is enabled again. */
  void disable(long subscriptionId, String reason, Instant now) {
    jdbc.prepareStatement(
        "UPDATE webhook_subscriptions SET enabled = 0, disabled_reason = ?, updated_at = ?,"
            + " version = version + 1 WHERE id = ?",
        ps -> {
          ps.setString(1, truncate(reason, 500));
          ps.setObject(2, utc(now));
          ps.setLong(3, subscriptionId);
          return ps.executeUpdate();
        });
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET status = 'PAUSED' WHERE subscription_id = ?"
            + " AND status = 'PENDING' AND picked_by IS NULL",
        ps -> {
          ps.setLong(1, subscriptionId);
          return ps.executeUpdate();
        });
  }

  /** Sends a re-enabled subscription's parked deliveries again, starting now. */
  void resume(long subscriptionId, Instant now) {
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET status = 'PENDING', due_at = ?, picked_by = NULL"
            + " WHERE subscription_id = ? AND status = 'PAUSED'",
        ps -> {
          ps.setObject(1, utc(now));
          ps.setLong(2, subscriptionId);
          return ps.executeUpdate();
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
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              oldest[1] = instant(rs.getObject(1, LocalDateTime.class));
            }
          }
          return null;
        });
    Instant min = Arrays.stream(oldest).filter(i -> i != null).min(Instant::compareTo).orElse(null);
    return new Stats(due[0], min);
  }

  private void insertDeliveries(List<long[]> pairs, String status, Instant now) {
    if (pairs.isEmpty()) {
      return;
    }
    jdbc.execute(
        (Connection conn) -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT IGNORE INTO webhook_deliveries (event_id, subscription_id, status,"
                      + " attempts, due_at, created_at) VALUES (?, ?, ?, 0, ?, ?)")) {
            LocalDateTime at = utc(now);
            for (long[] p : pairs) {
              ps.setLong(1, p[0]);
              ps.setLong(2, p[1]);
              ps.setString(3, status);
              ps.setObject(4, at);
              ps.setObject(5, at);
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  /** Subscriptions whose secrets are stored as issued or sealed under an older key. */
  List<Long> staleSecrets() {
    List<Long> out = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT id, secret, previous_secret FROM webhook_subscriptions",
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (box.stale(rs.getString(2)) || box.stale(rs.getString(3))) {
                out.add(rs.getLong(1));
              }
            }
          }
          return null;
        });
    return out;
  }

  /**
   * Every subscription, enabled or not, read with a shared lock: enabling or disabling one waits
   * for this fan-out to commit, so the deliveries it parks or frees include the ones made here.
   */
  private List<Target> subscriptions() {
    List<Target> out = new ArrayList<>();
    jdbc.prepareStatement(
        "SELECT id, events, url, secret, previous_secret, previous_secret_until, enabled,"
            + " internal FROM webhook_subscriptions LOCK IN SHARE MODE",
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Target(
                      rs.getLong(1),
                      rs.getBoolean(7),
                      Subscription.patterns(rs.getString(2)),
                      rs.getString(3),
                      box.open(rs.getString(4)),
                      box.open(rs.getString(5)),
                      instant(rs.getObject(6, LocalDateTime.class)),
                      rs.getBoolean(8)));
            }
          }
          return null;
        });
    return out;
  }

  private void setStatus(List<Long> ids, String status) {
    jdbc.prepareStatement(
        "UPDATE webhook_deliveries SET status = ? WHERE id IN (" + marks(ids.size()) + ")",
        ps -> {
          ps.setString(1, status);
          bindIds(ps, ids, 2);
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
          bindIds(ps, ids, first);
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

  static void bindIds(PreparedStatement ps, Collection<Long> ids, int first) throws SQLException {
    int i = first;
    for (Long id : ids) {
      ps.setLong(i++, id);
    }
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
