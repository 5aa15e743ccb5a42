package org.claimwatch.claim;

import java.util.Collection;
import java.util.Map;

/**
 * The open re-check flag of each claim, for the claim's {@code openRecheck} field. Implemented by
 * the re-check feature (claims do not read its tables).
 */
public interface OpenRechecks {
  /** By claim id; claims without an open flag are absent. */
  Map<Long, Object> openFor(Collection<Long> claimIds);
}
