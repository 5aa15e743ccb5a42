package org.claimwatch.report;

import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.claimwatch.auth.Actor;
import org.claimwatch.report.FactStore.Incoming;
import org.claimwatch.report.SecCompanyFacts.Document;
import org.claimwatch.report.SecCompanyFacts.SecFact;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports SEC companyfacts documents: at once, or (async) kept in the database and imported by
 * whichever instance takes it up. A filing is the company's own report, keyed by entity and
 * accession number.
 */
@Singleton
class SecImporter {
  private static final Logger LOG = LoggerFactory.getLogger(SecImporter.class);

  private final SubjectService subjects;
  private final ReportRepository reports;
  private final ReportImportRepository imports;
  private final FactImport facts;
  private final ImportJobs jobs;
  private final ImportQueue queue;
  private final ImportSlots slots;
  private final Transactions transactions;
  private final ExecutorService background;
  private final Clock clock;
  private final ImportMetrics metrics;

  SecImporter(
      SubjectService subjects,
      ReportRepository reports,
      ReportImportRepository imports,
      FactImport facts,
      ImportJobs jobs,
      ImportQueue queue,
      ImportSlots slots,
      Transactions transactions,
      @Named(TaskExecutors.BLOCKING) ExecutorService background,
      Clock clock,
      ImportMetrics metrics) {
    this.metrics = metrics;
    this.subjects = subjects;
    this.reports = reports;
    this.imports = imports;
    this.facts = facts;
    this.jobs = jobs;
    this.queue = queue;
    this.slots = slots;
    this.transactions = transactions;
    this.background = background;
    this.clock = clock;
  }

  /**
   * Imports an SEC companyfacts document read from {@code body}; {@code cik}: the one expected. The
   * document is read and checked here; with {@code async} it is then kept in the database with its
   * job (RUNNING, phase queued) before the answer, and imported by whichever instance takes it up
   * (this one at once, or another after a crash: {@link #importQueued}).
   */
  ReportImport importDocument(InputStream body, Long cik, Actor actor, boolean async) {
    if (async) {
      byte[] json = readAll(body);
      Document doc = checked(SecCompanyFacts.read(new java.io.ByteArrayInputStream(json)), cik);
      ReportImport run =
          transactions.write(
              () -> {
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
      ReportImport run = jobs.begin("SEC_COMPANYFACTS", doc.facts().size(), actor);
      return jobs.run(run, () -> importSec(doc, run));
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
        java.util.Optional<ImportQueue.Queued> next = transactions.write(queue::claim);
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
      transactions.write(
          () -> {
            queue.done(q.importId());
            return null;
          });
      return;
    }
    Timer.Sample sample = metrics.start();
    try {
      ReportImport imported =
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
      metrics.ok(sample, imported);
    } catch (RuntimeException e) {
      if (ProblemException.isDatabaseFailure(e)) {
        // The database, not the document: it is tried again (by any instance) in a while.
        LOG.warn("Queued import {} put back: {}", run.id(), e.toString());
        transactions.write(
            () -> {
              queue.release(run.id());
              return null;
            });
        return;
      }
      jobs.failed(run, e);
      metrics.failed(sample, run);
      transactions.writeAlone(
          () -> {
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

  private ReportImport importSec(Document doc, ReportImport run) {
    jobs.progress(run, "storing filings");
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
    return facts.store(run, entityId, incoming, firstByAccession.size(), now);
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
