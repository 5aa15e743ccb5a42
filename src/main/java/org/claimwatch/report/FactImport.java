package org.claimwatch.report;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.report.FactStore.Incoming;
import org.claimwatch.report.FactStore.Known;
import org.claimwatch.report.FactStore.NewFact;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;

/**
 * What every import does with the facts it read, in its transaction: stores the new ones (a changed
 * value of a period an earlier filing gave is a restatement), recomputes the entity's figures and
 * lets the {@link FiguresChangedListener}s (the re-check planner) flag the claims they bear on.
 */
@Singleton
class FactImport {
  private final FactStore facts;
  private final FigureStore figures;
  private final MetricMap metrics;
  private final List<FiguresChangedListener> listeners;
  private final ReportImportRepository imports;
  private final ImportJobs jobs;
  private final Outbox outbox;
  private final Clock clock;

  FactImport(
      FactStore facts,
      FigureStore figures,
      MetricMap metrics,
      List<FiguresChangedListener> listeners,
      ReportImportRepository imports,
      ImportJobs jobs,
      Outbox outbox,
      Clock clock) {
    this.facts = facts;
    this.figures = figures;
    this.metrics = metrics;
    this.listeners = listeners;
    this.imports = imports;
    this.jobs = jobs;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Stores the new facts, marks restatements, recomputes figures and flags claims. */
  ReportImport store(
      ReportImport run, long entityId, List<Incoming> incoming, int filings, Instant now) {
    jobs.progress(run, "storing facts");
    Set<String> keys = new HashSet<>();
    Map<String, Known> newest = new HashMap<>();
    facts.load(entityId, keys, newest);
    List<NewFact> fresh = new ArrayList<>();
    int unchanged = 0;
    int restatements = 0;
    // Oldest filing first, so a later filing that changes a value is the restatement.
    incoming.sort(
        java.util.Comparator.comparing(Incoming::filed).thenComparing(Incoming::reportId));
    for (Incoming f : incoming) {
      String key = FactStore.key(entityId, f.concept(), f.unit(), f.start(), f.end(), f.reportId());
      if (!keys.add(key)) {
        unchanged++;
        continue;
      }
      String series = FactStore.series(f.concept(), f.unit(), f.start(), f.end());
      Known before = newest.get(series);
      boolean restated =
          before != null
              && !f.filed().isBefore(before.filed())
              && Restatements.material(before.value(), f.value());
      if (restated) {
        restatements++;
      }
      if (before == null || !f.filed().isBefore(before.filed())) {
        newest.put(series, new Known(f.value(), f.filed()));
      }
      fresh.add(new NewFact(entityId, f, restated, key));
    }
    facts.insert(fresh, now);
    int flagged = 0;
    if (!fresh.isEmpty()) {
      jobs.progress(run, "computing figures");
      int changed = recompute(entityId, run.id());
      jobs.progress(run, "flagging claims");
      flagged = changed == 0 ? 0 : notify(run.id(), entityId);
    }
    ReportImport done =
        imports.update(
            run.done(
                entityId,
                filings,
                fresh.size(),
                unchanged,
                restatements,
                flagged,
                clock.instant()));
    if (!fresh.isEmpty()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("import", done);
      data.put("href", "/api/v1/reports/imports/" + done.id());
      outbox.append(EventTypes.REPORT_INGESTED, entityId, data);
    }
    return done;
  }

  /**
   * Recomputes the figures of every entity that has facts for these concepts (after the metric map
   * changed) and lets the planner flag what changed.
   */
  int recomputeFor(Set<String> concepts, Actor actor) {
    int flagged = 0;
    for (Long entityId : entitiesWith(concepts)) {
      flagged += recomputeEntity(entityId, actor);
    }
    return flagged;
  }

  /** The entities with facts of these concepts. */
  List<Long> entitiesWith(Set<String> concepts) {
    return facts.entitiesWith(concepts);
  }

  /**
   * Recomputes one entity's figures after the metric map changed (a METRIC_MAP import row says so)
   * and lets the planner flag what changed; returns how many claims it flagged.
   */
  int recomputeEntity(long entityId, Actor actor) {
    ReportImport run = imports.save(ReportImport.running("METRIC_MAP", actor, 0, clock.instant()));
    int changed = recompute(entityId, run.id());
    int n = changed == 0 ? 0 : notify(run.id(), entityId);
    imports.update(run.done(entityId, 0, 0, 0, 0, n, clock.instant()));
    return n;
  }

  private int recompute(long entityId, long importId) {
    Map<String, MetricMap.Mapped> metricOf = metrics.metricOfConcept();
    Set<String> concepts = new HashSet<>(metricOf.keySet());
    List<Fact> all = facts.factsFor(entityId, concepts);
    List<Fact> own = facts.factsFor(entityId, ownConcepts(entityId));
    all.addAll(own);
    for (Fact f : own) {
      metricOf.putIfAbsent(
          f.concept(),
          new MetricMap.Mapped(f.concept().substring(MetricMap.OWN_PREFIX.length()), 0));
    }
    return figures.replace(entityId, FigureCalculator.figures(all, metricOf), importId);
  }

  private Set<String> ownConcepts(long entityId) {
    return new HashSet<>(facts.conceptsLike(entityId, MetricMap.OWN_PREFIX));
  }

  private int notify(long importId, long entityId) {
    int flagged = 0;
    for (FiguresChangedListener l : listeners) {
      flagged += l.figuresChanged(importId, entityId);
    }
    return flagged;
  }
}
