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

  /** A metric's concepts, the preferred first. */
  @Serdeable
  public record MetricConcepts(String metric, List<String> concepts) {}

  /**
   * What a concept stands for: its metric, and its place among the metric's concepts (the lowest
   * counts where one filing gives a period under two).
   */
  public record Mapped(String metric, int preference) {}

  @Serdeable
  public record MetricsBody(List<MetricConcepts> metrics) {}

  /** Every metric's concepts, the preferred first, in the order {@link FigureCalculator} uses. */
  public List<MetricConcepts> list() {
    Map<String, List<MetricConcept>> byMetric = new TreeMap<>();
    for (MetricConcept mc : repository.findAll()) {
      byMetric.computeIfAbsent(mc.metric(), k -> new ArrayList<>()).add(mc);
    }
    List<MetricConcepts> out = new ArrayList<>();
    byMetric.forEach(
        (m, cs) ->
            out.add(
                new MetricConcepts(
                    m,
                    cs.stream()
                        .sorted(
                            (a, b) ->
                                FigureCalculator.precedence(
                                    a.concept(), a.preference(), b.concept(), b.preference()))
                        .map(MetricConcept::concept)
                        .toList())));
    return out;
  }

  /** Concept -> its metric and place among the metric's concepts ({@link #ranked}). */
  Map<String, Mapped> metricOfConcept() {
    Map<String, Mapped> m = new HashMap<>();
    for (MetricConcept mc : repository.findAll()) {
      m.put(mc.concept(), new Mapped(mc.metric(), mc.preference()));
    }
    return ranked(m);
  }

  /**
   * The same map with each concept's preference its place in its metric's order (0 the preferred),
   * so two maps that order every metric's concepts alike are equal whatever numbers gave the order.
   */
  private static Map<String, Mapped> ranked(Map<String, Mapped> map) {
    Map<String, List<String>> byMetric = new HashMap<>();
    map.forEach((c, m) -> byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(c));
    Map<String, Mapped> out = new HashMap<>();
    byMetric.forEach(
        (metric, concepts) -> {
          concepts.sort(
              (a, b) ->
                  FigureCalculator.precedence(
                      a, map.get(a).preference(), b, map.get(b).preference()));
          for (int i = 0; i < concepts.size(); i++) {
            out.put(concepts.get(i), new Mapped(metric, i));
          }
        });
    return out;
  }

  /**
   * Replaces the map with {@code body}, each metric's concepts preferred in the order given;
   * returns the concepts whose metric or place changed (added, removed, moved or reordered), whose
   * entities need their figures recomputed.
   */
  Set<String> replace(MetricsBody body) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Mapped> wanted = new HashMap<>();
    List<MetricConcepts> items =
        body == null || body.metrics() == null ? List.of() : body.metrics();
    if (items.isEmpty()) {
      errors.add(new FieldError("metrics", "required: [{metric, concepts: [...]}, ...]"));
    }
    Set<String> metricsSeen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      MetricConcepts mc = items.get(i);
      String p = "metrics[" + i + "]";
      if (mc == null || !Claim.isMetric(mc.metric())) {
        errors.add(new FieldError(p + ".metric", "must be a lower-case key such as capex"));
        continue;
      }
      if (!metricsSeen.add(mc.metric())) {
        // its concepts' order would be two orders
        errors.add(new FieldError(p + ".metric", "listed twice: give a metric's concepts once"));
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
        } else if (wanted.putIfAbsent(c, new Mapped(mc.metric(), k)) != null
            && !wanted.get(c).metric().equals(mc.metric())) {
          errors.add(
              new FieldError(
                  p + ".concepts[" + k + "]",
                  "already stands for metric " + wanted.get(c).metric()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    wanted = ranked(wanted);
    Map<String, Mapped> current = metricOfConcept();
    Set<String> changed = differing(wanted, current);
    if (!changed.isEmpty()) {
      repository.deleteAll();
      List<MetricConcept> rows = new ArrayList<>();
      wanted.forEach((c, m) -> rows.add(new MetricConcept(null, m.metric(), c, m.preference())));
      repository.saveAll(rows);
      markApplied(changed); // the caller recomputes them in this transaction
    }
    return changed;
  }

  /**
   * The concepts whose metric or preference differs between the map and the one the stored figures
   * were computed with: added, removed, moved or reordered by a migration since (a {@link #replace}
   * applies its own changes at once). Read only; {@link #markApplied} records them once recomputed.
   */
  Set<String> unapplied() {
    Map<String, Mapped> applied = new HashMap<>();
    JdbcRows.list(
        jdbc,
        "SELECT concept, metric, preference FROM metric_map_applied",
        rs -> applied.put(rs.getString(1), new Mapped(rs.getString(2), rs.getInt(3))));
    applied.remove(CALCULATOR);
    return differing(metricOfConcept(), ranked(applied));
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
   * Records these concepts as applied with the metric and place the map gives them now (none:
   * removed). The map's rows are read with a lock, so a {@link #replace} committing meanwhile is
   * waited for and what it wrote is what is recorded. A concept's place is recorded as its rank
   * ({@link #ranked}): one whose rank did not change is not in {@code concepts} and keeps its row.
   */
  void markApplied(Set<String> concepts) {
    if (concepts.isEmpty()) {
      return;
    }
    Map<String, Mapped> map = new HashMap<>();
    JdbcRows.list(
        jdbc,
        "SELECT concept, metric, preference FROM metric_concepts FOR UPDATE",
        rs -> map.put(rs.getString(1), new Mapped(rs.getString(2), rs.getInt(3))));
    Map<String, Mapped> now = ranked(map);
    now.keySet().retainAll(concepts);
    String marks = org.claimwatch.system.Sql.marks(concepts.size());
    JdbcRows.update(
        jdbc,
        "DELETE FROM metric_map_applied WHERE concept IN (" + marks + ")",
        concepts.toArray());
    JdbcRows.batch(
        jdbc,
        "INSERT INTO metric_map_applied (concept, metric, preference) VALUES (?, ?, ?)",
        now.entrySet(),
        (ps, e) -> {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue().metric());
          ps.setInt(3, e.getValue().preference());
        });
  }

  /**
   * The concepts {@code a} and {@code b} map differently (another metric or preference, or only one
   * maps them).
   */
  private static Set<String> differing(Map<String, Mapped> a, Map<String, Mapped> b) {
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
