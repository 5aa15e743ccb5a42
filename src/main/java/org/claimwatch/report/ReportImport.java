package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One import of reported figures and what it did: the job resource {@code GET
 * /api/v1/reports/imports/{id}} shows.
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
    @Nullable String error) {}
