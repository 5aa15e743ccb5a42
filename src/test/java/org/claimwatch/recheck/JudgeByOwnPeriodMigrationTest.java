package org.claimwatch.recheck;

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
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.HistoryEntry;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.MigrationScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V24 on data as the service stored it before issue 11: an open flag that compared "$12B a quarter
 * in H1 2024" with Q3 2024 (a later period) is closed with a history line saying why, and a claim
 * with no stored check gets it. Runs V24's own statements; they touch only such rows, and the
 * service never writes them, so the shared test database is otherwise left as it was. The old state
 * is made and V24 run once, for the class; the tests read what it did.
 */
@MicronautTest(transactional = false)
class JudgeByOwnPeriodMigrationTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  private long claim;
  private ClaimView before;
  private List<String> v24;

  /**
   * Q1 and Q3 2024 capex filed before "$12B a quarter in H1 2024" was said (so: no flag, a check on
   * Q1 only); then what the old planner stored instead (an open NEW_FILING flag against Q3, and no
   * check); then V24.
   */
  @BeforeAll
  void theOldPlannersFlagThenV24() {
    long entity = company("Migration Co", null);
    assertEquals(
        201,
        report(entity, "2024-04-25", "capex", "12012000000", "2024-01-01", "2024-03-31").status());
    assertEquals(
        201,
        report(entity, "2024-04-26", "capex", "13061000000", "2024-07-01", "2024-09-30").status());
    claim =
        claim(
            about(entity)
                .metric("capex")
                .value("12000000000")
                .perQuarter("2024-01-01", "2024-06-30")
                .statedAt("2024-07-27"));
    long q3 = figureId(entity, "2024-07-01");
    tx.executeWrite(
        s -> {
          jdbc.prepareStatement(
              "INSERT INTO rechecks (claim_id, reason, report_id, figure_id, claimed_value,"
                  + " claimed_unit, metric, reported_value, reported_unit, period_start,"
                  + " period_end, form, filed_on, deviation_pct, outcome, created_by, created_at,"
                  + " open_slot, dedupe_key, priority, claim_version, entity_id)"
                  + " SELECT ?, 'NEW_FILING', f.report_id, f.id, 12000000000, 'USD', 'capex',"
                  + " f.value, f.unit, f.period_start, f.period_end, f.form, f.filed_on, 8.8,"
                  + " 'CONTRADICTS', 'claimwatch', UTC_TIMESTAMP(), 'NEW_FILING', 'report:old',"
                  + " 50, 1, f.entity_id FROM figures f WHERE f.id = ?",
              ps -> {
                ps.setLong(1, claim);
                ps.setLong(2, q3);
                return ps.executeUpdate();
              });
          return jdbc.prepareStatement(
              "DELETE FROM claim_checks WHERE claim_id = ?",
              ps -> {
                ps.setLong(1, claim);
                return ps.executeUpdate();
              });
        });
    before = read();

    v24 = MigrationScript.statements("V24__judge_by_own_period.sql");
    for (String sql : v24) {
      // Every other claim in the shared database has its check already.
      String run = sql.replace("INSERT INTO claim_checks", "INSERT IGNORE INTO claim_checks");
      tx.executeWrite(s -> jdbc.prepareStatement(run, ps -> ps.executeUpdate()));
    }
  }

  private ClaimView read() {
    return claims.get(ADMIN_TOKEN, claim).body();
  }

  @Test
  void before_v24_the_claim_had_the_out_of_period_flag_open_and_no_check() {
    assertNull(before.check());
    assertNotNull(before.openRecheck());
  }

  @Test
  void v24_has_three_statements() {
    assertEquals(3, v24.size());
  }

  @Test
  void out_of_period_flags_are_closed_with_a_reason() {
    assertNull(read().openRecheck(), "the out-of-period flag is closed");
    List<RecheckView> flags = claims.rechecks(ADMIN_TOKEN, Map.of("claimId", claim)).body().items();
    assertEquals("OUT_OF_PERIOD", flags.get(0).resolution());
  }

  @Test
  void every_claim_gets_its_check() {
    CheckView check = read().check();
    assertEquals("SUPPORTS", check.outcome(), "judged on Q1 only: 12.012B within ±0.5B");
    assertEquals(1, check.figures().size());
  }

  @Test
  void history_says_why_the_flag_was_closed() {
    List<HistoryEntry> history = claims.history(ADMIN_TOKEN, claim).body();
    assertTrue(
        history.stream()
            .anyMatch(
                h ->
                    String.valueOf(h.summary())
                        .endsWith("it compared the claim with a period outside its own")),
        history.toString());
  }

  private long figureId(long entity, String periodStart) {
    return tx.executeRead(
        status ->
            jdbc.prepareStatement(
                "SELECT id FROM figures WHERE entity_id = ? AND period_start = ?",
                ps -> {
                  ps.setLong(1, entity);
                  ps.setObject(2, java.time.LocalDate.parse(periodStart));
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                }));
  }
}
