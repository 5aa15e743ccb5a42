package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static ClaimView claim(String value, String unit) {
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
        Qualifier.APPROX,
        null,
        null,
        Periodicity.PER_QUARTER,
        ClaimKind.REPORTED,
        null,
        null,
        null,
        ClaimStatus.UNVERIFIED,
        null,
        null,
        null,
        null,
        50,
        1,
        "t",
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z");
  }

  @Test
  void draws_quarters_as_dots_years_as_squares_derived_hollow_and_the_claim_across() {
    String svg =
        Chart.svg(
            List.of(
                figure(1, "2022-01-01", "2022-03-31", "QUARTER", "9786000000", "REPORTED"),
                figure(2, "2022-04-01", "2022-06-30", "QUARTER", "6828000000", "DERIVED"),
                figure(3, "2022-01-01", "2022-12-31", "YEAR", "31485000000", "REPORTED"),
                figure(4, "2022-01-01", "2022-12-31", "TTM", "31485000000", "DERIVED")),
            claim("12000000000", "USD"));
    assertEquals(2, count(svg, "<circle"));
    assertEquals(1, count(svg, "<rect"));
    assertEquals(1, count(svg, "class=\"quarter derived\""));
    assertTrue(svg.contains("class=\"claimed\""), svg);
    assertTrue(
        svg.contains("aria-label=\"Reported capex over time against the claimed 12000000000\""));
    assertTrue(svg.contains("(derived: H1 - Q1)"), "a derived value says how");
  }

  @Test
  void the_claimed_line_sits_between_the_values_it_lies_between() {
    String svg =
        Chart.svg(
            List.of(
                figure(1, "2022-01-01", "2022-03-31", "QUARTER", "10", "REPORTED"),
                figure(2, "2022-04-01", "2022-06-30", "QUARTER", "30", "REPORTED")),
            claim("20", "USD"));
    double low = cy(svg, 0);
    double high = cy(svg, 1);
    Matcher m = Pattern.compile("class=\"claimed\"").matcher(svg);
    assertTrue(m.find());
    Matcher y =
        Pattern.compile("<line x1=\"\\d+\" y1=\"([0-9.]+)\"[^>]*class=\"claimed\"").matcher(svg);
    assertTrue(y.find(), svg);
    double claimed = Double.parseDouble(y.group(1));
    assertTrue(claimed < low && claimed > high, low + " > " + claimed + " > " + high);
  }

  @Test
  void nothing_to_draw_without_figures_in_the_claims_unit() {
    assertNull(
        Chart.svg(
            List.of(figure(1, "2022-01-01", "2022-03-31", "QUARTER", "10", "REPORTED")),
            claim("20", "EUR")));
  }

  private static double cy(String svg, int index) {
    Matcher m = Pattern.compile("cy=\"([0-9.]+)\"").matcher(svg);
    for (int i = 0; i <= index; i++) {
      assertTrue(m.find());
    }
    return Double.parseDouble(m.group(1));
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
