package org.claimwatch.claim;

import jakarta.inject.Singleton;
import org.claimwatch.system.ProblemException;

/**
 * A claim by id, for other features: they read claims through this, never the claims table. It
 * depends on nothing but the claim store, so features that {@link ClaimCommands} calls back (the
 * open re-checks) can use it without a cycle.
 */
@Singleton
public class ClaimLookup {
  private final ClaimStore claims;

  ClaimLookup(ClaimStore claims) {
    this.claims = claims;
  }

  /** The claim, or 404. */
  public Claim find(long id) {
    return claims.find(id);
  }

  /** The claim, locked until the transaction ends; 404 if there is none. */
  public Claim lock(long id) {
    return claims.lock(id).orElseThrow(() -> ProblemException.notFound("No claim " + id));
  }
}
