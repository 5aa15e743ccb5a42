package org.claimwatch.recheck;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.claimwatch.support.Refusal.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.claimwatch.claim.BatchRequest;
import org.claimwatch.claim.BatchResult;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.report.MetricMap.MetricConcepts;
import org.claimwatch.report.MetricMap.MetricsBody;
import org.claimwatch.report.ReportImport;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
 * Each scenario gives the document a CIK of its own, so tests share the database without sharing a
 * company. A scenario whose tests only read what it set up is a {@code @Nested} class that sets it
 * up once ({@code @BeforeAll}): importing Apple's filings takes about a second.
 */
@MicronautTest
class JudgingPeriodTest extends ApiTest {
  private static final String Q2 = "2023-12-31";
  private static final String Q2_END = "2024-03-30";
  private static final String Q3 = "2024-03-31";
  private static final String Q3_END = "2024-06-29";

  /** A company with a CIK of its own; Apple's filings are imported for it by {@link #fileApple}. */
  private record Company(long cik, long entityId) {}

  private Company company() {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    return new Company(cik, company("Apple test", cik));
  }

  private ReportImport file(String companyFacts) {
    HttpResponse<ReportImport> r = reports.importCompanyFacts(ADMIN_TOKEN, companyFacts);
    assertEquals(HttpStatus.CREATED, r.getStatus());
    return r.body();
  }

  private ReportImport fileApple(Company c) {
    return file(Fixtures.companyFacts(Fixtures.APPLE, 320193, c.cik()));
  }

  /** A claim about the company's capex, in USD, exact unless said otherwise. */
  private static ClaimBuilder capex(Company c, String value) {
    return about(c.entityId()).metric("capex").value(value);
  }

  private ClaimView read(long id) {
    return claims.get(ADMIN_TOKEN, id).body();
  }

  private CheckView check(long id) {
    return read(id).check();
  }

