package org.claimwatch.claim;

import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The claims feature's gauge: claims under a review lease. */
@Singleton
class ClaimGauges implements CachedGauges.Source {
  private final ClaimStore store;

  ClaimGauges(ClaimStore store) {
    this.store = store;
  }

  @Override
  public void count(CachedGauges.Readings readings) {
    readings.set(
        "claimwatch.claims.held",
        "Claims someone holds under a review lease (IN_REVIEW with a holder), database-wide",
        store.countHeld());
  }
}
