package org.claimwatch.claim;

import java.math.BigDecimal;

/**
 * How precisely a number was stated, which is how far a reported figure may stray from it and still
 * bear it out: half a unit of its last non-zero digit, but never more than a tenth of the number
 * (nor less than half a unit). "$13.2B" is stated to ±$0.05B, "$12 billion" to ±$0.5B, "$390
 * billion" to ±$5B, "$600 million" to ±$50M, "82%" to ±0.5 and "2%" to ±0.5; "$1 billion" to ±$0.1B
 * and "$20 billion" to ±$2B, the tenth: rounded to one digit, such a number would bear out half a
 * billion, or 15 billion, which no fact-checker would. "About" (APPROX) widens it to at least 10%
 * of the value.
 *
 * <p>The service stores this with each claim ({@code claims.tolerance}) so the set-based flagging
 * SQL and the comparison in Java use the same number; V40's backfill computes it the same way
 * (V10's had no tenth and stopped at the number's unit, million or billion).
 */
public final class Precision {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal TENTH = new BigDecimal("0.10");

  private Precision() {}

  public static BigDecimal tolerance(BigDecimal value, Qualifier qualifier) {
    if (value == null) {
      return null;
    }
    BigDecimal abs = value.abs();
    BigDecimal tenth = abs.multiply(TENTH);
    int lastDigit = -abs.stripTrailingZeros().scale();
    BigDecimal precision = HALF.movePointRight(lastDigit).min(tenth.max(HALF));
    if (qualifier == Qualifier.APPROX) {
      precision = precision.max(tenth);
    }
    return precision.stripTrailingZeros();
  }
}
