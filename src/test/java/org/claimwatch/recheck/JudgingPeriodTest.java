package org.claimwatch.recheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Scenarios on Apple's real companyfacts (recorded 2026-03-21): a claim is judged only on the
 * figures of its own period, and its check shows them whatever their filing date.
 *
 * <p>Apple's capex (PaymentsToAcquirePropertyPlantAndEquipment) is reported year-to-date in each
 * 10-Q of fiscal 2024 (the year 2023-10-01..2024-09-28), so its quarters are derived:
 *
 * <pre>
 *   Q1 2023-10-01..2023-12-30  2.392B as reported           10-Q filed 2024-02-02
 *   Q2 2023-12-31..2024-03-30  4.388B (H1) - 2.392B = 1.996B  10-Q filed 2024-05-03
 *   Q3 2024-03-31..2024-06-29  6.539B (9M) - 4.388B = 2.151B  10-Q filed 2024-08-02
 *   Q4 2024-06-30..2024-09-28  9.447B (FY) - 6.539B = 2.908B  10-K filed 2024-11-01
 *   FY25 Q1 2024-09-29..2024-12-28  2.940B                  10-Q filed 2025-01-31
 * </pre>
 *
 * Each test gives the document a CIK of its own, so tests share the database without sharing a
 * company.
 */
@MicronautTest
class JudgingPeriodTest extends ApiTest {
  private static final String Q2 = "2023-12-31";
  private static final String Q2_END = "2024-03-30";
  private static final String Q3 = "2024-03-31";
  private static final String Q3_END = "2024-06-29";

  /**
   * A company with a CIK of its own; Apple's filings are imported for it by {@link #importApple}.
   */
  private record Company(long cik, long entityId) {}

