package org.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The traps listed in src/test/resources/fixtures/README.md (seen in the SEC companyfacts
 * fixtures), one test each, on hand-made facts.
 */
class FigureCalculatorTest {
  private static final String PPE = "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment";
  private static final String PRODUCTIVE = "us-gaap:PaymentsToAcquireProductiveAssets";
  private static final String REVENUES = "us-gaap:Revenues";
  private static final String CONTRACT =
      "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax";
  private static final Map<String, MetricMap.Mapped> METRICS =
      unordered(
          Map.of(PPE, "capex", PRODUCTIVE, "capex", REVENUES, "revenue", CONTRACT, "revenue"));

  /** Concept -> metric, every concept of equal preference. */
  private static Map<String, MetricMap.Mapped> unordered(Map<String, String> metrics) {
    Map<String, MetricMap.Mapped> out = new java.util.HashMap<>();
    metrics.forEach((c, m) -> out.put(c, new MetricMap.Mapped(m, 0)));
    return out;
  }

  private long ids;
  private final List<Fact> facts = new ArrayList<>();

  private void fact(
      String concept,
      String start,
      String end,
      String value,
      long report,
      String form,
      String filed) {
    fact(concept, "USD", start, end, value, report, form, filed);
  }

  private void fact(
      String concept,
      String unit,
      String start,
      String end,
      String value,
      long report,
      String form,
      String filed) {
    facts.add(
        new Fact(
            ++ids,
            report,
            concept,
            unit,
            start == null ? null : LocalDate.parse(start),
            LocalDate.parse(end),
            new BigDecimal(value),
            LocalDate.parse(filed),
            form));
  }

  private Optional<Figure> find(String metric, PeriodType type, String start, String end) {
    return FigureCalculator.figures(facts, METRICS).stream()
        .filter(f -> f.metric().equals(metric) && f.type() == type)
        .filter(
            f -> f.start().equals(LocalDate.parse(start)) && f.end().equals(LocalDate.parse(end)))
        .findFirst();
  }

  @Test
  void cash_flow_quarters_are_differences_of_year_to_date_spans() {
    fact(PPE, "2024-01-01", "2024-03-31", "12012000000", 1, "10-Q", "2024-04-26");
    fact(PPE, "2024-01-01", "2024-06-30", "25198000000", 2, "10-Q", "2024-07-24");
    fact(PPE, "2024-01-01", "2024-09-30", "38259000000", 3, "10-Q", "2024-10-30");
    fact(PPE, "2024-01-01", "2024-12-31", "52535000000", 4, "10-K", "2025-02-05");
    Figure q2 = find("capex", PeriodType.QUARTER, "2024-04-01", "2024-06-30").orElseThrow();
    assertEquals(0, new BigDecimal("13186000000").compareTo(q2.value()));
    assertTrue(q2.derived());
    assertEquals("H1 $25.198B - Q1 $12.012B", q2.derivation());
    assertEquals(2, q2.reportId());
    assertEquals(LocalDate.parse("2024-07-24"), q2.filed());
    assertEquals("Q2", q2.fiscalPeriod());
    Figure q4 = find("capex", PeriodType.QUARTER, "2024-10-01", "2024-12-31").orElseThrow();
    assertEquals(0, new BigDecimal("14276000000").compareTo(q4.value()));
    assertEquals("FY $52.535B - 9M $38.259B", q4.derivation());
    assertEquals("10-K", q4.form());
    Figure q1 = find("capex", PeriodType.QUARTER, "2024-01-01", "2024-03-31").orElseThrow();
    assertFalse(q1.derived());
    assertNull(q1.derivation());
  }

