package org.claimwatch.report;

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
import org.claimwatch.system.ProblemException;

/**
 * Which filing concepts stand for which claim metric (table {@code metric_concepts}). Facts of
 * reports that are not SEC filings carry their metric directly, as concept {@code metric:<name>}.
 */
@Singleton
public class MetricMap {
  static final String OWN_PREFIX = "metric:";
  private static final Pattern CONCEPT =
      Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[A-Za-z][A-Za-z0-9_]{0,200}");

  private final MetricConceptRepository repository;

  MetricMap(MetricConceptRepository repository) {
    this.repository = repository;
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
    Set<String> changed = new HashSet<>();
    for (var e : wanted.entrySet()) {
      if (!e.getValue().equals(current.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (var e : current.entrySet()) {
      if (!e.getValue().equals(wanted.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    if (!changed.isEmpty()) {
      repository.deleteAll();
      List<MetricConcept> rows = new ArrayList<>();
      wanted.forEach((c, m) -> rows.add(new MetricConcept(null, m, c)));
      repository.saveAll(rows);
    }
    return changed;
  }
}
