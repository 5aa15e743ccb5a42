package org.claimwatch.claim;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What claims show of re-check flags: the open flag on each claim and the flags in its history.
 * Implemented by the re-check feature (claims do not read its tables).
 */
public interface OpenRechecks {
  /** By claim id; claims without an open flag are absent. */
  Map<Long, Object> openFor(Collection<Long> claimIds);

  /** Keeps the claim's open flags in step with its priority (queues order flags by it). */
  void priorityChanged(long claimId, int priority);

  /** The claim's flags as history lines: raised, and closed when a newer flag replaced them. */
  List<FlagEvent> historyOf(long claimId);

  /** A flag raised or superseded, for a claim's history. */
  record FlagEvent(
      long recheckId,
      String action,
      Instant at,
      String actor,
      String summary,
      Map<String, Object> details) {}
}
