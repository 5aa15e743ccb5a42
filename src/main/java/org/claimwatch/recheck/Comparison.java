package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * A claimed number beside a reported one: the outcome, how far apart they are (percent of the
 * claimed value; null when the claim is 0 or there is nothing to compare) and one sentence a
 * fact-checker can read.
 */
public record Comparison(
    @Nullable BigDecimal reportedValue,
    @Nullable BigDecimal claimedValue,
    @Nullable BigDecimal deviationPct,
    Outcome outcome,
    String explanation) {}