  private Company company() {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    Map<String, Object> body =
        new HashMap<>(Map.of("name", "Apple test " + cik, "kind", "COMPANY", "secCik", cik));
    Res r = post("/api/v1/entities", body, ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    return new Company(cik, ((Number) r.json().get("id")).longValue());
  }

  private Res importDoc(String json) {
    Res r = importCompanyFacts(json);
    assertEquals(201, r.status(), r.toString());
    return r;
  }

  private Res importApple(Company c) {
    return importDoc(Fixtures.companyFacts(Fixtures.APPLE, 320193, c.cik()));
  }

  /** A capex claim in USD. */
  private long capex(
      Company c,
      String value,
      String qualifier,
      String periodicity,
      String start,
      String end,
      String statedAt) {
    Map<String, Object> body =
        numberClaim(c.entityId(), "capex", value, qualifier, periodicity, start, end, statedAt);
    body.put("unit", "USD");
    return ((Number) claim(body)).longValue();
  }

  private Map<String, Object> claimJson(long id) {
    return get("/api/v1/claims/" + id, ADMIN_TOKEN).json();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> check(long id) {
    return (Map<String, Object>) claimJson(id).get("check");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> figures(Map<String, Object> check) {
    return (List<Map<String, Object>>) check.get("figures");
  }

  /** The claim's check (null: none) as the entity's unreviewed queue page shows it. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> queueCheck(Company c, long claim) {
    Map<String, Object> item =
        get("/api/v1/queue/unreviewed?entityId=" + c.entityId(), ADMIN_TOKEN).items().stream()
            .filter(i -> ((Number) i.get("id")).longValue() == claim)
            .findFirst()
            .orElseThrow();
    return (Map<String, Object>) item.get("check");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> openFlag(long id) {
    return (Map<String, Object>) claimJson(id).get("openRecheck");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparison(Map<String, Object> flag) {
    return (Map<String, Object>) flag.get("comparison");
  }

  private static List<String> periods(Map<String, Object> check) {
    return figures(check).stream()
        .map(f -> f.get("periodStart") + ".." + f.get("periodEnd"))
        .toList();
  }

  /**
   * "$2.15B a quarter" over Q2..Q3, said 2024-01-15, before either quarter was filed. Stated to
   * ±$0.005B: Q3 2.151B is within (+0.05%), Q2 1.996B is outside (-7.2%), so CONTRADICTS, decided
   * by Q2. The later Q4 (2.908B) and FY25 Q1 (2.940B) are never judged.
   */
  @Test
  void a_rate_claim_said_before_its_quarters_were_filed_is_flagged_on_exactly_those_quarters() {
    Company apple = company();
    long claim = capex(apple, "2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-01-15");
    assertNull(check(claim), "no figures yet");

    importApple(apple);

    Map<String, Object> flag = openFlag(claim);
    assertEquals("NEW_FILING", flag.get("reason"));
    assertEquals(2, flag.get("periods"));
    assertEquals(1, flag.get("periodsOutside"));
    assertEquals("CONTRADICTS", comparison(flag).get("outcome"));
    assertEquals("1996000000", comparison(flag).get("reportedValue"));
    assertEquals("-7.2", comparison(flag).get("deviationPct"));
    assertEquals(Q2, flag.get("periodStart"));

    Map<String, Object> check = check(claim);
    assertEquals("CONTRADICTS", check.get("outcome"));
    assertEquals(List.of(Q2 + ".." + Q2_END, Q3 + ".." + Q3_END), periods(check));
    assertEquals(
        List.of("CONTRADICTS", "SUPPORTS"),
        figures(check).stream().map(f -> f.get("outcome")).toList());
    assertEquals("DERIVED", figures(check).get(0).get("kind"));
    String text = (String) check.get("explanation");
    assertTrue(
        text.startsWith(
            "Reported the quarter ended 2024-03-30 capex $1.996B (H1 $4.388B - Q1 $2.392B, 10-Q"
                + " filed 2024-05-03) is 7.2% below the claimed $2.15B"),
        text);
    assertTrue(text.endsWith("; the quarter ended 2024-06-29 $2.151B is within."), text);
  }

  /** The same claim said 2024-08-15, after both 10-Qs: nothing is news, so no flag, but a check. */
  @Test
  void the_same_claim_said_after_the_filings_has_its_check_and_no_flag() {
    Company apple = company();
    importApple(apple);
    long claim = capex(apple, "2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-08-15");

    assertNull(openFlag(claim));
    Map<String, Object> check = check(claim);
    assertEquals("CONTRADICTS", check.get("outcome"));
    assertEquals("1996000000", check.get("reportedValue"));
    assertEquals(List.of(Q2 + ".." + Q2_END, Q3 + ".." + Q3_END), periods(check));
    assertEquals(
        List.of(
            List.of("1996000000", "10-Q", "2024-05-03"),
            List.of("2151000000", "10-Q", "2024-08-02")),
        figures(check).stream()
            .map(f -> List.of(f.get("value"), f.get("form"), f.get("filedOn")))
            .toList());

    Res contradicting =
        get("/api/v1/claims?check=CONTRADICTS&entityId=" + apple.entityId(), ADMIN_TOKEN);
    assertEquals(
        List.of(claim),
        contradicting.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList());
    assertTrue(
        get("/api/v1/claims?check=SUPPORTS&entityId=" + apple.entityId(), ADMIN_TOKEN)
            .items()
            .isEmpty());
    assertEquals(
        List.of(claim),
        get("/api/v1/queue/unreviewed?check=CONTRADICTS&entityId=" + apple.entityId(), ADMIN_TOKEN)
            .items()
            .stream()
            .map(i -> ((Number) i.get("id")).longValue())
            .toList());
    assertTrue(
        get("/api/v1/queue/unreviewed?check=NONE&entityId=" + apple.entityId(), ADMIN_TOKEN)
            .items()
            .isEmpty());
    assertEquals(
        List.of("check"), fields(get("/api/v1/queue/unreviewed?check=maybe", ADMIN_TOKEN)));
    Res bad = get("/api/v1/claims?check=MAYBE", ADMIN_TOKEN);
    assertEquals(400, bad.status());
    assertEquals(List.of("check"), fields(bad));
  }

  /**
   * "About $2.2B a quarter" since fiscal 2024 began (2023-10-01), said 2024-07-10 with no end: the
   * quarters that had ended by then are judged, Q1..Q3 (2.392B +8.7%, 1.996B -9.3%, 2.151B -2.2%,
   * all within "about": ±10% = ±$0.22B), so SUPPORTS. Q4 (2.908B, +32%) and FY25 Q1 (2.940B) came
   * later and never make it CONTRADICTS; being filed after the claim, Q1..Q3's filings after
   * 2024-07-10 (only Q3's 10-Q of 2024-08-02) flag it.
   */
  @Test
  void a_rate_claim_with_no_end_is_judged_up_to_the_day_it_was_said() {
    Company apple = company();
    long claim =
        capex(apple, "2200000000", "APPROX", "PER_QUARTER", "2023-10-01", null, "2024-07-10");
    importApple(apple);

    Map<String, Object> check = check(claim);
    assertEquals("SUPPORTS", check.get("outcome"));
    assertEquals(
        List.of("2023-10-01..2023-12-30", Q2 + ".." + Q2_END, Q3 + ".." + Q3_END), periods(check));

    Map<String, Object> flag = openFlag(claim);
    assertEquals("SUPPORTS", comparison(flag).get("outcome"));
    assertEquals(1, flag.get("periods"), "only Q3 was filed after it was said");
    assertEquals("2151000000", comparison(flag).get("reportedValue"));
    assertTrue(
        get("/api/v1/rechecks?reason=OUTDATED&claimId=" + claim, ADMIN_TOKEN).items().isEmpty(),
        "OUTDATED notes are off unless switched on");
  }

  /** Apple's fiscal Q3 2024 alone: 9M 6.539B - H1 4.388B = 2.151B, derived, within ±$0.005B. */
  @Test
  void a_single_quarter_derived_from_year_to_date_values_is_judged_on_the_derived_figure() {
    Company apple = company();
    importApple(apple);
    long claim = capex(apple, "2150000000", "EXACT", "NONE", Q3, Q3_END, "2024-09-01");

    Map<String, Object> check = check(claim);
    assertEquals("SUPPORTS", check.get("outcome"));
    assertEquals(1, figures(check).size());
    Map<String, Object> q3 = figures(check).get(0);
    assertEquals("2151000000", q3.get("value"));
    assertEquals("DERIVED", q3.get("kind"));
    assertEquals("9M $6.539B - H1 $4.388B", q3.get("derivation"));
    assertEquals(Boolean.TRUE, q3.get("decides"));
  }

  /**
   * A 10-Q/A filed 2025-06-01 restates H1 fiscal 2024 capex from 4.388B to 4.500B, so derived Q2
   * becomes 4.500 - 2.392 = 2.108B (-2.0% against $2.15B: outside ±$0.005B) and Q3 becomes 6.539 -
   * 4.500 = 2.039B (-5.2%: outside). The claim about Q2..Q3 said 2024-08-15 (after the originals)
   * is flagged RESTATEMENT with both quarters outside; its check follows. Importing the same two
   * documents again changes nothing.
   */
  @Test
  void a_restated_quarter_flags_the_claim_and_updates_its_check_and_a_reimport_changes_nothing() {
    Company apple = company();
    importApple(apple);
    long claim = capex(apple, "2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-08-15");
    assertNull(openFlag(claim));
    assertEquals("1996000000", queueCheck(apple, claim).get("reportedValue"));

    Res restated = importDoc(restatement(apple.cik()));
    assertEquals(1, restated.json().get("restatements"), restated.toString());

    Map<String, Object> flag = openFlag(claim);
    assertEquals("RESTATEMENT", flag.get("reason"));
    assertEquals(2, flag.get("periods"));
    assertEquals(2, flag.get("periodsOutside"));
    assertEquals("CONTRADICTS", comparison(flag).get("outcome"));
    assertEquals("2039000000", comparison(flag).get("reportedValue"), "the furthest decides");

    Map<String, Object> check = check(claim);
    assertEquals(
        List.of("2108000000", "2039000000"),
        figures(check).stream().map(f -> f.get("value")).toList());
    // The SQL that raised the flag and the Java that reads the check pick the same figure.
    assertEquals(List.of(false, true), figures(check).stream().map(f -> f.get("decides")).toList());
    assertEquals(comparison(flag).get("reportedValue"), check.get("reportedValue"));
    assertEquals(
        List.of("2025-06-01", "2025-06-01"),
        figures(check).stream().map(f -> f.get("filedOn")).toList());

    assertEquals(check, queueCheck(apple, claim), "queue pages show the check as it is now");

    Object flagsBefore = get("/api/v1/rechecks?claimId=" + claim, ADMIN_TOKEN).items();
    assertEquals(0, importApple(apple).json().get("claimsFlagged"));
    Res again = importDoc(restatement(apple.cik()));
    assertEquals(0, again.json().get("factsAdded"));
    assertEquals(0, again.json().get("claimsFlagged"));
    assertEquals(flagsBefore, get("/api/v1/rechecks?claimId=" + claim, ADMIN_TOKEN).items());
    assertEquals(check, check(claim));
  }

  /** A manual re-check judges the claim on every figure of its period, whatever its filing. */
  @Test
  void a_manual_recheck_judges_the_claims_own_period_only() {
    Company apple = company();
    importApple(apple);
    long claim = capex(apple, "2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-08-15");
    Res manual = post("/api/v1/claims/" + claim + "/recheck", Map.of(), token("CHECKER"));
    assertEquals(201, manual.status(), manual.toString());
    assertEquals(2, manual.json().get("periods"));
    assertEquals("CONTRADICTS", comparison(manual.json()).get("outcome"));
    assertEquals(Q2, manual.json().get("periodStart"));
  }

  /**
   * Every flag raised over a scenario's claims compares the claim with a figure of its own period,
   * by an independent reading of the rule (not the production SQL): NONE within a week of its own
   * period; a rate claim from periodStart (a week's slack) to periodEnd (a week's slack) or, with
   * none, the day it was said.
   */
  @Test
  void no_flag_compares_a_claim_with_a_period_outside_its_own() {
    Company apple = company();
    String[][] claims = {
      {"2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-01-15"},
      {"2200000000", "APPROX", "PER_QUARTER", "2023-10-01", null, "2024-01-15"},
      {"9000000000", "AT_LEAST", "PER_YEAR", "2022-01-01", null, "2024-12-15"},
      {"2000000000", "EXACT", "PER_QUARTER", "2023-10-01", "2023-12-30", "2023-11-01"},
      {"2900000000", "APPROX", "NONE", "2024-06-30", "2024-09-28", "2024-08-01"},
      {"12000000000", "EXACT", "PER_YEAR", "2021-01-01", "2023-12-31", "2021-03-01"},
    };
    Map<Long, String[]> byId = new HashMap<>();
    for (String[] c : claims) {
      byId.put(capex(apple, c[0], c[1], c[2], c[3], c[4], c[5]), c);
    }
    importApple(apple);
    for (long id : byId.keySet()) {
      post("/api/v1/claims/" + id + "/recheck", Map.of(), token("CHECKER"));
    }
    List<Map<String, Object>> flags =
        get("/api/v1/rechecks?limit=100&entityId=" + apple.entityId(), ADMIN_TOKEN).items();
    assertTrue(flags.size() >= byId.size(), flags.toString());
    // Every claim is judged on some figure (the rule is not vacuous): e.g. "$12B a year" over
    // calendar 2021-2023 on fiscal 2022 and 2023 (fiscal 2021 began in September 2020).
    assertEquals(
        byId.size(),
        flags.stream()
            .filter(f -> f.get("periodEnd") != null)
            .map(f -> f.get("claimId"))
            .distinct()
            .count(),
        flags.toString());
    for (long id : byId.keySet()) {
      Map<String, Object> check = check(id);
      if (check != null) {
        for (Map<String, Object> f : figures(check)) {
          assertTrue(
              inOwnPeriod(
                  byId.get(id),
                  LocalDate.parse((String) f.get("periodStart")),
                  LocalDate.parse((String) f.get("periodEnd"))),
              () -> String.join(",", byId.get(id)) + " checked on " + f);
        }
      }
    }
    for (Map<String, Object> flag : flags) {
      String[] c = byId.get(((Number) flag.get("claimId")).longValue());
      if (flag.get("periodEnd") == null) {
        assertEquals("INCONCLUSIVE", comparison(flag).get("outcome"), flag.toString());
        continue;
      }
      assertTrue(
          inOwnPeriod(
              c,
              LocalDate.parse((String) flag.get("periodStart")),
              LocalDate.parse((String) flag.get("periodEnd"))),
          () -> String.join(",", c) + " flagged on " + flag);
    }
  }

  private static boolean inOwnPeriod(String[] c, LocalDate start, LocalDate end) {
    LocalDate from = LocalDate.parse(c[3]);
    if (c[2].equals("NONE")) {
      LocalDate to = LocalDate.parse(c[4]);
      return Math.abs(start.toEpochDay() - from.toEpochDay()) <= 7
          && Math.abs(end.toEpochDay() - to.toEpochDay()) <= 7;
    }
    LocalDate to = c[4] == null ? LocalDate.parse(c[5]) : LocalDate.parse(c[4]).plusDays(7);
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    boolean rightLength = c[2].equals("PER_QUARTER") ? days < 100 : days > 350 && days < 380;
    return rightLength && !start.isBefore(from.minusDays(7)) && !end.isAfter(to);
  }

  /**
   * "About $2B a quarter", no period, said 2024-09-01: judged on the latest quarter reported by
   * then. With Apple's filings up to 2024-06-30 that is fiscal Q2 (1.996B, 10-Q of 2024-05-03);
   * once the 10-Q of 2024-08-02 is in, fiscal Q3 (2.151B) takes its place, and Q2 leaves the check.
   */
  @Test
  void a_rate_with_no_period_is_judged_on_the_latest_quarter_reported_when_it_was_said()
      throws Exception {
    Company apple = company();
    long claim = capex(apple, "2000000000", "APPROX", "PER_QUARTER", null, null, "2024-09-01");
    importDoc(Fixtures.seedAppleFilings("apple-filed-by-2024-06-30.json", apple.cik()));
    assertEquals(List.of(Q2 + ".." + Q2_END), periods(check(claim)));

    importApple(apple);
    Map<String, Object> check = check(claim);
    assertEquals(List.of(Q3 + ".." + Q3_END), periods(check));
    assertEquals("SUPPORTS", check.get("outcome"));
    assertNull(openFlag(claim), "Q3 was reported before it was said: not news");

    // A 10-Q/A of 2026-02-15 (after the last 10-Q that repeated the old value) restates nine
    // months' capex (6.539B -> 6.650B), so fiscal Q3 is now
    // 6.650 - 4.388 = 2.262B (+13.1%, still within "about $2B", stated to ±$0.5B). Q3 was first
    // reported before the claim, so the claim stays on Q3, and the restatement is news to it.
    importDoc(
        """
        {"cik": %d, "entityName": "Company %d", "facts": {"us-gaap": {
          "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
            {"start": "2023-10-01", "end": "2024-06-29", "val": 6650000000,
             "accn": "0000320193-26-990002", "fy": 2024, "fp": "Q3", "form": "10-Q/A",
             "filed": "2026-02-15"}]}}}}}"""
            .formatted(apple.cik(), apple.cik()));
    check = check(claim);
    assertEquals(List.of(Q3 + ".." + Q3_END), periods(check));
    assertEquals("2262000000", check.get("reportedValue"));
    assertEquals("SUPPORTS", check.get("outcome"));
    Map<String, Object> flag = openFlag(claim);
    assertEquals("RESTATEMENT", flag.get("reason"));
    assertEquals("2262000000", comparison(flag).get("reportedValue"));
  }

  /** The answer that stores a claim (one, or a batch) already carries its check. */
  @Test
  @SuppressWarnings("unchecked")
  void a_claim_gets_its_check_in_the_answer_that_stores_it() {
    Company apple = company();
    importApple(apple);
    Map<String, Object> q3 =
        numberClaim(
            apple.entityId(), "capex", "2150000000", "EXACT", "NONE", Q3, Q3_END, "2024-09-01");
    Res one = post("/api/v1/claims", q3, ADMIN_TOKEN);
    assertEquals(201, one.status(), one.toString());
    assertEquals("SUPPORTS", ((Map<String, Object>) one.json().get("check")).get("outcome"));

    Map<String, Object> q2 = new HashMap<>(q3);
    q2.put("statement", "Q2 capex " + unique());
    q2.put("periodStart", Q2);
    q2.put("periodEnd", Q2_END);
    q2.put("externalRef", "q2-" + unique());
    Map<String, Object> none = new HashMap<>(q3);
    none.put("statement", "no figures for 2030 " + unique());
    none.put("periodStart", "2030-01-01");
    none.put("periodEnd", "2030-03-31");
    Res batch = post("/api/v1/claims/batch", Map.of("claims", List.of(q2, none)), ADMIN_TOKEN);
    assertEquals(201, batch.status(), batch.toString());
    List<Map<String, Object>> items = batch.items();
    assertEquals("CONTRADICTS", ((Map<String, Object>) items.get(0).get("check")).get("outcome"));
    assertNull(items.get(1).get("check"));
    // A repeat of the batch returns the stored claims, their checks read back.
    Res again = post("/api/v1/claims/batch", Map.of("claims", List.of(q2)), ADMIN_TOKEN);
    assertEquals(
        "CONTRADICTS", ((Map<String, Object>) again.items().get(0).get("check")).get("outcome"));
  }

  /**
   * A metric-map change that makes figures of a claim's period appear gives it a check; taking them
   * away again takes the check with them. Apple's gross profit in fiscal Q3 2024 was 39.678B (10-Q
   * of 2024-08-02), only once GrossProfit stands for a metric. (The map is shared: it is put back
   * as it was.)
   */
  @Test
  @SuppressWarnings("unchecked")
  void a_metric_map_change_brings_and_takes_the_figures_a_check_rests_on() {
    Company apple = company();
    importApple(apple);
    String metric = "gross_profit_" + unique().replaceAll("[^a-z]", "x");
    Map<String, Object> body =
        numberClaim(
            apple.entityId(), metric, "40000000000", "APPROX", "NONE", Q3, Q3_END, "2024-09-01");
    long claim = ((Number) claim(body)).longValue();
    assertNull(check(claim));
    assertNull(queueCheck(apple, claim));

    List<Map<String, Object>> before = get("/api/v1/metrics", ADMIN_TOKEN).list();
    // GrossProfit moves from gross_profit to this test's own metric.
    List<Map<String, Object>> with = new java.util.ArrayList<>();
    for (Map<String, Object> m : before) {
      List<String> concepts = new java.util.ArrayList<>((List<String>) m.get("concepts"));
      concepts.remove("us-gaap:GrossProfit");
      if (!concepts.isEmpty()) {
        with.add(Map.of("metric", m.get("metric"), "concepts", concepts));
      }
    }
    with.add(Map.of("metric", metric, "concepts", List.of("us-gaap:GrossProfit")));
    try {
      Res changed =
          call(
              io.micronaut.http.HttpRequest.PUT("/api/v1/metrics", Map.of("metrics", with)),
              ADMIN_TOKEN);
      assertEquals(200, changed.status(), changed.toString());
      Map<String, Object> check = check(claim);
      assertEquals("SUPPORTS", check.get("outcome"), "39.678B is within about 40B");
      assertEquals("39678000000", check.get("reportedValue"));
      assertEquals(check, queueCheck(apple, claim), "a page seen before shows the new check");
    } finally {
      Res back =
          call(
              io.micronaut.http.HttpRequest.PUT("/api/v1/metrics", Map.of("metrics", before)),
              ADMIN_TOKEN);
      assertEquals(200, back.status(), back.toString());
    }
    assertNull(check(claim), "the figures went, and the check with them");
    assertNull(queueCheck(apple, claim), "and from the queue page");
  }

  /** A 10-Q/A of 2025-06-01 restating Apple's H1 fiscal 2024 capex as 4.500B. */
  private static String restatement(long cik) {
    return """
        {"cik": %d, "entityName": "Company %d", "facts": {"us-gaap": {
          "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
            {"start": "2023-10-01", "end": "2024-03-30", "val": 4500000000,
             "accn": "0000320193-25-990001", "fy": 2024, "fp": "Q2", "form": "10-Q/A",
             "filed": "2025-06-01"}]}}}}}"""
        .formatted(cik, cik);
  }

  @Test
  void a_claim_edited_into_another_period_is_checked_again() {
    Company apple = company();
    importApple(apple);
    long claim = capex(apple, "2150000000", "EXACT", "NONE", Q3, Q3_END, "2024-09-01");
    Map<String, Object> before = claimJson(claim);
    assertNotNull(before.get("check"));
    Res edited =
        patch(
            "/api/v1/claims/" + claim,
            Map.of("periodStart", "2030-01-01", "periodEnd", "2030-03-31"),
            "\"" + before.get("version") + "\"",
            ADMIN_TOKEN);
    assertEquals(200, edited.status(), edited.toString());
    assertNull(edited.json().get("check"), "no figure of 2030 is held");
  }
}
