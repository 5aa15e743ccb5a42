package org.claimwatch.report;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;
import org.claimwatch.system.Transactions;

/** The report feature's gauges: asynchronous import jobs queued and running. */
@Factory
class ReportGauges {
  @Singleton
  CachedGauges.Source importJobs(ImportQueue queue, Transactions transactions) {
    return readings -> {
      long[] counts = transactions.read(queue::counts);
      String description =
          "Asynchronous imports waiting for an instance (queued) or being imported (running),"
              + " database-wide";
      readings.set("claimwatch.import.jobs", description, counts[0], "state", "queued");
      readings.set("claimwatch.import.jobs", description, counts[1], "state", "running");
    };
  }
}
