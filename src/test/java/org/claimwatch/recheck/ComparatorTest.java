package org.claimwatch.recheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.recheck.Comparator.Claimed;
import org.claimwatch.recheck.Comparator.Reported;
import org.claimwatch.report.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorTest {
  private static final LocalDate Q2_START = LocalDate.of(2024, 4, 1);
  private static final LocalDate Q2_END = LocalDate.of(2024, 6, 30);

  private static Claimed claim(String value, Qualifier q, String unit) {
    return new Claimed(new BigDecimal(value), null, q, unit, "capex");
  }

  private static Reported q2(String value) {
    return new Reported(
        new BigDecimal(value),
        "USD",
        Q2_START,
        Q2_END,
        "H1 $25.198B - Q1 $12.012B",
        "10-Q",
        LocalDate.of(2024, 7, 24));
  }

  @Test
  void google_12b_a_quarter_against_q2_2024_capex_reads_like_a_sentence() {
    Comparison c =
        Comparator.compare(claim("12000000000", Qualifier.EXACT, "USD"), q2("13186000000"));
    assertEquals(Outcome.CONTRADICTS, c.outcome());
    assertEquals(new BigDecimal("9.9"), c.deviationPct());
    assertEquals(
        "Reported Q2 2024 capex $13.186B (H1 $25.198B - Q1 $12.012B, 10-Q filed 2024-07-24) is 9.9%"
            + " above the claimed $12B (stated to ±$0.5B: outside it).",
        c.explanation());
  }

  /**
   * Half a unit of the last digit written before the scale word; zeros at the end are rounding up
   * to 1%; never more than a tenth of the number nor less than half a unit.
   */
  @ParameterizedTest(name = "{0} is stated to ±{1}")
  @CsvSource({
    "20000000000, 500000000",
    "600000000, 6000000",
    "13186000000, 500000",
    "0.000001, 0.0000005",
    "5000, 50",
    "12000000000, 500000000",
    "8500000000, 50000000",
    "8.5, 0.05",
    "82, 0.5",
    "1000000000, 100000000",
    "390000000000, 3900000000",
    "2, 0.5",
    "20, 0.5",
    "300000, 3000",
    "0, 0.5",
    "-5000000000, 500000000",
  })
  void tolerance_follows_the_stated_precision_within_a_tenth(String value, String tolerance) {
    assertEquals(
        0,
        new BigDecimal(tolerance)
            .compareTo(Comparator.tolerance(new BigDecimal(value), Qualifier.EXACT)),
        () -> value + ": " + Comparator.tolerance(new BigDecimal(value), Qualifier.EXACT));
  }

  /** How news rounds: what a fact-checker lets pass, and what not. */
  @ParameterizedTest(name = "claimed {0}, reported {1}: {2}")
  @CsvSource({
    "1000000000, 550000000, CONTRADICTS",
    "1000000000, 1080000000, SUPPORTS",
    "2000000000, 1500000000, CONTRADICTS",
    "1000000000000, 1400000000000, CONTRADICTS",
    "390000000000, 391035000000, SUPPORTS",
    "600000000, 604000000, SUPPORTS",
    "900000000, 899400000, SUPPORTS",
    "5000000000, 5300000000, SUPPORTS",
    "94930000000, 94000000000, CONTRADICTS",
    "10000000000, 9200000000, CONTRADICTS",
  })
  void rounded_news_numbers_are_judged_as_a_fact_checker_would(
      String claimed, String reported, Outcome outcome) {
    assertEquals(
        outcome,
        Comparator.compare(claim(claimed, Qualifier.EXACT, "USD"), q2(reported)).outcome());
  }

  @Test
  void a_share_in_whole_points_is_stated_to_half_a_point() {
    Reported share = new Reported(new BigDecimal("2.4"), "%", Q2_START, Q2_END, null, null, null);
    assertEquals(
        Outcome.SUPPORTS,
        Comparator.compare(new Claimed(new BigDecimal("2"), null, null, "%", "growth"), share)
            .outcome());
  }

  @Test
  void about_widens_the_tolerance_to_ten_percent() {
    assertEquals(
        0,
        new BigDecimal("2000000000")
            .compareTo(Comparator.tolerance(new BigDecimal("20000000000"), Qualifier.APPROX)));
    Comparison c =
        Comparator.compare(claim("12000000000", Qualifier.APPROX, "USD"), q2("13186000000"));
    assertEquals(Outcome.SUPPORTS, c.outcome());
    assertTrue(c.explanation().contains("about, so ±$1.2B: within it"), c.explanation());
  }

  @Test
  void within_stated_precision_supports() {
    Comparison c =
        Comparator.compare(claim("12000000000", Qualifier.EXACT, "USD"), q2("12012000000"));
    assertEquals(Outcome.SUPPORTS, c.outcome());
    assertEquals(new BigDecimal("0.1"), c.deviationPct());
  }

  @Test
  void an_equal_value_matches() {
    Comparison c =
        Comparator.compare(claim("12012000000", Qualifier.EXACT, "USD"), q2("12012000000"));
    assertEquals(Outcome.SUPPORTS, c.outcome());
    assertTrue(c.explanation().endsWith("matches the claimed $12.012B."), c.explanation());
  }

  @Test
  void bounds_are_checked_as_stated() {
    Reported up570 =
        new Reported(
            new BigDecimal("570"),
            "%",
            LocalDate.of(2022, 11, 30),
            LocalDate.of(2024, 7, 26),
            null,
            null,
            null);
    Comparison more =
        Comparator.compare(
            new Claimed(
                new BigDecimal("600"), null, Qualifier.MORE_THAN, "%", "stock_price_change"),
            up570);
    assertEquals(Outcome.CONTRADICTS, more.outcome());
    assertEquals(new BigDecimal("-5.0"), more.deviationPct());
    assertTrue(
        more.explanation().contains("is not more than the claimed 600% (5% below it)"),
        more.explanation());

    assertEquals(
        Outcome.SUPPORTS,
        Comparator.compare(claim("8500000000", Qualifier.AT_MOST, "USD"), q2("8500000000"))
            .outcome());
    assertEquals(
        Outcome.CONTRADICTS,
        Comparator.compare(claim("8500000000", Qualifier.LESS_THAN, "USD"), q2("8500000000"))
            .outcome());
    assertEquals(
        Outcome.SUPPORTS,
        Comparator.compare(claim("1000000000000", Qualifier.AT_LEAST, "USD"), q2("1000000000000"))
            .outcome());
    assertEquals(
        Outcome.CONTRADICTS,
        Comparator.compare(claim("1000000000000", Qualifier.MORE_THAN, "USD"), q2("1000000000000"))
            .outcome());
  }

  @Test
  void a_range_holds_when_the_figure_lies_in_it() {
    Claimed range =
        new Claimed(
            new BigDecimal("12000000000"),
            new BigDecimal("14000000000"),
            Qualifier.RANGE,
            "USD",
            "capex");
    Comparison in = Comparator.compare(range, q2("13186000000"));
    assertEquals(Outcome.SUPPORTS, in.outcome());
    assertEquals(0, BigDecimal.ZERO.compareTo(in.deviationPct()));
    Comparison out = Comparator.compare(range, q2("15000000000"));
    assertEquals(Outcome.CONTRADICTS, out.outcome());
    assertEquals(new BigDecimal("7.1"), out.deviationPct());
  }

  @Test
  void a_loss_is_a_negative_net_income() {
    Claimed loss =
        new Claimed(new BigDecimal("-5000000000"), null, Qualifier.EXACT, "USD", "net_income");
    Reported reported =
        new Reported(
            new BigDecimal("-5300000000"),
            "USD",
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31),
            null,
            "press release",
            LocalDate.of(2025, 2, 1));
    Comparison c = Comparator.compare(loss, reported);
    assertEquals(Outcome.SUPPORTS, c.outcome());
    assertEquals(new BigDecimal("-6.0"), c.deviationPct());
    assertTrue(
        c.explanation()
            .startsWith("Reported 2024 net income -$5.3B (press release filed 2025-02-01)"),
        c.explanation());
    Claimed profit =
        new Claimed(new BigDecimal("5000000000"), null, Qualifier.EXACT, "USD", "net_income");
    assertEquals(Outcome.CONTRADICTS, Comparator.compare(profit, reported).outcome());
  }

  @Test
  void different_units_or_no_number_are_inconclusive() {
    Comparison units = Comparator.compare(claim("82", Qualifier.EXACT, "%"), q2("13186000000"));
    assertEquals(Outcome.INCONCLUSIVE, units.outcome());
    assertNull(units.deviationPct());
    Comparison none = Comparator.compare(new Claimed(null, null, null, null, "capex"), q2("1"));
    assertEquals(Outcome.INCONCLUSIVE, none.outcome());
  }

  @Test
  void a_claimed_zero_has_no_percentage() {
    Comparison c = Comparator.compare(claim("0", Qualifier.EXACT, "USD"), q2("1000000"));
    assertNull(c.deviationPct());
    assertEquals(Outcome.CONTRADICTS, c.outcome());
  }

  @Test
  void periods_read_as_people_say_them() {
    assertEquals("Q2 2024", Figures.period(Q2_START, Q2_END));
    assertEquals("2024", Figures.period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    assertEquals("H1 2024", Figures.period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));
    assertEquals(
        "the quarter ended 2024-07-28",
        Figures.period(LocalDate.of(2024, 4, 29), LocalDate.of(2024, 7, 28)));
    assertEquals(
        "the year ended 2024-01-28",
        Figures.period(LocalDate.of(2023, 1, 30), LocalDate.of(2024, 1, 28)));
    assertEquals("as of 2024-06-30", Figures.period(null, Q2_END));
  }
}
