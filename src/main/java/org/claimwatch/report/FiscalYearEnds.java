package org.claimwatch.report;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.claimwatch.subject.ReportedFiscalYears;

/**
 * The day an entity's fiscal year ends, as its reported figures show it: the end of its latest
 * full-year figure (Apple's 2024-09-28, NVIDIA's 2025-01-26).
 */
@Singleton
public class FiscalYearEnds implements ReportedFiscalYears {
  private final JdbcOperations jdbc;

  FiscalYearEnds(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Connectable
  public Optional<MonthDay> yearEnd(long entityId) {
    return jdbc.prepareStatement(
        "SELECT MAX(period_end) FROM figures WHERE entity_id = ? AND period_type = 'YEAR'",
        ps -> {
          ps.setLong(1, entityId);
          try (ResultSet rs = ps.executeQuery()) {
            LocalDate end = rs.next() ? rs.getObject(1, LocalDate.class) : null;
            return Optional.ofNullable(end).map(MonthDay::from);
          }
        });
  }
}