  @Test
  void a_quarter_reported_as_such_is_preferred_to_a_derived_one() {
    fact(REVENUES, "2024-01-01", "2024-03-31", "100", 1, "10-Q", "2024-04-26");
    fact(REVENUES, "2024-01-01", "2024-06-30", "250", 2, "10-Q", "2024-07-24");
    fact(REVENUES, "2024-04-01", "2024-06-30", "150", 2, "10-Q", "2024-07-24");
    List<Figure> q2s =
        FigureCalculator.figures(facts, METRICS).stream()
            .filter(
                f ->
                    f.type() == PeriodType.QUARTER
                        && f.start().equals(LocalDate.parse("2024-04-01")))
            .toList();
    assertEquals(1, q2s.size());
    assertFalse(q2s.get(0).derived());
  }

  @Test
  void fy_and_fp_describe_the_filing_and_repeats_bring_nothing_new() {
    // The same period reappears in the next year's filings (with other fy/fp and the frame on
    // one copy only): the figure still rests on the filing that first reported the value.
    fact(PPE, "2021-01-01", "2021-03-31", "1348000000", 10, "10-Q", "2021-04-28");
    fact(PPE, "2021-01-01", "2021-03-31", "1348000000", 20, "10-Q", "2022-04-25");
    Figure q1 = find("capex", PeriodType.QUARTER, "2021-01-01", "2021-03-31").orElseThrow();
    assertEquals(10, q1.reportId());
    assertEquals(LocalDate.parse("2021-04-28"), q1.filed());
    assertFalse(q1.restated());
  }

  @Test
  void a_later_filing_with_another_value_is_a_restatement() {
    fact(REVENUES, "2023-01-01", "2023-12-31", "10100000000", 1, "10-K", "2024-02-10");
    fact(REVENUES, "2023-01-01", "2023-12-31", "9200000000", 2, "10-K/A", "2024-05-01");
    Figure fy = find("revenue", PeriodType.YEAR, "2023-01-01", "2023-12-31").orElseThrow();
    assertEquals(0, new BigDecimal("9200000000").compareTo(fy.value()));
    assertTrue(fy.restated());
    assertEquals("10-K/A", fy.form());
  }

  @Test
  void rounding_the_same_value_differently_is_not_a_restatement() {
    // Tesla reported in thousands until 2019, then in millions.
    fact(REVENUES, "2018-01-01", "2018-12-31", "21461268000", 1, "10-K", "2019-02-19");
    fact(REVENUES, "2018-01-01", "2018-12-31", "21461000000", 2, "10-K", "2020-02-13");
    Figure fy = find("revenue", PeriodType.YEAR, "2018-01-01", "2018-12-31").orElseThrow();
    assertFalse(fy.restated());
    assertEquals(1, fy.reportId(), "rests on the filing that first gave the value");
    assertEquals(0, new BigDecimal("21461268000").compareTo(fy.value()), "given to the thousand");
    assertFalse(Restatements.material(new BigDecimal("3404451000"), new BigDecimal("3405000000")));
    assertTrue(Restatements.material(new BigDecimal("3414692000"), new BigDecimal("3409452000")));
    assertTrue(Restatements.material(new BigDecimal("10100000000"), new BigDecimal("9200000000")));
  }

  @Test
  void a_rounder_later_copy_keeps_the_precise_value_and_a_more_precise_one_is_taken() {
    // A 10-K repeats the 10-Q's quarter to the million; the figure keeps the 10-Q's thousands.
    fact(REVENUES, "2024-01-01", "2024-03-31", "-709551000", 1, "10-Q", "2024-04-25");
    fact(REVENUES, "2024-01-01", "2024-03-31", "-710000000", 2, "10-K", "2025-02-01");
    Figure q1 = find("revenue", PeriodType.QUARTER, "2024-01-01", "2024-03-31").orElseThrow();
    assertEquals(0, new BigDecimal("-709551000").compareTo(q1.value()));
    assertEquals(1, q1.reportId());
    assertFalse(q1.restated());
    // Given to the million first and to the thousand later: the later, more precise value, on
    // the filing that gave it.
    fact(REVENUES, "2023-01-01", "2023-03-31", "5000000000", 3, "8-K", "2023-04-20");
    fact(REVENUES, "2023-01-01", "2023-03-31", "5000400000", 4, "10-Q", "2023-04-28");
    Figure q1of2023 = find("revenue", PeriodType.QUARTER, "2023-01-01", "2023-03-31").orElseThrow();
    assertEquals(0, new BigDecimal("5000400000").compareTo(q1of2023.value()));
    assertEquals(4, q1of2023.reportId());
  }

