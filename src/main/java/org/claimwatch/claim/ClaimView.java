package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A claim as the API shows it. Numbers are decimal strings, dates {@code YYYY-MM-DD}, times UTC
 * ISO-8601. {@code openRecheck} is the open re-check flag (re-checks arrive with the scheduler).
 */
@Serdeable
public record ClaimView(
    long id,
    @Nullable String externalRef,
    String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String entityName,
    @Nullable String metric,
    @Nullable String value,
    @Nullable String valueHigh,
    @Nullable String unit,
    @Nullable Qualifier qualifier,
    @Nullable String periodStart,
    @Nullable String periodEnd,
    Periodicity periodicity,
    ClaimKind kind,
    @Nullable String resolvesOn,
    @Nullable String statedAt,
    @Nullable SourceView source,
    ClaimStatus status,
    @Nullable Object openRecheck,
    int priority,
    int version,
    String submittedBy,
    String createdAt,
    String updatedAt) {

  @Serdeable
  public record SourceView(
      String url,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable String publishedAt) {}
}
