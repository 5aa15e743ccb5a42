-- What a queue page needs to know of a claim's check without reading it, from the rows it reads
-- anyway: whether the claim has one (claims.has_check) and whether its entity's figures changed
-- since a view was read (subjects.check_epoch). A page keeps the check views it has seen while the
-- claim's version and its entity's epoch stay the same; the claim's own edits change its version.
-- Before this, each page row ran an aggregate over its check rows, and a join to a table of its
-- own cost as much (QueueBenchmark): the two columns cost the page no lookup at all.
-- Both columns are written by org.claimwatch.recheck.CheckStore only.

-- 1 when the claim has at least one check row. It may stay 1 after a figure is deleted (its check
-- rows go by foreign key): the page then reads an empty check, which is right, only not free.
ALTER TABLE claims ADD COLUMN has_check TINYINT(1) NOT NULL DEFAULT 0;

-- Bumped whenever an import or a metric-map change alters any figure of the entity, including
-- the filing a figure cites: every check view of its claims may have changed.
ALTER TABLE subjects ADD COLUMN check_epoch BIGINT NOT NULL DEFAULT 0;

UPDATE claims c JOIN (SELECT DISTINCT claim_id FROM claim_checks) k ON k.claim_id = c.id
   SET c.has_check = 1;
