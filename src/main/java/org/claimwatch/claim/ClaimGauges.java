package org.claimwatch.claim;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The claims feature's gauge: claims under a review lease. */
@Factory
class ClaimGauges {
  @Singleton
  CachedGauges.Source held(ClaimStore store) {
    return readings ->
        readings.set(
            "claimwatch.claims.held",
            "Claims someone holds under a review lease (IN_REVIEW with a holder), database-wide",
            store.countHeld());
  }
}