  /** The claim's open re-check flag (null: none). */
  private RecheckView openFlag(long id) {
    return read(id).openRecheck();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparison(Map<String, Object> flag) {
    return (Map<String, Object>) flag.get("comparison");
  }

  /** The claim's check (null: none) as the entity's unreviewed queue page shows it. */
  private CheckView queueCheck(Company c, long claim) {
    return review
        .queue(ADMIN_TOKEN, "unreviewed", Map.of("entityId", c.entityId()))
        .body()
        .items()
        .stream()
        .filter(i -> i.id() == claim)
        .findFirst()
        .orElseThrow()
        .check();
  }

  private static List<String> periods(CheckView check) {
    return check.figures().stream().map(f -> f.periodStart() + ".." + f.periodEnd()).toList();
  }

  private List<Long> ids(HttpResponse<? extends org.claimwatch.system.Page<ClaimView>> page) {
    return page.body().items().stream().map(ClaimView::id).toList();
  }

  @Test
  void a_claim_has_no_check_before_any_figure_of_its_period_is_filed() {
    long claim =
        claim(capex(company(), "2150000000").perQuarter(Q2, Q3_END).statedAt("2024-01-15"));
    assertNull(check(claim), "no figures yet");
  }

  /**
   * "$2.15B a quarter" over Q2..Q3, said 2024-01-15, before either quarter was filed. Stated to
   * ±$0.005B: Q3 2.151B is within (+0.05%), Q2 1.996B is outside (-7.2%), so CONTRADICTS, decided
   * by Q2. The later Q4 (2.908B) and FY25 Q1 (2.940B) are never judged.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class A_rate_claim_said_before_its_quarters_were_filed {
    long claim;

    @BeforeAll
    void saidThenFiled() {
      Company apple = company();
      claim = claim(capex(apple, "2150000000").perQuarter(Q2, Q3_END).statedAt("2024-01-15"));
      fileApple(apple);
    }

    @Test
    void is_flagged_on_exactly_those_quarters() {
      RecheckView flag = openFlag(claim);
      assertEquals("NEW_FILING", flag.reason());
      assertEquals(2, flag.periods());
      assertEquals(1, flag.periodsOutside());
      assertEquals("CONTRADICTS", flag.comparison().outcome());
      assertEquals("1996000000", flag.comparison().reportedValue());
      assertEquals("-7.2", flag.comparison().deviationPct());
      assertEquals(Q2, flag.periodStart());
    }

    @Test
    void has_a_check_of_both_quarters_that_the_derived_q2_decides() {
      CheckView check = check(claim);
      assertEquals("CONTRADICTS", check.outcome());
      assertEquals(List.of(Q2 + ".." + Q2_END, Q3 + ".." + Q3_END), periods(check));
      assertEquals(
          List.of("CONTRADICTS", "SUPPORTS"),
          check.figures().stream().map(CheckView.Figure::outcome).toList());
      assertEquals("DERIVED", check.figures().get(0).kind());
      String text = check.explanation();
      assertTrue(
          text.startsWith(
              "Reported the quarter ended 2024-03-30 capex $1.996B (H1 $4.388B - Q1 $2.392B, 10-Q"
                  + " filed 2024-05-03) is 7.2% below the claimed $2.15B"),
          text);
      assertTrue(text.endsWith("; the quarter ended 2024-06-29 $2.151B is within."), text);
    }
  }

  /**
   * The same claim said 2024-08-15, after both 10-Qs: nothing is news, so no flag, but a check. It
   * is the company's only claim, so lists filtered by the check's outcome find it alone.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class The_same_claim_said_after_the_filings {
    Company apple;
    long claim;

    @BeforeAll
    void filedThenSaid() {
      apple = company();
      fileApple(apple);
      claim = claim(capex(apple, "2150000000").perQuarter(Q2, Q3_END).statedAt("2024-08-15"));
    }

    @Test
    void has_no_flag() {
      assertNull(openFlag(claim));
    }

    @Test
    void has_a_check_of_both_quarters_as_filed() {
      CheckView check = check(claim);
      assertEquals("CONTRADICTS", check.outcome());
      assertEquals("1996000000", check.reportedValue());
      assertEquals(List.of(Q2 + ".." + Q2_END, Q3 + ".." + Q3_END), periods(check));
      assertEquals(
          List.of(
              List.of("1996000000", "10-Q", "2024-05-03"),
              List.of("2151000000", "10-Q", "2024-08-02")),
          check.figures().stream().map(f -> List.of(f.value(), f.form(), f.filedOn())).toList());
    }

    @Test
    void the_queue_page_shows_its_check() {
      assertEquals("1996000000", queueCheck(apple, claim).reportedValue());
    }

    @Test
    void the_claims_list_filters_by_the_checks_outcome() {
      long e = apple.entityId();
      assertEquals(
          List.of(claim),
          ids(claims.list(ADMIN_TOKEN, Map.of("check", "CONTRADICTS", "entityId", e))));
      assertEquals(
          List.of(), ids(claims.list(ADMIN_TOKEN, Map.of("check", "SUPPORTS", "entityId", e))));
    }

    @Test
    void the_queue_filters_by_the_checks_outcome() {
      long e = apple.entityId();
      assertEquals(
          List.of(claim),
          ids(
              review.queue(
                  ADMIN_TOKEN, "unreviewed", Map.of("check", "CONTRADICTS", "entityId", e))));
      assertEquals(
          List.of(),
          ids(review.queue(ADMIN_TOKEN, "unreviewed", Map.of("check", "NONE", "entityId", e))));
    }
  }

  @Test
  void a_check_filter_that_names_no_outcome_is_400() {
    var queue = refused(() -> review.queue(ADMIN_TOKEN, "unreviewed", Map.of("check", "maybe")));
    assertEquals(HttpStatus.BAD_REQUEST, queue.status());
    assertEquals(List.of("check"), queue.fields());
    var list = refused(() -> claims.list(ADMIN_TOKEN, Map.of("check", "MAYBE")));
    assertEquals(HttpStatus.BAD_REQUEST, list.status());
    assertEquals(List.of("check"), list.fields());
  }

  /**
   * "About $2.2B a quarter" since fiscal 2024 began (2023-10-01), said 2024-07-10 with no end: the
   * quarters that had ended by then are judged, Q1..Q3 (2.392B +8.7%, 1.996B -9.3%, 2.151B -2.2%,
   * all within "about": ±10% = ±$0.22B), so SUPPORTS. Q4 (2.908B, +32%) and FY25 Q1 (2.940B) came
   * later and never make it CONTRADICTS; being filed after the claim, Q1..Q3's filings after
   * 2024-07-10 (only Q3's 10-Q of 2024-08-02) flag it.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class A_rate_claim_with_no_end {
    long claim;

    @BeforeAll
    void saidThenFiled() {
      Company apple = company();
      claim =
          claim(
              capex(apple, "2200000000")
                  .approx()
                  .perQuarterSince("2023-10-01")
                  .statedAt("2024-07-10"));
      fileApple(apple);
    }

    @Test
    void is_judged_on_the_quarters_ended_by_the_day_it_was_said() {
      CheckView check = check(claim);
      assertEquals("SUPPORTS", check.outcome());
      assertEquals(
          List.of("2023-10-01..2023-12-30", Q2 + ".." + Q2_END, Q3 + ".." + Q3_END),
          periods(check));
    }

    @Test
    void is_flagged_by_the_quarter_filed_after_it_was_said() {
      RecheckView flag = openFlag(claim);
      assertEquals("SUPPORTS", flag.comparison().outcome());
      assertEquals(1, flag.periods(), "only Q3 was filed after it was said");
      assertEquals("2151000000", flag.comparison().reportedValue());
    }

    @Test
    void gets_no_outdated_note_unless_they_are_switched_on() {
      assertTrue(
          claims
              .rechecks(ADMIN_TOKEN, Map.of("reason", "OUTDATED", "claimId", claim))
              .body()
              .items()
              .isEmpty());
    }
  }

  /**
   * A 10-Q/A filed 2025-06-01 restates H1 fiscal 2024 capex from 4.388B to 4.500B, so derived Q2
   * becomes 4.500 - 2.392 = 2.108B (-2.0% against $2.15B: outside ±$0.005B) and Q3 becomes 6.539 -
   * 4.500 = 2.039B (-5.2%: outside). The claim about Q2..Q3 said 2024-08-15 (after the originals,
   * so with no flag and Q2's 1.996B deciding its check, as {@link
   * The_same_claim_said_after_the_filings} shows) is flagged RESTATEMENT with both quarters
   * outside; its check follows.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class A_restated_quarter {
    Company apple;
    long claim;
    ReportImport restated;

    @BeforeAll
    void filedSaidThenRestated() {
      apple = company();
      fileApple(apple);
      claim = claim(capex(apple, "2150000000").perQuarter(Q2, Q3_END).statedAt("2024-08-15"));
      restated = file(restatement(apple.cik()));
    }

    @Test
    void is_counted_as_a_restatement() {
      assertEquals(1, restated.restatements(), restated::toString);
    }

    @Test
    void flags_the_claim_with_both_quarters_outside() {
      RecheckView flag = openFlag(claim);
      assertEquals("RESTATEMENT", flag.reason());
      assertEquals(2, flag.periods());
      assertEquals(2, flag.periodsOutside());
      assertEquals("CONTRADICTS", flag.comparison().outcome());
      assertEquals("2039000000", flag.comparison().reportedValue(), "the furthest decides");
    }

    @Test
    void updates_the_claims_check() {
      CheckView check = check(claim);
      assertEquals(
          List.of("2108000000", "2039000000"),
          check.figures().stream().map(CheckView.Figure::value).toList());
      assertEquals(
          List.of("2025-06-01", "2025-06-01"),
          check.figures().stream().map(CheckView.Figure::filedOn).toList());
    }

    /** The SQL that raised the flag and the Java that reads the check pick the same figure. */
    @Test
    void leaves_the_flag_and_the_check_deciding_by_the_same_figure() {
      CheckView check = check(claim);
      assertEquals(
          List.of(false, true), check.figures().stream().map(CheckView.Figure::decides).toList());
      assertEquals(openFlag(claim).comparison().reportedValue(), check.reportedValue());
    }

    @Test
    void shows_on_queue_pages_as_the_check_is_now() {
      assertEquals(check(claim), queueCheck(apple, claim));
    }

    @Test
    void imported_again_with_the_original_filings_changes_nothing() {
      CheckView check = check(claim);
      var flagsBefore = claims.rechecks(ADMIN_TOKEN, Map.of("claimId", claim)).body().items();

      assertEquals(0, fileApple(apple).claimsFlagged());
      ReportImport again = file(restatement(apple.cik()));

      assertEquals(0, again.factsAdded());
      assertEquals(0, again.claimsFlagged());
      assertEquals(
          flagsBefore, claims.rechecks(ADMIN_TOKEN, Map.of("claimId", claim)).body().items());
      assertEquals(check, check(claim));
    }
  }

