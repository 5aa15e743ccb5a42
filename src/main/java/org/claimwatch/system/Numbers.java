package org.claimwatch.system;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way numbers are written: {@link #plain} is the exact text the API carries (no exponent,
 * no trailing zeros), {@link #amount} and {@link #withUnit} what a fact-checker reads in an
 * explanation ("$13.186B"). The reviewer pages write {@link #plain} text in the reader's locale.
 */
public final class Numbers {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
  private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  private Numbers() {}

  /** The canonical text of a stored number: no exponent, no trailing zeros; null stays null. */
  public static String plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal v = value.stripTrailingZeros();
    return (v.signum() == 0 ? BigDecimal.ZERO : v).toPlainString();
  }

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
}
