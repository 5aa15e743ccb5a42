package org.claimwatch.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Numbers;

/**
 * Describes a fact (a reported or derived figure) or a report that a verdict cites as evidence, as
 * it stands now: the verdict keeps this text, so it still reads right after later restatements.
 */
@Singleton
public class EvidenceLookup {
  private final JdbcOperations jdbc;
  private final SubjectService subjects;

  EvidenceLookup(JdbcOperations jdbc, SubjectService subjects) {
    this.jdbc = jdbc;
    this.subjects = subjects;
  }

  /** What a piece of evidence is, and the filing it comes from. */
  public record Described(long reportId, String label, String form, LocalDate filedOn) {
    /** "10-Q filed 2024-04-26" */
    public String filing() {
      return form + " filed " + filedOn;
    }
  }

  /**
   * A fact as the facts API lists it: a reported or derived figure, named with its entity, since a
   * verdict may cite another entity's figure (a rival's revenue, a parent's) and its label must not
   * read as the claim's own.
   */
  public Optional<Described> fact(long id) {
    return one(
        "SELECT report_id, metric, unit, period_start, period_end, value, form, filed_on,"
            + " derivation, entity_id FROM figures WHERE id = ?",
        id,
        rs -> {
          String derivation = rs.getString(9);
          return new Found(
              rs.getLong(1),
              rs.getLong(10),
              rs.getString(2)
                  + " = "
                  + number(rs.getBigDecimal(6), rs.getString(3))
                  + " for "
                  + period(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))
                  + (derivation == null ? "" : ", derived: " + derivation)
                  + " ("
                  + rs.getString(7)
                  + " filed "
                  + rs.getObject(8, LocalDate.class)
                  + ")",
              rs.getString(7),
              rs.getObject(8, LocalDate.class));
        });
  }

  public Optional<Described> report(long id) {
    return one(
        "SELECT id, form, filed_on, title, accession_number, entity_id FROM reports WHERE id = ?",
        id,
        rs -> {
          String title = rs.getString(4) != null ? rs.getString(4) : rs.getString(5);
          return new Found(
              rs.getLong(1),
              rs.getLong(6),
              rs.getString(2)
                  + " filed "
                  + rs.getObject(3, LocalDate.class)
                  + (title == null ? "" : ": " + title),
              rs.getString(2),
              rs.getObject(3, LocalDate.class));
        });
  }

  /** A row as read: its entity is named once the statement is closed. */
  private record Found(
      long reportId, long entityId, String label, String form, LocalDate filedOn) {}

  private interface Row {
    Found map(ResultSet rs) throws java.sql.SQLException;
  }

  private Optional<Described> one(String sql, long id, Row row) {
    Optional<Found> found =
        jdbc.prepareStatement(
            sql,
            ps -> {
              ps.setLong(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.<Found>empty();
              }
            });
    return found.map(
        f ->
            new Described(
                f.reportId(), capped(entity(f.entityId()) + f.label()), f.form(), f.filedOn()));
  }

  /** "Apple Inc.: ", the entity a figure or report is of, as the label's first words. */
  private String entity(long id) {
    String name = subjects.names(List.of(id)).get(id);
    return name == null ? "" : name + ": ";
  }

  /** The longest label stored ({@code verdict_evidence.label}, in characters). */
  static final int LABEL_MAX = 500;

  /** {@code label}, cut to what is stored, with an ellipsis where it was cut. */
  static String capped(String label) {
    if (label.codePointCount(0, label.length()) <= LABEL_MAX) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, LABEL_MAX - 1)) + "\u2026";
  }

  private static String number(BigDecimal value, String unit) {
    return Numbers.plain(value) + " " + unit;
  }

  private static String period(LocalDate start, LocalDate end) {
    return start == null ? end.toString() : start + ".." + end;
  }
}
