-- Every flag carries its claim's current entity, resolved ones too (before, only open flags followed
-- a claim whose entity was changed): GET /rechecks?entityId= filters on the flag's own column, so
-- the re-check feature no longer reads the claims table for it.
UPDATE rechecks r
  JOIN claims c ON c.id = r.claim_id
   SET r.entity_id = c.entity_id
 WHERE NOT (r.entity_id <=> c.entity_id);
