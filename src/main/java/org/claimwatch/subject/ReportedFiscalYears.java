package org.claimwatch.subject;

import java.time.MonthDay;
import java.util.Optional;

/**
 * The day an entity's fiscal year ends as its reported figures show it (the report feature knows;
 * features below it ask through this).
 */
public interface ReportedFiscalYears {
  /** Empty when no full year of the entity is reported. */
  Optional<MonthDay> yearEnd(long entityId);
}
