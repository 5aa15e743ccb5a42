package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.time.MonthDay;
import org.claimwatch.subject.ReportedFiscalYears;
import org.claimwatch.subject.SubjectService;

/**
 * An entity's fiscal year end: as its reported full years show it (exact, 52/53-week years
 * included), else as its entity record says ({@code fiscalYearEnd}).
 */
@Singleton
class EntityFiscalYears implements FiscalCalendars {
  private final ReportedFiscalYears reported;
  private final SubjectService subjects;

  EntityFiscalYears(ReportedFiscalYears reported, SubjectService subjects) {
    this.reported = reported;
    this.subjects = subjects;
  }

  @Override
  public MonthDay yearEnd(long entityId) {
    return reported.yearEnd(entityId).or(() -> subjects.fiscalYearEnd(entityId)).orElse(null);
  }
}
