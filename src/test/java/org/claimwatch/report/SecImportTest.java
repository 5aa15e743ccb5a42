package org.claimwatch.report;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Imports the real SEC companyfacts fixtures (copied into src/test/resources/fixtures/sec). Each
 * test gives the document a CIK of its own, so tests share the database without sharing a company.
 */
@MicronautTest
class SecImportTest extends ApiTest {
  @jakarta.inject.Inject org.claimwatch.subject.ReportedCurrencies currencies;

  static final String TESLA = Fixtures.TESLA;
  static final String APPLE = Fixtures.APPLE;

  private static long freshCik() {
    return ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
  }

  /** The fixture as a company of its own: CIK {@code cik}, named after it. */
  static String fixture(String resource, long originalCik, long cik) {
    return Fixtures.companyFacts(resource, originalCik, cik);
  }

  private ReportImport importDoc(String json) {
    HttpResponse<ReportImport> r = reports.importCompanyFacts(ADMIN_TOKEN, json);
    assertEquals(HttpStatus.CREATED, r.getStatus());
    return r.body();
  }

  private List<FigureView> figures(long entityId, Map<String, ?> query) {
    return reports.figures(ADMIN_TOKEN, entityId, query).body();
  }

  private static FigureView figure(
      List<FigureView> figures, String type, String start, String end) {
    return figures.stream()
        .filter(
            f ->
                type.equals(f.periodType())
                    && start.equals(f.periodStart())
                    && end.equals(f.periodEnd()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " " + start + ".." + end));
  }

  @Test
  void imports_tesla_and_a_second_import_adds_and_flags_nothing() {
    String doc = fixture(TESLA, 1318605, freshCik());
    ReportImport first = importDoc(doc);
    assertEquals("DONE", first.status());
    assertTrue(first.factsAdded() > 1000, first.toString());
    assertTrue(first.filings() > 40, first.toString());
    assertEquals(0, first.factsUnchanged());

    ReportImport again = importDoc(doc);

    assertEquals(0, again.factsAdded());
    assertEquals(first.factsAdded(), again.factsUnchanged());
    assertEquals(0, again.restatements());
    assertEquals(0, again.claimsFlagged());
    assertEquals(first.entityId(), again.entityId());
  }

  @Test
  void quarters_come_from_year_to_date_cash_flows() {
    long entityId = importDoc(fixture(TESLA, 1318605, freshCik())).entityId();
    List<FigureView> figures = figures(entityId, Map.of("metric", "capex"));

    // Q1 2022 is reported as such; Q2 = H1 - Q1; Q3 = 9M - H1; Q4 2021 = FY - 9M.
    FigureView q1 = figure(figures, "QUARTER", "2022-01-01", "2022-03-31");
    assertEquals("1767000000", q1.value());
    assertEquals("REPORTED", q1.kind());
    FigureView q2 = figure(figures, "QUARTER", "2022-04-01", "2022-06-30");
    assertEquals("1730000000", q2.value());
    assertEquals("DERIVED", q2.kind());
    assertEquals("H1 $3.497B - Q1 $1.767B", q2.derivation());
    assertEquals(2022, q2.fiscalYear());
    assertEquals("Q2", q2.fiscalPeriod());
    assertEquals("1803000000", figure(figures, "QUARTER", "2022-07-01", "2022-09-30").value());
    FigureView q4 = figure(figures, "QUARTER", "2021-10-01", "2021-12-31");
    assertEquals("1810000000", q4.value());
    assertEquals("FY $6.482B - 9M $4.672B", q4.derivation());
    assertEquals("10-K", q4.report().form());
    assertEquals("2022-02-07", q4.report().filedOn());

    // Trailing twelve months to Q3 2022: Q4 2021 + Q1 + Q2 + Q3 2022.
    FigureView ttm = figure(figures, "TTM", "2021-10-01", "2022-09-30");
    assertEquals(
        String.valueOf(1810000000L + 1767000000L + 1730000000L + 1803000000L), ttm.value());
  }

