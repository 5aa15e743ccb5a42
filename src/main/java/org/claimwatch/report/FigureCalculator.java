package org.claimwatch.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.system.Numbers;

/**
 * Turns the reported facts of one entity into figures per metric and period. Pure logic.
 *
 * <ul>
 *   <li>The same concept and period reappears in later filings: the newest filing's value counts,
 *       given as precisely as any filing since the last restatement gave it (a 10-K repeating a
 *       10-Q's -709.551M as -709M does not round it). It rests on the filing that first gave that
 *       value (a later 10-Q repeating it as a comparative brings nothing new, nor one that only
 *       rounds it differently); a value that differs from an earlier filing's beyond rounding is a
 *       restatement.
 *   <li>Companies switch concepts (Apple's revenue moved from Revenues to
 *       RevenueFromContractWithCustomerExcludingAssessedTax): for each period the newest filing,
 *       whatever concept it used, wins. One filing that gives a period under two concepts of a
 *       metric: the preferred concept counts (the map's order, {@link MetricMap.Mapped}), so a
 *       total counts over its part and an old concept only where no other gives the period.
 *   <li>Cash-flow facts in 10-Qs are year-to-date: a quarter is the difference of two year-to-date
 *       spans that start on the same day (Q2 = H1 - Q1, Q3 = 9M - H1, Q4 = FY - 9M); a quarter
 *       reported as such is preferred.
 *   <li>Trailing twelve months: four consecutive quarters added up.
 *   <li>A value per share (unit {@code USD/shares}: earnings or a dividend per share) is a figure
 *       in its currency, as a claim gives it ("EPS of $1.52"), in one series with a report's own
 *       figures of the metric in that currency (a press release's), unless filings give the metric
 *       totals in it too (then it keeps its unit); such a series is never added up or subtracted: a
 *       fourth quarter's EPS is not the year's less nine months' when the share count changed.
 *   <li>Fiscal years are read from the annual spans, so NVIDIA's year ending in late January is its
 *       own fiscal year, not a calendar one; {@code fy}/{@code fp} of a fact describe the filing,
 *       not the period, and are not used.
 * </ul>
 */
public final class FigureCalculator {
  /**
   * Raised whenever a change here changes stored figures (their values, units or labels): {@link
   * MetricMapCatchUp} then recomputes every entity's. 2: figures per share in their currency and
   * never derived; a fiscal year starts the day after an annual report's year.
   */
  static final int VERSION = 2;

  private static final int SLACK_DAYS = 3;
  private static final Pattern PER_SHARE = Pattern.compile("([A-Z]{3})/shares");
  private static final Pattern QUARTERLY_FORMS = Pattern.compile("(?:10-Q|6-K)(?:/A)?");

  private FigureCalculator() {}

  /** How many decimal places a value is given to (negative: rounded to tens, thousands, ...). */
  private static int precision(Fact f) {
    return f.value().stripTrailingZeros().scale();
  }

  /**
   * Which of two concepts counts where one filing gives a period under both: negative when {@code
   * a}. The lower preference; of equal ones, the later by name (the rule before preferences).
   */
  static int precedence(String a, int preferenceA, String b, int preferenceB) {
    int byPreference = Integer.compare(preferenceA, preferenceB);
    return byPreference != 0 ? byPreference : b.compareTo(a);
  }

  /**
   * @param facts every fact of the entity for concepts that stand for a metric
   * @param metricOf the metric each concept stands for, and its preference
   */
  public static List<Figure> figures(
      Collection<Fact> facts, Map<String, MetricMap.Mapped> metricOf) {
    Map<String, List<Fact>> byMetricUnit = new TreeMap<>();
    for (Fact f : facts) {
      MetricMap.Mapped mapped = metricOf.get(f.concept());
      if (mapped != null) {
        byMetricUnit
            .computeIfAbsent(mapped.metric() + "\u0000" + f.unit(), k -> new ArrayList<>())
            .add(f);
      }
    }
    // A series per share in its currency, joined by a report's own figures in it (a press
    // release's "$1.53"); kept apart from filed totals in that currency (an editor's map that
    // gives one metric both must not mix $3.8B with $0.24).
    java.util.Set<String> perShare = new java.util.HashSet<>();
    for (String key : List.copyOf(byMetricUnit.keySet())) {
      int cut = key.indexOf('\u0000');
      Matcher m = PER_SHARE.matcher(key.substring(cut + 1));
      if (!m.matches()) {
        continue;
      }
      String inCurrency = key.substring(0, cut + 1) + m.group(1);
      List<Fact> same = byMetricUnit.get(inCurrency);
      if (same != null
          && !same.stream().allMatch(f -> f.concept().startsWith(MetricMap.OWN_PREFIX))) {
        perShare.add(key);
        continue;
      }
      List<Fact> merged = same == null ? new ArrayList<>() : same;
      for (Fact f : byMetricUnit.remove(key)) {
        merged.add(
            new Fact(
                f.id(),
                f.reportId(),
                f.concept(),
                m.group(1),
                f.start(),
                f.end(),
                f.value(),
                f.filed(),
                f.form()));
      }
      byMetricUnit.put(inCurrency, merged);
      perShare.add(inCurrency);
    }
    List<Figure> out = new ArrayList<>();
    for (Map.Entry<String, List<Fact>> e : byMetricUnit.entrySet()) {
      String metric = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
      out.addAll(forSeries(metric, e.getValue(), !perShare.contains(e.getKey()), metricOf));
    }
    return out;
  }

