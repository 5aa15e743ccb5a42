package org.claimwatch.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.report.FigureView;

/**
 * The reported series of a claim's entity and metric as an inline SVG, drawn on the server (no
 * script, no CDN): quarters as dots, years as squares, derived values hollow, and the claimed value
 * as a dashed line across, so a checker sees the gap at a glance.
 */
final class Chart {
  private static final int W = 640;
  private static final int H = 240;
  private static final int PAD = 48;

  private Chart() {}

  /** The SVG, or null when there is nothing to draw. */
  static String svg(List<FigureView> figures, ClaimView claim) {
    List<FigureView> shown = new ArrayList<>();
    for (FigureView f : figures) {
      boolean sameUnit = claim.unit() == null || claim.unit().equals(f.unit());
      boolean series = "QUARTER".equals(f.periodType()) || "YEAR".equals(f.periodType());
      if (sameUnit && series) {
        shown.add(f);
      }
    }
    if (shown.isEmpty()) {
      return null;
    }
    BigDecimal claimed = claim.value() == null ? null : new BigDecimal(claim.value());
    long minX = Long.MAX_VALUE;
    long maxX = Long.MIN_VALUE;
    double minY = claimed == null ? Double.MAX_VALUE : claimed.doubleValue();
    double maxY = claimed == null ? -Double.MAX_VALUE : claimed.doubleValue();
    for (FigureView f : shown) {
      long x = LocalDate.parse(f.periodEnd()).toEpochDay();
      double y = new BigDecimal(f.value()).doubleValue();
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    minY = Math.min(0, minY);
    if (maxY == minY) {
      maxY = minY + 1;
    }
    if (maxX == minX) {
      maxX = minX + 1;
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"chart\""
                + " role=\"img\" aria-label=\"Reported %s over time%s\">",
            W,
            H,
            esc(claim.metric()),
            claimed == null ? "" : " against the claimed " + esc(claim.value())));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
            PAD,
            H - PAD,
            W - 8,
            H - PAD));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"4\" y=\"%d\" class=\"tick\">%s</text><text x=\"4\" y=\"%d\" class=\"tick\">%s</text>",
            14,
            esc(shortNumber(maxY)),
            H - PAD,
            esc(shortNumber(minY))));
    if (claimed != null) {
      double y = y(claimed.doubleValue(), minY, maxY);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"claimed\"><title>claimed"
                  + " %s</title></line><text x=\"%d\" y=\"%.1f\" class=\"claimed-label\">claimed</text>",
              PAD,
              y,
              W - 8,
              y,
              esc(claim.value()),
              W - 60,
              y - 4));
    }
    for (FigureView f : shown) {
      double x =
          PAD
              + (LocalDate.parse(f.periodEnd()).toEpochDay() - minX)
                  * (W - PAD - 16.0)
                  / (maxX - minX);
      double y = y(new BigDecimal(f.value()).doubleValue(), minY, maxY);
      String cls =
          ("YEAR".equals(f.periodType()) ? "year" : "quarter")
              + ("DERIVED".equals(f.kind()) ? " derived" : "");
      String title =
          esc(
              f.periodStart()
                  + ".."
                  + f.periodEnd()
                  + ": "
                  + f.value()
                  + " "
                  + f.unit()
                  + ("DERIVED".equals(f.kind()) ? " (derived: " + f.derivation() + ")" : "")
                  + (f.report() == null
                      ? ""
                      : ", " + f.report().form() + " filed " + f.report().filedOn()));
      if ("YEAR".equals(f.periodType())) {
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" class=\"%s\"><title>%s</title></rect>",
                x - 4,
                y - 4,
                cls,
                title));
      } else {
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"><title>%s</title></circle>",
                x,
                y,
                cls,
                title));
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text><text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>",
            PAD,
            H - PAD + 16,
            LocalDate.ofEpochDay(minX),
            W - 8,
            H - PAD + 16,
            LocalDate.ofEpochDay(maxX)));
    return s.append("</svg>").toString();
  }

  private static double y(double v, double min, double max) {
    return (H - PAD) - (v - min) * (H - PAD - 8.0) / (max - min);
  }

  private static String shortNumber(double v) {
    double a = Math.abs(v);
    if (a >= 1e12) {
      return String.format(Locale.ROOT, "%.1fT", v / 1e12);
    }
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "%.1fB", v / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f", v);
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
