package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * The number a claim states: a value (and the upper end of a range), its unit, how it was qualified
 * ("about", "at least", ...), and how far a reported figure may stray from each end and still bear
 * it out ({@link Precision}; derived from the value and qualifier, stored so SQL can use it).
 */
public record ClaimedNumber(
    @Nullable BigDecimal value,
    @Nullable BigDecimal valueHigh,
    @Nullable String unit,
    @Nullable Qualifier qualifier,
    @Nullable BigDecimal tolerance,
    @Nullable BigDecimal toleranceHigh) {

  /** The number as stated, with its tolerances worked out. */
  public static ClaimedNumber of(
      BigDecimal value, BigDecimal valueHigh, String unit, Qualifier qualifier) {
    return new ClaimedNumber(
        value,
        valueHigh,
        unit,
        qualifier,
        Precision.tolerance(value, qualifier),
        Precision.tolerance(valueHigh, Qualifier.EXACT));
  }
}
