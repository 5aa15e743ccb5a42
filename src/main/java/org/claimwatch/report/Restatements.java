package org.claimwatch.report;

import java.math.BigDecimal;

/**
 * When a later filing's value for the same concept and period is a restatement. Companies change
 * how they round (Tesla went from thousands to millions in 2019: 3,404,451,000 became
 * 3,405,000,000); a difference within one unit of the coarser of the two values is rounding, not a
 * restatement.
 */
final class Restatements {
  private Restatements() {}

  static boolean material(BigDecimal earlier, BigDecimal later) {
    BigDecimal diff = later.subtract(earlier).abs();
    if (diff.signum() == 0) {
      return false;
    }
    int coarser =
        Math.min(earlier.stripTrailingZeros().scale(), later.stripTrailingZeros().scale());
    return diff.compareTo(BigDecimal.ONE.movePointLeft(coarser)) > 0;
  }
}