  /** A manual re-check judges the claim on every figure of its period, whatever its filing. */
  @Test
  void a_manual_recheck_judges_the_claims_own_period_only() {
    Company apple = company();
    fileApple(apple);
    long claim = claim(capex(apple, "2150000000").perQuarter(Q2, Q3_END).statedAt("2024-08-15"));

    HttpResponse<RecheckView> manual = claims.recheck(token("CHECKER"), claim);

    assertEquals(HttpStatus.CREATED, manual.getStatus());
    assertEquals(2, manual.body().periods());
    assertEquals("CONTRADICTS", manual.body().comparison().outcome());
    assertEquals(Q2, manual.body().periodStart());
  }

  /**
   * Claims of every shape (value, qualifier, periodicity, period start and end, said on), about one
   * company: "$12B a year" over calendar 2021-2023 is judged on fiscal 2022 and 2023 (fiscal 2021
   * began in September 2020).
   */
  static Stream<Arguments> claimsOfEveryShape() {
    return Stream.of(
        Arguments.of("2150000000", "EXACT", "PER_QUARTER", Q2, Q3_END, "2024-01-15"),
        Arguments.of("2200000000", "APPROX", "PER_QUARTER", "2023-10-01", null, "2024-01-15"),
        Arguments.of("9000000000", "AT_LEAST", "PER_YEAR", "2022-01-01", null, "2024-12-15"),
        Arguments.of(
            "2000000000", "EXACT", "PER_QUARTER", "2023-10-01", "2023-12-30", "2023-11-01"),
        Arguments.of("2900000000", "APPROX", "NONE", "2024-06-30", "2024-09-28", "2024-08-01"),
        Arguments.of("12000000000", "EXACT", "PER_YEAR", "2021-01-01", "2023-12-31", "2021-03-01"));
  }

