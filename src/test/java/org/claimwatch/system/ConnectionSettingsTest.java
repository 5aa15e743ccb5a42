package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The driver settings in application.yml take effect on real connections. */
@MicronautTest
class ConnectionSettingsTest extends ApiTest {
  @Inject JdbcOperations jdbc;

  @Test
  @Transactional
  void sessions_run_in_utc_in_the_tables_collation_and_batches_are_rewritten() throws Exception {
    String zone =
        jdbc.prepareStatement(
            "SELECT @@session.time_zone",
            ps -> {
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertEquals("+00:00", zone);
    String collation =
        jdbc.prepareStatement(
            "SELECT @@session.collation_connection",
            ps -> {
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertEquals("utf8mb4_unicode_ci", collation, "the tables' collation, on MySQL 8.4 too");
    boolean rewrite =
        jdbc.execute(
            c ->
                c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)
                    .getPropertySet()
                    .getBooleanProperty(com.mysql.cj.conf.PropertyKey.rewriteBatchedStatements)
                    .getValue());
    assertEquals(true, rewrite);
  }
}
