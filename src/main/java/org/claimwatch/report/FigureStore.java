package org.claimwatch.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.claimwatch.system.JdbcRows;

/**
 * The {@code figures} table: an entity's figures are recomputed after each import and written back
 * as a diff. Rows whose value changed (new, restated, derived anew) get the import's id, which is
 * how the re-check planner finds what is new; a value re-reported unchanged in a later filing only
 * moves the row's source to that filing.
 */
@Singleton
class FigureStore {
  private final JdbcOperations jdbc;

  FigureStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  private record Stored(
      long id,
      BigDecimal value,
      long reportId,
      String derivation,
      LocalDate firstFiled,
      Integer fiscalYear,
      String fiscalPeriod) {}

  private static String key(String metric, String unit, LocalDate start, LocalDate end) {
    return metric + "|" + unit + "|" + start + "|" + end;
  }

  /** Every entity with figures. */
  List<Long> entities() {
    return JdbcRows.list(jdbc, "SELECT DISTINCT entity_id FROM figures", rs -> rs.getLong(1));
  }

  /** Writes the entity's figures; returns how many rows are new, changed, re-sourced or gone. */
  int replace(long entityId, List<Figure> figures, long importId) {
    Changes c = changes(stored(entityId), figures);
    jdbc.execute(
        (Connection conn) -> {
          JdbcRows.batch(
              conn,
              "INSERT INTO figures (entity_id, metric, unit, period_start, period_end,"
                  + " period_type, fiscal_year, fiscal_period, value, kind, derivation,"
                  + " concept, report_id, form, filed_on, restated, import_id,"
                  + " first_filed_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
              c.inserts(),
              (ps, f) -> {
                ps.setLong(1, entityId);
                bind(ps, 2, f, importId);
              });
          JdbcRows.batch(
              conn,
              "UPDATE figures SET metric = ?, unit = ?, period_start = ?, period_end = ?,"
                  + " period_type = ?, fiscal_year = ?, fiscal_period = ?, value = ?,"
                  + " kind = ?, derivation = ?, concept = ?, report_id = ?, form = ?,"
                  + " filed_on = ?, restated = ?, import_id = ?, first_filed_on = ?"
                  + " WHERE id = ?",
              c.updates(),
              (ps, u) -> {
                bind(ps, 1, u.getValue(), importId);
                ps.setLong(18, u.getKey());
              });
          JdbcRows.batch(
              conn,
              "UPDATE figures SET concept = ?, report_id = ?, form = ?, filed_on = ?,"
                  + " fiscal_year = ?, fiscal_period = ? WHERE id = ?",
              c.reSourced(),
              (ps, u) -> bindSource(ps, u.getValue(), u.getKey()));
          JdbcRows.batch(
              conn, "DELETE FROM figures WHERE id = ?", c.gone(), (ps, id) -> ps.setLong(1, id));
          return null;
        });
    // A figure that goes takes the checks resting on it (foreign key); the planner still hears of
    // it, since claims judged on the latest period reported may now rest on another one. It hears
    // of a re-sourced figure too: no claim is flagged for it, but the checks show the filing.
    return c.inserts().size() + c.updates().size() + c.gone().size() + c.reSourced().size();
  }

  /** What a recomputation changes: new figures, changed ones, re-sourced ones, and the gone. */
  private record Changes(
      List<Figure> inserts,
      List<Map.Entry<Long, Figure>> updates,
      List<Map.Entry<Long, Figure>> reSourced,
      List<Long> gone) {}

  /** The entity's stored figures by metric, unit and period. */
  private Map<String, Stored> stored(long entityId) {
    Map<String, Stored> stored = new HashMap<>();
    jdbc.prepareStatement(
        "SELECT id, metric, unit, period_start, period_end, value, report_id, derivation,"
            + " first_filed_on, fiscal_year, fiscal_period FROM figures WHERE entity_id = ?",
        ps -> {
          ps.setLong(1, entityId);
          JdbcRows.forEach(
              ps,
              rs ->
                  stored.put(
                      key(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getObject(4, LocalDate.class),
                          rs.getObject(5, LocalDate.class)),
                      new Stored(
                          rs.getLong(1),
                          rs.getBigDecimal(6),
                          rs.getLong(7),
                          rs.getString(8),
                          rs.getObject(9, LocalDate.class),
                          rs.getObject(10, Integer.class),
                          rs.getString(11))));
          return null;
        });
    return stored;
  }

