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
   * A column, over {@code claims c}, that changes whenever the claim's check does (its rows, the
   * import that last wrote them, the filings its figures cite), and is NULL when it has none (a
   * CONCAT with the MAX of no rows is NULL).
   */
  String KEY_COLUMN =
      "(SELECT CONCAT(COUNT(*), ':', MAX(k.import_id), ':', MAX(k.checked_at), ':',"
          + " SUM(kf.report_id)) FROM claim_checks k JOIN figures kf ON kf.id = k.figure_id"
          + " WHERE k.claim_id = c.id)";

  /**
   * The SQL condition, over {@code claims c}, "the claim's check has this outcome" (SUPPORTS,
   * CONTRADICTS, INCONCLUSIVE, or NONE for no check); a problem naming {@code check} for anything
   * else.
   */
  String condition(String outcome);
}