  @Test
  void apple_revenue_follows_the_newest_concept_for_each_period() {
    long entityId = importDoc(fixture(APPLE, 320193, freshCik())).entityId();
    List<FigureView> figures =
        figures(entityId, Map.of("metric", "revenue", "periodStart", "2023-10-01"));
    assertTrue(figures.size() > 4, figures.toString());
    for (FigureView f : figures) {
      assertEquals(
          "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", f.concept(), f.toString());
    }
    FigureView fy2024 = figure(figures, "YEAR", "2023-10-01", "2024-09-28");
    assertEquals(2024, fy2024.fiscalYear());
    assertEquals("FY", fy2024.fiscalPeriod());
  }

  /**
   * Apple's diluted EPS is filed in USD/shares, quarter by quarter and year to date; claims give it
   * in dollars. A quarter filed as such judges its claim; the fourth quarter, never filed as such,
   * is no year less nine months (the share count changed), so its claim waits for a reviewer.
   */
  @Test
  void earnings_per_share_are_judged_in_dollars_and_never_derived() {
    long cik = freshCik();
    long entityId = company("Apple EPS test", cik);
    String tag = unique();
    long q2 =
        claim(
            about(entityId)
                .statement(tag + " Apple earned $1.53 a share in its fiscal second quarter")
                .metric("eps")
                .value("1.53")
                .period("2023-12-31", "2024-03-30")
                .statedAt("2024-04-15"));
    long q4 =
        claim(
            about(entityId)
                .statement(tag + " Apple will earn $1.60 a share in its fiscal fourth quarter")
                .metric("eps")
                .value("1.60")
                .period("2024-06-30", "2024-09-28")
                .statedAt("2024-07-15"));
    long fy2015 =
        claim(
            about(entityId)
                .statement(tag + " Apple's revenue for fiscal 2015 was $233.7 billion")
                .metric("revenue")
                .value("233700000000")
                .period("2014-09-28", "2015-09-26")
                .statedAt("2015-10-01"));

    importDoc(fixture(Fixtures.APPLE_FULL, 320193, cik));

    // Revenue before fiscal 2018 was SalesRevenueNet, mapped after every other revenue concept
    // (V45): the 10-K of 2015-10-28 judges the claim made before it.
    RecheckView revenue = claims.get(ADMIN_TOKEN, fy2015).body().openRecheck();
    assertNotNull(revenue);
    assertEquals("233715000000", revenue.comparison().reportedValue());
    assertEquals("SUPPORTS", revenue.comparison().outcome());
    assertEquals(
        "us-gaap:SalesRevenueNet",
        figure(
                figures(entityId, Map.of("metric", "revenue", "periodStart", "2014-09-28")),
                "YEAR",
                "2014-09-28",
                "2015-09-26")
            .concept());

    RecheckView flag = claims.get(ADMIN_TOKEN, q2).body().openRecheck();
    assertNotNull(flag);
    assertEquals("1.53", flag.comparison().reportedValue());
    assertEquals("SUPPORTS", flag.comparison().outcome());
    assertNull(claims.get(ADMIN_TOKEN, q4).body().openRecheck());
    List<FigureView> eps = figures(entityId, Map.of("metric", "eps", "periodStart", "2023-10-01"));
    assertTrue(
        eps.stream().allMatch(f -> f.unit().equals("USD") && f.kind().equals("REPORTED")),
        eps::toString);
    assertEquals("6.08", figure(eps, "YEAR", "2023-10-01", "2024-09-28").value());
    // The newest quarter, the first of a year with no half-year filed yet, is that year's Q1.
    FigureView newest = figure(eps, "QUARTER", "2025-09-28", "2025-12-27");
    assertEquals(2026, newest.fiscalYear());
    assertEquals("Q1", newest.fiscalPeriod());
    assertEquals(java.util.Optional.of("USD"), currencies.currency(entityId));
    // Apple's cost of sales has been CostOfGoodsAndServicesSold since 2018 (V44).
    List<FigureView> cost =
        figures(entityId, Map.of("metric", "cost_of_revenue", "periodStart", "2025-09-28"));
    assertEquals("74525000000", figure(cost, "QUARTER", "2025-09-28", "2025-12-27").value());
  }

