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
 * {@link #unapplied} and caught up by {@link MetricMapCatchUp}.
 */
@Singleton
public class MetricMap {
  static final String OWN_PREFIX = "metric:";
  private static final Pattern CONCEPT =
      Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[A-Za-z][A-Za-z0-9_]{0,200}");

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
    Map<String, String> applied = lockApplied();
    if (!wanted.equals(metricOfConcept())) {
      repository.deleteAll();
      List<MetricConcept> rows = new ArrayList<>();
      wanted.forEach((c, m) -> rows.add(new MetricConcept(null, m, c)));
      repository.saveAll(rows);
    }
    return applyAll(wanted, applied);
  }

  /**
   * The concepts whose metric differs between the map and the one the figures were computed with
   * (added, removed or moved by a migration), now recorded as applied: the caller recomputes their
   * entities in the same transaction. Waits for a {@link #replace} running at the same time.
   */
  Set<String> unapplied() {
    Map<String, String> applied = lockApplied();
    return applyAll(metricOfConcept(), applied);
  }

  private Map<String, String> lockApplied() {
    Map<String, String> applied = new HashMap<>();
    JdbcRows.list(
        jdbc,
        "SELECT concept, metric FROM metric_map_applied FOR UPDATE",
        rs -> applied.put(rs.getString(1), rs.getString(2)));
    return applied;
  }

  /** Records {@code map} as applied; returns the concepts it changes from {@code applied}. */
  private Set<String> applyAll(Map<String, String> map, Map<String, String> applied) {
    Set<String> changed = new HashSet<>();
    map.forEach(
        (c, m) -> {
          if (!m.equals(applied.get(c))) {
            changed.add(c);
          }
        });
    applied.forEach(
        (c, m) -> {
          if (!m.equals(map.get(c))) {
            changed.add(c);
          }
        });
    if (!changed.isEmpty()) {
      JdbcRows.update(jdbc, "DELETE FROM metric_map_applied");
      JdbcRows.batch(
          jdbc,
          "INSERT INTO metric_map_applied (concept, metric) VALUES (?, ?)",
          map.entrySet(),
          (ps, e) -> {
            ps.setString(1, e.getKey());
            ps.setString(2, e.getValue());
          });
    }
    return changed;
  }
}
