package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.report.FigureView;
import org.junit.jupiter.api.Test;

class ChartTest {
  private static FigureView figure(
      long id, String start, String end, String type, String value, String kind) {
    return new FigureView(
        id,
        "capex",
        "USD",
        start,
        end,
        type,
        2022,
        "Q",
        value,
        kind,
        "H1 - Q1",
        "c",
        new FigureView.Source(1, "10-Q", "2022-07-25", null),
        false);
  }

  /** "$12B a quarter" (or a year) over 2022-01-01..2022-06-30, judged on these figure ids. */
  private static ClaimView claim(
      String value,
      String unit,
      Periodicity periodicity,
      String start,
      String end,
      long... judged) {
    List<CheckView.Figure> figures = new ArrayList<>();
    for (long id : judged) {
      figures.add(
          new CheckView.Figure(
              id,
              1,
              start,
              end,
              "QUARTER",
              "Q",
              "1",
              "USD",
              "REPORTED",
              null,
              "10-Q",
              "2022-07-25",
              "SUPPORTS",
              null,
              false));
    }
    return new ClaimView(
        1,
        null,
        "Google puts $12 billion a quarter into AI",
        "en",
        null,
        1L,
        "Alphabet",
        "capex",
        value,
        null,
        unit,
        Qualifier.EXACT,
        start,
        end,
        periodicity,
        ClaimKind.REPORTED,
        null,
        null,
        null,
        ClaimStatus.UNVERIFIED,
        figures.isEmpty()
            ? null
            : new CheckView("SUPPORTS", "1", null, "", "2024-01-01T00:00:00Z", figures),
        null,
        null,
        null,
        50,
        1,
        "t",
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z",
        null,
        null);
  }

  private static final Texts ENGLISH =
      new Texts(new PageMessages().pageMessages(), java.util.Locale.ENGLISH);

  private static final List<FigureView> SERIES =
      List.of(
          figure(1, "2015-01-01", "2015-03-31", "QUARTER", "1000000000", "REPORTED"),
          figure(2, "2022-01-01", "2022-03-31", "QUARTER", "11800000000", "REPORTED"),
          figure(3, "2022-04-01", "2022-06-30", "QUARTER", "12300000000", "DERIVED"),
          figure(4, "2022-01-01", "2022-12-31", "YEAR", "91000000000", "REPORTED"),
          figure(5, "2022-01-01", "2022-12-31", "TTM", "91000000000", "DERIVED"));

  @Test
  void a_quarterly_claim_is_drawn_on_quarters_only_around_its_period() {
    String svg =
        Chart.svg(
            SERIES,
            claim("12000000000", "USD", Periodicity.PER_QUARTER, "2022-01-01", "2022-06-30", 2, 3),
            ENGLISH);
    assertEquals(2, count(svg, "class=\"quarter"), "2015 lies outside the window; no years");
    assertEquals(0, count(svg, "class=\"year"));
    assertEquals(1, count(svg, "class=\"quarter derived judged\""));
    assertEquals(2, count(svg, "class=\"ring\""), "the judged quarters are ringed");
    assertTrue(svg.contains("(derived: H1 - Q1)"), "a derived value says how");
    for (String year : List.of("2020", "2021", "2022", "2023")) {
      assertTrue(svg.contains(">" + year + "</text>"), "a labelled tick for " + year);
    }
    assertFalse(svg.contains(">2015</text>"));
    assertEquals(1, count(svg, "class=\"period\""), "the claim's period is shaded");
    assertEquals(1, count(svg, "class=\"band\""), "its tolerance band is drawn");
    assertTrue(svg.contains(">10.0B</text>"), "ticks in billions");
  }

  @Test
  void a_german_reader_gets_the_chart_in_german() {
    String svg =
        Chart.svg(
            SERIES,
            claim("12000000000", "USD", Periodicity.PER_QUARTER, "2022-01-01", "2022-06-30", 2, 3),
            new Texts(new PageMessages().pageMessages(), java.util.Locale.GERMAN));
    assertTrue(svg.contains("(abgeleitet: H1 - Q1)"), svg);
    assertTrue(svg.contains(">10,0 Mrd.</text>"), svg);
    assertTrue(
        svg.contains("aria-label=\"Gemeldete Werte: capex, nach Quartalen, 2020 bis 2023"), svg);
    assertTrue(svg.contains(">behauptet</text>"), svg);
    assertFalse(
        svg.contains(">claimed<") || svg.contains("derived:") || svg.contains(" filed "), svg);
  }

  @Test
  void a_yearly_claim_is_drawn_on_years_only() {
    String svg =
        Chart.svg(
            SERIES,
            claim("90000000000", "USD", Periodicity.PER_YEAR, "2022-01-01", "2022-12-31", 4),
            ENGLISH);
    assertEquals(
        1,
        count(svg, "<rect x=\"") - count(svg, "class=\"period\"") - count(svg, "class=\"band\""));
    assertEquals(0, count(svg, "class=\"quarter"));
  }

  @Test
  void the_claimed_line_spans_the_claims_period_only_and_sits_between_the_values() {
    String svg =
        Chart.svg(
            List.of(
                figure(1, "2020-01-01", "2020-03-31", "QUARTER", "10", "REPORTED"),
                figure(2, "2022-04-01", "2022-06-30", "QUARTER", "30", "REPORTED")),
            claim("20", "USD", Periodicity.NONE, "2022-04-01", "2022-06-30"),
            ENGLISH);
    Matcher line =
        Pattern.compile(
                "<line x1=\"([0-9.]+)\" y1=\"([0-9.]+)\" x2=\"([0-9.]+)\"[^>]*class=\"claimed\"")
            .matcher(svg);
    assertTrue(line.find(), svg);
    double x1 = Double.parseDouble(line.group(1));
    double x2 = Double.parseDouble(line.group(3));
    double q2020 = cx(svg, 0);
    assertTrue(x1 > q2020, "the line starts at the claim's period, not at the first figure");
    assertTrue(x2 - x1 < 100, "one quarter wide: " + (x2 - x1));
    double claimed = Double.parseDouble(line.group(2));
    assertTrue(claimed < cy(svg, 0) && claimed > cy(svg, 1));
  }

  @Test
  void nothing_to_draw_without_figures_in_the_claims_unit() {
    assertNull(
        Chart.svg(
            List.of(figure(1, "2022-01-01", "2022-03-31", "QUARTER", "10", "REPORTED")),
            claim("20", "EUR", Periodicity.PER_QUARTER, "2022-01-01", "2022-03-31"),
            ENGLISH));
  }

  private static double cx(String svg, int index) {
    return coordinate(svg, "cx", index);
  }

  private static double cy(String svg, int index) {
    return coordinate(svg, "cy", index);
  }

  /** The {@code index}th point's coordinate (rings excluded). */
  private static double coordinate(String svg, String name, int index) {
    Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"4\"").matcher(svg);
    for (int i = 0; i <= index; i++) {
      assertTrue(m.find(), svg);
    }
    return Double.parseDouble(m.group(name.equals("cx") ? 1 : 2));
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
