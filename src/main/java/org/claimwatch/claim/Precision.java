package org.claimwatch.claim;

import java.math.BigDecimal;

/**
 * How precisely a number was stated, which is how far a reported figure may stray from it and still
 * bear it out. Three rules, in this order:
 *
 * <ol>
 *   <li>half a unit of its last digit, read the way people write big numbers (in millions,
 *       billions, trillions: every digit before the scale word counts): "$12 billion" and "$20
 *       billion" are stated to ±$0.5B, "$13.2B" to ±$0.05B, "82%" to ±0.5;
 *   <li>zeros at the end are rounding too, up to 1% of the number: "$390 billion" is stated to
 *       ±$3.9B (so $391.0B bears it out), "$600 million" to ±$6M, "300,000 jobs" to ±3,000;
 *   <li>never more than a tenth of the number (nor less than half a unit): "$1 billion" is stated
 *       to ±$0.1B, not ±$0.5B, which would let half a billion bear it out; "2%" stays ±0.5.
 * </ol>
 *
 * "About" (APPROX) doubles it, to at least 10% of the value ("about $2 billion": ±$0.4B).
 *
 * <p>The service stores this with each claim ({@code claims.tolerance}) so the set-based flagging
 * SQL and the comparison in Java use the same number; V40's backfill computes it the same way
 * (V10's had the first rule only).
 */
public final class Precision {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal TENTH = new BigDecimal("0.10");
  private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal MILLION = BigDecimal.TEN.pow(6);
  private static final BigDecimal BILLION = BigDecimal.TEN.pow(9);
  private static final BigDecimal TRILLION = BigDecimal.TEN.pow(12);

  private Precision() {}

  public static BigDecimal tolerance(BigDecimal value, Qualifier qualifier) {
    if (value == null) {
      return null;
    }
    BigDecimal abs = value.abs();
    int lastDigit = -abs.stripTrailingZeros().scale();
    int unit =
        abs.compareTo(TRILLION) >= 0
            ? 12
            : abs.compareTo(BILLION) >= 0 ? 9 : abs.compareTo(MILLION) >= 0 ? 6 : 0;
    BigDecimal stated = HALF.movePointRight(Math.min(lastDigit, unit));
    BigDecimal rounded = HALF.movePointRight(lastDigit).min(abs.multiply(HUNDREDTH));
    BigDecimal tenth = abs.multiply(TENTH);
    BigDecimal precision = stated.max(rounded).min(tenth.max(HALF));
    if (qualifier == Qualifier.APPROX) {
      precision = precision.multiply(TWO).max(tenth);
    }
    return precision.stripTrailingZeros();
  }
}
