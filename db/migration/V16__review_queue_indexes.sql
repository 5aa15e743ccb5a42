-- Queues are pages in (priority DESC, id ASC) order: highest priority first, then oldest. Each
-- queue filter has an index that starts with the queue's equality columns and ends in that order,
-- so a page is an index range scan that stops after 50 rows, whatever the table size.
-- (Descending key parts: MySQL 8.0+, MariaDB 10.8+.)
ALTER TABLE claims
  ADD KEY ix_claims_queue (status, priority DESC, id),
  ADD KEY ix_claims_queue_entity (status, entity_id, priority DESC, id),
  ADD KEY ix_claims_queue_metric (status, metric, priority DESC, id),
  -- Entity and metric together (the checker's usual filter); language last, so a language
  -- filter is checked in the index without reading the row.
  ADD KEY ix_claims_queue_entity_metric (status, entity_id, metric, priority DESC, id, language);

-- The re-check queues read open flags, CONTRADICTS first (outcomes sort CONTRADICTS <
-- INCONCLUSIVE < SUPPORTS), then the claim's priority, then age. The claim's priority and entity
-- are copied onto the flag when it is raised (and kept in step when the claim is edited), so the
-- order, with or without an entity filter, lives in one index; queue is derived from open_slot.
-- claim_version is the claim's version when the flag was raised: it places the flag exactly in
-- the claim's history (timestamps keep whole seconds only).
ALTER TABLE rechecks
  ADD COLUMN claim_version INT NULL,
  ADD COLUMN priority INT NOT NULL DEFAULT 50,
  ADD COLUMN entity_id BIGINT NULL,
  ADD COLUMN queue VARCHAR(16) GENERATED ALWAYS AS (
    CASE WHEN open_slot IS NULL THEN NULL
         WHEN open_slot = 'FORECAST_DUE' THEN 'forecasts-due'
         ELSE 'rechecks' END) STORED;

UPDATE rechecks r JOIN claims c ON c.id = r.claim_id
  SET r.priority = c.priority, r.entity_id = c.entity_id, r.claim_version = c.version;

ALTER TABLE rechecks
  ADD KEY ix_rechecks_queue (queue, outcome, priority DESC, claim_id, id),
  ADD KEY ix_rechecks_queue_entity (queue, entity_id, outcome, priority DESC, claim_id, id);
