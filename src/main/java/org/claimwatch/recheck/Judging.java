package org.claimwatch.recheck;

/**
 * Which reported figures judge a claim, as SQL over {@code claims c} and {@code figures f}: those
 * of the period the claim speaks of, and no other.
 *
 * <ul>
 *   <li>{@code NONE}: its own period, each end give or take a week (fiscal calendars); with only
 *       {@code periodEnd}, a point in time: the figures as of that day (a balance), not the spans
 *       that end then.
 *   <li>{@code PER_QUARTER} / {@code PER_YEAR} from {@code periodStart}: every quarter / year that
 *       starts in the span (a week's slack) and ends by {@code periodEnd} (a week's slack) or, with
 *       no {@code periodEnd}, by the day it was said (the periods the claimant could have meant).
 *   <li>... with only {@code periodEnd}: the quarter / year that ends then.
 *   <li>... with neither: the latest quarter / year first reported by the day it was said (a later
 *       restatement of it does not move the claim to another period).
 * </ul>
 *
 * Of a period reported in several units (a 20-F in USD and in CNY), the figure in the claim's unit
 * judges it; one in another unit (INCONCLUSIVE: it cannot be compared) only when its period has
 * none in the claim's unit. A figure for a later period never judges a claim about an earlier one.
 * This is a read model across features (claims and figures), listed in CONTRIBUTING; the comparison
 * itself is {@link #OUTCOME} and {@link #DEVIATION}, the same rules as {@link Comparator} (a test
 * holds them together).
 */
final class Judging {
  private Judging() {}

  /** The day the claim was said (or stored, when nobody said when). */
  static final String STATED = "DATE(COALESCE(c.stated_at, c.created_at))";

  /**
   * Figure {@code f} is news to claim {@code c}: filed after the day of its last verdict, or, with
   * none, on or after the day it was said. A filing's date is a day (the SEC's, Eastern), a
   * statement an instant in UTC, so a filing of the same day may well have come after the words
   * (and one of "tomorrow" in UTC may be the same Eastern day): it is news. A verdict of the same
   * day as a filing was given with the filing there to see.
   */
  static final String NEWS =
      "IF(c.last_verdict_at IS NULL, f.filed_on >= DATE(COALESCE(c.stated_at, c.created_at)),"
          + " f.filed_on > DATE(c.last_verdict_at))";

  /** Join condition: figure {@code f} judges claim {@code c}. */
  static final String JUDGES =
      """
      c.entity_id = f.entity_id AND c.metric = f.metric
      AND (c.unit IS NULL OR f.unit = c.unit
           OR NOT EXISTS (SELECT 1 FROM figures u
                          WHERE u.entity_id = f.entity_id AND u.metric = f.metric
                            AND u.unit = c.unit AND u.period_start = f.period_start
                            AND u.period_end = f.period_end))
      AND ((c.periodicity = 'NONE'
            AND f.period_start BETWEEN c.period_start - INTERVAL 7 DAY
                                   AND c.period_start + INTERVAL 7 DAY
            AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY AND c.period_end + INTERVAL 7 DAY)
        OR (c.periodicity = 'NONE' AND c.period_start IS NULL AND f.period_type = 'INSTANT'
            AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY AND c.period_end + INTERVAL 7 DAY)
        OR (c.periodicity <> 'NONE'
            AND f.period_type = IF(c.periodicity = 'PER_QUARTER', 'QUARTER', 'YEAR')
            AND ((c.period_start IS NOT NULL
                  AND f.period_start >= c.period_start - INTERVAL 7 DAY
                  AND f.period_end <= IF(c.period_end IS NULL, %1$s,
                                         c.period_end + INTERVAL 7 DAY))
              OR (c.period_start IS NULL AND c.period_end IS NOT NULL
                  AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY
                                       AND c.period_end + INTERVAL 7 DAY)
              OR (c.period_start IS NULL AND c.period_end IS NULL
                  AND COALESCE(f.first_filed_on, f.filed_on) <= %1$s
                  AND f.period_end = (SELECT MAX(g.period_end) FROM figures g
                                      WHERE g.entity_id = c.entity_id AND g.metric = c.metric
                                        AND g.period_type = f.period_type
                                        AND COALESCE(g.first_filed_on, g.filed_on) <= %1$s)))))"""
          .formatted(STATED);

