-- OUTDATED notes (claimwatch.rechecks.outdated.enabled): a rate stated as current that a later
-- period no longer matches. They wait in a queue of their own, "outdated", never in "rechecks".
ALTER TABLE rechecks MODIFY COLUMN queue VARCHAR(16) GENERATED ALWAYS AS (
    CASE WHEN open_slot IS NULL THEN NULL
         WHEN open_slot = 'FORECAST_DUE' THEN 'forecasts-due'
         WHEN open_slot = 'OUTDATED' THEN 'outdated'
         ELSE 'rechecks' END) STORED;
