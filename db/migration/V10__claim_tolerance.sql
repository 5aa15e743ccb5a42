-- What re-checking needs on a claim: how precisely its numbers were stated (written by the
-- service; see org.claimwatch.claim.Precision) and when its last verdict was recorded.
ALTER TABLE claims
  ADD COLUMN tolerance       DECIMAL(38,7) NULL,
  ADD COLUMN tolerance_high  DECIMAL(38,7) NULL,
  ADD COLUMN last_verdict_at DATETIME      NULL;

-- Existing claims, by the same rule in SQL: half a unit of the last digit, where the last digit is
-- the last non-zero one but no finer than the number's unit (millions, billions, trillions).
UPDATE claims SET tolerance = 0.5 * POW(10, LEAST(
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
    END))
  WHERE value IS NOT NULL;
UPDATE claims SET tolerance = GREATEST(tolerance, ABS(value) * 0.10)
  WHERE qualifier = 'APPROX' AND value IS NOT NULL;
UPDATE claims SET tolerance_high = 0.5 * POW(10, LEAST(
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
    END))
  WHERE value_high IS NOT NULL;
