package org.claimwatch.claim;

import java.util.List;
import java.util.Map;

/**
 * Each claim's check: the automatic comparison with the reported figures of its own period.
 * Implemented by the re-check feature, which owns the stored checks (claims do not read its
 * tables).
 */
public interface ClaimChecks {
  /**
   * Computes and stores the checks of these claims (as stored now) from the figures held now, in
   * the caller's transaction, and returns them by claim id (claims with none are absent). {@code
   * created}: the claims are new, so nothing is stored for them yet.
   */
  Map<Long, CheckView> refresh(List<Claim> claims, boolean created);

  /** The stored checks of these claims, by claim id; claims with none are absent. */
  Map<Long, CheckView> checksFor(List<Claim> claims);

  /**
   * {@link #checksFor(List)} for rows read with {@link #KEY_COLUMN} ({@code keys}, in the same
   * order; null: no check): views already seen at the same key are not read again.
   */
  Map<Long, CheckView> checksFor(List<Claim> claims, List<String> keys);

  /**
   * A column, over {@code claims c} joined with {@code subjects e} (its entity), that is NULL when
   * the claim has no entity (so no check) and otherwise changes whenever its entity's figures do
   * (any import or metric-map change, including the filing a figure cites); with the claim's
   * version, which its own edits change, it tells a page whether a check view it has seen, or that
   * there is none, still holds. Read from the row the page reads anyway: no lookup.
   */
  String KEY_COLUMN = "e.check_epoch";

  /**
   * The SQL condition, over {@code claims c}, "the claim's check has this outcome" (SUPPORTS,
   * CONTRADICTS, INCONCLUSIVE, or NONE for no check); a problem naming {@code check} for anything
   * else.
   */
  String condition(String outcome);
}
