package org.claimwatch.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.Precision;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.report.FigureView;

/**
 * The reported series of a claim's entity and metric as an inline SVG, drawn on the server (no
 * script, no CDN). One periodicity at a time (quarters for a quarterly claim, years for a yearly
 * one), so yearly totals never flatten the quarters; a window around the claim's period with a
 * labelled tick for each year and a value scale; the claim's period shaded, the claimed value and
 * its tolerance band drawn over that period only; the figures its check judged ringed; derived
 * values hollow, with their derivation in the tooltip. Its words and numbers are in the reader's
 * language ({@code texts}).
 */
final class Chart {
  private static final int W = 640;
  private static final int H = 260;
  private static final int LEFT = 56;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 36;

  /** Years of history shown before the claim's period, and after it. */
  private static final int YEARS_BEFORE = 2;

  private static final int YEARS_AFTER = 1;

  private Chart() {}

  /** The SVG, or null when there is nothing to draw. */
  static String svg(List<FigureView> figures, ClaimView claim, Texts texts) {
    String type = periodType(claim);
    List<FigureView> series = series(figures, claim, type);
    if (series.isEmpty()) {
      return null;
    }
    LocalDate[] span = claimSpan(claim, series);
    Window window = Window.around(span, series);
    List<FigureView> shown = window.of(series);
    if (shown.isEmpty()) {
      return null;
    }
    BigDecimal claimed = claim.value() == null ? null : new BigDecimal(claim.value());
    double[] band = band(claim, claimed);
    Scale sc = scale(shown, band, window);
    StringBuilder s = new StringBuilder(open(claim, type, window, claimed != null, texts));
    gridAndTicks(s, sc, window.from(), window.to(), texts);
    if (span != null) {
      claimPeriod(s, sc, span, band, claimed == null ? null : claim.value(), texts);
    }
    Set<Long> judged = judged(claim);
    for (FigureView f : shown) {
      point(s, sc, f, judged.contains(f.id()), texts);
    }
    return s.append("</svg>").toString();
  }

  /** The svg element's start tag, labelled with what the chart shows. */
  private static String open(
      ClaimView claim, String type, Window window, boolean claimed, Texts texts) {
    String label =
        texts.get(
            "chart.label",
            claim.metric() == null ? "" : claim.metric(),
            texts.get("QUARTER".equals(type) ? "chart.byQuarter" : "chart.byYear"),
            window.from().getYear(),
            window.to().getYear());
    if (claimed) {
      label += texts.get("chart.against", new Numbers(texts.locale()).num(claim.value()));
    }
    return fmt(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"chart\""
            + " role=\"img\" aria-label=\"%s\">",
        W, H, esc(label));
  }

  /** The ids of the figures the claim's check judged (none without a check). */
  static Set<Long> judged(ClaimView claim) {
    Set<Long> judged = new HashSet<>();
    if (claim.check() != null) {
      claim.check().figures().forEach(f -> judged.add(f.factId()));
    }
    return judged;
  }

  /** The figures of the claim's unit (any, if it names none) and of this periodicity. */
  private static List<FigureView> series(List<FigureView> figures, ClaimView claim, String type) {
    List<FigureView> series = new ArrayList<>();
    for (FigureView f : figures) {
      boolean sameUnit = claim.unit() == null || claim.unit().equals(f.unit());
      if (sameUnit && type.equals(f.periodType())) {
        series.add(f);
      }
    }
    return series;
  }

  /**
   * The whole years shown: around the claim's period, or the last three years of the series when
   * the claim names none.
   */
  private record Window(LocalDate from, LocalDate to) {
    static Window around(LocalDate[] span, List<FigureView> series) {
      LocalDate last = end(series.get(series.size() - 1));
      LocalDate from = span == null ? last.minusYears(3) : span[0];
      LocalDate to = span == null ? last : span[1];
      return new Window(
          LocalDate.of(from.getYear() - YEARS_BEFORE, 1, 1),
          LocalDate.of(to.getYear() + YEARS_AFTER, 12, 31));
    }

    /** The figures that end inside the window. */
    List<FigureView> of(List<FigureView> series) {
      List<FigureView> shown = new ArrayList<>();
      for (FigureView f : series) {
        if (!end(f).isBefore(from) && !end(f).isAfter(to)) {
          shown.add(f);
        }
      }
      return shown;
    }
  }

