package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A claim as the API shows it. Numbers are decimal strings, dates {@code YYYY-MM-DD}, times UTC
 * ISO-8601. {@code check} is the automatic comparison with the figures of the claim's own period;
 * {@code openRecheck} the most urgent open re-check flag; {@code assignment} the review lease;
 * {@code duplicateOf} the stored claim a checker linked this one to as its repeat ({@link
 * ClaimLinks}); {@code duplicates}, in the answer to a new claim only, the stored claims that say
 * the same thing in numbers.
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
    @Nullable CheckView check,
    @Nullable RecheckView openRecheck,
    @Nullable AssignmentView assignment,
    @Nullable String lastVerdictAt,
    int priority,
    int version,
    String submittedBy,
    String createdAt,
    String updatedAt,
    @Nullable Long duplicateOf,
    @Nullable List<SimilarClaim> duplicates) {

  /** This view with the stored claims that say the same thing in numbers (a new claim's answer). */
  public ClaimView withDuplicates(List<SimilarClaim> found) {
    return new ClaimView(
        id,
        externalRef,
        statement,
        language,
        claimant,
        entityId,
        entityName,
        metric,
        value,
        valueHigh,
        unit,
        qualifier,
        periodStart,
        periodEnd,
        periodicity,
        kind,
        resolvesOn,
        statedAt,
        source,
        status,
        check,
        openRecheck,
        assignment,
        lastVerdictAt,
        priority,
        version,
        submittedBy,
        createdAt,
        updatedAt,
        duplicateOf,
        found);
  }

  /** Who holds the claim for review, and until when (null when nobody does). */
  @Serdeable
  public record AssignmentView(String holder, String expiresAt) {}

  @Serdeable
  public record SourceView(
      String url,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable String publishedAt) {}
}
