package org.claimwatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How numbers and periods are written in explanations a fact-checker reads. */
public final class Figures {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
  private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  private Figures() {}

  /**
   * A number in short scale with up to three decimals and no trailing zeros: 13186000000 ->
   * 13.186B, 600000000 -> 600M, -5000000000 -> -5B, 82 -> 82.
   */
  public static String amount(BigDecimal v) {
    return amount(v, v);
  }

  /** {@code v} in the scale {@code like} is written in: a tolerance beside its claim (±$0.5B). */
  public static String withUnit(BigDecimal v, String unit, BigDecimal like) {
    String text = amount(v, like);
    if (unit == null) {
      return text;
    }
    return switch (unit) {
      case "USD" -> "$" + text;
      case "%" -> text + "%";
      default -> text + " " + unit;
    };
  }

  private static String amount(BigDecimal v, BigDecimal like) {
    BigDecimal abs = like.abs();
    String suffix;
    BigDecimal scaled;
    if (abs.compareTo(TRILLION) >= 0) {
      scaled = v.divide(TRILLION);
      suffix = "T";
    } else if (abs.compareTo(BILLION) >= 0) {
      scaled = v.divide(BILLION);
      suffix = "B";
    } else if (abs.compareTo(MILLION) >= 0) {
      scaled = v.divide(MILLION);
      suffix = "M";
    } else {
      scaled = v;
      suffix = "";
    }
    BigDecimal shown =
        scaled.setScale(Math.min(3, Math.max(0, scaled.scale())), RoundingMode.HALF_UP);
    return plain(shown) + suffix;
  }

  /** With its unit: "13.186B USD" reads worse than "$13.186B"; % sticks to the number. */
  public static String withUnit(BigDecimal v, String unit) {
    if (unit == null) {
      return amount(v);
    }
    return switch (unit) {
      case "USD" -> (v.signum() < 0 ? "-$" + amount(v.negate()) : "$" + amount(v));
      case "%" -> amount(v) + "%";
      default -> amount(v) + " " + unit;
    };
  }

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

  public static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.signum() == 0 ? BigDecimal.ZERO : s).toPlainString();
  }
}
