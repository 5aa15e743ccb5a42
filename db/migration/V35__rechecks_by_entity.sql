-- GET /api/v1/rechecks?entityId= filters on the flag's own entity (V34) and pages by id: an index
-- that starts with the entity keeps it a range scan for a small entity in a large table.
ALTER TABLE rechecks ADD KEY ix_rechecks_entity (entity_id, id);