  /**
   * Every flag raised over the claims of {@link #claimsOfEveryShape} (by the filings, then by a
   * manual re-check of each) compares the claim with a figure of its own period, by an independent
   * reading of the rule (not the production SQL): NONE within a week of its own period; a rate
   * claim from periodStart (a week's slack) to periodEnd (a week's slack) or, with none, the day it
   * was said.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class No_flag_compares_a_claim_with_a_period_outside_its_own {
    final Map<List<String>, Long> ids = new HashMap<>();

    @BeforeAll
    void saidFiledAndRechecked() {
      Company apple = company();
      claimsOfEveryShape()
          .map(a -> shape(a.get()))
          .forEach(
              c ->
                  ids.put(
                      c,
                      claim(
                          capex(apple, c.get(0))
                              .qualifier(c.get(1))
                              .periodicity(c.get(2))
                              .periodStart(c.get(3))
                              .periodEnd(c.get(4))
                              .statedAt(c.get(5)))));
      fileApple(apple);
      String checker = token("CHECKER");
      ids.values().forEach(id -> claims.recheck(checker, id));
    }

    private static List<String> shape(Object[] c) {
      List<String> s = new ArrayList<>();
      for (Object o : c) {
        s.add((String) o);
      }
      return s;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}..{4} said {5}")
    @MethodSource("org.claimwatch.recheck.JudgingPeriodTest#claimsOfEveryShape")
    void in_the_claims_checks_and_flags(
        String value, String qualifier, String periodicity, String from, String to, String said) {
      List<String> c = java.util.Arrays.asList(value, qualifier, periodicity, from, to, said);
      long id = ids.get(c);
      List<RecheckView> flags =
          claims.rechecks(ADMIN_TOKEN, Map.of("claimId", id, "limit", 100)).body().items();

      // The rule is not vacuous: every claim is judged on some figure.
      assertTrue(flags.stream().anyMatch(f -> f.periodEnd() != null), flags::toString);
      CheckView check = check(id);
      if (check != null) {
        for (CheckView.Figure f : check.figures()) {
          assertTrue(
              inOwnPeriod(c, LocalDate.parse(f.periodStart()), LocalDate.parse(f.periodEnd())),
              () -> c + " checked on " + f);
        }
      }
      for (RecheckView flag : flags) {
        if (flag.periodEnd() == null) {
          assertEquals("INCONCLUSIVE", flag.comparison().outcome(), flag::toString);
          continue;
        }
        assertTrue(
            inOwnPeriod(c, LocalDate.parse(flag.periodStart()), LocalDate.parse(flag.periodEnd())),
            () -> c + " flagged on " + flag);
      }
    }
  }

  /** Whether start..end is in the own period of claim {@code c} (a row of the table above). */
  private static boolean inOwnPeriod(List<String> c, LocalDate start, LocalDate end) {
    LocalDate from = LocalDate.parse(c.get(3));
    if (c.get(2).equals("NONE")) {
      LocalDate to = LocalDate.parse(c.get(4));
      return Math.abs(start.toEpochDay() - from.toEpochDay()) <= 7
          && Math.abs(end.toEpochDay() - to.toEpochDay()) <= 7;
    }
    LocalDate to =
        c.get(4) == null ? LocalDate.parse(c.get(5)) : LocalDate.parse(c.get(4)).plusDays(7);
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    boolean rightLength = c.get(2).equals("PER_QUARTER") ? days < 100 : days > 350 && days < 380;
    return rightLength && !start.isBefore(from.minusDays(7)) && !end.isAfter(to);
  }

