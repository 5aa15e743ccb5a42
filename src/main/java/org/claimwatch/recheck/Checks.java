package org.claimwatch.recheck;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.report.Figures;
import org.claimwatch.system.Numbers;

/**
 * Several periods make one comparison: SUPPORTS only if every judged figure is within the claim,
 * CONTRADICTS if any is outside (naming which), INCONCLUSIVE if none is outside but one cannot be
 * compared (another unit). Pure logic over stored rows; the outcome of each row was computed in SQL
 * by the same rules as {@link Comparator}.
 */
final class Checks {
  private Checks() {}

  /**
   * The row that decides: a contradicting one, else one that cannot be compared (SUPPORTS only if
   * every period is within the claim), else a supporting one; the furthest first.
   */
  static final java.util.Comparator<CheckStore.Row> DECIDING =
      java.util.Comparator.comparing((CheckStore.Row r) -> rank(r.outcome()))
          .thenComparing(
              r -> r.deviationPct() == null ? BigDecimal.valueOf(-1) : r.deviationPct().abs(),
              java.util.Comparator.reverseOrder())
          .thenComparing(CheckStore.Row::periodEnd, java.util.Comparator.reverseOrder())
          .thenComparing(CheckStore.Row::figureId, java.util.Comparator.reverseOrder());

  private static int rank(Outcome o) {
    return switch (o) {
      case CONTRADICTS -> 0;
      case INCONCLUSIVE -> 1;
      case SUPPORTS -> 2;
    };
  }

  static CheckView view(Claim c, List<CheckStore.Row> rows) {
    CheckStore.Row decides = rows.stream().min(DECIDING).orElseThrow();
    Comparison main = Comparator.compare(claimed(c), reported(decides));
    StringBuilder text = new StringBuilder(trimStop(main.explanation()));
    if (c.periodicity() != Periodicity.NONE) {
      text.append(" (claimed ")
          .append(c.periodicity() == Periodicity.PER_QUARTER ? "a quarter" : "a year")
          .append(')');
    }
    List<String> others = new ArrayList<>();
    for (CheckStore.Row r : rows) {
      if (r != decides) {
        others.add(
            Figures.period(r.periodStart(), r.periodEnd()) + " " + withUnit(r) + " " + how(r));
      }
    }
    if (!others.isEmpty()) {
      text.append("; ").append(String.join("; ", others));
    }
    text.append('.');
    List<CheckView.Figure> figures = new ArrayList<>(rows.size());
    java.time.LocalDateTime asOf = null;
    for (CheckStore.Row r : rows) {
      figures.add(
          new CheckView.Figure(
              r.figureId(),
              r.reportId(),
              r.periodStart().toString(),
              r.periodEnd().toString(),
              r.periodType(),
              Figures.period(r.periodStart(), r.periodEnd()),
              Numbers.plain(r.value()),
              r.unit(),
              r.kind(),
              r.derivation(),
              r.form(),
              r.filedOn().toString(),
              r.outcome().name(),
              r.deviationPct() == null ? null : r.deviationPct().toPlainString(),
              r == decides));
      if (asOf == null || r.checkedAt().isAfter(asOf)) {
        asOf = r.checkedAt();
      }
    }
    return new CheckView(
        decides.outcome().name(),
        Numbers.plain(decides.value()),
        decides.deviationPct() == null ? null : decides.deviationPct().toPlainString(),
        text.toString(),
        asOf.toInstant(ZoneOffset.UTC).toString(),
        figures);
  }

  /** "is within", "is 9.9% above (outside)", "cannot be compared". */
  private static String how(CheckStore.Row r) {
    return switch (r.outcome()) {
      case SUPPORTS -> "is within";
      case INCONCLUSIVE -> "cannot be compared (" + r.unit() + ")";
      case CONTRADICTS -> {
        BigDecimal d = r.deviationPct();
        yield d == null || d.signum() == 0
            ? "is outside"
            : "is outside ("
                + Numbers.plain(d.abs())
                + "% "
                + (d.signum() > 0 ? "above" : "below")
                + ")";
      }
    };
  }

  private static String withUnit(CheckStore.Row r) {
    return Numbers.withUnit(r.value(), r.unit());
  }

  private static String trimStop(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static Comparator.Claimed claimed(Claim c) {
    return new Comparator.Claimed(c.value(), c.valueHigh(), c.qualifier(), c.unit(), c.metric());
  }

  private static Comparator.Reported reported(CheckStore.Row r) {
    return new Comparator.Reported(
        r.value(), r.unit(), r.periodStart(), r.periodEnd(), r.derivation(), r.form(), r.filedOn());
  }
}
