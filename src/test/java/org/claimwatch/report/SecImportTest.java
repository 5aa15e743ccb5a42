package org.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Imports the real SEC companyfacts fixtures (copied into src/test/resources/fixtures/sec). Each
 * test gives the document a CIK of its own, so tests share the database without sharing a company.
 */
@MicronautTest
class SecImportTest extends ApiTest {
  static final String TESLA = Fixtures.TESLA;
  static final String APPLE = Fixtures.APPLE;

  private static long freshCik() {
    return ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
  }

  /** The fixture as a company of its own: CIK {@code cik}, named after it. */
  static String fixture(String resource, long originalCik, long cik) {
    return Fixtures.companyFacts(resource, originalCik, cik);
  }

  private Res importDoc(String json) {
    return call(
        HttpRequest.POST("/api/v1/reports/sec-companyfacts", json)
            .contentType(MediaType.APPLICATION_JSON),
        ADMIN_TOKEN);
  }

  private Map<String, Object> figure(
      List<Map<String, Object>> figures, String type, String start, String end) {
    return figures.stream()
        .filter(
            f ->
                type.equals(f.get("periodType"))
                    && start.equals(f.get("periodStart"))
                    && end.equals(f.get("periodEnd")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " " + start + ".." + end));
  }

  @Test
  void imports_tesla_and_a_second_import_adds_and_flags_nothing() throws Exception {
    String doc = fixture(TESLA, 1318605, freshCik());
    Res first = importDoc(doc);
    assertEquals(201, first.status(), first.toString());
    Map<String, Object> r = first.json();
    assertEquals("DONE", r.get("status"));
    assertTrue((Integer) r.get("factsAdded") > 1000, r.toString());
    assertTrue((Integer) r.get("filings") > 40, r.toString());
    assertEquals(0, r.get("factsUnchanged"));

    Res again = importDoc(doc);
    assertEquals(201, again.status());
    assertEquals(0, again.json().get("factsAdded"));
    assertEquals(r.get("factsAdded"), again.json().get("factsUnchanged"));
    assertEquals(0, again.json().get("restatements"));
    assertEquals(0, again.json().get("claimsFlagged"));
    assertEquals(r.get("entityId"), again.json().get("entityId"));
  }

  @Test
  void quarters_come_from_year_to_date_cash_flows() throws Exception {
    Res imported = importDoc(fixture(TESLA, 1318605, freshCik()));
    Object entityId = imported.json().get("entityId");
    Res res = get("/api/v1/entities/" + entityId + "/facts?metric=capex", ADMIN_TOKEN);
    assertEquals(200, res.status(), res.toString());
    List<Map<String, Object>> figures = res.list();

    // Q1 2022 is reported as such; Q2 = H1 - Q1; Q3 = 9M - H1; Q4 2021 = FY - 9M.
    Map<String, Object> q1 = figure(figures, "QUARTER", "2022-01-01", "2022-03-31");
    assertEquals("1767000000", q1.get("value"));
    assertEquals("REPORTED", q1.get("kind"));
    Map<String, Object> q2 = figure(figures, "QUARTER", "2022-04-01", "2022-06-30");
    assertEquals("1730000000", q2.get("value"));
    assertEquals("DERIVED", q2.get("kind"));
    assertEquals("H1 $3.497B - Q1 $1.767B", q2.get("derivation"));
    assertEquals(2022, q2.get("fiscalYear"));
    assertEquals("Q2", q2.get("fiscalPeriod"));
    assertEquals("1803000000", figure(figures, "QUARTER", "2022-07-01", "2022-09-30").get("value"));
    Map<String, Object> q4 = figure(figures, "QUARTER", "2021-10-01", "2021-12-31");
    assertEquals("1810000000", q4.get("value"));
    assertEquals("FY $6.482B - 9M $4.672B", q4.get("derivation"));
    @SuppressWarnings("unchecked")
    Map<String, Object> source = (Map<String, Object>) q4.get("report");
    assertEquals("10-K", source.get("form"));
    assertEquals("2022-02-07", source.get("filedOn"));

    // Trailing twelve months to Q3 2022: Q4 2021 + Q1 + Q2 + Q3 2022.
    Map<String, Object> ttm = figure(figures, "TTM", "2021-10-01", "2022-09-30");
    assertEquals(
        String.valueOf(1810000000L + 1767000000L + 1730000000L + 1803000000L), ttm.get("value"));
  }

