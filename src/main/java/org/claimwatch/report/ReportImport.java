package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.claimwatch.auth.Actor;

/**
 * One import of reported figures and what it did: the job resource {@code GET
 * /api/v1/reports/imports/{id}}. Committed before the work starts, so it can be read while the
 * import runs ({@code status} RUNNING, {@code phase} saying where it is), then DONE or FAILED.
 */
@MappedEntity("report_imports")
@Serdeable
public record ReportImport(
    @Id @GeneratedValue @Nullable Long id,
    @Nullable Long entityId,
    String kind,
    String status,
    String requestedBy,
    Instant startedAt,
    @Nullable Instant finishedAt,
    int filings,
    int factsAdded,
    int factsUnchanged,
    int restatements,
    int claimsFlagged,
    @Nullable String error,
    @Nullable String phase,
    int factsTotal) {

  static ReportImport running(String kind, Actor by, int factsTotal, Instant now) {
    return new ReportImport(
        null,
        null,
        kind,
        "RUNNING",
        by.name(),
        now,
        null,
        0,
        0,
        0,
        0,
        0,
        null,
        "queued",
        factsTotal);
  }

  ReportImport inPhase(String newPhase) {
    return new ReportImport(
        id,
        entityId,
        kind,
        status,
        requestedBy,
        startedAt,
        finishedAt,
        filings,
        factsAdded,
        factsUnchanged,
        restatements,
        claimsFlagged,
        error,
        newPhase,
        factsTotal);
  }

  ReportImport done(
      long entity,
      int filingCount,
      int added,
      int unchanged,
      int restated,
      int flagged,
      Instant at) {
    return new ReportImport(
        id,
        entity,
        kind,
        "DONE",
        requestedBy,
        startedAt,
        at,
        filingCount,
        added,
        unchanged,
        restated,
        flagged,
        null,
        "done",
        factsTotal);
  }

  ReportImport failed(String why, Instant at) {
    return new ReportImport(
        id,
        entityId,
        kind,
        "FAILED",
        requestedBy,
        startedAt,
        at,
        0,
        0,
        0,
        0,
        0,
        why,
        "failed",
        factsTotal);
  }
}
