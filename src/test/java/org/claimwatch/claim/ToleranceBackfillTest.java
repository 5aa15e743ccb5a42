package org.claimwatch.claim;

import static org.claimwatch.support.ClaimBuilder.saying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.ClaimBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * V40 fills {@code claims.tolerance} anew for claims stored before it (V10 did first, by an older
 * rule), in SQL; the service computes it in Java ({@link Precision}). Clears a claim's tolerances
 * that the service stored, runs V40's own UPDATEs over it and checks that they give the service's
 * numbers back, for claims of every kind of value and qualifier.
 */
@MicronautTest(transactional = false)
class ToleranceBackfillTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  /** V40's statements that start with {@code prefix}, comments stripped. */
  private List<String> v40(String prefix) throws Exception {
    String v40;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V40__claim_tolerance_bounded.sql")) {
      v40 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = new ArrayList<>();
    for (String statement : v40.split(";")) {
      String sql = statement.replaceAll("(?m)^--.*$", "").strip();
      if (sql.startsWith(prefix)) {
        statements.add(sql);
      }
    }
    return statements;
  }

  /** V40's backfill UPDATEs of claims. */
  private List<String> backfillUpdates() throws Exception {
    return v40("UPDATE claims ");
  }

  private void run(String sql) {
    tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> ps.executeUpdate()));
  }

  private List<String> rows(String sql) {
    return tx.executeRead(
        s ->
            jdbc.prepareStatement(
                sql,
                ps -> {
                  List<String> out = new ArrayList<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(rs.getString(1));
                    }
                  }
                  return out;
                }));
  }

  /**
   * A check stored before V40: "$1 billion" of 2024 revenue judged SUPPORTS on $0.55B (±$0.5B), and
   * a row of the same period in yuan. V40 judges it again: the tolerance is $0.1B, the dollar
   * figure contradicts it, and the yuan row goes (the period has a dollar figure).
   */
  @Test
  void v40_judges_the_stored_checks_again() throws Exception {
    long entity = entity("Backfill " + unique());
    Map<String, Object> body =
        reportBody(entity, "2025-04-01", "revenue", "550000000", "2024-01-01", "2024-12-31");
    body.put(
        "facts",
        List.of(
            ((List<?>) body.get("facts")).get(0),
            Map.of(
                "metric",
                "revenue",
                "value",
                "3900000000",
                "unit",
                "CNY",
                "periodStart",
                "2024-01-01",
                "periodEnd",
                "2024-12-31")));
    assertEquals(201, post("/api/v1/reports", body, ADMIN_TOKEN).status());
    long id =
        claim(
            ClaimBuilder.about(entity)
                .metric("revenue")
                .value("1000000000")
                .unit("USD")
                .period("2024-01-01", "2024-12-31")
                .statedAt("2025-05-01T00:00:00Z"));
    String yuan =
        rows("SELECT id FROM figures WHERE entity_id = " + entity + " AND unit = 'CNY'").get(0);
    // as V10 left it
    run("UPDATE claims SET tolerance = 500000000 WHERE id = " + id);
    run("UPDATE claim_checks SET outcome = 'SUPPORTS' WHERE claim_id = " + id);
    run(
        "INSERT INTO claim_checks (claim_id, figure_id, outcome, checked_at)"
            + " VALUES ("
            + id
            + ", "
            + yuan
            + ", 'INCONCLUSIVE', NOW())");

    for (String sql : backfillUpdates()) {
      run(sql + " AND id = " + id);
    }
    List<String> delete = v40("DELETE k FROM claim_checks");
    List<String> update = v40("UPDATE claim_checks");
    assertEquals(1, delete.size());
    assertEquals(1, update.size());
    run(delete.get(0) + " AND k.claim_id = " + id);
    run(update.get(0) + " WHERE k.claim_id = " + id);

    assertEquals(
        List.of("100000000.0000000"), rows("SELECT tolerance FROM claims WHERE id = " + id));
    assertEquals(
        List.of("USD CONTRADICTS"),
        rows(
            "SELECT CONCAT(f.unit, ' ', k.outcome) FROM claim_checks k JOIN figures f"
                + " ON f.id = k.figure_id WHERE k.claim_id = "
                + id));
  }

  @Test
  void v40_has_three_backfill_updates() throws Exception {
    assertEquals(3, backfillUpdates().size(), "V40 has three backfill UPDATEs of claims");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "12000000000, EXACT,",
    "20000000000, APPROX,",
    "13186000000, EXACT,",
    "600000000, EXACT,",
    "8.5, EXACT,",
    "0.000001, EXACT,",
    "82, EXACT,",
    "0, EXACT,",
    "-5000000000, EXACT,",
    "1000000000000, MORE_THAN,",
    "5000, EXACT,",
    "7.25, APPROX,",
    "9000000000, RANGE, 11500000000",
    "300000000, EXACT,",
    "99999999999999999999999.5, EXACT,",
    "1234567.891, EXACT,",
    "1000000000, EXACT,",
    "390000000000, EXACT,",
    "2, EXACT,",
    "20, EXACT,",
    "300000, EXACT,",
    "12000, APPROX,",
    "1000000000000000000000000000000, EXACT,",
  })
  void the_migrations_sql_gives_the_same_tolerance_as_the_service(
      String value, String qualifier, String valueHigh) throws Exception {
    long id =
        claim(
            saying("tolerance " + unique()).value(value).qualifier(qualifier).valueHigh(valueHigh));
    BigDecimal[] service = tolerances(id, id).get(id);

    tx.executeWrite(
        s ->
            jdbc.prepareStatement(
                "UPDATE claims SET tolerance = NULL, tolerance_high = NULL WHERE id = " + id,
                ps -> ps.executeUpdate()));
    for (String sql : backfillUpdates()) {
      tx.executeWrite(
          s ->
              jdbc.prepareStatement(
                  sql + " AND id BETWEEN " + id + " AND " + id, ps -> ps.executeUpdate()));
    }

    BigDecimal[] migration = tolerances(id, id).get(id);
    assertTrue(
        service[0] != null && service[0].compareTo(migration[0]) == 0,
        "service " + service[0] + ", SQL " + migration[0]);
    assertTrue(
        service[1] == null
            ? migration[1] == null
            : migration[1] != null && service[1].compareTo(migration[1]) == 0,
        "service high " + service[1] + ", SQL high " + migration[1]);
  }

  private Map<Long, BigDecimal[]> tolerances(long from, long to) {
    return tx.executeRead(
        s ->
            jdbc.prepareStatement(
                "SELECT id, tolerance, tolerance_high FROM claims WHERE id BETWEEN ? AND ?",
                ps -> {
                  ps.setLong(1, from);
                  ps.setLong(2, to);
                  Map<Long, BigDecimal[]> m = new HashMap<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      m.put(
                          rs.getLong(1),
                          new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                    }
                  }
                  return m;
                }));
  }
}
