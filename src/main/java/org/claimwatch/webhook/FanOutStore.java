package org.claimwatch.webhook;

import static org.claimwatch.system.Sql.instant;
import static org.claimwatch.system.Sql.marks;
import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.ProblemException;
import org.claimwatch.webhook.DeliveryStore.Pick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns outbox events into deliveries: one per event and matching subscription. Deferred rows are
 * expanded into their events first. Same locking as {@link DeliveryStore}: rows taken with {@code
 * FOR UPDATE SKIP LOCKED} at READ COMMITTED.
 */
@Singleton
class FanOutStore {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutStore.class);

  /**
   * What a fan-out round did: events handled, the new deliveries it took for sending, and how many
   * it left waiting (no room to send them now).
   */
  record FanOut(int events, List<Pick> taken, int waiting) {}

  /** An outbox row not fanned out yet. */
  private record NewEvent(long id, String type, Long subjectId, Instant occurredAt) {}

  /** A subscription, as fan-out needs it. */
  private record Target(
      long id,
      boolean enabled,
      List<String> patterns,
      String url,
      String secret,
      String previousSecret,
      Instant previousSecretUntil,
      boolean internal) {

    /** Whether this subscription gets the event (a test event only the one it was sent for). */
    boolean wants(NewEvent e) {
      return EventTypes.WEBHOOK_TEST.equals(e.type())
          ? e.subjectId() != null && e.subjectId() == id
          : EventTypes.matches(patterns, e.type());
    }

    /** A delivery of the event to this subscription, taken for sending (no id nor data yet). */
    Pick pick(NewEvent e) {
      return new Pick(
          0,
          0,
          e.id(),
          e.type(),
          e.subjectId(),
          null,
          e.occurredAt(),
          id,
          url,
          secret,
          previousSecret,
          previousSecretUntil,
          internal);
    }
  }

  /** A delivery to store without sending it now. */
  private record Waiting(long eventId, long subscriptionId) {}

  /** Where a round's deliveries go: sent now, waiting as due, or parked for a disabled one. */
  private record Routes(List<Pick> taken, List<Waiting> waiting, List<Waiting> paused) {}

  private final JdbcOperations jdbc;
  private final Map<String, OutboxExpander> expanders = new HashMap<>();
  private final SecretBox box;

  FanOutStore(JdbcOperations jdbc, List<OutboxExpander> expanders, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
    expanders.forEach(e -> this.expanders.put(e.name(), e));
  }

  /**
   * Turns up to {@code max} new events into one delivery per matching subscription. New deliveries
   * are taken for sending at once (as {@link DeliveryStore#pick} would take them, saving a round
   * trip), up to {@code room} in all and {@code roomOf} per subscription; the rest wait as due.
   */
  @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
  public FanOut fanOut(
      int max, int room, ToIntFunction<Long> roomOf, String token, Instant now, Instant until) {
    List<NewEvent> events = newEvents(max);
    if (!events.isEmpty()) {
      expandDeferred(events);
    }
    if (events.isEmpty()) {
      return new FanOut(0, List.of(), 0);
    }
    Routes routes = route(events, subscriptions(), room, roomOf);
    // Only what is sent now needs its data (most events may have no subscriber at all).
    Map<Long, String> data = dataOf(routes.taken().stream().map(Pick::eventId).distinct().toList());
    List<Pick> picks =
        insertTaken(
            routes.taken().stream().map(p -> p.withData(data.get(p.eventId()))).toList(),
            token,
            now,
            until);
    insertDeliveries(routes.waiting(), DeliveryStatus.PENDING, now);
    insertDeliveries(routes.paused(), DeliveryStatus.PAUSED, now);
    markFannedOut(events);
    return new FanOut(events.size(), picks, routes.waiting().size());
  }

  private List<NewEvent> newEvents(int max) {
    return jdbc.prepareStatement(
        "SELECT id, type, subject_id, occurred_at FROM outbox_events WHERE fanned_out = 0"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
        ps -> {
          ps.setInt(1, max);
          return JdbcRows.list(
              ps,
              rs -> {
                long subject = rs.getLong(3);
                return new NewEvent(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.wasNull() ? null : subject,
                    instant(rs.getObject(4, LocalDateTime.class)));
              });
        });
  }

  private static Routes route(
      List<NewEvent> events, List<Target> targets, int room, ToIntFunction<Long> roomOf) {
    Routes routes = new Routes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Map<Long, Integer> takenBy = new HashMap<>();
    for (NewEvent e : events) {
      for (Target t : targets) {
        if (!t.wants(e)) {
          continue;
        }
        int mine = takenBy.getOrDefault(t.id(), 0);
        if (!t.enabled()) {
          // Kept for when it is enabled again: what waits goes out then.
          routes.paused().add(new Waiting(e.id(), t.id()));
        } else if (routes.taken().size() < room && mine < roomOf.applyAsInt(t.id())) {
          takenBy.put(t.id(), mine + 1);
          routes.taken().add(t.pick(e));
        } else {
          routes.waiting().add(new Waiting(e.id(), t.id()));
        }
      }
    }
    return routes;
  }

  private void markFannedOut(List<NewEvent> events) {
    jdbc.prepareStatement(
        "UPDATE outbox_events SET fanned_out = 1 WHERE id IN (" + marks(events.size()) + ")",
        ps -> {
          JdbcRows.bind(ps, 1, events.stream().map(NewEvent::id).toList());
          return ps.executeUpdate();
        });
  }

  /** Expands the deferred rows among {@code events} into their events (in this transaction). */
  private void expandDeferred(List<NewEvent> events) {
    List<NewEvent> deferred =
        events.stream().filter(e -> e.type().startsWith(Outbox.DEFERRED)).toList();
    if (deferred.isEmpty()) {
      return;
    }
    Map<Long, String> data = dataOf(deferred.stream().map(NewEvent::id).toList());
    Set<Long> setAside = new HashSet<>();
    for (NewEvent e : deferred) {
      String name = e.type().substring(Outbox.DEFERRED.length());
      OutboxExpander x = expanders.get(name);
      String failure = x == null ? "no expander " + name : expand(x, data.get(e.id()));
      if (failure != null) {
        LOG.error("Outbox row {} could not be expanded and is set aside: {}", e.id(), failure);
        setAside(e.id(), failure);
        setAside.add(e.id());
      }
    }
    events.removeIf(e -> setAside.contains(e.id()));
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
            if (ProblemException.isDatabaseFailure(e)) {
              throw e; // undone whole, tried again next round: the row is not to blame
            }
            conn.rollback(before);
            return DeliveryStore.truncate(
                e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
          }
        });
  }

  private void setAside(long eventId, String why) {
    JdbcRows.update(
        jdbc,
        "UPDATE outbox_events SET fanned_out = 1, expand_error = ? WHERE id = ?",
        why,
        eventId);
  }

  private Map<Long, String> dataOf(List<Long> eventIds) {
    Map<Long, String> out = new HashMap<>();
    if (eventIds.isEmpty()) {
      return out;
    }
    jdbc.prepareStatement(
        "SELECT id, data FROM outbox_events WHERE id IN (" + marks(eventIds.size()) + ")",
        ps -> {
          JdbcRows.bind(ps, 1, eventIds);
          JdbcRows.forEach(ps, rs -> out.put(rs.getLong(1), rs.getString(2)));
          return null;
        });
    return out;
  }

  /** Inserts deliveries already taken by this pick; returns them with their ids. */
  private List<Pick> insertTaken(List<Pick> taken, String token, Instant now, Instant until) {
    if (taken.isEmpty()) {
      return List.of();
    }
    LocalDateTime due = utc(until);
    LocalDateTime at = utc(now);
    return jdbc.execute(
        (Connection conn) ->
            JdbcRows.insertAll(
                conn,
                "INSERT INTO webhook_deliveries (event_id, subscription_id, status, attempts,"
                    + " due_at, picked_by, created_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?)",
                taken,
                (ps, p) -> {
                  ps.setLong(1, p.eventId());
                  ps.setLong(2, p.subscriptionId());
                  ps.setObject(3, due);
                  ps.setString(4, token);
                  ps.setObject(5, at);
                },
                Pick::withDeliveryId));
  }

  private void insertDeliveries(List<Waiting> pairs, DeliveryStatus status, Instant now) {
    LocalDateTime at = utc(now);
    JdbcRows.batch(
        jdbc,
        "INSERT IGNORE INTO webhook_deliveries (event_id, subscription_id, status,"
            + " attempts, due_at, created_at) VALUES (?, ?, ?, 0, ?, ?)",
        pairs,
        (ps, p) -> {
          ps.setLong(1, p.eventId());
          ps.setLong(2, p.subscriptionId());
          ps.setString(3, status.name());
          ps.setObject(4, at);
          ps.setObject(5, at);
        });
  }

  /**
   * Every subscription, enabled or not, read with a shared lock: enabling or disabling one waits
   * for this fan-out to commit, so the deliveries it parks or frees include the ones made here.
   */
  private List<Target> subscriptions() {
    return jdbc.prepareStatement(
        "SELECT id, events, url, secret, previous_secret, previous_secret_until, enabled,"
            + " internal FROM webhook_subscriptions LOCK IN SHARE MODE",
        ps ->
            JdbcRows.list(
                ps,
                rs ->
                    new Target(
                        rs.getLong(1),
                        rs.getBoolean(7),
                        Subscription.patterns(rs.getString(2)),
                        rs.getString(3),
                        box.open(rs.getString(4)),
                        box.open(rs.getString(5)),
                        instant(rs.getObject(6, LocalDateTime.class)),
                        rs.getBoolean(8))));
  }
}
