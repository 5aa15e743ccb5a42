package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One reported value as one report stated it (a row of reported_facts, with its report's form). */
public record Fact(
    long id,
    long reportId,
    String concept,
    String unit,
    @Nullable LocalDate start,
    LocalDate end,
    BigDecimal value,
    LocalDate filed,
    String form) {

  /** Later filing first; among filings of one day, the later report. */
  static int newestFirst(Fact a, Fact b) {
    int c = b.filed().compareTo(a.filed());
    return c != 0 ? c : Long.compare(b.reportId(), a.reportId());
  }
}