  /**
   * "About $2B a quarter", no period, said 2024-09-01: judged on the latest quarter reported by
   * then. With Apple's filings up to 2024-06-30 that is fiscal Q2 (1.996B, 10-Q of 2024-05-03);
   * once the 10-Q of 2024-08-02 is in, fiscal Q3 (2.151B) takes its place, and Q2 leaves the check.
   */
  @Test
  void a_rate_with_no_period_is_judged_on_the_latest_quarter_reported_when_it_was_said() {
    Company apple = company();
    long claim =
        claim(capex(apple, "2000000000").approx().perQuarter(null, null).statedAt("2024-09-01"));
    file(Fixtures.seedAppleFilings("apple-filed-by-2024-06-30.json", apple.cik()));
    assertEquals(List.of(Q2 + ".." + Q2_END), periods(check(claim)));

    fileApple(apple);
    CheckView check = check(claim);
    assertEquals(List.of(Q3 + ".." + Q3_END), periods(check));
    assertEquals("SUPPORTS", check.outcome());
    assertNull(openFlag(claim), "Q3 was reported before it was said: not news");

    // A 10-Q/A of 2026-02-15 (after the last 10-Q that repeated the old value) restates nine
    // months' capex (6.539B -> 6.650B), so fiscal Q3 is now
    // 6.650 - 4.388 = 2.262B (+13.1%, still within "about $2B": ±$0.4B). Q3 was first
    // reported before the claim, so the claim stays on Q3, and the restatement is news to it.
    file(
        """
        {"cik": %d, "entityName": "Company %d", "facts": {"us-gaap": {
          "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
            {"start": "2023-10-01", "end": "2024-06-29", "val": 6650000000,
             "accn": "0000320193-26-990002", "fy": 2024, "fp": "Q3", "form": "10-Q/A",
             "filed": "2026-02-15"}]}}}}}"""
            .formatted(apple.cik(), apple.cik()));
    check = check(claim);
    assertEquals(List.of(Q3 + ".." + Q3_END), periods(check));
    assertEquals("2262000000", check.reportedValue());
    assertEquals("SUPPORTS", check.outcome());
    RecheckView flag = openFlag(claim);
    assertEquals("RESTATEMENT", flag.reason());
    assertEquals("2262000000", flag.comparison().reportedValue());
  }

  /**
   * Claims made once Apple's filings are in, each about its own period: every test here makes its
   * own claims and reads only those.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class After_the_filings {
    Company apple;

    @BeforeAll
    void filed() {
      apple = company();
      fileApple(apple);
    }

    /** "$2.15B capex in fiscal Q3 2024", said 2024-09-01. */
    ClaimBuilder q3() {
      return capex(apple, "2150000000").period(Q3, Q3_END).statedAt("2024-09-01");
    }

    /** Apple's fiscal Q3 2024 alone: 9M 6.539B - H1 4.388B = 2.151B, derived, within ±$0.005B. */
    @Test
    void a_single_quarter_derived_from_year_to_date_values_is_judged_on_the_derived_figure() {
      CheckView check = check(claim(q3()));
      assertEquals("SUPPORTS", check.outcome());
      assertEquals(1, check.figures().size());
      CheckView.Figure figure = check.figures().get(0);
      assertEquals("2151000000", figure.value());
      assertEquals("DERIVED", figure.kind());
      assertEquals("9M $6.539B - H1 $4.388B", figure.derivation());
      assertTrue(figure.decides());
    }

    @Test
    void a_claim_gets_its_check_in_the_answer_that_stores_it() {
      HttpResponse<ClaimView> one = claims.create(ADMIN_TOKEN, q3().build());
      assertEquals(HttpStatus.CREATED, one.getStatus());
      assertEquals("SUPPORTS", one.body().check().outcome());
    }

