package org.claimwatch.claim;

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

/**
 * V10 fills {@code claims.tolerance} for claims stored before it, in SQL; the service computes it
 * in Java ({@link Precision}). Runs V10's own UPDATEs over claims the service stored and checks
 * that nothing changes.
 */
@MicronautTest(transactional = false)
class ToleranceBackfillTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  @Test
  void the_migrations_sql_gives_the_same_tolerance_as_the_service() throws Exception {
    String[][] values = {
      {"12000000000", "EXACT", null},
      {"20000000000", "APPROX", null},
      {"13186000000", "EXACT", null},
      {"600000000", "EXACT", null},
      {"8.5", "EXACT", null},
      {"0.000001", "EXACT", null},
      {"82", "EXACT", null},
      {"0", "EXACT", null},
      {"-5000000000", "EXACT", null},
      {"1000000000000", "MORE_THAN", null},
      {"5000", "EXACT", null},
      {"7.25", "APPROX", null},
      {"9000000000", "RANGE", "11500000000"},
      {"300000000", "EXACT", null},
      {"99999999999999999999999.5", "EXACT", null},
      {"1234567.891", "EXACT", null}
    };
    List<Long> ids = new ArrayList<>();
    for (String[] v : values) {
      Map<String, Object> c =
          new HashMap<>(
              Map.of("statement", "tolerance " + unique(), "value", v[0], "qualifier", v[1]));
      if (v[2] != null) {
        c.put("valueHigh", v[2]);
      }
      ids.add(((Number) claim(c)).longValue());
    }
    long from = ids.get(0);
    long to = ids.get(ids.size() - 1);
    Map<Long, BigDecimal[]> before = tolerances(from, to);

    String v10;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V10__claim_tolerance.sql")) {
      v10 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int updates = 0;
    for (String statement : v10.split(";")) {
      String sql = statement.replaceAll("(?m)^--.*$", "").strip();
      if (sql.startsWith("UPDATE claims")) {
        updates++;
        tx.executeWrite(
            s ->
                jdbc.prepareStatement(
                    sql + " AND id BETWEEN " + from + " AND " + to, ps -> ps.executeUpdate()));
      }
    }
    assertEquals(3, updates, "V10 has three backfill UPDATEs");
    Map<Long, BigDecimal[]> after = tolerances(from, to);
    for (int i = 0; i < ids.size(); i++) {
      BigDecimal[] b = before.get(ids.get(i));
      BigDecimal[] a = after.get(ids.get(i));
      String what =
          String.join(" ", java.util.Arrays.stream(values[i]).map(String::valueOf).toList());
      assertTrue(
          b[0] != null && b[0].compareTo(a[0]) == 0, what + ": service " + b[0] + ", SQL " + a[0]);
      assertTrue(
          b[1] == null ? a[1] == null : a[1] != null && b[1].compareTo(a[1]) == 0,
          what + ": service high " + b[1] + ", SQL high " + a[1]);
    }
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
