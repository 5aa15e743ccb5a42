package org.claimwatch.webhook;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.claimwatch.system.JdbcRows;

/**
 * The transactional outbox: the one way a feature announces a change to newsroom tools. Every
 * method runs in the caller's transaction (it refuses to run outside one), so an event commits with
 * its change or not at all; after the commit the dispatcher is woken at once.
 */
@Singleton
public class Outbox {
  private static final String INSERT =
      "INSERT INTO outbox_events (type, subject_id, data, occurred_at) VALUES (?, ?, ?, ?)";

  /** An event whose data is JSON text already. */
  public record Event(String type, Long subjectId, String dataJson) {}

  /** Fills the parameters of a statement. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private final JdbcOperations jdbc;
  private final JsonMapper json;
  private final ApplicationEventPublisher<OutboxAppended> appended;
  private final Clock clock;

  Outbox(
      JdbcOperations jdbc,
      JsonMapper json,
      ApplicationEventPublisher<OutboxAppended> appended,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.appended = appended;
    this.clock = clock;
  }

  /** Appends one event, {@code data} serialized as it is now; returns the event's id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long append(String type, Long subjectId, Object data) {
    String dataJson = toJson(data);
    long id =
        jdbc.execute(
            (Connection conn) -> {
              try (PreparedStatement ps =
                  conn.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, new Event(type, subjectId, dataJson), now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    appended.publishEvent(OutboxAppended.INSTANCE);
    return id;
  }

  /** Appends events as one JDBC batch (one multi-row INSERT). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendAll(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    LocalDateTime now = now();
    JdbcRows.batch(jdbc, INSERT, events, (ps, e) -> bind(ps, e, now));
    appended.publishEvent(OutboxAppended.INSTANCE);
  }

  /** Type prefix of deferred rows: never delivered, expanded by the dispatcher. */
  static final String DEFERRED = "deferred:";

  /**
   * Appends a deferred row standing for many events, which the {@link OutboxExpander} named {@code
   * expander} turns into the events after this transaction commits. For changes so large that
   * writing every event in the change's own transaction would slow it down: the row still commits
   * with the change (nothing is lost if the process dies), and the events follow within moments.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendDeferred(String expander, Object data) {
    appendAll(List.of(new Event(DEFERRED + expander, null, toJson(data))));
  }

  /**
   * Appends one event per row of {@code select}, set-based, for changes made in SQL over many rows.
   * The select yields two columns, the subject id and the event's data as JSON text, and takes its
   * parameters after the outer two ({@code binder} fills them from index 3).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int appendSelected(String type, String select, Binder binder) {
    int n =
        jdbc.prepareStatement(
            "INSERT INTO outbox_events (type, subject_id, data, occurred_at)"
                + " SELECT ?, x.subject_id, x.data, ? FROM ("
                + select
                + ") x",
            ps -> {
              ps.setString(1, type);
              ps.setObject(2, now());
              binder.bind(ps);
              return ps.executeUpdate();
            });
    if (n > 0) {
      appended.publishEvent(OutboxAppended.INSTANCE);
    }
    return n;
  }

  private static void bind(PreparedStatement ps, Event e, LocalDateTime now) throws SQLException {
    ps.setString(1, e.type());
    JdbcRows.setNullable(ps, 2, e.subjectId(), Types.BIGINT);
    ps.setString(3, e.dataJson());
    ps.setObject(4, now);
  }

  String toJson(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LocalDateTime now() {
    return org.claimwatch.system.Sql.utc(clock.instant());
  }
}
