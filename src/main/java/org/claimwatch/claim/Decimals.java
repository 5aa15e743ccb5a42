package org.claimwatch.claim;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Claimed numbers travel as plain decimal strings and are stored as DECIMAL(38,6): at most 32
 * digits before the point and 6 after, so nothing is ever rounded on the way in or out.
 */
public final class Decimals {
  private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9]\\d{0,31})(\\.\\d{1,6})?");
  private static final Pattern ANY_PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Decimals() {}

  /** Null when the text is not a decimal this service stores exactly; see {@link #problem}. */
  public static BigDecimal parse(String text) {
    return text != null && PLAIN.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  /** Why {@code text} is not accepted, phrased for the field's error. */
  public static String problem(String text) {
    String t = text.strip();
    if (ANY_PLAIN.matcher(t).matches()) {
      int point = t.indexOf('.');
      if (point >= 0 && t.length() - point - 1 > 6) {
        return "has more than 6 decimal places; it would be rounded";
      }
      return "is too large (at most 32 digits before the decimal point, no leading zeros)";
    }
    return "must be a plain decimal string such as \"5000000000\" or \"8.5\" (no exponent, no separators)";
  }
}