  /** Claims judged on "the latest period reported when it was said" (it moves with imports). */
  static final String LATEST_REPORTED =
      "c.periodicity <> 'NONE' AND c.period_start IS NULL AND c.period_end IS NULL";

  /** Comparator's outcome, in SQL, for claim {@code c} against figure {@code f}. */
  static final String OUTCOME =
      """
      CASE
        WHEN c.value IS NULL OR (c.unit IS NOT NULL AND c.unit <> f.unit) THEN 'INCONCLUSIVE'
        WHEN c.qualifier = 'AT_LEAST' THEN IF(f.value >= c.value, 'SUPPORTS', 'CONTRADICTS')
        WHEN c.qualifier = 'MORE_THAN' THEN IF(f.value > c.value, 'SUPPORTS', 'CONTRADICTS')
        WHEN c.qualifier = 'AT_MOST' THEN IF(f.value <= c.value, 'SUPPORTS', 'CONTRADICTS')
        WHEN c.qualifier = 'LESS_THAN' THEN IF(f.value < c.value, 'SUPPORTS', 'CONTRADICTS')
        WHEN c.qualifier = 'RANGE' THEN
          IF(f.value >= c.value - c.tolerance
             AND f.value <= COALESCE(c.value_high, c.value)
                            + COALESCE(c.tolerance_high, c.tolerance), 'SUPPORTS', 'CONTRADICTS')
        ELSE IF(ABS(f.value - c.value) <= c.tolerance, 'SUPPORTS', 'CONTRADICTS')
      END""";

  /** Comparator's deviation (percent of the claimed value, one decimal), in SQL. */
  static final String DEVIATION =
      """
      CASE
        WHEN c.value IS NULL OR (c.unit IS NOT NULL AND c.unit <> f.unit) THEN NULL
        WHEN c.qualifier = 'RANGE' AND f.value > COALESCE(c.value_high, c.value) THEN
          IF(COALESCE(c.value_high, c.value) = 0, NULL,
             ROUND((f.value - COALESCE(c.value_high, c.value)) * 100
                   / ABS(COALESCE(c.value_high, c.value)), 1))
        WHEN c.qualifier = 'RANGE' AND f.value >= c.value THEN 0
        ELSE IF(c.value = 0, NULL, ROUND((f.value - c.value) * 100 / ABS(c.value), 1))
      END""";

  /**
   * The narrow columns of a (claim, figure) pair: ids, outcome {@code o}, deviation {@code dev},
   * and what flagging orders and groups by. Narrow, because flagging sorts these rows by claim (a
   * filing can bear on 100,000 claims) and joins back to claims and figures for one row a claim.
   */
  static final String PAIR_COLUMNS =
      "c.id AS claim_id, f.id AS figure_id, "
          + OUTCOME
          + " AS o, "
          + DEVIATION
          + " AS dev, f.period_end, f.filed_on, f.report_id, f.import_id, f.restated, "
          + LATEST_REPORTED
          + " AS latest";

  /**
   * Every (claim, judged figure) pair ({@link #PAIR_COLUMNS}) as a derived table; {@code where}
   * narrows claims and figures.
   */
  static String pairs(String where) {
    return "SELECT "
        + PAIR_COLUMNS
        + " FROM claims c JOIN figures f ON "
        + JUDGES
        + " WHERE "
        + where;
  }

  /**
   * {@link #pairs} of the claims {@code where} names by id, with {@code extraColumns} of c and f,
   * read claims first (STRAIGHT_JOIN): left to itself the optimizer sometimes reads every claim of
   * the entity and metric through the figures instead, and a batch of 1,000 claims then costs as
   * much as the entity has claims (BatchIngestBenchmark fell from 7,000 to 90 claims/s).
   */
  static String pairsOfClaims(String where, String extraColumns) {
    return "SELECT "
        + PAIR_COLUMNS
        + ", "
        + extraColumns
        + " FROM claims c STRAIGHT_JOIN figures f ON "
        + JUDGES
        + " WHERE "
        + where;
  }
}
