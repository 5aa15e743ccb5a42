package org.claimwatch.report;

import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;
import org.claimwatch.system.Transactions;

/** The report feature's gauges: asynchronous import jobs queued and running. */
@Singleton
class ReportGauges implements CachedGauges.Source {
  private final ImportQueue queue;
  private final Transactions transactions;

  ReportGauges(ImportQueue queue, Transactions transactions) {
    this.queue = queue;
    this.transactions = transactions;
  }

  @Override
  public void count(CachedGauges.Readings readings) {
    long[] counts = transactions.read(queue::counts);
    String description =
        "Asynchronous imports waiting for an instance (queued) or being imported (running),"
            + " database-wide";
    readings.set("claimwatch.import.jobs", description, counts[0], "state", "queued");
    readings.set("claimwatch.import.jobs", description, counts[1], "state", "running");
  }
}
