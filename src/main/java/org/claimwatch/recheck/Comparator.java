package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import org.claimwatch.claim.Precision;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.report.Figures;
import org.claimwatch.system.Numbers;

/**
 * Compares a claimed number with a reported one. Pure logic: no database, no clock.
 *
 * <p>Tolerance follows how precisely the claim was stated ({@link Precision}): "$12 billion"
 * (12000000000) is stated to its last non-zero digit, so ±$0.5B; "$13.2B" to ±$0.05B; never more
 * than a tenth of the value ("$1 billion": ±$0.1B). "About" (APPROX) widens it to at least 10% of
 * the claimed value. AT_LEAST, MORE_THAN, AT_MOST and LESS_THAN are bounds, checked as stated; a
 * RANGE holds when the reported value lies within it (each end to its precision). Signs are
 * compared as they are: a loss of $5B is claimed as net_income -5000000000.
 */
public final class Comparator {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Comparator() {}

  /** The claim's side: its number, how it was qualified, and in what unit. */
  public record Claimed(
      @Nullable BigDecimal value,
      @Nullable BigDecimal valueHigh,
      @Nullable Qualifier qualifier,
      @Nullable String unit,
      @Nullable String metric) {}

  /**
   * The report's side: the value for one period, how it was obtained ({@code derivation}, e.g. "H1
   * $25.198B - Q1 $12.012B"; null when reported as is) and the filing it rests on.
   */
  public record Reported(
      BigDecimal value,
      @Nullable String unit,
      @Nullable LocalDate periodStart,
      LocalDate periodEnd,
      @Nullable String derivation,
      @Nullable String form,
      @Nullable LocalDate filed) {}

  public static Comparison compare(Claimed claim, Reported reported) {
    BigDecimal r = reported.value();
    BigDecimal v = claim.value();
    String subject = subject(claim, reported);
    if (v == null) {
      return new Comparison(
          r,
          null,
          null,
          Outcome.INCONCLUSIVE,
          subject + "; the claim states no number to compare.");
    }
    if (claim.unit() != null
        && reported.unit() != null
        && !claim.unit().equalsIgnoreCase(reported.unit())) {
      return new Comparison(
          r,
          v,
          null,
          Outcome.INCONCLUSIVE,
          subject
              + " is in "
              + reported.unit()
              + " but the claim is in "
              + claim.unit()
              + "; they cannot be compared.");
    }
    Qualifier q = claim.qualifier() == null ? Qualifier.EXACT : claim.qualifier();
    String unit = claim.unit() != null ? claim.unit() : reported.unit();
    return switch (q) {
      case EXACT, APPROX -> near(r, v, q, unit, subject);
      case AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN -> bounded(r, v, q, unit, subject);
      case RANGE -> inRange(r, v, claim.valueHigh() == null ? v : claim.valueHigh(), unit, subject);
    };
  }

  /** An exact or approximate claim holds when the reported value is within its tolerance. */
  private static Comparison near(
      BigDecimal r, BigDecimal v, Qualifier q, String unit, String subject) {
    String claimed = Numbers.withUnit(v, unit);
    BigDecimal tol = tolerance(v, q);
    boolean within = r.subtract(v).abs().compareTo(tol) <= 0;
    BigDecimal dev = deviation(r, v);
    String how;
    if (r.compareTo(v) == 0) {
      how = "matches the claimed " + claimed;
    } else {
      String apart =
          dev == null
              ? "differs from"
              : "is " + Numbers.plain(dev.abs()) + "% " + (r.compareTo(v) > 0 ? "above" : "below");
      how =
          apart
              + " the claimed "
              + claimed
              + " ("
              + (q == Qualifier.APPROX ? "about, so ±" : "stated to ±")
              + Numbers.withUnit(tol, unit, v)
              + (within ? ": within it)" : ": outside it)");
    }
    return new Comparison(
        r, v, dev, within ? Outcome.SUPPORTS : Outcome.CONTRADICTS, subject + " " + how + ".");
  }

  /** "At least", "more than", "at most", "less than": the bound holds or it does not. */
  private static Comparison bounded(
      BigDecimal r, BigDecimal v, Qualifier q, String unit, String subject) {
    int c = r.compareTo(v);
    boolean holds =
        switch (q) {
          case AT_LEAST -> c >= 0;
          case MORE_THAN -> c > 0;
          case AT_MOST -> c <= 0;
          default -> c < 0;
        };
    String bound = q.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String how =
        (holds ? "is " : "is not ")
            + bound
            + " the claimed "
            + Numbers.withUnit(v, unit)
            + deviationPhrase(deviation(r, v));
    return new Comparison(
        r,
        v,
        deviation(r, v),
        holds ? Outcome.SUPPORTS : Outcome.CONTRADICTS,
        subject + " " + how + ".");
  }

  /** A range holds when the reported value lies between its ends (each to its own precision). */
  private static Comparison inRange(
      BigDecimal r, BigDecimal v, BigDecimal high, String unit, String subject) {
    boolean within =
        r.compareTo(v.subtract(tolerance(v, Qualifier.EXACT))) >= 0
            && r.compareTo(high.add(tolerance(high, Qualifier.EXACT))) <= 0;
    BigDecimal dev =
        r.compareTo(v) < 0
            ? deviation(r, v)
            : r.compareTo(high) > 0 ? deviation(r, high) : BigDecimal.ZERO.setScale(1);
    String how =
        (within ? "is within" : "is outside")
            + " the claimed range "
            + Numbers.withUnit(v, unit)
            + " to "
            + Numbers.withUnit(high, unit)
            + (within ? "" : deviationPhrase(dev));
    return new Comparison(
        r, v, dev, within ? Outcome.SUPPORTS : Outcome.CONTRADICTS, subject + " " + how + ".");
  }

  /** See {@link Precision}. */
  public static BigDecimal tolerance(BigDecimal value, Qualifier qualifier) {
    return Precision.tolerance(value, qualifier);
  }

  /** (reported - claimed) / |claimed| in percent, one decimal; null for a claimed 0. */
  public static BigDecimal deviation(BigDecimal reported, BigDecimal claimed) {
    if (claimed.signum() == 0) {
      return null;
    }
    return reported
        .subtract(claimed)
        .multiply(HUNDRED)
        .divide(claimed.abs(), 1, RoundingMode.HALF_UP);
  }

  private static String deviationPhrase(BigDecimal dev) {
    if (dev == null || dev.signum() == 0) {
      return "";
    }
    return " (" + Numbers.plain(dev.abs()) + "% " + (dev.signum() > 0 ? "above" : "below") + " it)";
  }

  /** "Reported Q2 2024 capex $13.186B (H1 $25.198B - Q1 $12.012B, 10-Q filed 2024-07-24)". */
  private static String subject(Claimed claim, Reported r) {
    StringBuilder sb = new StringBuilder("Reported ");
    sb.append(Figures.period(r.periodStart(), r.periodEnd())).append(' ');
    if (claim.metric() != null) {
      sb.append(claim.metric().replace('_', ' ')).append(' ');
    }
    sb.append(Numbers.withUnit(r.value(), r.unit()));
    String filing =
        r.form() == null ? null : r.form() + (r.filed() == null ? "" : " filed " + r.filed());
    if (r.derivation() != null || filing != null) {
      sb.append(" (");
      if (r.derivation() != null) {
        sb.append(r.derivation());
        if (filing != null) {
          sb.append(", ");
        }
      }
      if (filing != null) {
        sb.append(filing);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
