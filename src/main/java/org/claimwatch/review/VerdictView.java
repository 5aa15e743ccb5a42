package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A verdict as the API shows it. */
@Serdeable
public record VerdictView(
    long id,
    long claimId,
    int claimVersion,
    String status,
    String state,
    String rationale,
    @Nullable String asOf,
    String summary,
    List<EvidenceView> evidence,
    String recordedBy,
    String recordedAt,
    @Nullable String decidedBy,
    @Nullable String decidedAt,
    @Nullable String decisionNote) {

  @Serdeable
  public record EvidenceView(
      String kind,
      @Nullable Long factId,
      @Nullable Long reportId,
      @Nullable String url,
      String note,
      @Nullable String label) {}
}
