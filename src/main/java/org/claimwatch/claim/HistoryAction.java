package org.claimwatch.claim;

/**
 * What a line of a claim's history records. Written by name into {@code claim_history.action} and
 * shown by name in the API; rows keep the name they were written with, so a name is never reused
 * for something else.
 */
public enum HistoryAction {
  CREATED,
  UPDATED,
  /** A re-check flag raised (not stored as history: merged in when the history is read). */
  FLAGGED,
  ASSIGNED,
  RELEASED,
  LEASE_EXPIRED,
  /** A verdict published by an editor, or by a checker without two-person review. */
  VERDICT,
  VERDICT_PROPOSED,
  VERDICT_APPROVED,
  VERDICT_RETURNED,
  /** Linked to the stored claim it repeats ({@code duplicateOf}: from, to). */
  DUPLICATE_LINKED,
  /** The link to the claim it was thought to repeat taken away. */
  DUPLICATE_UNLINKED,
  /** A flag closed by migration V24 (it compared the claim with a period outside its own). */
  RECHECK_CLOSED
}
