-- How precisely a claim was stated (org.claimwatch.claim.Precision), by three rules: half a unit of
-- its last digit, every digit before the scale word counting (V10's rule), zeros at the end read as
-- rounding too, up to 1% of the number, and never more than a tenth of the number nor less than
-- half a unit. "About" doubles it, to at least a tenth. Under V10's rule alone "$1 billion" bore out $0.55B
-- (±50%), while "$390 billion" was stated to ±0.13% and "$600 million" to ±$0.5M. The same numbers
-- in SQL as in Java (ToleranceBackfillTest runs these UPDATEs over claims the service stored).
UPDATE claims SET tolerance = LEAST(
    GREATEST(
      CAST(0.5 * POW(10, LEAST(
      CASE
        WHEN TRIM(TRAILING '0' FROM CAST(ABS(value) AS CHAR)) NOT LIKE '%.' THEN
          -CHAR_LENGTH(SUBSTRING_INDEX(TRIM(TRAILING '0' FROM CAST(ABS(value) AS CHAR)), '.', -1))
        WHEN ABS(value) < 1 THEN 0
        ELSE CHAR_LENGTH(SUBSTRING_INDEX(CAST(ABS(value) AS CHAR), '.', 1))
           - CHAR_LENGTH(TRIM(TRAILING '0' FROM SUBSTRING_INDEX(CAST(ABS(value) AS CHAR), '.', 1)))
      END,
      CASE
        WHEN ABS(value) >= 1000000000000 THEN 12
        WHEN ABS(value) >= 1000000000 THEN 9
        WHEN ABS(value) >= 1000000 THEN 6
        ELSE 0
      END)) AS DECIMAL(38,7)),
      LEAST(CAST(0.5 * POW(10,
      CASE
        WHEN TRIM(TRAILING '0' FROM CAST(ABS(value) AS CHAR)) NOT LIKE '%.' THEN
          -CHAR_LENGTH(SUBSTRING_INDEX(TRIM(TRAILING '0' FROM CAST(ABS(value) AS CHAR)), '.', -1))
        WHEN ABS(value) < 1 THEN 0
        ELSE CHAR_LENGTH(SUBSTRING_INDEX(CAST(ABS(value) AS CHAR), '.', 1))
           - CHAR_LENGTH(TRIM(TRAILING '0' FROM SUBSTRING_INDEX(CAST(ABS(value) AS CHAR), '.', 1)))
      END) AS DECIMAL(38,7)), ABS(value) * 0.01)),
    GREATEST(ABS(value) * 0.10, 0.5))
  WHERE value IS NOT NULL;
UPDATE claims SET tolerance = GREATEST(tolerance * 2, ABS(value) * 0.10)
  WHERE qualifier = 'APPROX' AND value IS NOT NULL;
UPDATE claims SET tolerance_high = LEAST(
    GREATEST(
      CAST(0.5 * POW(10, LEAST(
      CASE
        WHEN TRIM(TRAILING '0' FROM CAST(ABS(value_high) AS CHAR)) NOT LIKE '%.' THEN
          -CHAR_LENGTH(SUBSTRING_INDEX(TRIM(TRAILING '0' FROM CAST(ABS(value_high) AS CHAR)), '.', -1))
        WHEN ABS(value_high) < 1 THEN 0
        ELSE CHAR_LENGTH(SUBSTRING_INDEX(CAST(ABS(value_high) AS CHAR), '.', 1))
           - CHAR_LENGTH(TRIM(TRAILING '0' FROM SUBSTRING_INDEX(CAST(ABS(value_high) AS CHAR), '.', 1)))
      END,
      CASE
        WHEN ABS(value_high) >= 1000000000000 THEN 12
        WHEN ABS(value_high) >= 1000000000 THEN 9
        WHEN ABS(value_high) >= 1000000 THEN 6
        ELSE 0
      END)) AS DECIMAL(38,7)),
      LEAST(CAST(0.5 * POW(10,
      CASE
        WHEN TRIM(TRAILING '0' FROM CAST(ABS(value_high) AS CHAR)) NOT LIKE '%.' THEN
          -CHAR_LENGTH(SUBSTRING_INDEX(TRIM(TRAILING '0' FROM CAST(ABS(value_high) AS CHAR)), '.', -1))
        WHEN ABS(value_high) < 1 THEN 0
        ELSE CHAR_LENGTH(SUBSTRING_INDEX(CAST(ABS(value_high) AS CHAR), '.', 1))
           - CHAR_LENGTH(TRIM(TRAILING '0' FROM SUBSTRING_INDEX(CAST(ABS(value_high) AS CHAR), '.', 1)))
      END) AS DECIMAL(38,7)), ABS(value_high) * 0.01)),
    GREATEST(ABS(value_high) * 0.10, 0.5))
  WHERE value_high IS NOT NULL;

-- The stored checks, judged again by the new tolerances (org.claimwatch.recheck.Judging.OUTCOME,
-- the deviation does not depend on them). A figure in another unit than the claim's no longer
-- judges a period that has one in the claim's unit (Judging.JUDGES): its rows go.
DELETE k FROM claim_checks k
  JOIN claims c ON c.id = k.claim_id
  JOIN figures f ON f.id = k.figure_id
  WHERE c.unit IS NOT NULL AND f.unit <> c.unit
    AND EXISTS (SELECT 1 FROM figures u
                WHERE u.entity_id = f.entity_id AND u.metric = f.metric AND u.unit = c.unit
                  AND u.period_start = f.period_start AND u.period_end = f.period_end);
UPDATE claim_checks k
  JOIN claims c ON c.id = k.claim_id
  JOIN figures f ON f.id = k.figure_id
  SET k.outcome = CASE
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
  END;
-- Every entity's check views may have changed: pages keep them by this epoch.
UPDATE subjects SET check_epoch = check_epoch + 1;
