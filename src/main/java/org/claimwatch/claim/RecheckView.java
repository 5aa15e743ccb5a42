package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A re-check flag as the API shows it (API.md "Re-checks"), on its own and as a claim's open flag
 * (the re-check feature makes them; the claim feature shows them, so the type lives here). Numbers
 * are decimal strings. {@code periods}: how many figures of the claim's period were judged (the one
 * shown decides); {@code periodsOutside}: how many of them contradict the claim.
 */
@Serdeable
public record RecheckView(
    long id,
    long claimId,
    String reason,
    @Nullable Long reportId,
    @Nullable Long factId,
    String createdAt,
    ComparisonView comparison,
    @Nullable String periodStart,
    @Nullable String periodEnd,
    @Nullable String form,
    @Nullable String filedOn,
    @Nullable Integer periods,
    @Nullable Integer periodsOutside,
    @Nullable String resolvedAt,
    @Nullable String resolvedBy,
    @Nullable String resolution) {

  @Serdeable
  public record ComparisonView(
      @Nullable String reportedValue,
      @Nullable String claimedValue,
      @Nullable String deviationPct,
      String outcome,
      String explanation) {}
}