  /**
   * A company that files IFRS statements (a 20-F) tags them in the ifrs-full taxonomy, in its own
   * currency: its revenue, its profit attributable to the owners of the parent (not the profit with
   * minority interests beside it) and its diluted earnings per share judge claims in euros. Made-up
   * figures in the shape EDGAR serves them.
   */
  @Test
  void an_ifrs_filers_20f_judges_claims_in_its_currency() {
    long cik = freshCik();
    long entityId = company("IFRS filer test", cik);
    String tag = unique();
    ClaimBuilder fy2024 =
        about(entityId).unit("EUR").period("2024-01-01", "2024-12-31").statedAt("2025-01-20");
    long revenue =
        claim(
            fy2024
                .copy()
                .statement(tag + " revenue of EUR 34.2bn")
                .metric("revenue")
                .value("34200000000"));
    long profit =
        claim(
            fy2024
                .copy()
                .statement(tag + " net profit of EUR 3.1bn")
                .metric("net_income")
                .value("3100000000"));
    long eps =
        claim(fy2024.copy().statement(tag + " EUR 2.65 a share").metric("eps").value("2.65"));

    String filed = "2025-02-27";
    String accn = "0001000184-25-000011";
    java.util.function.BiFunction<String, String, SecDocs.Series> fy2024Fact =
        (concept, value) ->
            new SecDocs.Series(
                concept,
                concept.endsWith("PerShare") ? "EUR/shares" : "EUR",
                List.of(SecDocs.fact("2024-01-01", "2024-12-31", value, accn, "20-F", filed)));
    List<SecDocs.Series> series =
        new java.util.ArrayList<>(
            List.of(
                new SecDocs.Series(
                    "Revenue",
                    "EUR",
                    List.of(
                        SecDocs.fact(
                            "2024-01-01", "2024-12-31", "34176000000", accn, "20-F", filed),
                        SecDocs.fact(
                            "2023-01-01", "2023-12-31", "31207000000", accn, "20-F", filed))),
                fy2024Fact.apply("ProfitLossAttributableToOwnersOfParent", "3120000000"),
                fy2024Fact.apply("DilutedEarningsLossPerShare", "2.65"),
                fy2024Fact.apply("CostOfSales", "9000000000"),
                fy2024Fact.apply("GrossProfit", "25176000000"),
                fy2024Fact.apply("ProfitLossFromOperatingActivities", "4700000000"),
                fy2024Fact.apply("ProfitLossBeforeTax", "4500000000"),
                fy2024Fact.apply("ResearchAndDevelopmentExpense", "6500000000"),
                fy2024Fact.apply("CashFlowsFromUsedInOperatingActivities", "5200000000"),
                fy2024Fact.apply(
                    "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
                    "800000000")));
    // The profit with minority interests, filed later (an amendment): were it mapped to net
    // income, the newer filing would win.
    series.add(
        new SecDocs.Series(
            "ProfitLoss",
            "EUR",
            List.of(
                SecDocs.fact(
                    "2024-01-01",
                    "2024-12-31",
                    "3500000000",
                    "0001000184-25-000019",
                    "20-F/A",
                    "2025-04-30"))));
    importDoc(SecDocs.doc(cik, "ifrs-full", series));

    for (long id : List.of(revenue, profit, eps)) {
      RecheckView flag = claims.get(ADMIN_TOKEN, id).body().openRecheck();
      assertNotNull(flag, "claim " + id);
      assertEquals("SUPPORTS", flag.comparison().outcome(), flag.toString());
    }
    assertEquals(
        "3120000000",
        claims.get(ADMIN_TOKEN, profit).body().openRecheck().comparison().reportedValue());
    FigureView year =
        figure(figures(entityId, Map.of("metric", "revenue")), "YEAR", "2024-01-01", "2024-12-31");
    assertEquals("EUR", year.unit());
    assertEquals("ifrs-full:Revenue", year.concept());
    // what extraction takes bare cents in ("18 Cent je Aktie" about this company: EUR)
    assertEquals(java.util.Optional.of("EUR"), currencies.currency(entityId));
    assertEquals(
        java.util.Optional.empty(), currencies.currency(company("No figures test", freshCik())));
    assertEquals(2024, year.fiscalYear());
    Map<String, String> conceptOf =
        Map.of(
            "cost_of_revenue", "CostOfSales",
            "gross_profit", "GrossProfit",
            "operating_income", "ProfitLossFromOperatingActivities",
            "pretax_income", "ProfitLossBeforeTax",
            "r_and_d", "ResearchAndDevelopmentExpense",
            "operating_cash_flow", "CashFlowsFromUsedInOperatingActivities",
            "capex", "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities");
    conceptOf.forEach(
        (metric, concept) ->
            assertEquals(
                "ifrs-full:" + concept,
                figure(
                        figures(entityId, Map.of("metric", metric)),
                        "YEAR",
                        "2024-01-01",
                        "2024-12-31")
                    .concept(),
                metric));
  }