  private static Changes changes(Map<String, Stored> stored, List<Figure> figures) {
    Changes c = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
    for (Figure f : figures) {
      Stored s = stored.remove(key(f.metric(), f.unit(), f.start(), f.end()));
      if (s == null) {
        c.inserts().add(f);
      } else if (s.value().compareTo(f.value()) != 0
          || !Objects.equals(s.derivation(), f.derivation())
          || !f.firstFiled().equals(s.firstFiled())) {
        c.updates().add(Map.entry(s.id(), f));
      } else if (s.reportId() != f.reportId()
          || !Objects.equals(s.fiscalYear(), f.fiscalYear())
          || !Objects.equals(s.fiscalPeriod(), f.fiscalPeriod())) {
        // The same value, cited from another filing (another concept's), or labelled anew in the
        // fiscal calendar: nothing changed that a claim could hear of.
        c.reSourced().add(Map.entry(s.id(), f));
      }
    }
    return new Changes(
        c.inserts(), c.updates(), c.reSourced(), stored.values().stream().map(Stored::id).toList());
  }

  private static void bindSource(PreparedStatement ps, Figure f, long id)
      throws java.sql.SQLException {
    ps.setString(1, f.concept());
    ps.setLong(2, f.reportId());
    ps.setString(3, f.form());
    ps.setObject(4, f.filed());
    JdbcRows.setNullable(ps, 5, f.fiscalYear(), Types.INTEGER);
    ps.setString(6, f.fiscalPeriod());
    ps.setLong(7, id);
  }

  /** Binds the 17 columns from metric to first_filed_on, starting at {@code i}. */
  private static void bind(PreparedStatement ps, int i, Figure f, long importId)
      throws java.sql.SQLException {
    ps.setString(i++, f.metric());
    ps.setString(i++, f.unit());
    ps.setObject(i++, f.start());
    ps.setObject(i++, f.end());
    ps.setString(i++, f.type().name());
    JdbcRows.setNullable(ps, i++, f.fiscalYear(), Types.INTEGER);
    ps.setString(i++, f.fiscalPeriod());
    ps.setBigDecimal(i++, f.value());
    ps.setString(i++, f.derived() ? "DERIVED" : "REPORTED");
    ps.setString(i++, f.derivation());
    ps.setString(i++, f.concept());
    ps.setLong(i++, f.reportId());
    ps.setString(i++, f.form());
    ps.setObject(i++, f.filed());
    ps.setBoolean(i++, f.restated());
    ps.setLong(i++, importId);
    ps.setObject(i, f.firstFiled());
  }

  /** The entity's figures for the facts API, optionally one metric and within a span. */
  List<FigureView> list(long entityId, String metric, LocalDate from, LocalDate to) {
    return JdbcRows.list(
        jdbc,
        "SELECT f.metric, f.unit, f.period_start, f.period_end, f.period_type, f.fiscal_year,"
            + " f.fiscal_period, f.value, f.kind, f.derivation, f.concept, f.report_id, f.form,"
            + " f.filed_on, f.restated, r.accession_number, f.id FROM figures f"
            + " JOIN reports r ON r.id = f.report_id WHERE f.entity_id = ?"
            + " AND (? IS NULL OR f.metric = ?) AND (? IS NULL OR f.period_end >= ?)"
            + " AND (? IS NULL OR f.period_start <= ?)"
            + " ORDER BY f.metric, f.period_end, f.period_start DESC",
        rs ->
            new FigureView(
                rs.getLong(17),
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, LocalDate.class).toString(),
                rs.getObject(4, LocalDate.class).toString(),
                rs.getString(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                org.claimwatch.system.Numbers.plain(rs.getBigDecimal(8)),
                rs.getString(9),
                rs.getString(10) == null ? "as reported" : rs.getString(10),
                rs.getString(11),
                new FigureView.Source(
                    rs.getLong(12),
                    rs.getString(13),
                    rs.getObject(14, LocalDate.class).toString(),
                    rs.getString(16)),
                rs.getBoolean(15)),
        entityId,
        metric,
        metric,
        from,
        from,
        to,
        to);
  }
}