  @Test
  void apple_revenue_follows_the_newest_concept_for_each_period() throws Exception {
    Res imported = importDoc(fixture(APPLE, 320193, freshCik()));
    assertEquals(201, imported.status(), imported.toString());
    Object entityId = imported.json().get("entityId");
    List<Map<String, Object>> figures =
        get(
                "/api/v1/entities/" + entityId + "/facts?metric=revenue&periodStart=2023-10-01",
                ADMIN_TOKEN)
            .list();
    assertTrue(figures.size() > 4, figures.toString());
    for (Map<String, Object> f : figures) {
      assertEquals(
          "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
          f.get("concept"),
          f.toString());
    }
    Map<String, Object> fy2024 = figure(figures, "YEAR", "2023-10-01", "2024-09-28");
    assertEquals(2024, fy2024.get("fiscalYear"));
    assertEquals("FY", fy2024.get("fiscalPeriod"));
  }

  @Test
  void flags_exactly_the_claims_the_filings_bear_on() throws Exception {
    long cik = freshCik();
    Map<String, Object> company =
        new HashMap<>(Map.of("name", "Tesla test " + cik, "kind", "COMPANY", "secCik", cik));
    long entityId =
        ((Number) post("/api/v1/entities", company, ADMIN_TOKEN).json().get("id")).longValue();
    String tag = unique();

    Object perQuarter =
        claim(
            entityId,
            tag + " capex a quarter",
            "capex",
            "1700000000",
            "APPROX",
            "PER_QUARTER",
            "2022-01-01",
            "2022-12-31",
            "2022-01-15");
    Object fy2021 =
        claim(
            entityId,
            tag + " net income 2021",
            "net_income",
            "5500000000",
            "EXACT",
            "NONE",
            "2021-01-01",
            "2021-12-31",
            "2021-12-01");
    Object q2Capex =
        claim(
            entityId,
            tag + " Q2 capex",
            "capex",
            "2100000000",
            "EXACT",
            "NONE",
            "2022-04-01",
            "2022-06-30",
            "2022-05-01");
    Object tooLate =
        claim(
            entityId,
            tag + " said after the last filing",
            "capex",
            "1800000000",
            "EXACT",
            "NONE",
            "2022-07-01",
            "2022-09-30",
            "2022-11-01");
    Object otherMetric =
        claim(
            entityId,
            tag + " market share",
            "market_share",
            "20",
            "EXACT",
            "NONE",
            "2022-01-01",
            "2022-12-31",
            "2022-01-15");

    Object perYear =
        claim(
            entityId,
            tag + " revenue above $50B a year",
            "revenue",
            "50000000000",
            "AT_LEAST",
            "PER_YEAR",
            "2021-01-01",
            "2021-12-31",
            "2021-06-01");
    Map<String, Object> forecast = new HashMap<>();
    forecast.put("statement", tag + " revenue will top $60B in 2021");
    forecast.put("entityId", entityId);
    forecast.put("metric", "revenue");
    forecast.put("value", "60000000000");
    forecast.put("unit", "USD");
    forecast.put("qualifier", "MORE_THAN");
    forecast.put("periodStart", "2021-01-01");
    forecast.put("periodEnd", "2021-12-31");
    forecast.put("kind", "FORECAST");
    forecast.put("resolvesOn", "2021-12-31");
    forecast.put("statedAt", "2020-10-01");
    Object forecastId = post("/api/v1/claims", forecast, ADMIN_TOKEN).json().get("id");

    Res imported = importDoc(fixture(TESLA, 1318605, cik));
    assertEquals(201, imported.status(), imported.toString());
    assertEquals(entityId, ((Number) imported.json().get("entityId")).longValue());
    assertEquals(5, imported.json().get("claimsFlagged"), imported.toString());

    Map<String, Object> q = openRecheck(perQuarter);
    assertEquals("NEW_FILING", q.get("reason"));
    assertEquals("2022-07-01", q.get("periodStart"));
    assertEquals("2022-10-24", q.get("filedOn"));
    assertEquals("1803000000", comparison(q).get("reportedValue"));
    assertEquals("SUPPORTS", comparison(q).get("outcome"));
    assertEquals(
        "Reported Q3 2022 capex $1.803B (9M $5.3B - H1 $3.497B, 10-Q filed 2022-10-24) is 6.1% above the claimed $1.7B (about, so ±$0.17B: within it). All 3 periods judged are within it (the claim's check lists them).",
        comparison(q).get("explanation"));
    assertEquals(3, q.get("periods"));

    Map<String, Object> n = openRecheck(fy2021);
    assertEquals("5519000000", comparison(n).get("reportedValue"));
    assertEquals("0.3", comparison(n).get("deviationPct"));
    assertEquals("SUPPORTS", comparison(n).get("outcome"));

    Map<String, Object> c = openRecheck(q2Capex);
    assertEquals("CONTRADICTS", comparison(c).get("outcome"), c.toString());
    assertEquals("-17.6", comparison(c).get("deviationPct"));

    Map<String, Object> y = openRecheck(perYear);
    assertEquals("2021-12-31", y.get("periodEnd"));
    assertEquals("53823000000", comparison(y).get("reportedValue"));
    assertEquals("SUPPORTS", comparison(y).get("outcome"));
    Map<String, Object> f = openRecheck(forecastId);
    assertEquals("CONTRADICTS", comparison(f).get("outcome"));
    assertEquals(
        "Reported 2021 revenue $53.823B (10-K filed 2022-02-07) is not more than the claimed $60B (10.3% below it).",
        comparison(f).get("explanation"));

    // Said after the Q3 10-Q was filed: no flag, but its check shows the quarter at once.
    Map<String, Object> late = get("/api/v1/claims/" + tooLate, ADMIN_TOKEN).json();
    assertNull(late.get("openRecheck"));
    assertEquals("1803000000", check(late).get("reportedValue"));
    assertEquals("SUPPORTS", check(late).get("outcome"));
    assertNull(get("/api/v1/claims/" + otherMetric, ADMIN_TOKEN).json().get("openRecheck"));

    Res listed = get("/api/v1/rechecks?state=OPEN&entityId=" + entityId, ADMIN_TOKEN);
    assertEquals(5, listed.items().size());

    Res again = importDoc(fixture(TESLA, 1318605, cik));
    assertEquals(0, again.json().get("claimsFlagged"));
    assertEquals(5, get("/api/v1/rechecks?entityId=" + entityId, ADMIN_TOKEN).items().size());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> check(Map<String, Object> claim) {
    return (Map<String, Object>) claim.get("check");
  }

  private Object claim(
      long entityId,
      String statement,
      String metric,
      String value,
      String qualifier,
      String periodicity,
      String start,
      String end,
      String statedAt) {
    Map<String, Object> c =
        numberClaim(entityId, metric, value, qualifier, periodicity, start, end, statedAt);
    c.put("statement", statement);
    if ("market_share".equals(metric)) {
      c.put("unit", "%");
    }
    return claim(c);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> openRecheck(Object claimId) {
    Object flag = get("/api/v1/claims/" + claimId, ADMIN_TOKEN).json().get("openRecheck");
    assertTrue(flag instanceof Map, "claim " + claimId + " has an open re-check flag");
    return (Map<String, Object>) flag;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparison(Map<String, Object> flag) {
    return (Map<String, Object>) flag.get("comparison");
  }
}
