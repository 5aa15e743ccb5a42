-- Re-checks judge a claim only against the figures of its own period (issue 11). Open figure and
-- manual flags that compared a claim with a period outside its own are closed, each with a line in
-- the claim's history saying why, and then every claim gets its check (claim_checks). The conditions
-- are a copy of org.claimwatch.recheck.Judging as it stood when this migration was written.

INSERT INTO claim_history (claim_id, claim_version, action, actor, occurred_at, changes, note, summary)
SELECT r.claim_id, c.version, 'RECHECK_CLOSED', 'claimwatch', UTC_TIMESTAMP(),
       CONCAT('{"resolvedFlags":[', r.id, ']}'),
       CONCAT('Re-checks now judge a claim only against figures of its own period, and this flag compared',
              ' it with the figure for ', r.period_start, '..', r.period_end, '.'),
       CONCAT('closed re-check flag ', r.id, ': it compared the claim with a period outside its own')
FROM rechecks r
JOIN claims c ON c.id = r.claim_id
JOIN figures f ON f.id = r.figure_id
WHERE r.open_slot IN ('NEW_FILING', 'RESTATEMENT', 'MANUAL')
  AND NOT COALESCE((
          c.entity_id = f.entity_id AND c.metric = f.metric
          AND ((c.periodicity = 'NONE'
                AND f.period_start BETWEEN c.period_start - INTERVAL 7 DAY
                                       AND c.period_start + INTERVAL 7 DAY
                AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY AND c.period_end + INTERVAL 7 DAY)
            OR (c.periodicity <> 'NONE'
                AND f.period_type = IF(c.periodicity = 'PER_QUARTER', 'QUARTER', 'YEAR')
                AND ((c.period_start IS NOT NULL
                      AND f.period_start >= c.period_start - INTERVAL 7 DAY
                      AND f.period_end <= IF(c.period_end IS NULL, DATE(COALESCE(c.stated_at, c.created_at)),
                                             c.period_end + INTERVAL 7 DAY))
                  OR (c.period_start IS NULL AND c.period_end IS NOT NULL
                      AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY
                                           AND c.period_end + INTERVAL 7 DAY)
                  OR (c.period_start IS NULL AND c.period_end IS NULL
                      AND f.filed_on <= DATE(COALESCE(c.stated_at, c.created_at))
                      AND f.period_end = (SELECT MAX(g.period_end) FROM figures g
                                          WHERE g.entity_id = c.entity_id AND g.metric = c.metric
                                            AND g.period_type = f.period_type
                                            AND g.filed_on <= DATE(COALESCE(c.stated_at, c.created_at)))))))
  ), FALSE);

UPDATE rechecks r
JOIN claims c ON c.id = r.claim_id
JOIN figures f ON f.id = r.figure_id
SET r.open_slot = NULL, r.resolved_at = UTC_TIMESTAMP(), r.resolved_by = 'claimwatch',
    r.resolution = 'OUT_OF_PERIOD'
WHERE r.open_slot IN ('NEW_FILING', 'RESTATEMENT', 'MANUAL')
  AND NOT COALESCE((
          c.entity_id = f.entity_id AND c.metric = f.metric
          AND ((c.periodicity = 'NONE'
                AND f.period_start BETWEEN c.period_start - INTERVAL 7 DAY
                                       AND c.period_start + INTERVAL 7 DAY
                AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY AND c.period_end + INTERVAL 7 DAY)
            OR (c.periodicity <> 'NONE'
                AND f.period_type = IF(c.periodicity = 'PER_QUARTER', 'QUARTER', 'YEAR')
                AND ((c.period_start IS NOT NULL
                      AND f.period_start >= c.period_start - INTERVAL 7 DAY
                      AND f.period_end <= IF(c.period_end IS NULL, DATE(COALESCE(c.stated_at, c.created_at)),
                                             c.period_end + INTERVAL 7 DAY))
                  OR (c.period_start IS NULL AND c.period_end IS NOT NULL
                      AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY
                                           AND c.period_end + INTERVAL 7 DAY)
                  OR (c.period_start IS NULL AND c.period_end IS NULL
                      AND f.filed_on <= DATE(COALESCE(c.stated_at, c.created_at))
                      AND f.period_end = (SELECT MAX(g.period_end) FROM figures g
                                          WHERE g.entity_id = c.entity_id AND g.metric = c.metric
                                            AND g.period_type = f.period_type
                                            AND g.filed_on <= DATE(COALESCE(c.stated_at, c.created_at)))))))
  ), FALSE);

INSERT INTO claim_checks (claim_id, figure_id, outcome, deviation_pct, checked_at, latest)
SELECT x.claim_id, x.figure_id,
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
        END,
        CASE
          WHEN x.cv IS NULL OR (x.cu IS NOT NULL AND x.cu <> x.ru) THEN NULL
          WHEN x.cq = 'RANGE' AND x.rv > COALESCE(x.cvh, x.cv) THEN
            IF(COALESCE(x.cvh, x.cv) = 0, NULL,
               ROUND((x.rv - COALESCE(x.cvh, x.cv)) * 100 / ABS(COALESCE(x.cvh, x.cv)), 1))
          WHEN x.cq = 'RANGE' AND x.rv >= x.cv THEN 0
          ELSE IF(x.cv = 0, NULL, ROUND((x.rv - x.cv) * 100 / ABS(x.cv), 1))
        END,
  UTC_TIMESTAMP(),
  x.latest
FROM (
  SELECT c.periodicity <> 'NONE' AND c.period_start IS NULL AND c.period_end IS NULL AS latest,
  c.id AS claim_id, c.value AS cv, c.value_high AS cvh, c.qualifier AS cq, c.unit AS cu,
  c.tolerance AS tol, c.tolerance_high AS tolh, f.id AS figure_id, f.value AS rv, f.unit AS ru
  FROM claims c JOIN figures f ON
          c.entity_id = f.entity_id AND c.metric = f.metric
          AND ((c.periodicity = 'NONE'
                AND f.period_start BETWEEN c.period_start - INTERVAL 7 DAY
                                       AND c.period_start + INTERVAL 7 DAY
                AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY AND c.period_end + INTERVAL 7 DAY)
            OR (c.periodicity <> 'NONE'
                AND f.period_type = IF(c.periodicity = 'PER_QUARTER', 'QUARTER', 'YEAR')
                AND ((c.period_start IS NOT NULL
                      AND f.period_start >= c.period_start - INTERVAL 7 DAY
                      AND f.period_end <= IF(c.period_end IS NULL, DATE(COALESCE(c.stated_at, c.created_at)),
                                             c.period_end + INTERVAL 7 DAY))
                  OR (c.period_start IS NULL AND c.period_end IS NOT NULL
                      AND f.period_end BETWEEN c.period_end - INTERVAL 7 DAY
                                           AND c.period_end + INTERVAL 7 DAY)
                  OR (c.period_start IS NULL AND c.period_end IS NULL
                      AND f.filed_on <= DATE(COALESCE(c.stated_at, c.created_at))
                      AND f.period_end = (SELECT MAX(g.period_end) FROM figures g
                                          WHERE g.entity_id = c.entity_id AND g.metric = c.metric
                                            AND g.period_type = f.period_type
                                            AND g.filed_on <= DATE(COALESCE(c.stated_at, c.created_at)))))))
) x;
