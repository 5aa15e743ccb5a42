package org.claimwatch.recheck;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.claimwatch.report.FiguresChangedListener;

/**
 * Flags claims for re-checking with set-based SQL: one statement over all the claims a change bears
 * on, never a loop over claims. A claim is judged only on figures of its own period ({@link
 * Judging}), several periods making one comparison; the outcome and deviation are computed in SQL
 * the same way {@link Comparator} computes them (a test holds the two together); the explanation is
 * rendered from the stored comparison when a flag is read.
 *
 * <p>Safe with several instances: the same report never flags a claim twice for the same reason
 * (unique claim_id, reason, dedupe_key) and a claim has one open flag per reason (unique claim_id,
 * open_slot); a new flag judges every figure filed since the claim, so it supersedes the open
 * figure flags of other reports (unless its own report already flagged the claim, when it is not
 * raised). INSERT IGNORE skips the rows those keys refuse, and its row count is exactly the flags
 * added.
 */
@Singleton
class RecheckPlanner implements FiguresChangedListener {

  /**
   * One row per claim that {@code where} selects: its figures judged together ({@link
   * Judging#pairs}), the deciding one's columns with {@code periods} (how many were judged), {@code
   * outside} (how many contradict), {@code reason}, and {@code trigger_report}, the report that
   * raised the flag: the newest filing among the figures {@code trigger} marks. Claims with no
   * figure that {@code trigger} marks are left out. {@code trigger} is SQL over the pair row t and
   * is written twice. One GROUP BY over narrow pair rows gives the counts and the deciding figure
   * ({@link #DECIDING_KEY}); the claim's and figure's columns are joined back for the one row a
   * claim keeps, and its outcome and deviation computed again from them.
   */
  static String candidates(String where, String trigger) {
    return """
        SELECT a.claim_id, a.figure_id, f.report_id, %4$s AS o, %5$s AS dev, f.period_end,
               f.filed_on, a.periods, a.outside,
               IF(a.restated_here = 1, 'RESTATEMENT', 'NEW_FILING') AS reason,
               MOD(a.trigger_key, 100000000000000000000) AS trigger_report,
               c.value AS cv, c.value_high AS cvh, c.qualifier AS cq, c.unit AS cu,
               c.metric AS metric, c.priority AS cp, c.version AS cver, c.entity_id AS ceid,
               f.value AS rv, f.unit AS ru, f.period_start, f.derivation, f.form
        FROM (
          SELECT t.claim_id, COUNT(*) AS periods, SUM(t.o = 'CONTRADICTS') AS outside,
                 MAX((%3$s) AND t.restated = 1) AS restated_here,
                 MAX(IF(%3$s, CAST(DATE_FORMAT(t.filed_on, '%%Y%%m%%d') AS DECIMAL(65, 0))
                              * 100000000000000000000 + t.report_id, NULL)) AS trigger_key,
                 9999999999999999999 - MOD(MIN(%2$s), 10000000000000000000) AS figure_id
          FROM (%1$s) t
          GROUP BY t.claim_id
        ) a
        JOIN claims c ON c.id = a.claim_id
        JOIN figures f ON f.id = a.figure_id
        WHERE a.trigger_key IS NOT NULL"""
        .formatted(Judging.pairs(where), DECIDING_KEY, trigger, Judging.OUTCOME, Judging.DEVIATION);
  }

  /** FORECAST claims whose {@code resolvesOn} has come, flagged FORECAST_DUE once (RecheckJobs). */
  static final String FORECASTS_DUE =
      "INSERT IGNORE INTO rechecks (claim_id, reason, claimed_value, claimed_value_high,"
          + " claimed_qualifier, claimed_unit, metric, outcome, note, created_by, created_at,"
          + " open_slot, dedupe_key, priority, claim_version, entity_id)"
          + " SELECT c.id, 'FORECAST_DUE', c.value, c.value_high, c.qualifier, c.unit, c.metric,"
          + " 'INCONCLUSIVE', CONCAT('The forecast could be judged from ', c.resolves_on,"
          + " ': check it against what happened.'), 'claimwatch', ?, 'FORECAST_DUE', 'due',"
          + " c.priority, c.version, c.entity_id"
          + " FROM claims c WHERE c.kind = 'FORECAST' AND c.resolves_on <= ?";

  /** Verdicts older than the cut-off with newer figures of their metric since (RecheckJobs). */
  static final String STALE =
      "INSERT IGNORE INTO rechecks (claim_id, reason, claimed_value, claimed_value_high,"
          + " claimed_qualifier, claimed_unit, metric, outcome, note, created_by, created_at,"
          + " open_slot, dedupe_key, priority, claim_version, entity_id)"
          + " SELECT c.id, 'STALE', c.value, c.value_high, c.qualifier, c.unit, c.metric,"
          + " 'INCONCLUSIVE', CONCAT('The verdict of ', DATE(c.last_verdict_at),"
          + " ' predates newer figures: check it again.'), 'claimwatch', ?, 'STALE',"
          + " CONCAT('stale:', DATE_FORMAT(c.last_verdict_at, '%Y%m%d%H%i%s')), c.priority,"
          + " c.version, c.entity_id"
          + " FROM claims c WHERE c.last_verdict_at < ?"
          + " AND EXISTS (SELECT 1 FROM figures f WHERE f.entity_id = c.entity_id"
          + " AND f.metric = c.metric AND f.filed_on > DATE(c.last_verdict_at))";

