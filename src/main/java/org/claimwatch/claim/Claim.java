package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored claim: a row of {@code claims}, written and read by {@link ClaimStore}. What it says
 * ({@link ClaimData}: the words, who and what it is about, its {@link ClaimedNumber} and {@link
 * ClaimPeriod}), the source it cites, where review has left it ({@link ReviewState}), and its
 * identity and version. The contents' fields, and the number's, period's and review state's parts,
 * can be read from the claim directly.
 */
public record Claim(
    @Nullable Long id,
    String submittedBy,
    @Nullable String externalRef,
    ClaimData data,
    @Nullable Long sourceId,
    ReviewState review,
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
    return new Claim(
        null, submittedBy, externalRef, d, sourceId, ReviewState.NEW, duplicateOf, null, now, now);
  }

  /** This claim with new contents, keeping identity, review state and version. */
  Claim withData(ClaimData d, Long newSourceId, Instant now) {
    return new Claim(
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

  /** This claim's contents and source with another identity, review state, link or version. */
  private Claim copy(Long newId, ReviewState s, Long original, Integer newVersion, Instant now) {
    return new Claim(
        newId, submittedBy, externalRef, data, sourceId, s, original, newVersion, createdAt, now);
  }

  /** This claim as stored at {@code newVersion} (an edit just written). */
  Claim withVersion(int newVersion) {
    return withState(review, newVersion, updatedAt);
  }

  public String statement() {
    return data.statement();
  }

  public @Nullable String language() {
    return data.language();
  }

  public @Nullable String claimant() {
    return data.claimant();
  }

  public @Nullable Long entityId() {
    return data.entityId();
  }

  public @Nullable String metric() {
    return data.metric();
  }

  public ClaimedNumber number() {
    return data.number();
  }

  public ClaimPeriod period() {
    return data.period();
  }

  public ClaimKind kind() {
    return data.kind();
  }

  public @Nullable LocalDate resolvesOn() {
    return data.resolvesOn();
  }

  public @Nullable Instant statedAt() {
    return data.statedAt();
  }

  public int priority() {
    return data.priority();
  }

  public @Nullable BigDecimal value() {
    return data.number().value();
  }

  public @Nullable BigDecimal valueHigh() {
    return data.number().valueHigh();
  }

  public @Nullable String unit() {
    return data.number().unit();
  }

  public @Nullable Qualifier qualifier() {
    return data.number().qualifier();
  }

  public @Nullable BigDecimal tolerance() {
    return data.number().tolerance();
  }

  public @Nullable BigDecimal toleranceHigh() {
    return data.number().toleranceHigh();
  }

  public @Nullable LocalDate periodStart() {
    return data.period().start();
  }

  public @Nullable LocalDate periodEnd() {
    return data.period().end();
  }

  public Periodicity periodicity() {
    return data.period().periodicity();
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
