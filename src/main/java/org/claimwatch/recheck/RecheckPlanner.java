package org.claimwatch.recheck;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.claimwatch.report.FiguresChangedListener;

/**
 * Flags claims for re-checking with set-based SQL: one statement over all the claims a change bears
 * on, never a loop over claims. The outcome and deviation are computed in SQL the same way {@link
 * Comparator} computes them (a test holds the two together); the explanation is rendered from the
 * stored comparison when a flag is read.
 *
 * <p>Safe with several instances: the same report never flags a claim twice for the same reason
 * (unique claim_id, reason, dedupe_key) and a claim has one open flag per reason (unique claim_id,
 * open_slot); a newer figure supersedes an older open flag, an older one leaves it alone. INSERT
 * IGNORE skips the rows those keys refuse, and its row count is exactly the flags added.
 */
@Singleton
class RecheckPlanner implements FiguresChangedListener {

  /**
   * Figures joined to the claims they bear on: same entity and metric; for PER_QUARTER / PER_YEAR
   * claims every quarter / year from the claim's period on (or from about when it was stated),
   * otherwise the claim's own period (give or take a week, for fiscal calendars). One row per
   * claim: its newest figure. {@code filter} narrows figures and claims; {@code reason} is the SQL
   * for the flag's reason.
   */
  static String candidates(String filter, String reason) {
    return """
        SELECT * FROM (
          SELECT c.id AS claim_id, c.value AS cv, c.value_high AS cvh, c.qualifier AS cq,
                 c.unit AS cu, c.metric AS metric, c.tolerance AS tol, c.tolerance_high AS tolh,
                 c.priority AS cp, c.version AS cver, c.entity_id AS ceid,
                 f.id AS figure_id, f.report_id, f.value AS rv, f.unit AS ru, f.period_start,
                 f.period_end, f.derivation, f.form, f.filed_on, %s AS reason,
                 ROW_NUMBER() OVER (PARTITION BY c.id
                                    ORDER BY f.period_end DESC, f.filed_on DESC, f.id DESC) AS rn
          FROM figures f
          JOIN claims c ON c.entity_id = f.entity_id AND c.metric = f.metric
          WHERE %s
            AND ((c.periodicity = 'NONE'
                  AND c.period_start IS NOT NULL AND c.period_end IS NOT NULL
                  AND ABS(DATEDIFF(f.period_start, c.period_start)) <= 7
                  AND ABS(DATEDIFF(f.period_end, c.period_end)) <= 7)
              OR (c.periodicity = 'PER_QUARTER' AND f.period_type = 'QUARTER'
                  AND f.period_end >= COALESCE(c.period_start,
                        DATE(COALESCE(c.stated_at, c.created_at)) - INTERVAL 100 DAY))
              OR (c.periodicity = 'PER_YEAR' AND f.period_type = 'YEAR'
                  AND f.period_end >= COALESCE(c.period_start,
                        DATE(COALESCE(c.stated_at, c.created_at)) - INTERVAL 370 DAY)))
        ) ranked WHERE rn = 1"""
        .formatted(reason, filter);
  }

  /**
   * What an import bears on: its changed figures, filed after the claim's last verdict or
   * statement.
   */
  static final String IMPORT_FILTER =
      "f.import_id = ? AND f.entity_id = ?"
          + " AND f.filed_on > DATE(COALESCE(c.last_verdict_at, c.stated_at, c.created_at))";

  static final String IMPORT_REASON = "IF(f.restated = 1, 'RESTATEMENT', 'NEW_FILING')";

  /** Comparator's outcome, in SQL, over a row of CANDIDATES. */
  static final String OUTCOME =
      """
      CASE
        WHEN x.cv IS NULL OR (x.cu IS NOT NULL AND x.cu <> x.ru) THEN 'INCONCLUSIVE'
        WHEN x.cq = 'AT_LEAST' THEN IF(x.rv >= x.cv, 'SUPPORTS', 'CONTRADICTS')
        WHEN x.cq = 'MORE_THAN' THEN IF(x.rv > x.cv, 'SUPPORTS', 'CONTRADICTS')
        WHEN x.cq = 'AT_MOST' THEN IF(x.rv <= x.cv, 'SUPPORTS', 'CONTRADICTS')
        WHEN x.cq = 'LESS_THAN' THEN IF(x.rv < x.cv, 'SUPPORTS', 'CONTRADICTS')
        WHEN x.cq = 'RANGE' THEN
          IF(x.rv >= x.cv - x.tol
             AND x.rv <= COALESCE(x.cvh, x.cv) + COALESCE(x.tolh, x.tol), 'SUPPORTS', 'CONTRADICTS')
        ELSE IF(ABS(x.rv - x.cv) <= x.tol, 'SUPPORTS', 'CONTRADICTS')
      END""";

