package org.claimwatch.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** What span a figure covers, told by its length: fiscal quarters run 12-14 weeks, years 52-53. */
public enum PeriodType {
  QUARTER,
  HALF,
  NINE_MONTHS,
  YEAR,
  TTM,
  INSTANT,
  OTHER;

  public static PeriodType of(LocalDate start, LocalDate end) {
    if (start == null) {
      return INSTANT;
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days >= 80 && days <= 100) {
      return QUARTER;
    }
    if (days >= 170 && days <= 190) {
      return HALF;
    }
    if (days >= 260 && days <= 285) {
      return NINE_MONTHS;
    }
    if (days >= 350 && days <= 380) {
      return YEAR;
    }
    return OTHER;
  }

  /** How a year-to-date span is called in a derivation ("H1 $25.198B - Q1 $12.012B"). */
  String ytdLabel() {
    return switch (this) {
      case QUARTER -> "Q1";
      case HALF -> "H1";
      case NINE_MONTHS -> "9M";
      case YEAR -> "FY";
      default -> name();
    };
  }
}
