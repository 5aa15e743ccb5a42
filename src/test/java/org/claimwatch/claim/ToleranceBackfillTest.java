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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * V10 fills {@code claims.tolerance} for claims stored before it, in SQL; the service computes it
 * in Java ({@link Precision}). Runs V10's own UPDATEs over a claim the service stored and checks
 * that nothing changes, for claims of every kind of value and qualifier.
 */
@MicronautTest(transactional = false)
class ToleranceBackfillTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  /** V10's backfill UPDATEs, comments stripped. */
  private List<String> v10Updates() throws Exception {
    String v10;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V10__claim_tolerance.sql")) {
      v10 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> updates = new ArrayList<>();
    for (String statement : v10.split(";")) {
      String sql = statement.replaceAll("(?m)^--.*$", "").strip();
      if (sql.startsWith("UPDATE claims")) {
        updates.add(sql);
      }
    }
    return updates;
  }

  @Test
  void v10_has_three_backfill_updates() throws Exception {
    assertEquals(3, v10Updates().size(), "V10 has three backfill UPDATEs");
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
  })
  void the_migrations_sql_gives_the_same_tolerance_as_the_service(
      String value, String qualifier, String valueHigh) throws Exception {
    long id =
        claim(
            saying("tolerance " + unique()).value(value).qualifier(qualifier).valueHigh(valueHigh));
    BigDecimal[] service = tolerances(id, id).get(id);

    for (String sql : v10Updates()) {
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
