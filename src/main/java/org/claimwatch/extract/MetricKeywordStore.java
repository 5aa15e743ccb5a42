package org.claimwatch.extract;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import org.claimwatch.system.JdbcRows;

/** The table {@code metric_keywords} (V37): every statement on it. */
@Singleton
class MetricKeywordStore {
  /** A row: a keyword (lower case) of a language and the metric it names. */
  record Row(String language, String keyword, String metric, boolean negative) {}

  /** The rows with the version they were read at. */
  record Snapshot(String version, List<Row> rows) {}

  private final JdbcOperations jdbc;

  MetricKeywordStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Changes whenever the rows may have: their count and newest id (a replacement deletes every row
   * and inserts new ones, whose ids are higher than any before). One cheap query.
   */
  @Transactional
  public String version() {
    return JdbcRows.one(
        jdbc,
        "SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM metric_keywords",
        rs -> rs.getString(1));
  }

  /** The rows and their version, read together. */
  @Transactional
  public Snapshot snapshot() {
    return new Snapshot(version(), rows(""));
  }

  /** Every row, by language and keyword. */
  @Transactional
  public List<Row> all() {
    return rows("");
  }

  /**
   * Replaces every row with {@code wanted} unless they are the same already (then nothing is
   * written, and the version stays); returns the rows as they now stand. The current rows are read
   * locked, so a second caller at the same time waits and compares with what the first wrote.
   */
  @Transactional
  public List<Row> replace(List<Row> wanted) {
    List<Row> current = rows(" FOR UPDATE");
    if (new HashSet<>(current).equals(new HashSet<>(wanted)) && current.size() == wanted.size()) {
      return current;
    }
    JdbcRows.update(jdbc, "DELETE FROM metric_keywords");
    JdbcRows.batch(
        jdbc,
        "INSERT INTO metric_keywords (language, keyword, metric, negative) VALUES (?, ?, ?, ?)",
        wanted,
        (ps, r) -> {
          ps.setString(1, r.language());
          ps.setString(2, r.keyword());
          ps.setString(3, r.metric());
          ps.setBoolean(4, r.negative());
        });
    return rows("");
  }

  private List<Row> rows(String lock) {
    return JdbcRows.list(
        jdbc,
        "SELECT language, keyword, metric, negative FROM metric_keywords"
            + " ORDER BY language, keyword, id"
            + lock,
        rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
  }
}
