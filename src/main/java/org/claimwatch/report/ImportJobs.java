package org.claimwatch.report;

import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;
import org.claimwatch.auth.Actor;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import's job row ({@code report_imports}): begun, moved through its phases and marked failed
 * each in a transaction of its own, so anyone can follow the job while its import runs, and a
 * failure is kept when the import is undone.
 */
@Singleton
class ImportJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

  private final ReportImportRepository imports;
  private final Transactions transactions;
  private final Clock clock;
  private final ImportMetrics metrics;

  ImportJobs(
      ReportImportRepository imports,
      Transactions transactions,
      Clock clock,
      ImportMetrics metrics) {
    this.imports = imports;
    this.metrics = metrics;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The job row, committed at once so it can be read while the import runs. */
  ReportImport begin(String kind, int factsTotal, Actor actor) {
    return transactions.writeAlone(
        () -> imports.save(ReportImport.running(kind, actor, factsTotal, clock.instant())));
  }

  /** Records where the import is, visible at once to anyone reading the job. */
  void progress(ReportImport run, String phase) {
    transactions.writeAlone(() -> imports.update(run.inPhase(phase)));
  }

  /**
   * Runs the import in one transaction (retried once if a concurrent import of the same document
   * got there first); on failure the job says FAILED and why, and nothing of the import is kept.
   */
  ReportImport run(ReportImport run, Supplier<ReportImport> work) {
    Timer.Sample sample = metrics.start();
    ReportImport done;
    try {
      done = transactions.writeRacing(work);
    } catch (RuntimeException e) {
      failed(run, e);
      metrics.failed(sample, run);
      throw e;
    }
    metrics.ok(sample, done);
    return done;
  }

  /** The job says FAILED and why (a bug's details go to the log only). */
  void failed(ReportImport run, RuntimeException e) {
    String why =
        e instanceof ProblemException p ? p.getMessage() : "internal error; see the service log";
    if (!(e instanceof ProblemException)) {
      LOG.error("Import {} failed", run.id(), e);
    }
    transactions.writeAlone(() -> imports.update(run.failed(why, clock.instant())));
  }

  /** The job, or 404. */
  ReportImport find(long id) {
    return transactions.read(
        () -> imports.findById(id).orElseThrow(() -> ProblemException.notFound("No import " + id)));
  }
}
