package org.claimwatch.report;

import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.report.FactStore.Incoming;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Hashing;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * Reported figures: imports (SEC companyfacts documents through {@link SecImporter}, other reports
 * here), what they stored, the metric map. One transaction per document, so nothing is ever
 * half-imported; every transaction goes through {@link Transactions}.
 */
@Singleton
public class ReportService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ReportService.class);
  private static final Actor MIGRATION = new Actor("metric-map-migration", java.util.Set.of());

  private final ReportRepository reports;
  private final MetricMap metrics;
  private final FigureStore figures;
  private final SubjectService subjects;
  private final SecImporter sec;
  private final FactImport facts;
  private final ImportJobs jobs;
  private final ImportSlots slots;
  private final Transactions transactions;
  private final Clock clock;

  ReportService(
      ReportRepository reports,
      MetricMap metrics,
      FigureStore figures,
      SubjectService subjects,
      SecImporter sec,
      FactImport facts,
      ImportJobs jobs,
      ImportSlots slots,
      Transactions transactions,
      Clock clock) {
    this.reports = reports;
    this.metrics = metrics;
    this.figures = figures;
    this.subjects = subjects;
    this.sec = sec;
    this.facts = facts;
    this.jobs = jobs;
    this.slots = slots;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Imports an SEC companyfacts document read from {@code body}; {@code cik}: the one expected;
   * {@code async}: answer once it is kept, import it afterwards.
   */
  public ReportImport importSecCompanyFacts(
      InputStream body, Long cik, Actor actor, boolean async) {
    return sec.importDocument(body, cik, actor, async);
  }

  /** Imports a report that is not an SEC filing (a press release, a private company's figures). */
  public ReportImport importOther(ReportInput input, Actor actor) {
    ReportInput.Checked in = input.check(subjects::exists);
    slots.acquire();
    try {
      ReportImport run = jobs.begin("REPORT", in.facts().size(), actor);
      return jobs.run(run, () -> importChecked(in, run));
    } finally {
      slots.release();
    }
  }

  public ReportImport importRecord(long id) {
    return jobs.find(id);
  }

  public List<Report> list(Long entityId, Long before, int limit) {
    return transactions.read(() -> reports.page(entityId, before, limit));
  }

  public List<FigureView> figures(long entityId, String metric, LocalDate from, LocalDate to) {
    return transactions.read(
        () -> {
          if (!subjects.exists(entityId)) {
            throw ProblemException.notFound("No entity " + entityId);
          }
          return figures.list(entityId, metric, from, to);
        });
  }

  /** Replaces the metric map; entities whose figures it changes are recomputed and re-checked. */
  public List<MetricMap.MetricConcepts> replaceMetricMap(MetricMap.MetricsBody body, Actor actor) {
    return transactions.write(
        () -> {
          facts.recomputeFor(metrics.replace(body), actor);
          return metrics.list();
        });
  }

  /**
   * Recomputes the figures of the entities a change of the metric map made outside {@link
   * #replaceMetricMap} (by a migration) touches, or every entity's when they were computed by an
   * older {@link FigureCalculator#VERSION}, each entity in a transaction of its own (a concept such
   * as earnings per share is filed by nearly every company), and lets the planner flag what
   * changed; then records the map and the version as applied. An entity that fails (an import of it
   * racing, which recomputes it anyway) is logged and passed over, so one entity never makes every
   * run start again. Returns how many claims it flagged; with nothing to do, two small reads.
   */
  public int catchUpMetricMap() {
    record Pending(java.util.Set<String> concepts, boolean calculator) {}
    Pending pending =
        transactions.read(() -> new Pending(metrics.unapplied(), !metrics.calculatorCurrent()));
    if (pending.concepts().isEmpty() && !pending.calculator()) {
      return 0;
    }
    java.util.Set<Long> entities =
        new java.util.TreeSet<>(transactions.read(() -> facts.entitiesWith(pending.concepts())));
    if (pending.calculator()) {
      entities.addAll(transactions.read(figures::entities)); // with a report's own figures only
    }
    int flagged = 0;
    for (long entityId : entities) {
      try {
        flagged += transactions.write(() -> facts.recomputeEntity(entityId, MIGRATION));
      } catch (RuntimeException e) {
        LOG.warn(
            "metric map catch-up: entity {} not recomputed (its next import will)", entityId, e);
      }
    }
    transactions.write(
        () -> {
          metrics.markApplied(pending.concepts());
          metrics.markCalculatorCurrent();
          return null;
        });
    return flagged;
  }

  public List<MetricMap.MetricConcepts> metricMap() {
    return transactions.read(metrics::list);
  }

  private ReportImport importChecked(ReportInput.Checked in, ReportImport run) {
    Instant now = clock.instant();
    String key =
        "other:"
            + Hashing.sha256Hex(
                    in.entityId() + "|" + in.title() + "|" + in.url() + "|" + in.filedOn())
                .substring(0, 40);
    Report report =
        reports.findByReportKeyIn(List.of(key)).stream()
            .findFirst()
            .orElseGet(
                () ->
                    reports.save(
                        new Report(
                            null,
                            in.entityId(),
                            key,
                            Report.OTHER,
                            null,
                            in.form(),
                            in.title(),
                            in.url(),
                            in.filedOn(),
                            null,
                            null,
                            now)));
    List<Incoming> incoming = new ArrayList<>();
    for (ReportInput.CheckedFact f : in.facts()) {
      incoming.add(
          new Incoming(
              MetricMap.OWN_PREFIX + f.metric(),
              f.unit(),
              f.periodStart(),
              f.periodEnd(),
              f.value(),
              null,
              in.filedOn(),
              report.id()));
    }
    return facts.store(run, in.entityId(), incoming, 1, now);
  }
}
