package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * The period a claim speaks of: its first and last day (either may be open), and whether the number
 * is a rate over it ("a quarter", "a year") or a total of it.
 */
public record ClaimPeriod(
    @Nullable LocalDate start, @Nullable LocalDate end, Periodicity periodicity) {}
