package org.claimwatch.extract;

import java.time.MonthDay;

/** The day an entity's fiscal year ends, for placing "fiscal 2024" in its calendar. */
interface FiscalCalendars {
  /** None known: the calendar year is assumed. */
  FiscalCalendars NONE = entityId -> null;

  /** The day, or null when it is not known. */
  MonthDay yearEnd(long entityId);
}