  /** The window across, and down from zero (or below) to the highest value or band, plus 5%. */
  private static Scale scale(List<FigureView> shown, double[] band, Window window) {
    double minY = 0;
    double maxY = 0;
    for (FigureView f : shown) {
      double v = new BigDecimal(f.value()).doubleValue();
      minY = Math.min(minY, v);
      maxY = Math.max(maxY, v);
    }
    if (band != null) {
      minY = Math.min(minY, band[0]);
      maxY = Math.max(maxY, band[1]);
    }
    if (maxY == minY) {
      maxY = minY + 1;
    }
    maxY += (maxY - minY) * 0.05;
    return new Scale(window.from().toEpochDay(), window.to().toEpochDay(), minY, maxY);
  }

  /**
   * The claim's period shaded, with what counts as within the claim and the claimed value ({@code
   * claimed}, null if it names none) drawn over it.
   */
  private static void claimPeriod(
      StringBuilder s, Scale sc, LocalDate[] span, double[] band, String claimed, Texts texts) {
    double x1 = sc.x(span[0].toEpochDay());
    double x2 = sc.x(span[1].toEpochDay());
    s.append(
        fmt(
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"period\"><title>%s"
                + "</title></rect>",
            x1,
            TOP,
            Math.max(2, x2 - x1),
            H - BOTTOM - TOP,
            esc(texts.get("chart.period", span[0], span[1]))));
    if (band != null && band[1] > band[0]) {
      s.append(
          fmt(
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"band\"><title>"
                  + "%s</title></rect>",
              x1,
              sc.y(band[1]),
              Math.max(2, x2 - x1),
              Math.max(1, sc.y(band[0]) - sc.y(band[1])),
              esc(texts.get("chart.within"))));
    }
    if (claimed != null) {
      double y = sc.y(new BigDecimal(claimed).doubleValue());
      s.append(
          fmt(
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"claimed\"><title>"
                  + "%s</title></line><text x=\"%.1f\" y=\"%.1f\" class=\"claimed-label\">"
                  + "%s</text>",
              x1,
              y,
              x2,
              y,
              esc(texts.get("chart.claimedValue", new Numbers(texts.locale()).num(claimed))),
              x1 + 2,
              y - 4,
              esc(texts.get("chart.claimed"))));
    }
  }

  /** QUARTER or YEAR: the claim's own periodicity, else the length of its period or check. */
  static String periodType(ClaimView claim) {
    switch (claim.periodicity()) {
      case PER_QUARTER:
        return "QUARTER";
      case PER_YEAR:
        return "YEAR";
      default:
        break;
    }
    CheckView check = claim.check();
    if (check != null && !check.figures().isEmpty()) {
      String t = check.figures().get(0).periodType();
      if ("QUARTER".equals(t) || "YEAR".equals(t)) {
        return t;
      }
    }
    if (claim.periodStart() != null && claim.periodEnd() != null) {
      long days =
          LocalDate.parse(claim.periodEnd()).toEpochDay()
              - LocalDate.parse(claim.periodStart()).toEpochDay();
      return days > 200 ? "YEAR" : "QUARTER";
    }
    return "QUARTER";
  }

  /**
   * The period the claim speaks of: its own, or from its start to the day it was said, widened to
   * the periods its check judged; null when it names none.
   */
  private static LocalDate[] claimSpan(ClaimView claim, List<FigureView> series) {
    LocalDate start = claim.periodStart() == null ? null : LocalDate.parse(claim.periodStart());
    LocalDate end = claim.periodEnd() == null ? null : LocalDate.parse(claim.periodEnd());
    if (end == null && start != null && claim.statedAt() != null) {
      end = LocalDate.parse(claim.statedAt().substring(0, 10));
    }
    if (claim.check() != null) {
      for (CheckView.Figure f : claim.check().figures()) {
        LocalDate s = LocalDate.parse(f.periodStart());
        LocalDate e = LocalDate.parse(f.periodEnd());
        start = start == null || s.isBefore(start) ? s : start;
        end = end == null || e.isAfter(end) ? e : end;
      }
    }
    if (start == null || end == null || end.isBefore(start)) {
      return null;
    }
    return new LocalDate[] {start, end};
  }

