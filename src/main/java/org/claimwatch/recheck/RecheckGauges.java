package org.claimwatch.recheck;

import jakarta.inject.Singleton;
import org.claimwatch.system.CachedGauges;

/** The re-check feature's gauges: open flags by reason, every reason (0 when none). */
@Singleton
class RecheckGauges implements CachedGauges.Source {
  private final RecheckService rechecks;

  RecheckGauges(RecheckService rechecks) {
    this.rechecks = rechecks;
  }

  @Override
  public void count(CachedGauges.Readings readings) {
    rechecks
        .openByReason()
        .forEach(
            (reason, open) ->
                readings.set(
                    "claimwatch.rechecks.open",
                    "Open re-check flags by reason, database-wide",
                    open,
                    "reason",
                    reason.name()));
  }
}
