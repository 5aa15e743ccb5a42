package org.claimwatch.report;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.report.MetricMap.MetricsBody;
import org.claimwatch.support.ApiTest;
import org.claimwatch.system.JdbcRows;
import org.junit.jupiter.api.Test;

/**
 * A migration that maps a concept (as V43 mapped earnings per share) cannot compute figures; the
 * catch-up does, for the facts already stored, and flags the claims they bear on. The concept is
 * one of this test's own, so the shared database's other companies are not touched.
 */
@MicronautTest(transactional = false)
class MetricMapCatchUpTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;
  @Inject ReportService service;
  @Inject MetricMap map;

  private static String document(long cik, String concept) {
    return "{\"cik\":"
        + cik
        + ",\"entityName\":\"Company "
        + cik
        + "\",\"facts\":{\"us-gaap\":{\""
        + concept
        + "\":{\"label\":\"x\",\"units\":{\"USD/shares\":["
        + SecDocs.fact(
            "2024-01-01", "2024-03-31", "0.42", "0000000001-24-000007", "10-Q", "2024-05-02")
        + "]}}}}}";
  }

  @Test
  void figures_of_a_concept_a_migration_mapped_are_computed_and_their_claims_flagged() {
    long cik = SecDocs.newCik();
    long otherCik = SecDocs.newCik();
    String concept = "CatchUpProbe" + cik;
    String metric = "probe_" + cik;
    long entityId = company("Catch-up test", cik);
    long otherId = company("Catch-up test, another", otherCik);
    long claim =
        claim(
            about(entityId)
                .statement(unique() + " earned 42 cents a share in the first quarter")
                .metric(metric)
                .value("0.42")
                .period("2024-01-01", "2024-03-31")
                .statedAt("2024-04-10"));
    reports.importCompanyFacts(ADMIN_TOKEN, document(cik, concept));
    reports.importCompanyFacts(ADMIN_TOKEN, document(otherCik, concept));
    assertEquals(List.of(), figures(entityId, metric), "not mapped yet: no figures");
    assertNull(claims.get(ADMIN_TOKEN, claim).body().openRecheck());

    // What a migration does: a row in the map, nothing else.
    sql(
        "INSERT INTO metric_concepts (metric, concept) VALUES (?, ?)",
        metric,
        "us-gaap:" + concept);
    // A PUT of the map as it reads leaves the migration's change to the catch-up (no backfill in a
    // request).
    reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(reports.metrics(ADMIN_TOKEN).body()));
    assertEquals(List.of(), figures(entityId, metric));

    service.catchUpMetricMap();

    List<FigureView> figures = figures(entityId, metric);
    assertEquals(1, figures.size(), figures::toString);
    assertEquals("0.42", figures.get(0).value());
    assertEquals("USD", figures.get(0).unit());
    assertEquals(1, figures(otherId, metric).size(), "each entity with the concept's facts");
    RecheckView flag = claims.get(ADMIN_TOKEN, claim).body().openRecheck();
    assertNotNull(flag, "the new figure flags the claim made before it was filed");
    assertEquals("SUPPORTS", flag.comparison().outcome());

    // Caught up: nothing left, and the map reads the concept as the metric's.
    assertCaughtUp();
    assertTrue(
        reports.metrics(ADMIN_TOKEN).body().stream()
            .anyMatch(
                m -> m.metric().equals(metric) && m.concepts().contains("us-gaap:" + concept)));

    // A migration that takes the concept off the map: its figures go.
    sql("DELETE FROM metric_concepts WHERE concept = ?", "us-gaap:" + concept);
    service.catchUpMetricMap();
    assertEquals(List.of(), figures(entityId, metric));
    assertEquals(List.of(), figures(otherId, metric));
  }

  /**
   * A migration that reorders a metric's concepts (V45 put the headline pre-tax income and
   * operating cash flow first) changes which of one filing's two figures counts: the catch-up
   * computes them again.
   */
  @Test
  void figures_of_concepts_a_migration_reordered_are_computed_again() {
    long cik = SecDocs.newCik();
    String metric = "order_" + cik;
    String total = "CatchUpTotal" + cik;
    String part = "CatchUpPart" + cik;
    long entityId = company("Catch-up order test", cik);
    String accn = "0000000001-25-000002";
    reports.importCompanyFacts(ADMIN_TOKEN, SecDocs.oneFilingTwoConcepts(cik, total, part, accn));
    sql(
        "INSERT INTO metric_concepts (metric, concept, preference) VALUES (?, ?, 0), (?, ?, 1)",
        metric,
        "us-gaap:" + part,
        metric,
        "us-gaap:" + total);
    service.catchUpMetricMap();
    assertEquals("700", figures(entityId, metric).get(0).value(), "the part first");
    assertCaughtUp();

    sql("UPDATE metric_concepts SET preference = 2 WHERE concept = ?", "us-gaap:" + part);
    assertEquals(
        java.util.Set.of("us-gaap:" + part, "us-gaap:" + total),
        tx.executeRead(s -> map.unapplied()));
    service.catchUpMetricMap();

    List<FigureView> figures = figures(entityId, metric);
    assertEquals(1, figures.size(), figures::toString);
    assertEquals("900", figures.get(0).value(), "the total first now");
    assertCaughtUp();

    sql("DELETE FROM metric_concepts WHERE metric = ?", metric);
    service.catchUpMetricMap();
    assertEquals(List.of(), figures(entityId, metric));
  }

  /**
   * Figures computed by an older FigureCalculator (its VERSION recorded): every entity's are
   * computed again, their fiscal labels too.
   */
  @Test
  void figures_an_older_calculator_computed_are_all_computed_again() {
    long cik = SecDocs.newCik();
    long entityId = company("Catch-up version test", cik);
    reports.importCompanyFacts(
        ADMIN_TOKEN,
        SecDocs.doc(
            cik,
            List.of(
                SecDocs.fact(
                    "2023-01-01",
                    "2023-12-31",
                    "900",
                    "0000000001-24-000001",
                    "10-K",
                    "2024-02-01"),
                SecDocs.fact(
                    "2024-01-01",
                    "2024-03-31",
                    "250",
                    "0000000001-24-000002",
                    "10-Q",
                    "2024-05-02"))));
    FigureView q1 = quarter(entityId);
    assertEquals("Q1", q1.fiscalPeriod());
    // As an older calculator left it: no label, and the version before this one recorded.
    sql("UPDATE figures SET fiscal_year = NULL, fiscal_period = NULL WHERE id = ?", q1.id());
    sql(
        "UPDATE metric_map_applied SET metric = ? WHERE concept = ?",
        String.valueOf(FigureCalculator.VERSION - 1),
        MetricMap.CALCULATOR);
    assertNull(quarter(entityId).fiscalPeriod());

    // (every entity of the shared database is computed again; what others' tests left is theirs)
    service.catchUpMetricMap();

    assertEquals("Q1", quarter(entityId).fiscalPeriod());
    assertEquals(2024, quarter(entityId).fiscalYear());
    assertCaughtUp();
  }

  private void assertCaughtUp() {
    assertEquals(java.util.Set.of(), tx.executeRead(s -> map.unapplied()));
    Boolean current = tx.executeRead(s -> map.calculatorCurrent());
    assertTrue(current);
  }

  private FigureView quarter(long entityId) {
    return figures(entityId, "revenue").stream()
        .filter(f -> f.periodType().equals("QUARTER"))
        .findFirst()
        .orElseThrow();
  }

  private void sql(String statement, Object... args) {
    tx.executeWrite(s -> JdbcRows.update(jdbc, statement, args));
  }

  private List<FigureView> figures(long entityId, String metric) {
    return reports.figures(ADMIN_TOKEN, entityId, Map.of("metric", metric)).body();
  }
}
