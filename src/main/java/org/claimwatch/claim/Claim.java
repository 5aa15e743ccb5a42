package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored claim: a row of {@code claims}, written and read by {@link ClaimStore}. What it says
 * ({@link ClaimData}'s fields: the words, who and what it is about, its {@link ClaimedNumber} and
 * {@link ClaimPeriod}), where review has left it ({@link ReviewState}), and its identity and
 * version. The number's, period's and review state's parts can be read from the claim directly.
 */
public record Claim(
    @Nullable Long id,
    String submittedBy,
    @Nullable String externalRef,
    String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String metric,
    ClaimedNumber number,
    ClaimPeriod period,
    ClaimKind kind,
    @Nullable LocalDate resolvesOn,
    @Nullable Instant statedAt,
    @Nullable Long sourceId,
    ReviewState review,
    int priority,
    @Nullable Long duplicateOf,
    @Nullable Integer version,
    Instant createdAt,
    Instant updatedAt) {
  /** A metric's name as claims take it: a lower-case key such as capex or net_income. */
  private static final java.util.regex.Pattern METRIC =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /**
   * Whether {@code name} is a metric's name as claims take it (and the metric map, the lexicon).
   */
  public static boolean isMetric(String name) {
    return name != null && METRIC.matcher(name).matches();
  }

  /** A new claim with these contents (linked to the claim it repeats, if any). */
  static Claim create(
      String submittedBy,
      String externalRef,
      ClaimData d,
      Long sourceId,
      Long duplicateOf,
      Instant now) {
    return of(
        null, submittedBy, externalRef, d, sourceId, ReviewState.NEW, duplicateOf, null, now, now);
  }

  /** This claim with new contents, keeping identity, review state and version. */
  Claim withData(ClaimData d, Long newSourceId, Instant now) {
    return of(
        id, submittedBy, externalRef, d, newSourceId, review, duplicateOf, version, createdAt, now);
  }

  /** This (new) claim as stored: with its generated id, at version 1. */
  Claim stored(long newId) {
    return copy(newId, review, duplicateOf, 1, updatedAt);
  }

  /** This claim after review work: its new state, at {@code newVersion}. */
  Claim withState(ReviewState s, int newVersion, Instant now) {
    return copy(id, s, duplicateOf, newVersion, now);
  }

  /** This claim linked to the claim it repeats (or unlinked: null), at {@code newVersion}. */
  Claim withDuplicateOf(Long original, int newVersion, Instant now) {
    return copy(id, review, original, newVersion, now);
  }

  /** This claim's words and numbers with another identity, review state, link or version. */
  private Claim copy(Long newId, ReviewState s, Long original, Integer newVersion, Instant now) {
    return new Claim(
        newId,
        submittedBy,
        externalRef,
        statement,
        language,
        claimant,
        entityId,
        metric,
        number,
        period,
        kind,
        resolvesOn,
        statedAt,
        sourceId,
        s,
        priority,
        original,
        newVersion,
        createdAt,
        now);
  }

  /** This claim as stored at {@code newVersion} (an edit just written). */
  Claim withVersion(int newVersion) {
    return withState(review, newVersion, updatedAt);
  }

  private static Claim of(
      Long id,
      String submittedBy,
      String externalRef,
      ClaimData d,
      Long sourceId,
      ReviewState review,
      Long duplicateOf,
      Integer version,
      Instant createdAt,
      Instant updatedAt) {
    return new Claim(
        id,
        submittedBy,
        externalRef,
        d.statement(),
        d.language(),
        d.claimant(),
        d.entityId(),
        d.metric(),
        d.number(),
        d.period(),
        d.kind(),
        d.resolvesOn(),
        d.statedAt(),
        sourceId,
        review,
        d.priority(),
        duplicateOf,
        version,
        createdAt,
        updatedAt);
  }

  public @Nullable BigDecimal value() {
    return number.value();
  }

  public @Nullable BigDecimal valueHigh() {
    return number.valueHigh();
  }

  public @Nullable String unit() {
    return number.unit();
  }

  public @Nullable Qualifier qualifier() {
    return number.qualifier();
  }

  public @Nullable BigDecimal tolerance() {
    return number.tolerance();
  }

  public @Nullable BigDecimal toleranceHigh() {
    return number.toleranceHigh();
  }

  public @Nullable LocalDate periodStart() {
    return period.start();
  }

  public @Nullable LocalDate periodEnd() {
    return period.end();
  }

  public Periodicity periodicity() {
    return period.periodicity();
  }

  public ClaimStatus status() {
    return review.status();
  }

  public @Nullable String assignee() {
    return review.assignee();
  }

  public @Nullable Instant leaseUntil() {
    return review.leaseUntil();
  }

  public @Nullable ClaimStatus priorStatus() {
    return review.priorStatus();
  }

  public @Nullable Instant lastVerdictAt() {
    return review.lastVerdictAt();
  }
}
