package org.claimwatch.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.claimwatch.system.Hashing;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Sql;

/**
 * Reported facts: read and written with plain JDBC batches in the caller's transaction (an import
 * writes tens of thousands of rows; Micronaut Data would insert them one at a time).
 */
@Singleton
class FactStore {
  private static final String INSERT =
      "INSERT INTO reported_facts (entity_id, report_id, concept, unit, period_start, period_end,"
          + " value, frame, filed_on, restated, fact_key, created_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

  private final JdbcOperations jdbc;

  FactStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A fact as an import brings it, pointing at its stored report. */
  record Incoming(
      String concept,
      String unit,
      LocalDate start,
      LocalDate end,
      BigDecimal value,
      String frame,
      LocalDate filed,
      long reportId) {}

  /** A fact to store: {@code restated} when it changes the value an earlier filing gave. */
  record NewFact(long entityId, Incoming fact, boolean restated, String key) {}

  /** The key that makes a fact the same fact: entity, concept, unit, period and report. */
  static String key(
      long entityId, String concept, String unit, LocalDate start, LocalDate end, long reportId) {
    return Hashing.sha256Hex(
        entityId + "|" + concept + "|" + unit + "|" + start + "|" + end + "|" + reportId);
  }

  /** What is stored of an entity's series: the newest filing's value per concept, unit, period. */
  record Known(BigDecimal value, LocalDate filed) {}

  /** Keys of the facts already stored for the entity, and per series+period the newest value. */
  void load(long entityId, Collection<String> keysOut, Map<String, Known> newestOut) {
    jdbc.prepareStatement(
        "SELECT fact_key, concept, unit, period_start, period_end, value, filed_on"
            + " FROM reported_facts WHERE entity_id = ?",
        ps -> {
          ps.setLong(1, entityId);
          JdbcRows.forEach(
              ps,
              rs -> {
                keysOut.add(rs.getString(1));
                String series = series(rs.getString(2), rs.getString(3), date(rs, 4), date(rs, 5));
                Known k = new Known(rs.getBigDecimal(6), date(rs, 7));
                newestOut.merge(series, k, (a, b) -> b.filed().isAfter(a.filed()) ? b : a);
              });
          return null;
        });
  }

  static String series(String concept, String unit, LocalDate start, LocalDate end) {
    return concept + "|" + unit + "|" + start + "|" + end;
  }

  void insert(List<NewFact> facts, Instant now) {
    LocalDateTime createdAt = Sql.utc(now);
    JdbcRows.batch(
        jdbc,
        INSERT,
        facts,
        (ps, nf) -> {
          Incoming f = nf.fact();
          ps.setLong(1, nf.entityId());
          ps.setLong(2, f.reportId());
          ps.setString(3, f.concept());
          ps.setString(4, f.unit());
          JdbcRows.setNullable(ps, 5, f.start(), Types.DATE);
          ps.setObject(6, f.end());
          ps.setBigDecimal(7, f.value());
          ps.setString(8, f.frame());
          ps.setObject(9, f.filed());
          ps.setBoolean(10, nf.restated());
          ps.setString(11, nf.key());
          ps.setObject(12, createdAt);
        });
  }

  /** Every fact of the entity for these concepts, with the form of its report. */
  List<Fact> factsFor(long entityId, Collection<String> concepts) {
    if (concepts.isEmpty()) {
      return List.of();
    }
    String marks = org.claimwatch.system.Sql.marks(concepts.size());
    return jdbc.prepareStatement(
        "SELECT f.id, f.report_id, f.concept, f.unit, f.period_start, f.period_end, f.value,"
            + " f.filed_on, r.form FROM reported_facts f JOIN reports r ON r.id = f.report_id"
            + " WHERE f.entity_id = ? AND f.concept IN ("
            + marks
            + ")",
        ps -> {
          ps.setLong(1, entityId);
          JdbcRows.bind(ps, 2, concepts);
          return JdbcRows.list(
              ps,
              rs ->
                  new Fact(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getString(4),
                      date(rs, 5),
                      date(rs, 6),
                      rs.getBigDecimal(7),
                      date(rs, 8),
                      rs.getString(9)));
        });
  }

  /** The entity's concepts that start with {@code prefix} (its own-metric facts). */
  List<String> conceptsLike(long entityId, String prefix) {
    return jdbc.prepareStatement(
        "SELECT DISTINCT concept FROM reported_facts WHERE entity_id = ? AND concept LIKE ?",
        ps -> {
          ps.setLong(1, entityId);
          ps.setString(2, prefix + "%");
          return JdbcRows.list(ps, rs -> rs.getString(1));
        });
  }

  /** Entities that have facts for any of these concepts. */
  List<Long> entitiesWith(Collection<String> concepts) {
    if (concepts.isEmpty()) {
      return List.of();
    }
    String marks = org.claimwatch.system.Sql.marks(concepts.size());
    return jdbc.prepareStatement(
        "SELECT DISTINCT entity_id FROM reported_facts WHERE concept IN (" + marks + ")",
        ps -> {
          JdbcRows.bind(ps, 1, concepts);
          return JdbcRows.list(ps, rs -> rs.getLong(1));
        });
  }

  /** DATE columns are read as LocalDate: no time zone can shift them. */
  static LocalDate date(ResultSet rs, int col) throws SQLException {
    return rs.getObject(col, LocalDate.class);
  }
}
