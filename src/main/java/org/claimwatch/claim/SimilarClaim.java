package org.claimwatch.claim;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * A stored claim that says about the same thing in numbers: which, in what words, where it stands.
 */
@Serdeable
public record SimilarClaim(long claimId, String statement, ClaimStatus status, BigDecimal value) {}
