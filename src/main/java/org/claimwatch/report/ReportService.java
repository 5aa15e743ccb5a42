package org.claimwatch.report;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.claimwatch.auth.Actor;
import org.claimwatch.report.FactStore.Incoming;
import org.claimwatch.report.FactStore.Known;
import org.claimwatch.report.FactStore.NewFact;
import org.claimwatch.report.SecCompanyFacts.Document;
import org.claimwatch.report.SecCompanyFacts.SecFact;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Hashing;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;

/**
 * Imports reported figures: SEC companyfacts documents and other reports. One transaction per
 * document, so nothing is ever half-imported; then the entity's figures are recomputed and the
 * {@link FiguresChangedListener}s (the re-check planner) flag the claims they bear on, in the same
 * transaction.
 */
@Singleton
public class ReportService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ReportService.class);
  private final ReportRepository reports;
  private final ReportImportRepository imports;
  private final MetricMap metrics;
  private final FactStore facts;
  private final FigureStore figures;
  private final SubjectService subjects;
  private final List<FiguresChangedListener> listeners;
  private final TransactionOperations<Connection> tx;
  private final Transactions transactions;
  private final Clock clock;
  private final ExecutorService background;
  private final Outbox outbox;
  private final ImportQueue queue;
  private final ImportSlots slots;

  ReportService(
      ReportRepository reports,
      ReportImportRepository imports,
      MetricMap metrics,
      FactStore facts,
      FigureStore figures,
      SubjectService subjects,
      List<FiguresChangedListener> listeners,
      TransactionOperations<Connection> tx,
      Transactions transactions,
      Clock clock,
      @Named(TaskExecutors.BLOCKING) ExecutorService background,
      Outbox outbox,
      ImportQueue queue,
      ImportSlots slots) {
    this.outbox = outbox;
    this.queue = queue;
    this.slots = slots;
    this.reports = reports;
    this.imports = imports;
    this.metrics = metrics;
    this.facts = facts;
    this.figures = figures;
    this.subjects = subjects;
    this.listeners = listeners;
    this.tx = tx;
    this.transactions = transactions;
    this.clock = clock;
    this.background = background;
  }

  /**
   * Imports an SEC companyfacts document read from {@code body}; {@code cik}: the one expected. The
   * document is read and checked here; with {@code async} it is then kept in the database with its
   * job (RUNNING, phase queued) before the answer, and imported by whichever instance takes it up
   * (this one at once, or another after a crash: {@link #importQueued}).
   */
  public ReportImport importSecCompanyFacts(
      InputStream body, Long cik, Actor actor, boolean async) {
    if (async) {
      byte[] json = readAll(body);
      Document doc = checked(SecCompanyFacts.read(new java.io.ByteArrayInputStream(json)), cik);
      ReportImport run =
          tx.executeWrite(
              status -> {
                ReportImport r =
                    imports.save(
                        ReportImport.running(
                            "SEC_COMPANYFACTS", actor, doc.facts().size(), clock.instant()));
                queue.add(r.id(), cik, json);
                return r;
              });
      background.execute(this::importQueued);
      return run;
    }
    slots.acquire();
    try {
      Document doc;
      try {
        doc = checked(SecCompanyFacts.read(body), cik);
      } catch (ProblemException refused) {
        drain(body);
        throw refused;
      }
      ReportImport run = begin("SEC_COMPANYFACTS", doc.facts().size(), actor);
      return runJob(run, () -> importSec(doc, run));
    } finally {
      slots.release();
    }
  }

  /**
   * Imports queued documents while a slot is free here: called after an async import is accepted
   * and every few seconds (documents an instance that stopped had claimed). Returns how many ran.
   */
  @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "5s", initialDelay = "5s")
  public int importQueued() {
    int ran = 0;
    while (slots.tryAcquire()) {
      try {
        java.util.Optional<ImportQueue.Queued> next = queue.claim();
        if (next.isEmpty()) {
          break;
        }
        importOne(next.get());
        ran++;
      } finally {
        slots.release();
      }
    }
    return ran;
  }

  private void importOne(ImportQueue.Queued q) {
    ReportImport run = imports.findById(q.importId()).orElse(null);
    if (run == null || !"RUNNING".equals(run.status())) {
      tx.executeWrite(
          status -> {
            queue.done(q.importId());
            return null;
          });
      return;
    }
    try {
      transactions.writeRacing(
          () -> {
            Document doc =
                checked(
                    SecCompanyFacts.read(new java.io.ByteArrayInputStream(q.json())),
                    q.expectedCik());
            ReportImport done = importSec(doc, run);
            queue.done(run.id());
            return done;
          });
    } catch (RuntimeException e) {
      if (ProblemException.isDatabaseFailure(e)) {
        // The database, not the document: it is tried again (by any instance) in a while.
        LOG.warn("Queued import {} put back: {}", run.id(), e.toString());
        queue.release(run.id());
        return;
      }
      markFailed(run, e);
      tx.execute(
          TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
          status -> {
            queue.done(q.importId());
            return null;
          });
    }
  }

  /**
   * Reads what is left of a refused document: an answer sent before the body is read leaves the
   * client sending into a connection nobody reads (it hangs, or its next request does).
   */
  private static void drain(InputStream body) {
    try {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      // the connection is gone; nothing to drain
    }
  }

  private static byte[] readAll(InputStream body) {
    try {
      return body.readAllBytes();
    } catch (java.io.IOException e) {
      throw new ProblemException(
          io.micronaut.http.HttpStatus.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          "The document could not be read: " + e.getMessage(),
          List.of());
    }
  }

  private static Document checked(Document doc, Long cik) {
    if (cik != null && cik != doc.cik()) {
      throw new ProblemException(
          io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
          "cik-mismatch",
          "The document is about another company",
          "The document is about CIK " + doc.cik() + ", not " + cik,
          List.of(
              new org.claimwatch.system.FieldError(
                  "cik", "is " + doc.cik() + ", expected " + cik)));
    }
    return doc;
  }

  /** Imports a report that is not an SEC filing (a press release, a private company's figures). */
  public ReportImport importOther(ReportInput input, Actor actor) {
    ReportInput.Checked in = input.check(subjects::exists);
    slots.acquire();
    try {
      ReportImport run = begin("REPORT", in.facts().size(), actor);
      return runJob(run, () -> importChecked(in, run));
    } finally {
      slots.release();
    }
  }

  @Transactional
  public ReportImport importRecord(long id) {
    return imports.findById(id).orElseThrow(() -> ProblemException.notFound("No import " + id));
  }

  @Transactional
  public List<Report> list(Long entityId, Long before, int limit) {
    return reports.page(entityId, before, limit);
  }

  @Transactional
  public List<FigureView> figures(
      long entityId, String metric, java.time.LocalDate from, java.time.LocalDate to) {
    if (!subjects.exists(entityId)) {
      throw ProblemException.notFound("No entity " + entityId);
    }
    return figures.list(entityId, metric, from, to);
  }

  /** Replaces the metric map; entities whose figures it changes are recomputed and re-checked. */
  public List<MetricMap.MetricConcepts> replaceMetricMap(MetricMap.MetricsBody body, Actor actor) {
    return tx.executeWrite(
        status -> {
          recomputeFor(metrics.replace(body), actor);
          return metrics.list();
        });
  }

  @Transactional
  public List<MetricMap.MetricConcepts> metricMap() {
    return metrics.list();
  }

  /**
   * Recomputes the figures of every entity that has facts for these concepts (after the metric map
   * changed) and lets the planner flag what changed.
   */
  private int recomputeFor(Set<String> concepts, Actor actor) {
    int flagged = 0;
    for (Long entityId : facts.entitiesWith(concepts)) {
      ReportImport run =
          imports.save(ReportImport.running("METRIC_MAP", actor, 0, clock.instant()));
      int changed = recompute(entityId, run.id());
      int n = changed == 0 ? 0 : notify(run.id(), entityId);
      imports.update(run.done(entityId, 0, 0, 0, 0, n, clock.instant()));
      flagged += n;
    }
    return flagged;
  }

  private ReportImport importSec(Document doc, ReportImport run) {
    progress(run, "storing filings");
    long entityId = subjects.ensureByCik(doc.cik(), doc.entityName());
    Instant now = clock.instant();

    // Filings, one per accession number; fy/fp are as filed (they describe the filing).
    Map<String, SecFact> firstByAccession = new LinkedHashMap<>();
    for (SecFact f : doc.facts()) {
      firstByAccession.putIfAbsent(f.accession(), f);
    }
    Map<String, Long> reportIds = reportIds(entityId, doc.cik(), firstByAccession, now);

    List<Incoming> incoming = new ArrayList<>(doc.facts().size());
    for (SecFact f : doc.facts()) {
      incoming.add(
          new Incoming(
              f.concept(),
              f.unit(),
              f.start(),
              f.end(),
              f.value(),
              f.frame(),
              f.filed(),
              reportIds.get(f.accession())));
    }
    return finish(run, entityId, incoming, firstByAccession.size(), now);
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
    return finish(run, in.entityId(), incoming, 1, now);
  }

  /** Stores the new facts, marks restatements, recomputes figures and flags claims. */
  private ReportImport finish(
      ReportImport run, long entityId, List<Incoming> incoming, int filings, Instant now) {
    progress(run, "storing facts");
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
      progress(run, "computing figures");
      int changed = recompute(entityId, run.id());
      progress(run, "flagging claims");
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

  private int recompute(long entityId, long importId) {
    Map<String, String> metricOf = metrics.metricOfConcept();
    Set<String> concepts = new HashSet<>(metricOf.keySet());
    List<Fact> all = facts.factsFor(entityId, concepts);
    List<Fact> own = facts.factsFor(entityId, ownConcepts(entityId));
    all.addAll(own);
    for (Fact f : own) {
      metricOf.putIfAbsent(f.concept(), f.concept().substring(MetricMap.OWN_PREFIX.length()));
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

  /** The job row, committed at once so it can be read while the import runs. */
  private ReportImport begin(String kind, int factsTotal, Actor actor) {
    return tx.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> imports.save(ReportImport.running(kind, actor, factsTotal, clock.instant())));
  }

  /** Records where the import is, visible at once to anyone reading the job. */
  private void progress(ReportImport run, String phase) {
    tx.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> imports.update(run.inPhase(phase)));
  }

  /**
   * Runs the import in one transaction (retried once if a concurrent import of the same document
   * got there first); on failure the job says FAILED and why, and nothing of the import is kept.
   */
  private ReportImport runJob(ReportImport run, Supplier<ReportImport> work) {
    try {
      return transactions.writeRacing(work);
    } catch (RuntimeException e) {
      markFailed(run, e);
      throw e;
    }
  }

  /** The job says FAILED and why (a bug's details go to the log only). */
  private void markFailed(ReportImport run, RuntimeException e) {
    String why =
        e instanceof ProblemException p ? p.getMessage() : "internal error; see the service log";
    if (!(e instanceof ProblemException)) {
      LOG.error("Import {} failed", run.id(), e);
    }
    tx.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> imports.update(run.failed(why, clock.instant())));
  }

  private Map<String, Long> reportIds(
      long entityId, long cik, Map<String, SecFact> byAccession, Instant now) {
    // A filing is the entity's: one accession can be a combined filing of several companies, and
    // what one company's document says of it never describes it for another.
    Map<String, String> accessionOfKey = new HashMap<>();
    for (String accession : byAccession.keySet()) {
      accessionOfKey.put(Report.secKey(entityId, accession), accession);
    }
    Map<String, Long> ids = new HashMap<>();
    for (Report r : reports.findByReportKeyIn(accessionOfKey.keySet())) {
      ids.put(accessionOfKey.get(r.reportKey()), r.id());
    }
    for (Map.Entry<String, SecFact> e : byAccession.entrySet()) {
      if (!ids.containsKey(e.getKey())) {
        SecFact f = e.getValue();
        Report saved =
            reports.save(
                new Report(
                    null,
                    entityId,
                    Report.secKey(entityId, e.getKey()),
                    Report.SEC,
                    e.getKey(),
                    f.form(),
                    null,
                    secUrl(cik, e.getKey()),
                    f.filed(),
                    f.fiscalYear(),
                    f.fiscalPeriod(),
                    now));
        ids.put(e.getKey(), saved.id());
      }
    }
    return ids;
  }

  /** EDGAR's index page of a filing. */
  static String secUrl(long cik, String accession) {
    return "https://www.sec.gov/Archives/edgar/data/"
        + cik
        + "/"
        + accession.replace("-", "")
        + "/"
        + accession
        + "-index.htm";
  }
}
