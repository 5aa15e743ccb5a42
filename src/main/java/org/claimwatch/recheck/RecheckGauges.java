package org.claimwatch.recheck;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The re-check feature's gauges: open flags by reason, every reason (0 when none). */
@Factory
class RecheckGauges {
  @Singleton
  CachedGauges.Source openByReason(RecheckService rechecks) {
    return readings ->
        readings.setEach(
            "claimwatch.rechecks.open",
            "Open re-check flags by reason, database-wide",
            rechecks.openByReason(),
            "reason",
            Recheck.Reason::name);
  }
}
