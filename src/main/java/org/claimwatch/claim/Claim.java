package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored claim (table {@code claims}). */
@MappedEntity("claims")
public record Claim(
    @Id @GeneratedValue @Nullable Long id,
    String submittedBy,
    @Nullable String externalRef,
    String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String metric,
    @Nullable BigDecimal value,
    @Nullable BigDecimal valueHigh,
    @Nullable String unit,
    @Nullable Qualifier qualifier,
    @Nullable LocalDate periodStart,
    @Nullable LocalDate periodEnd,
    Periodicity periodicity,
    ClaimKind kind,
    @Nullable LocalDate resolvesOn,
    @Nullable Instant statedAt,
    @Nullable Long sourceId,
    ClaimStatus status,
    int priority,
    @Version @Nullable Integer version,
    Instant createdAt,
    Instant updatedAt,
    @Nullable BigDecimal tolerance,
    @Nullable BigDecimal toleranceHigh,
    @Nullable Instant lastVerdictAt) {

  /** A new claim with these contents. */
  static Claim create(
      String submittedBy, String externalRef, ClaimData d, Long sourceId, Instant now) {
    return of(
        null, submittedBy, externalRef, d, sourceId, ClaimStatus.UNVERIFIED, null, now, now, null);
  }

  /** This claim with new contents, keeping identity, status and version. */
  Claim withData(ClaimData d, Long newSourceId, Instant now) {
    return of(
        id,
        submittedBy,
        externalRef,
        d,
        newSourceId,
        status,
        version,
        createdAt,
        now,
        lastVerdictAt);
  }

  /** This (new) claim as stored: with its generated id, at version 1. */
  Claim stored(long newId) {
    return of(
        newId,
        submittedBy,
        externalRef,
        ClaimData.of(this, null),
        sourceId,
        status,
        1,
        createdAt,
        updatedAt,
        lastVerdictAt);
  }

  private static Claim of(
      Long id,
      String submittedBy,
      String externalRef,
      ClaimData d,
      Long sourceId,
      ClaimStatus status,
      Integer version,
      Instant createdAt,
      Instant updatedAt,
      Instant lastVerdictAt) {
    return new Claim(
        id,
        submittedBy,
        externalRef,
        d.statement(),
        d.language(),
        d.claimant(),
        d.entityId(),
        d.metric(),
        d.value(),
        d.valueHigh(),
        d.unit(),
        d.qualifier(),
        d.periodStart(),
        d.periodEnd(),
        d.periodicity(),
        d.kind(),
        d.resolvesOn(),
        d.statedAt(),
        sourceId,
        status,
        d.priority(),
        version,
        createdAt,
        updatedAt,
        Precision.tolerance(d.value(), d.qualifier()),
        Precision.tolerance(d.valueHigh(), Qualifier.EXACT),
        lastVerdictAt);
  }
}
