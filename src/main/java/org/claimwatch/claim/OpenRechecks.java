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
  Map<Long, RecheckView> openFor(Collection<Long> claimIds);

  /** Views of these flags, by flag id. */
  Map<Long, RecheckView> flagViews(Collection<Long> flagIds);

  /**
   * Keeps the claim's open flags in step with its priority and entity (queues order and filter
   * flags by them).
   */
  void claimChanged(long claimId, int priority, Long entityId);

  /** The claim's flags as history lines, in the order they were raised. */
  List<FlagEvent> historyOf(long claimId);

  /**
   * A flag raised, for a claim's history. {@code claimVersion} is the claim's version when it was
   * raised (null for flags older than that column): the flag comes after the history entry that
   * made that version.
   */
  record FlagEvent(
      long recheckId,
      Integer claimVersion,
      Instant at,
      String actor,
      String summary,
      Map<String, Object> details) {}
}