  @Test
  void the_newest_concept_that_covers_a_period_wins() {
    // Apple: Revenues until 2018, then RevenueFromContractWithCustomerExcludingAssessedTax,
    // which the 2019 10-K also used for the 2017 comparative.
    fact(REVENUES, "2016-09-25", "2017-09-30", "229234000000", 1, "10-K", "2017-11-03");
    fact(CONTRACT, "2016-09-25", "2017-09-30", "229234000000", 3, "10-K", "2019-10-31");
    fact(REVENUES, "2017-10-01", "2018-09-29", "265595000000", 2, "10-K", "2018-11-05");
    Figure fy2017 = find("revenue", PeriodType.YEAR, "2016-09-25", "2017-09-30").orElseThrow();
    assertEquals(CONTRACT, fy2017.concept());
    Figure fy2018 = find("revenue", PeriodType.YEAR, "2017-10-01", "2018-09-29").orElseThrow();
    assertEquals(REVENUES, fy2018.concept());
    // NVIDIA's capex moved concepts too: both stand for capex, the periods line up.
    fact(PPE, "2022-01-31", "2023-01-29", "1833000000", 4, "10-K", "2023-02-24");
    fact(PRODUCTIVE, "2023-01-30", "2024-01-28", "1069000000", 5, "10-K", "2024-02-21");
    assertTrue(find("capex", PeriodType.YEAR, "2023-01-30", "2024-01-28").isPresent());
    assertTrue(find("capex", PeriodType.YEAR, "2022-01-31", "2023-01-29").isPresent());
  }

  /**
   * One filing giving a period under two concepts of a metric: the preferred counts, whichever it
   * is (the map's order: CostOfRevenue, the broader, over its part CostOfGoodsAndServicesSold as
   * shipped); of equal preferences the later by name, the rule before there were preferences.
   */
  @ParameterizedTest(name = "broad {0}, part {1}: {2}")
  @CsvSource({"0, 1, 74000000000", "1, 0, 70000000000", "0, 0, 74000000000"})
  void of_one_filings_two_concepts_for_a_period_the_preferred_counts(
      int broadPreference, int partPreference, String expected) {
    String broad = "us-gaap:CostOfRevenue";
    String part = "us-gaap:CostOfGoodsAndServicesSold";
    fact(part, "2024-01-01", "2024-12-31", "70000000000", 1, "10-K", "2025-02-01");
    fact(broad, "2024-01-01", "2024-12-31", "74000000000", 1, "10-K", "2025-02-01");
    List<Figure> figures =
        FigureCalculator.figures(
            facts,
            Map.of(
                broad,
                new MetricMap.Mapped("cost_of_revenue", broadPreference),
                part,
                new MetricMap.Mapped("cost_of_revenue", partPreference)));
    assertEquals(1, figures.size(), figures::toString);
    assertEquals(0, new BigDecimal(expected).compareTo(figures.get(0).value()), figures::toString);
  }

