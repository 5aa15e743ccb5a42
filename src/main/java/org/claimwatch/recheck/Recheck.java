package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.claimwatch.claim.Qualifier;

/** A re-check flag with the comparison as it stood when flagged (table {@code rechecks}). */
@MappedEntity("rechecks")
public record Recheck(
    @Id @GeneratedValue @Nullable Long id,
    long claimId,
    Reason reason,
    @Nullable Long reportId,
    @Nullable Long figureId,
    @Nullable BigDecimal claimedValue,
    @Nullable BigDecimal claimedValueHigh,
    @Nullable Qualifier claimedQualifier,
    @Nullable String claimedUnit,
    @Nullable String metric,
    @Nullable BigDecimal reportedValue,
    @Nullable String reportedUnit,
    @Nullable LocalDate periodStart,
    @Nullable LocalDate periodEnd,
    @Nullable String derivation,
    @Nullable String form,
    @Nullable LocalDate filedOn,
    @Nullable BigDecimal deviationPct,
    Outcome outcome,
    @Nullable String note,
    String createdBy,
    Instant createdAt,
    @Nullable String openSlot,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedBy,
    @Nullable String resolution,
    String dedupeKey,
    int priority,
    @Nullable Integer claimVersion,
    @Nullable Long entityId,
    @Nullable Integer periods,
    @Nullable Integer periodsOutside) {

  public enum Reason {
    NEW_FILING,
    RESTATEMENT,
    FORECAST_DUE,
    STALE,
    MANUAL,
    OUTDATED
  }

  /** This flag closed because a newer one replaces it. */
  Recheck superseded(String by, Instant at) {
    return resolved(by, at, "SUPERSEDED");
  }

  /** This flag closed: {@code resolution} says why (SUPERSEDED, or VERDICT:<id>). */
  Recheck resolved(String by, Instant at, String resolution) {
    return new Recheck(
        id,
        claimId,
        reason,
        reportId,
        figureId,
        claimedValue,
        claimedValueHigh,
        claimedQualifier,
        claimedUnit,
        metric,
        reportedValue,
        reportedUnit,
        periodStart,
        periodEnd,
        derivation,
        form,
        filedOn,
        deviationPct,
        outcome,
        note,
        createdBy,
        createdAt,
        null,
        at,
        by,
        resolution,
        dedupeKey,
        priority,
        claimVersion,
        entityId,
        periods,
        periodsOutside);
  }

  /** "Since then: Q1 2026 capex $35.674B, 3.0x the claimed $12B a quarter." */
  private String sinceThen() {
    String claimed =
        org.claimwatch.system.Numbers.withUnit(claimedValue, claimedUnit)
            + (periodEnd != null
                    && periodStart != null
                    && java.time.temporal.ChronoUnit.DAYS.between(periodStart, periodEnd) < 100
                ? " a quarter"
                : " a year");
    String how;
    if (deviationPct == null || claimedValue.signum() == 0) {
      how = "against the claimed " + claimed;
    } else if (deviationPct.abs().compareTo(BigDecimal.valueOf(50)) < 0) {
      how =
          org.claimwatch.system.Numbers.plain(deviationPct.abs())
              + "% "
              + (deviationPct.signum() > 0 ? "above" : "below")
              + " the claimed "
              + claimed;
    } else {
      how =
          reportedValue.divide(claimedValue, 1, java.math.RoundingMode.HALF_UP).toPlainString()
              + "x the claimed "
              + claimed;
    }
    return "Since then: "
        + org.claimwatch.report.Figures.period(periodStart, periodEnd)
        + " "
        + (metric == null ? "" : metric.replace('_', ' ') + " ")
        + org.claimwatch.system.Numbers.withUnit(reportedValue, reportedUnit)
        + ", "
        + how
        + ". A note for the archive: the claim was about the time it was made.";
  }

  /** The comparison, its explanation rendered again from what was stored. */
  Comparison comparison() {
    if (reportedValue == null) {
      return new Comparison(null, claimedValue, null, outcome, note == null ? "" : note);
    }
    if (reason == Reason.OUTDATED) {
      return new Comparison(reportedValue, claimedValue, deviationPct, outcome, sinceThen());
    }
    Comparison c =
        Comparator.compare(
            new Comparator.Claimed(
                claimedValue, claimedValueHigh, claimedQualifier, claimedUnit, metric),
            new Comparator.Reported(
                reportedValue, reportedUnit, periodStart, periodEnd, derivation, form, filedOn));
    String text = c.explanation();
    if (periods != null && periods > 1) {
      int outside = periodsOutside == null ? 0 : periodsOutside;
      text +=
          " "
              + (outside == 0 ? "All " + periods : outside + " of " + periods)
              + " periods judged "
              + (outside == 0 ? "are within it" : outside == 1 ? "is outside it" : "are outside it")
              + " (the claim's check lists them).";
    }
    return new Comparison(reportedValue, claimedValue, deviationPct, outcome, text);
  }
}
