package org.claimwatch.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The steps of plain JDBC that the stores share: reading a query's rows, binding a list of
 * parameters, running an update, writing rows as one JDBC batch (and reading back their generated
 * ids). The stores use plain JDBC where Micronaut Data would cost a statement per row (batch
 * ingest, SEC imports, webhook fan-out), so these add nothing per row: no reflection, and the
 * lambdas a store passes are made once per statement.
 */
public final class JdbcRows {
  /** Rows per {@code executeBatch}: the driver holds a batch in memory until it is sent. */
  private static final int ROWS_PER_EXECUTE = 5000;

  private JdbcRows() {}

  /** Reads the current row of a result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Does something with the current row of a result set (puts it into a map, picks it out). */
  @FunctionalInterface
  public interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Binds the parameters of one row of a batch. */
  @FunctionalInterface
  public interface RowBinder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** A row as stored: the row written, with the id the database generated for it. */
  @FunctionalInterface
  public interface WithId<T, R> {
    R stored(T row, long id);
  }

  /**
   * Runs the statement's query; every row it yields, in order, as {@code reader} reads it (in a
   * list the caller may change).
   */
  public static <T> List<T> list(PreparedStatement ps, RowReader<T> reader) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(reader.read(rs));
      }
    }
    return out;
  }

  /** Runs a query that yields one row (an aggregate: a COUNT, a MAX) and reads it. */
  public static <T> T one(PreparedStatement ps, RowReader<T> reader) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return reader.read(rs);
    }
  }

  /** Runs the statement's query and hands each row, in order, to {@code action}. */
  public static void forEach(PreparedStatement ps, RowAction action) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        action.accept(rs);
      }
    }
  }

  /**
   * Binds {@code values} in order from parameter {@code first} on (an {@code IN} list, a query's
   * collected parameters); returns the index of the next parameter.
   */
  public static int bind(PreparedStatement ps, int first, Collection<?> values)
      throws SQLException {
    int i = first;
    for (Object v : values) {
      ps.setObject(i++, bindable(v));
    }
    return i;
  }

  /**
   * An enum as its name and an instant as UTC: Connector/J would store either as Java-serialized
   * bytes ({@code setObject} falls back to serialization for types it does not know).
   */
  private static Object bindable(Object v) {
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Instant t) {
      return Sql.utc(t);
    }
    return v;
  }

  /** Runs an INSERT, UPDATE or DELETE with these parameters; returns the rows it changed. */
  public static int update(JdbcOperations jdbc, String sql, Object... args) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, 1, Arrays.asList(args));
          return ps.executeUpdate();
        });
  }

  /**
   * Runs a query with these parameters; every row it yields, in order, as {@code reader} reads it
   * (in a list the caller may change).
   */
  public static <T> List<T> list(
      JdbcOperations jdbc, String sql, RowReader<T> reader, Object... args) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, 1, Arrays.asList(args));
          return list(ps, reader);
        });
  }

  /** Runs a query with these parameters that yields one row (a COUNT, a MAX) and reads it. */
  public static <T> T one(JdbcOperations jdbc, String sql, RowReader<T> reader, Object... args) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, 1, Arrays.asList(args));
          return one(ps, reader);
        });
  }

  /** Binds a parameter that may be null: a null is bound as a NULL of {@code sqlType}. */
  public static void setNullable(PreparedStatement ps, int i, Object value, int sqlType)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, sqlType);
    } else {
      ps.setObject(i, bindable(value));
    }
  }

  /** Runs {@code sql} over the rows as a JDBC batch, on a connection of the caller's. */
  public static <T> void batch(Connection conn, String sql, Collection<T> rows, RowBinder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      int n = 0;
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
        if (++n % ROWS_PER_EXECUTE == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Runs {@code sql} over the rows as a JDBC batch (nothing when there are none). */
  public static <T> void batch(
      JdbcOperations jdbc, String sql, Collection<T> rows, RowBinder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.execute(
        (Connection conn) -> {
          batch(conn, sql, rows, binder);
          return null;
        });
  }

  /**
   * Inserts the rows as one JDBC batch (one multi-row INSERT with {@code
   * rewriteBatchedStatements}); returns each row as stored with its generated id, in order.
   */
  public static <T, R> List<R> insertAll(
      Connection conn, String sql, List<T> rows, RowBinder<T> binder, WithId<T, R> stored)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
      List<R> out = new ArrayList<>(rows.size());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        for (T row : rows) {
          if (!keys.next()) {
            throw new SQLException("Fewer generated ids than inserted rows");
          }
          out.add(stored.stored(row, keys.getLong(1)));
        }
      }
      return out;
    }
  }
}
