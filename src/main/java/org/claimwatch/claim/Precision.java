package org.claimwatch.claim;

import java.math.BigDecimal;

/**
 * How precisely a number was stated, which is how far a reported figure may stray from it and still
 * bear it out: half a unit of its last digit, read the way people write big numbers (in millions,
 * billions, trillions). "$12 billion" and "$20 billion" are stated to ±$0.5B, "$13.2B" to ±$0.05B,
 * "$600 million" to ±$0.5M, "82%" to ±0.5; "about" (APPROX) widens it to at least 10% of the value.
 *
 * <p>The service stores this with each claim ({@code claims.tolerance}) so the set-based flagging
 * SQL and the comparison in Java use the same number; V10's backfill computes it the same way.
 */
public final class Precision {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal APPROX_SHARE = new BigDecimal("0.10");
  private static final BigDecimal MILLION = BigDecimal.TEN.pow(6);
  private static final BigDecimal BILLION = BigDecimal.TEN.pow(9);
  private static final BigDecimal TRILLION = BigDecimal.TEN.pow(12);

  private Precision() {}

  public static BigDecimal tolerance(BigDecimal value, Qualifier qualifier) {
    if (value == null) {
      return null;
    }
    int lastDigit = -value.stripTrailingZeros().scale();
    BigDecimal abs = value.abs();
    int unit =
        abs.compareTo(TRILLION) >= 0
            ? 12
            : abs.compareTo(BILLION) >= 0 ? 9 : abs.compareTo(MILLION) >= 0 ? 6 : 0;
    BigDecimal precision = HALF.movePointRight(Math.min(lastDigit, unit));
    if (qualifier == Qualifier.APPROX) {
      BigDecimal share = value.abs().multiply(APPROX_SHARE);
      return share.compareTo(precision) > 0 ? share.stripTrailingZeros() : precision;
    }
    return precision;
  }
}