  private record Span(LocalDate start, LocalDate end) {}

  /**
   * @param additive whether quarters may be derived from year-to-date spans and added up to twelve
   *     months
   * @param metricOf each concept's preference
   */
  private static List<Figure> forSeries(
      String metric, List<Fact> facts, boolean additive, Map<String, MetricMap.Mapped> metricOf) {
    // 1. Per concept and period: the newest filing's value, and whether it restated an earlier one.
    Map<String, List<Fact>> byConceptPeriod = new HashMap<>();
    for (Fact f : facts) {
      byConceptPeriod
          .computeIfAbsent(f.concept() + "|" + f.start() + "|" + f.end(), k -> new ArrayList<>())
          .add(f);
    }
    // 2. Per period: the newest filing over all concepts that stand for the metric; of one filing's
    // two concepts, the preferred.
    Map<Span, Figure> reported = new LinkedHashMap<>();
    Map<Span, LocalDate> chosenFiled = new HashMap<>();
    for (List<Fact> versions : byConceptPeriod.values()) {
      versions.sort(Fact::newestFirst);
      Fact newest = versions.get(0);
      // The filing that first gave the current value: later filings that merely repeat it (as
      // prior-period comparatives) bring nothing new. An older, different value: a restatement.
      int origin = 0;
      while (origin + 1 < versions.size()
          && !Restatements.material(versions.get(origin + 1).value(), newest.value())) {
        origin++;
      }
      // Of the copies since, the most precise value ("-709.551M" in a 10-Q is not replaced by the
      // 10-K's "-709M"), resting on the first filing that gave it.
      Fact precise = versions.get(0);
      for (int i = 1; i <= origin; i++) {
        if (precision(versions.get(i)) > precision(precise)) {
          precise = versions.get(i);
        }
      }
      int first = origin;
      while (first > 0 && versions.get(first).value().compareTo(precise.value()) != 0) {
        first--;
      }
      Fact source = versions.get(first);
      boolean restated = origin + 1 < versions.size();
      PeriodType type = PeriodType.of(newest.start(), newest.end());
      LocalDate start = newest.start() == null ? newest.end() : newest.start();
      Span span = new Span(start, newest.end());
      LocalDate filed = chosenFiled.get(span);
      Figure current = reported.get(span);
      boolean newer =
          filed == null
              || newest.filed().isAfter(filed)
              || (newest.filed().equals(filed)
                  && precedence(
                          newest.concept(),
                          metricOf.get(newest.concept()).preference(),
                          current.concept(),
                          metricOf.get(current.concept()).preference())
                      < 0);
      if (newer) {
        chosenFiled.put(span, newest.filed());
        reported.put(
            span,
            new Figure(
                metric,
                newest.unit(),
                start,
                newest.end(),
                type,
                null,
                null,
                precise.value(),
                false,
                null,
                newest.concept(),
                source.reportId(),
                source.form(),
                source.filed(),
                restated,
                versions.get(versions.size() - 1).filed()));
      }
    }
    List<Figure> all = new ArrayList<>(reported.values());
    if (!additive) {
      return withFiscalCalendar(all);
    }
    List<Figure> quarters = derivedQuarters(reported);
    all.addAll(quarters);
    List<Figure> allQuarters = new ArrayList<>(quarters);
    reported.values().stream()
        .filter(f -> f.type() == PeriodType.QUARTER)
        .forEach(allQuarters::add);
    all.addAll(trailingTwelveMonths(allQuarters, reported));
    return withFiscalCalendar(all);
  }

