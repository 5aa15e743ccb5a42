package org.claimwatch.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.claimwatch.claim.Claim;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.ProblemException;

/**
 * Which filing concepts stand for which claim metric (table {@code metric_concepts}). Facts of
 * reports that are not SEC filings carry their metric directly, as concept {@code metric:<name>}.
 *
 * <p>{@code metric_map_applied} holds the map the stored figures were computed with. A change made
 * here ({@link #replace}) is applied in its own transaction; one a migration made is found by
 * {@link #unapplied} and caught up by {@link MetricMapCatchUp}, one entity at a time.
 */
@Singleton
public class MetricMap {
  static final String OWN_PREFIX = "metric:";
  private static final Pattern CONCEPT =
      Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[A-Za-z][A-Za-z0-9_]{0,200}");

  /**
   * The row of {@code metric_map_applied} that holds the {@link FigureCalculator#VERSION} the
   * stored figures were computed by (no concept is written so).
   */
  static final String CALCULATOR = "#figure-calculator";

  private final MetricConceptRepository repository;
  private final JdbcOperations jdbc;

  MetricMap(MetricConceptRepository repository, JdbcOperations jdbc) {
    this.repository = repository;
    this.jdbc = jdbc;
  }

  @Serdeable
  public record MetricConcepts(String metric, List<String> concepts) {}

  @Serdeable
  public record MetricsBody(List<MetricConcepts> metrics) {}

  public List<MetricConcepts> list() {
    Map<String, List<String>> byMetric = new TreeMap<>();
    for (MetricConcept mc : repository.findAll()) {
      byMetric.computeIfAbsent(mc.metric(), k -> new ArrayList<>()).add(mc.concept());
    }
    List<MetricConcepts> out = new ArrayList<>();
    byMetric.forEach((m, cs) -> out.add(new MetricConcepts(m, cs.stream().sorted().toList())));
    return out;
  }

  /** Concept -> metric. */
  Map<String, String> metricOfConcept() {
    Map<String, String> m = new HashMap<>();
    for (MetricConcept mc : repository.findAll()) {
      m.put(mc.concept(), mc.metric());
    }
    return m;
  }

  /**
   * Replaces the map with {@code body}; returns the concepts whose metric changed (added, removed
   * or moved), whose entities need their figures recomputed.
   */
  Set<String> replace(MetricsBody body) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> wanted = new HashMap<>();
    List<MetricConcepts> items =
        body == null || body.metrics() == null ? List.of() : body.metrics();
    if (items.isEmpty()) {
      errors.add(new FieldError("metrics", "required: [{metric, concepts: [...]}, ...]"));
    }
    for (int i = 0; i < items.size(); i++) {
      MetricConcepts mc = items.get(i);
      String p = "metrics[" + i + "]";
      if (mc == null || !Claim.isMetric(mc.metric())) {
        errors.add(new FieldError(p + ".metric", "must be a lower-case key such as capex"));
        continue;
      }
      List<String> concepts = mc.concepts() == null ? List.of() : mc.concepts();
      for (int k = 0; k < concepts.size(); k++) {
        String c = concepts.get(k);
        if (c == null || !CONCEPT.matcher(c).matches()) {
          errors.add(
              new FieldError(
                  p + ".concepts[" + k + "]",
                  "must be taxonomy:Concept, e.g. us-gaap:PaymentsToAcquireProductiveAssets"));
        } else if (wanted.putIfAbsent(c, mc.metric()) != null
            && !wanted.get(c).equals(mc.metric())) {
          errors.add(
              new FieldError(
                  p + ".concepts[" + k + "]", "already stands for metric " + wanted.get(c)));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    Map<String, String> current = metricOfConcept();
    Set<String> changed = differing(wanted, current);
    if (!changed.isEmpty()) {
      repository.deleteAll();
      List<MetricConcept> rows = new ArrayList<>();
      wanted.forEach((c, m) -> rows.add(new MetricConcept(null, m, c)));
      repository.saveAll(rows);
      markApplied(changed); // the caller recomputes them in this transaction
    }
    return changed;
  }

  /**
   * The concepts whose metric differs between the map and the one the stored figures were computed
   * with: added, removed or moved by a migration since (a {@link #replace} applies its own changes
   * at once). Read only; {@link #markApplied} records them once recomputed.
   */
  Set<String> unapplied() {
    Map<String, String> applied = new HashMap<>();
    JdbcRows.list(
        jdbc,
        "SELECT concept, metric FROM metric_map_applied",
        rs -> applied.put(rs.getString(1), rs.getString(2)));
    applied.remove(CALCULATOR);
    return differing(metricOfConcept(), applied);
  }

  /** Whether the stored figures were all computed by this {@link FigureCalculator#VERSION}. */
  boolean calculatorCurrent() {
    List<String> version =
        JdbcRows.list(
            jdbc,
            "SELECT metric FROM metric_map_applied WHERE concept = ?",
            rs -> rs.getString(1),
            CALCULATOR);
    return version.equals(List.of(String.valueOf(FigureCalculator.VERSION)));
  }

  /**
   * Records that the stored figures are all computed by this {@link FigureCalculator#VERSION} (once
   * every entity was recomputed).
   */
  void markCalculatorCurrent() {
    JdbcRows.update(jdbc, "DELETE FROM metric_map_applied WHERE concept = ?", CALCULATOR);
    JdbcRows.update(
        jdbc,
        "INSERT INTO metric_map_applied (concept, metric) VALUES (?, ?)",
        CALCULATOR,
        String.valueOf(FigureCalculator.VERSION));
  }

  /**
   * Records these concepts as applied with the metric the map gives them now (none: removed). The
   * map's rows are read with a lock, so a {@link #replace} committing meanwhile is waited for and
   * what it wrote is what is recorded.
   */
  void markApplied(Set<String> concepts) {
    if (concepts.isEmpty()) {
      return;
    }
    String marks = org.claimwatch.system.Sql.marks(concepts.size());
    Object[] args = concepts.toArray();
    Map<String, String> now = new HashMap<>();
    JdbcRows.list(
        jdbc,
        "SELECT concept, metric FROM metric_concepts WHERE concept IN (" + marks + ") FOR UPDATE",
        rs -> now.put(rs.getString(1), rs.getString(2)),
        args);
    JdbcRows.update(jdbc, "DELETE FROM metric_map_applied WHERE concept IN (" + marks + ")", args);
    JdbcRows.batch(
        jdbc,
        "INSERT INTO metric_map_applied (concept, metric) VALUES (?, ?)",
        now.entrySet(),
        (ps, e) -> {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue());
        });
  }

  /** The concepts {@code a} and {@code b} give different metrics (or only one gives one). */
  private static Set<String> differing(Map<String, String> a, Map<String, String> b) {
    Set<String> out = new HashSet<>();
    a.forEach(
        (c, m) -> {
          if (!m.equals(b.get(c))) {
            out.add(c);
          }
        });
    b.forEach(
        (c, m) -> {
          if (!m.equals(a.get(c))) {
            out.add(c);
          }
        });
    return out;
  }
}
