package org.claimwatch.extract;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A stored claim that says the same thing in numbers as a candidate: same entity (or both none),
 * same metric (or, with none, unit), value within either's tolerance, overlapping period. {@code
 * similarity}: 1 for the same value, less the further apart (relative to the larger).
 */
@Serdeable
public record Duplicate(long claimId, String statement, String status, double similarity) {}
