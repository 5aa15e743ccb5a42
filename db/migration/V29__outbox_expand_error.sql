-- A deferred outbox row (one row standing for many events) that cannot be expanded no longer stops
-- every later event: it is set aside (fanned_out = 1) with the reason here, for an operator, and
-- the dispatcher goes on with the rest. NULL: expanded, or not deferred.
ALTER TABLE outbox_events ADD COLUMN expand_error VARCHAR(500) NULL;
