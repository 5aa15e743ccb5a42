package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored claim: a row of {@code claims}, written and read by {@link ClaimStore}. */
public record Claim(
    @Nullable Long id,
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
    @Nullable Integer version,
    Instant createdAt,
    Instant updatedAt,
    @Nullable BigDecimal tolerance,
    @Nullable BigDecimal toleranceHigh,
    @Nullable Instant lastVerdictAt,
    @Nullable String assignee,
    @Nullable Instant leaseUntil,
    @Nullable ClaimStatus priorStatus) {

  /** A new claim with these contents. */
  static Claim create(
      String submittedBy, String externalRef, ClaimData d, Long sourceId, Instant now) {
    return of(
        null,
        submittedBy,
        externalRef,
        d,
        sourceId,
        ClaimStatus.UNVERIFIED,
        null,
        now,
        now,
        null,
        null,
        null,
        null);
  }

  /** This claim with new contents, keeping identity, status, assignment and version. */
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
        lastVerdictAt,
        assignee,
        leaseUntil,
        priorStatus);
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
        lastVerdictAt,
        assignee,
        leaseUntil,
        priorStatus);
  }

  /** This claim after review work: new status and assignment, at {@code newVersion}. */
  Claim withState(ClaimWork.State s, int newVersion, Instant now) {
    return new Claim(
        id,
        submittedBy,
        externalRef,
        statement,
        language,
        claimant,
        entityId,
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
        sourceId,
        s.status(),
        priority,
        newVersion,
        createdAt,
        now,
        tolerance,
        toleranceHigh,
        s.lastVerdictAt(),
        s.assignee(),
        s.leaseUntil(),
        s.priorStatus());
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
      Instant lastVerdictAt,
      String assignee,
      Instant leaseUntil,
      ClaimStatus priorStatus) {
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
        lastVerdictAt,
        assignee,
        leaseUntil,
        priorStatus);
  }

  /** This claim as stored at {@code newVersion} (an edit just written). */
  Claim withVersion(int newVersion) {
    return withState(ClaimWork.State.of(this), newVersion, updatedAt);
  }
}