  /** [low, high] of what counts as within the claim, or [v, v] for a bound; null: no number. */
  private static double[] band(ClaimView claim, BigDecimal v) {
    if (v == null) {
      return null;
    }
    Qualifier q = claim.qualifier() == null ? Qualifier.EXACT : claim.qualifier();
    return switch (q) {
      case EXACT, APPROX -> {
        double tol = Precision.tolerance(v, q).doubleValue();
        yield new double[] {v.doubleValue() - tol, v.doubleValue() + tol};
      }
      case RANGE -> {
        BigDecimal high = claim.valueHigh() == null ? v : new BigDecimal(claim.valueHigh());
        yield new double[] {
          v.subtract(Precision.tolerance(v, Qualifier.EXACT)).doubleValue(),
          high.add(Precision.tolerance(high, Qualifier.EXACT)).doubleValue()
        };
      }
      default -> new double[] {v.doubleValue(), v.doubleValue()};
    };
  }

  private static void gridAndTicks(
      StringBuilder s, Scale sc, LocalDate from, LocalDate to, Texts texts) {
    s.append(
        fmt(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
            LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
    double step = niceStep((sc.maxY - sc.minY) / 4);
    for (double v = Math.ceil(sc.minY / step) * step; v <= sc.maxY; v += step) {
      double y = sc.y(v);
      s.append(
          fmt(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
              LEFT, y, W - RIGHT, y, LEFT - 4, y + 4, esc(shortNumber(v, texts))));
    }
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      double x = sc.x(LocalDate.of(year, 1, 1).toEpochDay());
      double mid = sc.x(LocalDate.of(year, 7, 1).toEpochDay());
      s.append(
          fmt(
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"axis\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" class=\"tick year-tick\" text-anchor=\"middle\">%d</text>",
              x, H - BOTTOM, x, H - BOTTOM + 5, mid, H - BOTTOM + 18, year));
    }
  }

  /** A round step near {@code raw}: 1, 2 or 5 times a power of ten. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  private static void point(StringBuilder s, Scale sc, FigureView f, boolean judged, Texts texts) {
    double x = sc.x(end(f).toEpochDay());
    double y = sc.y(new BigDecimal(f.value()).doubleValue());
    String cls =
        ("YEAR".equals(f.periodType()) ? "year" : "quarter")
            + ("DERIVED".equals(f.kind()) ? " derived" : "")
            + (judged ? " judged" : "");
    String title = esc(title(f, judged, texts));
    if (judged) {
      s.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" class=\"ring\"/>", x, y));
    }
    if ("YEAR".equals(f.periodType())) {
      s.append(
          fmt(
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" class=\"%s\"><title>%s</title></rect>",
              x - 4, y - 4, cls, title));
    } else {
      s.append(
          fmt(
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"><title>%s</title></circle>",
              x, y, cls, title));
    }
  }

  /** A point's tooltip: the period, the value, how it was derived, its filing. */
  private static String title(FigureView f, boolean judged, Texts texts) {
    return f.periodStart()
        + ".."
        + f.periodEnd()
        + ": "
        + new Numbers(texts.locale()).num(f.value())
        + " "
        + f.unit()
        + ("DERIVED".equals(f.kind()) ? " " + texts.get("chart.derived", f.derivation()) : "")
        + (f.report() == null
            ? ""
            : ", " + texts.get("chart.filed", f.report().form(), f.report().filedOn()))
        + (judged ? "; " + texts.get("chart.judged") : "");
  }

  private static LocalDate end(FigureView f) {
    return LocalDate.parse(f.periodEnd());
  }

  /** Days and values to SVG coordinates. */
  private record Scale(long minX, long maxX, double minY, double maxY) {
    double x(long day) {
      return LEFT + (day - minX) * (W - LEFT - RIGHT - 0.0) / Math.max(1, maxX - minX);
    }

    double y(double v) {
      return (H - BOTTOM) - (v - minY) * (H - BOTTOM - TOP - 0.0) / (maxY - minY);
    }
  }

  /** A tick's value, short: 12.5B in English, 12,5 Mrd. in German. */
  private static String shortNumber(double v, Texts texts) {
    double a = Math.abs(v);
    if (a >= 1e12) {
      return texts.get("chart.trillions", String.format(texts.locale(), "%.1f", v / 1e12));
    }
    if (a >= 1e9) {
      return texts.get("chart.billions", String.format(texts.locale(), "%.1f", v / 1e9));
    }
    if (a >= 1e6) {
      return texts.get("chart.millions", String.format(texts.locale(), "%.1f", v / 1e6));
    }
    return String.format(texts.locale(), "%,.0f", v);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