    /** A claim about Q2 (CONTRADICTS) and one about 2030 (no figures, no check). */
    BatchRequest batch(String ref) {
      return new BatchRequest(
          List.of(
              q3().statement("Q2 capex " + unique()).period(Q2, Q2_END).externalRef(ref).build(),
              q3().statement("no figures for 2030 " + unique())
                  .period("2030-01-01", "2030-03-31")
                  .build()));
    }

    @Test
    void each_claim_of_a_batch_gets_its_check_in_the_answer() {
      HttpResponse<BatchResult> r = claims.batch(ADMIN_TOKEN, batch("q2-" + unique()));
      assertEquals(HttpStatus.CREATED, r.getStatus());
      List<ClaimView> items = r.body().items();
      assertEquals("CONTRADICTS", items.get(0).check().outcome());
      assertNull(items.get(1).check());
    }

    @Test
    void a_repeated_batch_answers_with_the_stored_claims_checks() {
      ClaimBuilder q2 = q3().statement("Q2 capex " + unique()).period(Q2, Q2_END);
      q2.externalRef("q2-" + unique());
      claims.batch(ADMIN_TOKEN, new BatchRequest(List.of(q2.build())));

      HttpResponse<BatchResult> again =
          claims.batch(ADMIN_TOKEN, new BatchRequest(List.of(q2.build())));

      assertEquals("CONTRADICTS", again.body().items().get(0).check().outcome());
    }

    @Test
    void a_claim_edited_into_another_period_is_checked_again() {
      long claim = claim(q3());
      ClaimView before = read(claim);
      assertNotNull(before.check());

      HttpResponse<ClaimView> edited =
          claims.patch(
              ADMIN_TOKEN,
              claim,
              "\"" + before.version() + "\"",
              Map.of("periodStart", "2030-01-01", "periodEnd", "2030-03-31"));

      assertEquals(HttpStatus.OK, edited.getStatus());
      assertNull(edited.body().check(), "no figure of 2030 is held");
    }
  }

  /**
   * A metric-map change that makes figures of a claim's period appear gives it a check; taking them
   * away again takes the check with them. Apple's gross profit in fiscal Q3 2024 was 39.678B (10-Q
   * of 2024-08-02), only once GrossProfit stands for a metric. (The map is shared: it is put back
   * as it was.)
   */
  @Test
  void a_metric_map_change_brings_and_takes_the_figures_a_check_rests_on() {
    Company apple = company();
    fileApple(apple);
    String metric = "gross_profit_" + unique().replaceAll("[^a-z]", "x");
    long claim =
        claim(
            about(apple.entityId())
                .metric(metric)
                .value("40000000000")
                .approx()
                .period(Q3, Q3_END)
                .statedAt("2024-09-01"));
    assertNull(check(claim));
    assertNull(queueCheck(apple, claim));

    List<MetricConcepts> before = reports.metrics(ADMIN_TOKEN).body();
    try {
      reports.replaceMetrics(ADMIN_TOKEN, grossProfitMovedTo(metric, before));
      CheckView check = check(claim);
      assertEquals("SUPPORTS", check.outcome(), "39.678B is within about 40B");
      assertEquals("39678000000", check.reportedValue());
      assertEquals(check, queueCheck(apple, claim), "a page seen before shows the new check");
    } finally {
      HttpResponse<List<MetricConcepts>> back =
          reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(before));
      assertEquals(HttpStatus.OK, back.getStatus());
    }
    assertNull(check(claim), "the figures went, and the check with them");
    assertNull(queueCheck(apple, claim), "and from the queue page");
  }

  /** The map with us-gaap:GrossProfit taken from whatever metric had it and given to this one. */
  private static MetricsBody grossProfitMovedTo(String metric, List<MetricConcepts> map) {
    List<MetricConcepts> moved = new ArrayList<>();
    for (MetricConcepts m : map) {
      List<String> concepts = new ArrayList<>(m.concepts());
      concepts.remove("us-gaap:GrossProfit");
      if (!concepts.isEmpty()) {
        moved.add(new MetricConcepts(m.metric(), concepts));
      }
    }
    moved.add(new MetricConcepts(metric, List.of("us-gaap:GrossProfit")));
    return new MetricsBody(moved);
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
}
