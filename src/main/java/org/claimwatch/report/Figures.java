package org.claimwatch.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How reporting periods are written in explanations a fact-checker reads (numbers: Numbers). */
public final class Figures {
  private Figures() {}

  /**
   * A period as people say it: "Q2 2024" and "2024" for calendar quarters and years, "the quarter
   * ended 2024-07-28" or "the year ended 2024-01-28" for other fiscal periods, else "start..end".
   */
  public static String period(LocalDate start, LocalDate end) {
    if (start == null) {
      return "as of " + end;
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    boolean calendarStart = start.getDayOfMonth() == 1;
    boolean calendarEnd = end.plusDays(1).getDayOfMonth() == 1;
    if (calendarStart && calendarEnd && start.getYear() == end.getYear()) {
      int months = end.getMonthValue() - start.getMonthValue() + 1;
      if (months == 3 && (start.getMonthValue() - 1) % 3 == 0) {
        return "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
      }
      if (months == 12) {
        return String.valueOf(start.getYear());
      }
      if (months == 6 && (start.getMonthValue() == 1 || start.getMonthValue() == 7)) {
        return (start.getMonthValue() == 1 ? "H1 " : "H2 ") + start.getYear();
      }
    }
    if (days >= 84 && days <= 98) {
      return "the quarter ended " + end;
    }
    if (days >= 357 && days <= 373) {
      return "the year ended " + end;
    }
    return start + ".." + end;
  }
}