  /** Comparator's deviation (percent of the claimed value, one decimal), in SQL. */
  static final String DEVIATION =
      """
      CASE
        WHEN x.cv IS NULL OR (x.cu IS NOT NULL AND x.cu <> x.ru) THEN NULL
        WHEN x.cq = 'RANGE' AND x.rv > COALESCE(x.cvh, x.cv) THEN
          IF(COALESCE(x.cvh, x.cv) = 0, NULL,
             ROUND((x.rv - COALESCE(x.cvh, x.cv)) * 100 / ABS(COALESCE(x.cvh, x.cv)), 1))
        WHEN x.cq = 'RANGE' AND x.rv >= x.cv THEN 0
        ELSE IF(x.cv = 0, NULL, ROUND((x.rv - x.cv) * 100 / ABS(x.cv), 1))
      END""";

  /**
   * Closes the open figure flags (NEW_FILING or RESTATEMENT) that an incoming flag for a newer or
   * the same period replaces: their comparison is out of date.
   */
  static String supersede(String candidates) {
    return "UPDATE rechecks r JOIN ("
        + candidates
        + ") x ON r.claim_id = x.claim_id"
        + " SET r.open_slot = NULL, r.resolved_at = ?, r.resolved_by = 'claimwatch',"
        + " r.resolution = 'SUPERSEDED'"
        + " WHERE r.open_slot IN ('NEW_FILING', 'RESTATEMENT') AND r.dedupe_key <> "
        + DEDUPE
        + " AND (r.period_end IS NULL OR r.period_end < x.period_end"
        + "      OR (r.period_end = x.period_end AND r.filed_on <= x.filed_on))";
  }

  /** Inserts one flag per candidate, with the comparison; keys skip what is already flagged. */
  static String insert(String candidates) {
    return "INSERT IGNORE INTO rechecks (claim_id, reason, report_id, figure_id, claimed_value,"
        + " claimed_value_high, claimed_qualifier, claimed_unit, metric, reported_value,"
        + " reported_unit, period_start, period_end, derivation, form, filed_on, deviation_pct,"
        + " outcome, created_by, created_at, open_slot, dedupe_key, priority, claim_version,"
        + " entity_id)"
        + " SELECT x.claim_id, x.reason, x.report_id, x.figure_id, x.cv, x.cvh, x.cq, x.cu,"
        + " x.metric, x.rv, x.ru, x.period_start, x.period_end, x.derivation, x.form,"
        + " x.filed_on, "
        + DEVIATION
        + ", "
        + OUTCOME
        + ", ?, ?, x.reason, "
        + DEDUPE
        + ", x.cp, x.cver, x.ceid FROM ("
        + candidates
        + ") x";
  }

  /** A report flags a claim once per reason. */
  private static final String DEDUPE = "CONCAT('report:', x.report_id)";

  private static final String SUPERSEDE_IMPORT =
      supersede(candidates(IMPORT_FILTER, IMPORT_REASON));
  private static final String INSERT_IMPORT = insert(candidates(IMPORT_FILTER, IMPORT_REASON));

  private final JdbcOperations jdbc;
  private final FlagEvents events;
  private final Clock clock;

  RecheckPlanner(JdbcOperations jdbc, FlagEvents events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Flags the claims the import's changed figures bear on; returns how many were flagged. */
  @Override
  public int figuresChanged(long importId, long entityId) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.prepareStatement(
        SUPERSEDE_IMPORT,
        ps -> {
          ps.setLong(1, importId);
          ps.setLong(2, entityId);
          ps.setObject(3, now);
          return ps.executeUpdate();
        });
    long mark = events.mark();
    int flagged =
        jdbc.prepareStatement(
            INSERT_IMPORT,
            ps -> {
              ps.setString(1, "claimwatch");
              ps.setObject(2, now);
              ps.setLong(3, importId);
              ps.setLong(4, entityId);
              return ps.executeUpdate();
            });
    if (flagged > 0) {
      events.announceImport(mark, now, importId, entityId);
    }
    return flagged;
  }
}