  /**
   * Seven claims about a company, then Tesla's filings (up to the 10-Q of 2022-10-24) imported as
   * its own: five claims are flagged, each as its filings bear on it. The tests only read what the
   * import did, except the last, which imports the same filings again (and shows that changes
   * nothing).
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Tesla_filings_flag_exactly_the_claims_they_bear_on {
    long cik;
    long entityId;
    ReportImport imported;
    long perQuarter;
    long fy2021;
    long q2Capex;
    long tooLate;
    long otherMetric;
    long perYear;
    long forecast;

    private ClaimBuilder claimOf(String statement, String metric, String value) {
      return about(entityId).statement(statement).metric(metric).value(value);
    }

    @BeforeAll
    void sevenClaimsThenTheFilings() {
      cik = freshCik();
      entityId = company("Tesla test", cik);
      String tag = unique();
      perQuarter =
          claim(
              claimOf(tag + " capex a quarter", "capex", "1700000000")
                  .approx()
                  .perQuarter("2022-01-01", "2022-12-31")
                  .statedAt("2022-01-15"));
      fy2021 =
          claim(
              claimOf(tag + " net income 2021", "net_income", "5500000000")
                  .period("2021-01-01", "2021-12-31")
                  .statedAt("2021-12-01"));
      q2Capex =
          claim(
              claimOf(tag + " Q2 capex", "capex", "2100000000")
                  .period("2022-04-01", "2022-06-30")
                  .statedAt("2022-05-01"));
      tooLate =
          claim(
              claimOf(tag + " said after the last filing", "capex", "1800000000")
                  .period("2022-07-01", "2022-09-30")
                  .statedAt("2022-11-01"));
      otherMetric =
          claim(
              claimOf(tag + " market share", "market_share", "20")
                  .unit("%")
                  .period("2022-01-01", "2022-12-31")
                  .statedAt("2022-01-15"));
      perYear =
          claim(
              claimOf(tag + " revenue above $50B a year", "revenue", "50000000000")
                  .atLeast()
                  .perYear("2021-01-01", "2021-12-31")
                  .statedAt("2021-06-01"));
      forecast =
          claim(
              claimOf(tag + " revenue will top $60B in 2021", "revenue", "60000000000")
                  .moreThan()
                  .period("2021-01-01", "2021-12-31")
                  .forecast("2021-12-31")
                  .statedAt("2020-10-01"));
      imported = importDoc(fixture(TESLA, 1318605, cik));
    }

    private ClaimView read(long id) {
      return claims.get(ADMIN_TOKEN, id).body();
    }

    private RecheckView openRecheck(long claimId) {
      RecheckView flag = read(claimId).openRecheck();
      assertNotNull(flag, "claim " + claimId + " has an open re-check flag");
      return flag;
    }

    @Test
    void five_claims_are_flagged_and_the_filings_go_to_their_company() {
      assertEquals(entityId, imported.entityId());
      assertEquals(5, imported.claimsFlagged(), imported.toString());
      assertEquals(
          5,
          claims
              .rechecks(ADMIN_TOKEN, Map.of("state", "OPEN", "entityId", entityId))
              .body()
              .items()
              .size());
    }

    @Test
    void a_rate_per_quarter_is_flagged_by_the_latest_quarter_with_all_three_judged() {
      RecheckView q = openRecheck(perQuarter);
      assertEquals("NEW_FILING", q.reason());
      assertEquals("2022-07-01", q.periodStart());
      assertEquals("2022-10-24", q.filedOn());
      assertEquals("1803000000", q.comparison().reportedValue());
      assertEquals("SUPPORTS", q.comparison().outcome());
      assertEquals(
          "Reported Q3 2022 capex $1.803B (9M $5.3B - H1 $3.497B, 10-Q filed 2022-10-24) is 6.1%"
              + " above the claimed $1.7B (about, so ±$0.17B: within it). All 3 periods judged are"
              + " within it (the claim's check lists them).",
          q.comparison().explanation());
      assertEquals(Integer.valueOf(3), q.periods());
    }

    @Test
    void a_years_net_income_is_compared_with_the_year_reported() {
      RecheckView n = openRecheck(fy2021);
      assertEquals("5519000000", n.comparison().reportedValue());
      assertEquals("0.3", n.comparison().deviationPct());
      assertEquals("SUPPORTS", n.comparison().outcome());
    }

    @Test
    void a_quarter_claimed_too_high_is_contradicted() {
      RecheckView c = openRecheck(q2Capex);
      assertEquals("CONTRADICTS", c.comparison().outcome(), c.toString());
      assertEquals("-17.6", c.comparison().deviationPct());
    }

    @Test
    void a_rate_per_year_is_compared_with_its_year() {
      RecheckView y = openRecheck(perYear);
      assertEquals("2021-12-31", y.periodEnd());
      assertEquals("53823000000", y.comparison().reportedValue());
      assertEquals("SUPPORTS", y.comparison().outcome());
    }

    @Test
    void a_forecast_that_fell_short_is_contradicted() {
      RecheckView f = openRecheck(forecast);
      assertEquals("CONTRADICTS", f.comparison().outcome());
      assertEquals(
          "Reported 2021 revenue $53.823B (10-K filed 2022-02-07) is not more than the claimed"
              + " $60B (10.3% below it).",
          f.comparison().explanation());
    }

    /** Said after the Q3 10-Q was filed: no flag, but its check shows the quarter at once. */
    @Test
    void a_claim_said_after_the_filings_has_a_check_and_no_flag() {
      ClaimView late = read(tooLate);
      assertNull(late.openRecheck());
      assertEquals("1803000000", late.check().reportedValue());
      assertEquals("SUPPORTS", late.check().outcome());
    }

    @Test
    void a_claim_about_a_metric_the_filings_lack_is_not_flagged() {
      assertNull(read(otherMetric).openRecheck());
    }

    @Test
    void the_same_filings_again_flag_nothing() {
      ReportImport again = importDoc(fixture(TESLA, 1318605, cik));
      assertEquals(0, again.claimsFlagged());
      assertEquals(
          5, claims.rechecks(ADMIN_TOKEN, Map.of("entityId", entityId)).body().items().size());
    }
  }
}