  /**
   * The order in which a claim's figures decide its outcome (a contradicting one first, then one
   * that cannot be compared, then a supporting one; the furthest from the claim first, then the
   * latest period, then the newest figure; as {@link Checks#DECIDING} does in Java) as one number
   * whose smallest value is the deciding figure's, with (10^19 - 1 - its id) in the last 19 digits,
   * so one GROUP BY finds it (a window and a second pass joined to it cost twice as much on 100,000
   * claims; numbers keep the grouping table small enough to stay in memory). Deviations are kept to
   * 0.1% up to 10^14 %.
   */
  static final String DECIDING_KEY =
      "(CASE t.o WHEN 'CONTRADICTS' THEN 0 WHEN 'INCONCLUSIVE' THEN 1 ELSE 2 END)"
          + " * "
          + tenTo(42)
          + " + CAST(999999999999999 - LEAST(COALESCE(ROUND(ABS(t.dev) * 10), -1) + 1,"
          + " 999999999999999) AS DECIMAL(65, 0)) * "
          + tenTo(27)
          + " + CAST(99999999 - DATE_FORMAT(t.period_end, '%Y%m%d') AS DECIMAL(65, 0)) * "
          + tenTo(19)
          + " + (9999999999999999999 - t.figure_id)";

  /** 10^n as an SQL decimal literal. */
  private static String tenTo(int n) {
    return "1" + "0".repeat(n);
  }

  /**
   * What an import bears on: claims of the entity and of a metric it changed, judged on their
   * figures filed since the claim's last verdict or statement ({@link Judging#NEWS}; figures filed
   * before are its check), if one of those is a figure the import changed. Parameters: {@link
   * #bindImport}.
   */
  static final String IMPORT_CANDIDATES =
      candidates(
          "c.entity_id = ? AND c.metric IN (SELECT DISTINCT g.metric FROM figures g"
              + " WHERE g.import_id = ? AND g.entity_id = ?) AND "
              + Judging.NEWS,
          "t.import_id = ?");

  /** A manual re-check: the claim against every figure of its period. Parameter: claim id. */
  static final String MANUAL_CANDIDATE = candidates("c.id = ?", "TRUE");

  /**
   * Closes the open figure flags (NEW_FILING or RESTATEMENT) of other reports that an incoming flag
   * replaces: it judges every figure filed since the claim, theirs included.
   */
  static String supersede(String candidates) {
    // A flag whose report already flagged the claim for this reason is not raised again (the
    // same filing never flags a claim twice), so it must not close the open one either.
    return "UPDATE rechecks r JOIN ("
        + candidates
        + ") z ON r.claim_id = z.claim_id"
        + " LEFT JOIN rechecks d ON d.claim_id = z.claim_id AND d.reason = z.reason"
        + " AND d.dedupe_key = "
        + DEDUPE
        + " SET r.open_slot = NULL, r.resolved_at = ?, r.resolved_by = 'claimwatch',"
        + " r.resolution = 'SUPERSEDED'"
        + " WHERE r.queue = 'rechecks' AND r.entity_id = ?"
        + " AND r.open_slot IN ('NEW_FILING', 'RESTATEMENT') AND d.id IS NULL";
  }

  /** Whether any claim of the entity has an open figure flag that an import could supersede. */
  static final String HAS_OPEN_FIGURE_FLAGS =
      "SELECT 1 FROM rechecks WHERE queue = 'rechecks' AND entity_id = ?"
          + " AND open_slot IN ('NEW_FILING', 'RESTATEMENT') LIMIT 1";

  /** Inserts one flag per candidate, with the comparison; keys skip what is already flagged. */
  static String insert(String candidates) {
    return "INSERT IGNORE INTO rechecks (claim_id, reason, report_id, figure_id, claimed_value,"
        + " claimed_value_high, claimed_qualifier, claimed_unit, metric, reported_value,"
        + " reported_unit, period_start, period_end, derivation, form, filed_on, deviation_pct,"
        + " outcome, created_by, created_at, open_slot, dedupe_key, priority, claim_version,"
        + " entity_id, periods, periods_outside)"
        + " SELECT z.claim_id, z.reason, z.trigger_report, z.figure_id, z.cv, z.cvh, z.cq, z.cu,"
        + " z.metric, z.rv, z.ru, z.period_start, z.period_end, z.derivation, z.form,"
        + " z.filed_on, z.dev, z.o, ?, ?, z.reason, "
        + DEDUPE
        + ", z.cp, z.cver, z.ceid, z.periods, z.outside FROM ("
        + candidates
        + ") z";
  }

