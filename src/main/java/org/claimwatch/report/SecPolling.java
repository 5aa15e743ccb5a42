package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Whether, and how recently, SEC EDGAR is polled for an entity (table {@code sec_polling}). */
@MappedEntity("sec_polling")
@Serdeable
public record SecPolling(
    @Id long entityId,
    boolean enabled,
    @Nullable String lastModified,
    @Nullable Instant lastPolledAt,
    @Nullable Integer lastStatus,
    @Nullable String lastError,
    @Nullable Long lastImportId) {

  SecPolling polled(Integer status, String modified, String error, Long importId, Instant at) {
    return new SecPolling(
        entityId,
        enabled,
        modified == null ? lastModified : modified,
        at,
        status,
        error,
        importId == null ? lastImportId : importId);
  }
}