  /** Quarters from year-to-date spans that start on the same day, unless reported as such. */
  private static List<Figure> derivedQuarters(Map<Span, Figure> reported) {
    Map<LocalDate, List<Figure>> byStart = new HashMap<>();
    for (Figure f : reported.values()) {
      if (f.type() == PeriodType.QUARTER
          || f.type() == PeriodType.HALF
          || f.type() == PeriodType.NINE_MONTHS
          || f.type() == PeriodType.YEAR) {
        byStart.computeIfAbsent(f.start(), k -> new ArrayList<>()).add(f);
      }
    }
    List<Figure> out = new ArrayList<>();
    for (List<Figure> ytd : byStart.values()) {
      ytd.sort(Comparator.comparing(Figure::end));
      for (int i = 1; i < ytd.size(); i++) {
        Figure shorter = ytd.get(i - 1);
        Figure longer = ytd.get(i);
        LocalDate qStart = shorter.end().plusDays(1);
        if (PeriodType.of(qStart, longer.end()) != PeriodType.QUARTER
            || reportedNear(reported, qStart, longer.end())) {
          continue;
        }
        Figure newest = shorter.filed().isAfter(longer.filed()) ? shorter : longer;
        String derivation =
            longer.type().ytdLabel()
                + " "
                + Numbers.withUnit(longer.value(), longer.unit())
                + " - "
                + shorter.type().ytdLabel()
                + " "
                + Numbers.withUnit(shorter.value(), shorter.unit());
        out.add(
            new Figure(
                longer.metric(),
                longer.unit(),
                qStart,
                longer.end(),
                PeriodType.QUARTER,
                null,
                null,
                longer.value().subtract(shorter.value()),
                true,
                derivation,
                newest.concept(),
                newest.reportId(),
                newest.form(),
                newest.filed(),
                shorter.restated() || longer.restated(),
                later(shorter.firstFiled(), longer.firstFiled())));
      }
    }
    return out;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Sums of four consecutive quarters, where no annual figure already covers the same span. */
  private static List<Figure> trailingTwelveMonths(
      List<Figure> quarters, Map<Span, Figure> reported) {
    List<Figure> sorted = new ArrayList<>(quarters);
    sorted.sort(Comparator.comparing(Figure::end));
    List<Figure> out = new ArrayList<>();
    for (int i = 3; i < sorted.size(); i++) {
      List<Figure> four = sorted.subList(i - 3, i + 1);
      boolean consecutive = true;
      for (int k = 1; k < 4 && consecutive; k++) {
        consecutive = near(four.get(k).start(), four.get(k - 1).end().plusDays(1));
      }
      Figure last = four.get(3);
      if (!consecutive || reportedNear(reported, four.get(0).start(), last.end())) {
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      Figure newest = four.get(0);
      StringBuilder how = new StringBuilder("sum of the 4 quarters ending ");
      for (Figure q : four) {
        sum = sum.add(q.value());
        if (q.filed().isAfter(newest.filed())) {
          newest = q;
        }
      }
      how.append(last.end()).append(": ");
      for (int k = 0; k < 4; k++) {
        how.append(k == 0 ? "" : " + ").append(Numbers.withUnit(four.get(k).value(), last.unit()));
      }
      out.add(
          new Figure(
              last.metric(),
              last.unit(),
              four.get(0).start(),
              last.end(),
              PeriodType.TTM,
              null,
              null,
              sum,
              true,
              how.toString(),
              newest.concept(),
              newest.reportId(),
              newest.form(),
              newest.filed(),
              four.stream().anyMatch(Figure::restated),
              four.stream().map(Figure::firstFiled).reduce(FigureCalculator::later).orElseThrow()));
    }
    return out;
  }

  /**
   * Labels quarters and years with their fiscal year (named by the calendar year it ends in) and
   * quarter. Fiscal years start where year-to-date spans start (H1, 9M and FY share their first
   * day), so the current year is known before its annual report, and the day after a year ends.
   */
  private static List<Figure> withFiscalCalendar(List<Figure> figures) {
    java.util.TreeSet<LocalDate> yearStarts = new java.util.TreeSet<>();
    for (Figure f : figures) {
      if (!f.derived()
          && (f.type() == PeriodType.HALF
              || f.type() == PeriodType.NINE_MONTHS
              || f.type() == PeriodType.YEAR)) {
        yearStarts.add(f.start());
        if (f.type() == PeriodType.YEAR && !QUARTERLY_FORMS.matcher(f.form()).matches()) {
          // The next year starts the day after a year: its first quarter is labelled before its
          // H1 (not after a 10-Q's "twelve months ended", which is no fiscal year)
          yearStarts.add(f.end().plusDays(1));
        }
      }
    }
    List<Figure> out = new ArrayList<>(figures.size());
    for (Figure f : figures) {
      LocalDate yearStart = yearStarts.floor(f.start().plusDays(SLACK_DAYS));
      boolean labelled =
          (f.type() == PeriodType.QUARTER || f.type() == PeriodType.YEAR)
              && yearStart != null
              && !f.end().isAfter(yearStart.plusYears(1).plusDays(7));
      if (!labelled) {
        out.add(f);
        continue;
      }
      int year = yearStart.plusYears(1).minusDays(1).getYear();
      if (f.type() == PeriodType.YEAR) {
        out.add(f.inFiscal(year, "FY"));
      } else {
        long days = ChronoUnit.DAYS.between(yearStart, f.end()) + 1;
        int quarter = (int) Math.max(1, Math.min(4, Math.round(days / 91.3)));
        out.add(f.inFiscal(year, "Q" + quarter));
      }
    }
    return out;
  }

  private static boolean reportedNear(Map<Span, Figure> reported, LocalDate start, LocalDate end) {
    for (Span s : reported.keySet()) {
      if (near(s.start(), start) && near(s.end(), end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(LocalDate a, LocalDate b) {
    return Objects.equals(a, b) || Math.abs(ChronoUnit.DAYS.between(a, b)) <= SLACK_DAYS;
  }
}