  /**
   * OUTDATED notes: a rate stated as current (no periodEnd) whose latest later period among the
   * import's changed figures (one that began after it was said) no longer matches it. Stored as
   * INCONCLUSIVE: a note for the archive, never a contradiction. Parameters: created_by,
   * created_at, import id, entity id.
   */
  static final String INSERT_OUTDATED =
      "INSERT IGNORE INTO rechecks (claim_id, reason, report_id, figure_id, claimed_value,"
          + " claimed_value_high, claimed_qualifier, claimed_unit, metric, reported_value,"
          + " reported_unit, period_start, period_end, derivation, form, filed_on, deviation_pct,"
          + " outcome, created_by, created_at, open_slot, dedupe_key, priority, claim_version,"
          + " entity_id)"
          + " SELECT c.id, 'OUTDATED', f.report_id, f.id, c.value, c.value_high, c.qualifier,"
          + " c.unit, c.metric, f.value, f.unit, f.period_start, f.period_end, f.derivation,"
          + " f.form, f.filed_on, z.dev, 'INCONCLUSIVE', ?, ?, 'OUTDATED',"
          + " CONCAT('report:', f.report_id), c.priority, c.version, c.entity_id FROM ("
          + "SELECT y.*, ROW_NUMBER() OVER (PARTITION BY y.claim_id"
          + " ORDER BY y.period_end DESC, y.figure_id DESC) AS rn FROM (SELECT "
          + Judging.PAIR_COLUMNS
          + " FROM claims c JOIN figures f ON c.entity_id = f.entity_id AND c.metric = f.metric"
          + " WHERE f.import_id = ? AND f.entity_id = ? AND c.periodicity <> 'NONE'"
          + " AND c.period_end IS NULL"
          + " AND f.period_type = IF(c.periodicity = 'PER_QUARTER', 'QUARTER', 'YEAR')"
          + " AND f.period_start > "
          + Judging.STATED
          + ") y) z JOIN claims c ON c.id = z.claim_id JOIN figures f ON f.id = z.figure_id"
          + " WHERE z.rn = 1 AND z.o = 'CONTRADICTS'";

  /** A report flags a claim once per reason. */
  private static final String DEDUPE = "CONCAT('report:', z.trigger_report)";

  private static final String SUPERSEDE_IMPORT = supersede(IMPORT_CANDIDATES);
  private static final String INSERT_IMPORT = insert(IMPORT_CANDIDATES);

  private final JdbcOperations jdbc;
  private final FlagEvents events;
  private final CheckStore checks;
  private final OutdatedConfig outdated;
  private final Clock clock;

  RecheckPlanner(
      JdbcOperations jdbc,
      FlagEvents events,
      CheckStore checks,
      OutdatedConfig outdated,
      Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.checks = checks;
    this.outdated = outdated;
    this.clock = clock;
  }

  /**
   * Brings the checks of the claims the import's changed figures bear on up to date, and flags
   * those the figures are news to; returns how many were flagged.
   */
  @Override
  public int figuresChanged(long importId, long entityId) {
    checks.importChanged(importId, entityId);
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    // The UPDATE evaluates the candidates; most filings find nothing to supersede, so look first.
    if (hasOpenFigureFlags(entityId)) {
      jdbc.prepareStatement(
          SUPERSEDE_IMPORT,
          ps -> {
            bindImport(ps, 1, importId, entityId);
            ps.setObject(1 + IMPORT_PARAMETERS, now);
            ps.setLong(2 + IMPORT_PARAMETERS, entityId);
            return ps.executeUpdate();
          });
    }
    long mark = events.mark();
    int flagged =
        jdbc.prepareStatement(
            INSERT_IMPORT,
            ps -> {
              ps.setString(1, "claimwatch");
              ps.setObject(2, now);
              bindImport(ps, 3, importId, entityId);
              return ps.executeUpdate();
            });
    if (outdated.enabled()) {
      flagged +=
          jdbc.prepareStatement(
              INSERT_OUTDATED,
              ps -> {
                ps.setString(1, "claimwatch");
                ps.setObject(2, now);
                ps.setLong(3, importId);
                ps.setLong(4, entityId);
                return ps.executeUpdate();
              });
    }
    if (flagged > 0) {
      events.announceImport(mark, now, importId, entityId);
    }
    // Last: it locks the entity's row, which a new claim about it reads (foreign key) until the
    // import commits.
    checks.figuresSettled(entityId);
    return flagged;
  }

  private boolean hasOpenFigureFlags(long entityId) {
    return jdbc.prepareStatement(
        HAS_OPEN_FIGURE_FLAGS,
        ps -> {
          ps.setLong(1, entityId);
          try (java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  /** How many parameters {@link #bindImport} sets. */
  static final int IMPORT_PARAMETERS = 5;

  /**
   * The parameters of {@link #IMPORT_CANDIDATES}, from {@code i} on: the trigger's import id (it is
   * written twice), then the where clause's entity, import and entity.
   */
  static void bindImport(java.sql.PreparedStatement ps, int i, long importId, long entityId)
      throws java.sql.SQLException {
    ps.setLong(i, importId);
    ps.setLong(i + 1, importId);
    ps.setLong(i + 2, entityId);
    ps.setLong(i + 3, importId);
    ps.setLong(i + 4, entityId);
  }
}