  /**
   * An old concept mapped last (SalesRevenueNet, before 2018) gives the periods no other concept
   * gives, and never one the preferred concept gives in the same filing.
   */
  @Test
  void a_concept_mapped_last_counts_only_where_the_preferred_ones_give_nothing() {
    String old = "us-gaap:SalesRevenueNet";
    Map<String, MetricMap.Mapped> map =
        Map.of(
            REVENUES, new MetricMap.Mapped("revenue", 0),
            CONTRACT, new MetricMap.Mapped("revenue", 1),
            old, new MetricMap.Mapped("revenue", 2));
    fact(old, "2013-01-01", "2013-12-31", "170000000000", 1, "10-K", "2014-02-01");
    // A later 10-K gives 2015 under both: total revenues and net sales, a part of them.
    fact(old, "2015-01-01", "2015-12-31", "233700000000", 2, "10-K", "2016-02-01");
    fact(REVENUES, "2015-01-01", "2015-12-31", "240000000000", 2, "10-K", "2016-02-01");
    List<Figure> figures = FigureCalculator.figures(facts, map);
    assertEquals(2, figures.size(), figures::toString);
    Figure y2013 =
        figures.stream().filter(f -> f.end().getYear() == 2013).findFirst().orElseThrow();
    assertEquals(old, y2013.concept());
    Figure y2015 =
        figures.stream().filter(f -> f.end().getYear() == 2015).findFirst().orElseThrow();
    assertEquals(REVENUES, y2015.concept());
    assertEquals(0, new BigDecimal("240000000000").compareTo(y2015.value()));
  }

  @Test
  void a_fiscal_year_ending_in_late_january_is_named_by_the_year_it_ends_in() {
    // NVIDIA: fiscal 2025 runs 2024-01-29 .. 2025-01-26 (52/53-week years).
    fact(PRODUCTIVE, "2024-01-29", "2024-04-28", "369000000", 1, "10-Q", "2024-05-29");
    fact(PRODUCTIVE, "2024-01-29", "2024-07-28", "977000000", 2, "10-Q", "2024-08-28");
    Figure q2 = find("capex", PeriodType.QUARTER, "2024-04-29", "2024-07-28").orElseThrow();
    assertEquals(0, new BigDecimal("608000000").compareTo(q2.value()));
    assertEquals(2025, q2.fiscalYear());
    assertEquals("Q2", q2.fiscalPeriod());
    assertEquals("H1 $977M - Q1 $369M", q2.derivation());
  }

  @Test
  void trailing_twelve_months_add_four_consecutive_quarters() {
    fact(PPE, "2023-01-01", "2023-12-31", "40000", 1, "10-K", "2024-02-01");
    fact(PPE, "2023-01-01", "2023-09-30", "30000", 1, "10-K", "2024-02-01");
    fact(PPE, "2024-01-01", "2024-03-31", "11000", 2, "10-Q", "2024-04-26");
    fact(PPE, "2024-01-01", "2024-06-30", "23000", 3, "10-Q", "2024-07-24");
    fact(PPE, "2024-01-01", "2024-09-30", "36000", 4, "10-Q", "2024-10-30");
    // Q4 2023 = 10000, Q1..Q3 2024 = 11000, 12000, 13000.
    Figure ttm = find("capex", PeriodType.TTM, "2023-10-01", "2024-09-30").orElseThrow();
    assertEquals(0, new BigDecimal("46000").compareTo(ttm.value()));
    assertTrue(ttm.derivation().startsWith("sum of the 4 quarters ending 2024-09-30"));
  }

  @Test
  void point_in_time_facts_have_no_start() {
    fact(REVENUES, null, "2024-06-30", "5", 1, "10-Q", "2024-07-24");
    Figure instant =
        FigureCalculator.figures(facts, METRICS).stream()
            .filter(f -> f.type() == PeriodType.INSTANT)
            .findFirst()
            .orElseThrow();
    assertEquals(instant.start(), instant.end());
  }

