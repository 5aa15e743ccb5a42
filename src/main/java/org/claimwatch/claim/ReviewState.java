package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Where review work leaves a claim: its status, who holds it and until when, the status it had
 * before it was taken (it goes back there when the lease runs out), and when it was last given a
 * verdict.
 */
public record ReviewState(
    ClaimStatus status,
    @Nullable String assignee,
    @Nullable Instant leaseUntil,
    @Nullable ClaimStatus priorStatus,
    @Nullable Instant lastVerdictAt) {

  /** A new claim's: unverified, held by nobody. */
  static final ReviewState NEW = new ReviewState(ClaimStatus.UNVERIFIED, null, null, null, null);

  public ReviewState withLease(String holder, Instant until) {
    return new ReviewState(status, holder, until, priorStatus, lastVerdictAt);
  }
}
