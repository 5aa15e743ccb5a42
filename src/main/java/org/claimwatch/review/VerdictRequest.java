package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code POST /api/v1/claims/{id}/verdicts}: the status, why, and what it rests on. Each evidence
 * item names exactly one of a fact (an id from {@code GET /api/v1/entities/{id}/facts}, reported or
 * derived), a report, or a URL, with a note.
 */
@Serdeable
public record VerdictRequest(
    @Nullable String status, @Nullable String rationale, @Nullable List<EvidenceInput> evidence) {

  @Serdeable
  public record EvidenceInput(
      @Nullable Long factId,
      @Nullable Long reportId,
      @Nullable String url,
      @Nullable String note) {}
}
