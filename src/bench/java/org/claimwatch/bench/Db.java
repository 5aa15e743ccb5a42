package org.claimwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.claimwatch.claim.BenchClaims;
import org.claimwatch.system.Hashing;

/** What the benchmarks do over their own JDBC connections, besides what they measure. */
final class Db {
  private Db() {}

  /** The service's Connector/J settings (application.yml), so the benchmark's JDBC runs like it. */
  static String withProps(String url) {
    String props =
        "rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true"
            + "&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=4096"
            + "&useLocalSessionState=true&maintainTimeStats=false";
    return url + (url.contains("?") ? "&" : "?") + props;
  }

  /** The single number a query returns. */
  static long count(Connection jdbc, String sql) {
    try (Statement s = jdbc.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static void exec(Connection jdbc, String sql) throws SQLException {
    try (Statement s = jdbc.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code SELECT expression} as text, e.g. VERSION(); "?" if it fails. */
  static String variable(Connection jdbc, String expression) {
    try (Statement s = jdbc.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + expression)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return "?";
    }
  }

  /** "claims ~1,000 rows, data 3 MB, indexes 2 MB; ..." for the named tables of the database. */
  static String tableSizes(Connection jdbc, String... tables) {
    StringBuilder b = new StringBuilder();
    String in = String.join(",", Collections.nCopies(tables.length, "?"));
    try (PreparedStatement ps =
        jdbc.prepareStatement(
            "SELECT table_name, table_rows, data_length, index_length FROM"
                + " information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ("
                + in
                + ") ORDER BY table_name")) {
      for (int i = 0; i < tables.length; i++) {
        ps.setString(i + 1, tables[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (b.length() > 0) {
            b.append("; ");
          }
          b.append(
              String.format(
                  Locale.ROOT,
                  "%s ~%,d rows, data %d MB, indexes %d MB",
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getLong(3) >> 20,
                  rs.getLong(4) >> 20));
        }
      }
    } catch (SQLException e) {
      return "?";
    }
    return b.toString();
  }

  /**
   * The columns that one row leaves NULL and the other fills: {@code sqlA} and {@code sqlB} each
   * select one row with the same columns (of one table, or of two made alike). A benchmark's raw
   * JDBC side uses it to check that it still writes every column the production code writes.
   */
  static List<String> nullsDiffer(Connection jdbc, String sqlA, String sqlB) throws SQLException {
    Map<String, Boolean> a = nulls(jdbc, sqlA);
    Map<String, Boolean> b = nulls(jdbc, sqlB);
    List<String> out = new ArrayList<>();
    a.forEach(
        (column, isNull) -> {
          if (!isNull.equals(b.get(column))) {
            out.add(column);
          }
        });
    return out;
  }

  /** Per column of the one row {@code sql} selects: whether it is NULL. */
  private static Map<String, Boolean> nulls(Connection jdbc, String sql) throws SQLException {
    try (Statement s = jdbc.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("No row: " + sql);
      }
      Map<String, Boolean> out = new LinkedHashMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        rs.getObject(i);
        out.put(rs.getMetaData().getColumnLabel(i), rs.wasNull());
      }
      return out;
    }
  }

  /**
   * The database server's process, to report its CPU time: the pid in its {@code @@pid_file} (there
   * may be other mariadbd processes on the machine, e.g. a test run's embedded server); empty if
   * the server is not on this machine.
   */
  static Optional<ProcessHandle> findDatabaseProcess(Connection jdbc) {
    try (Statement s = jdbc.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@pid_file, @@datadir")) {
      if (rs.next() && rs.getString(1) != null) {
        Path pidFile = Path.of(rs.getString(2)).resolve(rs.getString(1));
        if (Files.isReadable(pidFile)) {
          return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      // not on this machine, or not readable
    }
    return Optional.empty();
  }

  /** Work on a connection that may fail with an SQLException. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on {@code c} and commits it (rolls it back if it fails); a
   * connection in autocommit mode is put back in it afterwards.
   */
  static <T> T transaction(Connection c, Work<T> work) throws SQLException {
    boolean auto = c.getAutoCommit();
    if (auto) {
      c.setAutoCommit(false);
    }
    try {
      T result = work.run();
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      if (auto) {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Loads {@code total} claims, {@code claim.apply(n)} for n from 0, with the production writer
   * ({@link BenchClaims}: ClaimStore's statement and binding), 1,000 a batch and a commit every
   * 10,000, submitted by the admin; returns the seconds it took.
   */
  static double loadClaims(Connection jdbc, long total, LongFunction<BenchClaims.Spec> claim)
      throws SQLException {
    int batchSize = 1000;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long t0 = System.nanoTime();
    boolean auto = jdbc.getAutoCommit();
    jdbc.setAutoCommit(false);
    try {
      List<BenchClaims.Spec> batch = new ArrayList<>(batchSize);
      for (long n = 0; n < total; n++) {
        batch.add(claim.apply(n));
        long done = n + 1;
        if (batch.size() == batchSize || done == total) {
          BenchClaims.insert(jdbc, BenchService.ADMIN, batch, now);
          batch.clear();
          if (done % (batchSize * 10L) == 0 || done == total) {
            jdbc.commit();
          }
          if (done % 100_000 == 0) {
            BenchService.log(
                "  %,d claims, %.0f claims/s", done, done / ((System.nanoTime() - t0) / 1e9));
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      jdbc.rollback();
      throw e;
    } finally {
      jdbc.setAutoCommit(auto);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A news article claims cite. */
  record Source(String url, String title, String publisher) {}

  /** {@code n} articles about {@code topic} on the markets pages of news{i}.example.com. */
  static List<Source> newsSources(int n, String topic) {
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Source(
              "https://news" + i + ".example.com/markets/2024/06/01/" + topic + "-" + i,
              topic + ", part " + i,
              "Market Wire"));
    }
    return out;
  }

  /**
   * Stores the sources (one row per URL, as the service keeps them; URLs already stored are kept)
   * and commits; returns the ids by URL, in the order given.
   */
  static Map<String, Long> insertSources(Connection jdbc, List<Source> sources)
      throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    Map<String, String> urlByHash = new HashMap<>();
    try (PreparedStatement ps =
        jdbc.prepareStatement(
            "INSERT IGNORE INTO sources (url, url_hash, title, publisher, published_at,"
                + " created_at) VALUES (?,?,?,?,?,?)")) {
      for (Source s : sources) {
        String hash = Hashing.sha256Hex(s.url());
        urlByHash.put(hash, s.url());
        ps.setString(1, s.url());
        ps.setString(2, hash);
        ps.setString(3, s.title());
        ps.setString(4, s.publisher());
        ps.setNull(5, Types.TIMESTAMP);
        ps.setObject(6, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Map<String, Long> idByUrl = new HashMap<>();
    try (PreparedStatement ps =
        jdbc.prepareStatement(
            "SELECT id, url_hash FROM sources WHERE url_hash IN ("
                + String.join(",", Collections.nCopies(urlByHash.size(), "?"))
                + ")")) {
      int i = 0;
      for (String hash : urlByHash.keySet()) {
        ps.setString(++i, hash);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          idByUrl.put(urlByHash.get(rs.getString(2)), rs.getLong(1));
        }
      }
    }
    if (!jdbc.getAutoCommit()) {
      jdbc.commit();
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (Source s : sources) {
      out.put(s.url(), idByUrl.get(s.url()));
    }
    return out;
  }

  /**
   * Counters of the database server (SHOW GLOBAL STATUS, all sessions) read around a measurement,
   * in the order named.
   */
  static final class Counters {
    private final Connection jdbc;
    private final List<String> names;

    /** What reading the counters itself adds to them (SHOW GLOBAL STATUS scans a table). */
    private Map<String, Long> noise = Map.of();

    Counters(Connection jdbc, List<String> names) {
      this.jdbc = jdbc;
      this.names = List.copyOf(names);
    }

    List<String> names() {
      return names;
    }

    Map<String, Long> read() throws SQLException {
      Map<String, Long> found = new HashMap<>();
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
        while (rs.next()) {
          if (names.contains(rs.getString(1))) {
            found.put(rs.getString(1), Long.parseLong(rs.getString(2)));
          }
        }
      }
      Map<String, Long> out = new LinkedHashMap<>();
      for (String name : names) {
        if (found.containsKey(name)) {
          out.put(name, found.get(name));
        }
      }
      return out;
    }

    /** Learns what one reading adds to the counters, to leave it out of every {@link #delta}. */
    Counters calibrate() throws SQLException {
      Map<String, Long> a = read();
      noise = delta(a, read());
      return this;
    }

    /** after - before, less what reading them adds, never below 0. */
    Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
      Map<String, Long> out = new LinkedHashMap<>();
      after.forEach(
          (k, v) ->
              out.put(k, Math.max(0, v - before.getOrDefault(k, 0L) - noise.getOrDefault(k, 0L))));
      return out;
    }
  }
}
