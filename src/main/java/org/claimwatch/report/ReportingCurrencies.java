package org.claimwatch.report;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.claimwatch.subject.ReportedCurrencies;
import org.claimwatch.system.JdbcRows;

/**
 * The currency an entity reports in: the unit of its latest full-year figure of money (USD for
 * Apple, EUR for a 20-F in euros).
 */
@Singleton
public class ReportingCurrencies implements ReportedCurrencies {
  private final JdbcOperations jdbc;

  ReportingCurrencies(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Connectable
  public Optional<String> currency(long entityId) {
    return JdbcRows.list(
            jdbc,
            "SELECT unit FROM figures WHERE entity_id = ? AND period_type = 'YEAR'"
                + " AND unit IN ('USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'CAD', 'AUD', 'HKD',"
                + " 'NZD', 'SGD', 'TWD', 'BRL', 'INR')"
                + " ORDER BY period_end DESC, id DESC LIMIT 1",
            rs -> rs.getString(1),
            entityId)
        .stream()
        .findFirst();
  }
}