  @Test
  void a_value_per_share_is_a_figure_in_its_currency_and_is_never_derived() {
    String eps = "us-gaap:EarningsPerShareDiluted";
    Map<String, String> metrics = Map.of(eps, "eps");
    // Apple's fiscal 2024 as filed: quarters and year-to-date spans, and the year; no Q4 as such.
    fact(eps, "USD/shares", "2023-10-01", "2023-12-30", "2.18", 1, "10-Q", "2024-02-02");
    fact(eps, "USD/shares", "2023-12-31", "2024-03-30", "1.53", 2, "10-Q", "2024-05-03");
    fact(eps, "USD/shares", "2023-10-01", "2024-03-30", "3.71", 2, "10-Q", "2024-05-03");
    fact(eps, "USD/shares", "2024-03-31", "2024-06-29", "1.40", 3, "10-Q", "2024-08-02");
    fact(eps, "USD/shares", "2023-10-01", "2024-06-29", "5.11", 3, "10-Q", "2024-08-02");
    fact(eps, "USD/shares", "2023-10-01", "2024-09-28", "6.08", 4, "10-K", "2024-11-01");
    List<Figure> figures = FigureCalculator.figures(facts, unordered(metrics));
    assertEquals(6, figures.size(), figures::toString);
    assertTrue(figures.stream().allMatch(f -> f.unit().equals("USD") && !f.derived()));
    Figure q2 =
        figures.stream()
            .filter(f -> f.type() == PeriodType.QUARTER && "Q2".equals(f.fiscalPeriod()))
            .findFirst()
            .orElseThrow();
    assertEquals(0, new BigDecimal("1.53").compareTo(q2.value()));
    assertEquals(2024, q2.fiscalYear());
    // No Q4 of FY - 9M (6.08 - 5.11) and no twelve months added up.
    assertTrue(figures.stream().noneMatch(f -> "Q4".equals(f.fiscalPeriod())));
    assertTrue(figures.stream().noneMatch(f -> f.type() == PeriodType.TTM));
  }

  @Test
  void a_value_per_share_is_one_series_with_the_metrics_figures_in_its_currency() {
    String eps = "us-gaap:EarningsPerShareDiluted";
    Map<String, String> metrics = Map.of(eps, "eps", "metric:eps", "eps");
    // A press release's EPS (a report's own figure, in USD), then the 10-Q's (in USD/shares).
    fact("metric:eps", "2024-01-01", "2024-03-31", "1.52", 1, "press release", "2024-04-25");
    fact(eps, "USD/shares", "2024-01-01", "2024-03-31", "1.53", 2, "10-Q", "2024-05-03");
    fact(eps, "USD/shares", "2024-01-01", "2024-06-30", "3.00", 3, "10-Q", "2024-08-02");
    List<Figure> figures = FigureCalculator.figures(facts, unordered(metrics));
    Figure q1 =
        figures.stream().filter(f -> f.type() == PeriodType.QUARTER).findFirst().orElseThrow();
    assertEquals(LocalDate.parse("2024-01-01"), q1.start());
    assertEquals("USD", q1.unit());
    assertEquals(0, new BigDecimal("1.53").compareTo(q1.value()), "the newer filing's");
    // no Q2 of H1 - Q1, though the press release's figure is in USD
    assertEquals(2, figures.size(), figures::toString);
  }

  @Test
  void a_value_per_share_keeps_its_unit_where_filings_give_the_metric_totals_in_its_currency() {
    Map<String, String> metrics =
        Map.of("us-gaap:PaymentsOfDividends", "dividend", "us-gaap:DividendsPerShare", "dividend");
    fact(
        "us-gaap:PaymentsOfDividends",
        "2024-01-01",
        "2024-03-31",
        "3800000000",
        1,
        "10-Q",
        "2024-05-03");
    fact(
        "us-gaap:DividendsPerShare",
        "USD/shares",
        "2024-01-01",
        "2024-03-31",
        "0.24",
        1,
        "10-Q",
        "2024-05-03");
    List<Figure> figures = FigureCalculator.figures(facts, unordered(metrics));
    assertEquals(
        List.of("USD 3800000000", "USD/shares 0.24"),
        figures.stream().map(f -> f.unit() + " " + f.value().toPlainString()).sorted().toList());
  }

  @Test
  void concepts_outside_the_metric_map_are_ignored() {
    fact("us-gaap:GrossProfit", "2024-01-01", "2024-03-31", "5", 1, "10-Q", "2024-04-26");
    assertTrue(FigureCalculator.figures(facts, METRICS).isEmpty());
  }
}
