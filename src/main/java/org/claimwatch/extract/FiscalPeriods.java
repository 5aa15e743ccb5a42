package org.claimwatch.extract;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.claimwatch.extract.PeriodWords.FiscalRef;

/**
 * Places a fiscal period the text names ({@link FiscalRef}) in an entity's fiscal calendar, told by
 * the day its fiscal year ends: fiscal year N ends on that day of year N (Apple's fiscal 2024 ends
 * in September 2024, NVIDIA's fiscal 2025 in January 2025) and begins the day after fiscal year N-1
 * ended; its quarters are its four three-month spans. A company whose year ends in the last week of
 * a month (52/53-week years) is placed within days, which the re-check's week of slack absorbs.
 * With no calendar known, the fiscal year is the calendar year. Pure logic.
 */
final class FiscalPeriods {
  private FiscalPeriods() {}

  /** Half a year: a "new" fiscal year begun longer ago than this is the next one. */
  private static final long NEW_FOR_DAYS = 183;

  /**
   * The span of {@code ref}: said on {@code statedOn}, about an entity whose fiscal year ends on
   * {@code yearEnd} (null: unknown). A fiscal year or quarter named without its year is the one
   * current when said (a forecast) or the latest one ended by then (a report). A quarter or half
   * number below zero is a half.
   */
  static LocalDate[] span(FiscalRef ref, MonthDay yearEnd, LocalDate statedOn, boolean forecast) {
    boolean split = ref.endMonth() != null && ref.endMonth() == FiscalRef.SPLIT;
    if (split && calendarYear(yearEnd)) {
      // "im Geschäftsjahr 2025/26" of a company whose calendar is not known: not a calendar year,
      // and which months it spans cannot be told
      return new LocalDate[] {null, null};
    }
    MonthDay end =
        ref.endMonth() != null && !split
            ? MonthDay.from(YearMonth.of(2001, ref.endMonth()).atEndOfMonth())
            : yearEnd != null ? yearEnd : MonthDay.of(12, 31);
    int current =
        end.atYear(statedOn.getYear()).isBefore(statedOn)
            ? statedOn.getYear() + 1
            : statedOn.getYear();
    if (ref.quarter() == FiscalRef.THIS) { // under way, or in results just ended
      LocalDate[] ended = span(ref.withQuarter(FiscalRef.LATEST), yearEnd, statedOn, forecast);
      boolean justEnded =
          !forecast && !statedOn.isAfter(ended[1].plusDays(FiscalRef.JUST_ENDED_DAYS));
      return justEnded
          ? ended
          : span(ref.withQuarter(FiscalRef.CURRENT), yearEnd, statedOn, forecast);
    }
    if (ref.quarter() == FiscalRef.NEXT && !forecast) {
      return new LocalDate[] {null, null}; // "pulled from next quarter" in results: not a period
    }
    if (ref.quarter() == FiscalRef.NEXT) { // the quarter after the one under way
      FiscalRef under = ref.withQuarter(FiscalRef.CURRENT);
      return span(
          under, yearEnd, span(under, yearEnd, statedOn, forecast)[1].plusDays(1), forecast);
    }
    if (ref.quarter() == FiscalRef.LATEST || ref.quarter() == FiscalRef.CURRENT) {
      for (int y = current + 1; y >= current - 1; y--) { // the newest first
        for (int q = 4; q >= 1; q--) {
          LocalDate[] span = quarter(end, y, q);
          boolean under = !span[0].isAfter(statedOn) && !span[1].isBefore(statedOn);
          if (ref.quarter() == FiscalRef.CURRENT ? under : !span[1].isAfter(statedOn)) {
            return span;
          }
        }
      }
    }
    if (ref.quarter() == 0) {
      int year;
      if (ref.year() != null) {
        year = ref.year();
      } else if (ref.relative() != null && ref.relative() == FiscalRef.NEW) {
        long begun = ChronoUnit.DAYS.between(year(end, current)[0], statedOn);
        year = begun < NEW_FOR_DAYS ? current : current + 1;
      } else if (ref.relative() != null) {
        year = current + ref.relative();
      } else {
        year = forecast ? current : current - 1;
      }
      return year(end, year);
    }
    if (ref.year() != null) {
      return quarter(end, ref.year(), ref.quarter());
    }
    LocalDate[] inCurrent = quarter(end, current, ref.quarter());
    if (forecast) {
      return inCurrent[1].isBefore(statedOn) ? quarter(end, current + 1, ref.quarter()) : inCurrent;
    }
    return inCurrent[1].isAfter(statedOn) ? quarter(end, current - 1, ref.quarter()) : inCurrent;
  }

  /** Fiscal year {@code year}: from the day after {@code end} of the year before to {@code end}. */
  static LocalDate[] year(MonthDay end, int year) {
    return new LocalDate[] {end.atYear(year - 1).plusDays(1), end.atYear(year)};
  }

  /**
   * Quarter 1-4 of fiscal year {@code year}, its first (-1) or second (-2) half, or its first n
   * months ({@link FiscalRef#FIRST_MONTHS} + n).
   */
  private static LocalDate[] quarter(MonthDay end, int year, int quarter) {
    LocalDate yearStart = year(end, year)[0];
    if (quarter > FiscalRef.FIRST_MONTHS) {
      return new LocalDate[] {
        yearStart, yearStart.plusMonths(quarter - FiscalRef.FIRST_MONTHS).minusDays(1)
      };
    }
    int months = quarter < 0 ? 6 : 3;
    int index = quarter < 0 ? -quarter : quarter;
    LocalDate start = yearStart.plusMonths((long) months * (index - 1));
    LocalDate next = yearStart.plusMonths((long) months * index);
    return new LocalDate[] {start, next.minusDays(1)};
  }

  /** A fiscal year that ends within a week of 31 December is the calendar year's. */
  static boolean calendarYear(MonthDay end) {
    return end == null
        || (end.getMonthValue() == 12 && end.getDayOfMonth() >= 24)
        || (end.getMonthValue() == 1 && end.getDayOfMonth() <= 7);
  }
}
