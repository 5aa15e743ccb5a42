-- What a queue page needs to know of its rows' checks without reading them: whether the figures
-- of a row's entity changed since a check view was read (subjects.check_epoch, read through the
-- entity join the page has anyway). A page keeps the check views it has seen, and that a claim has
-- none, while the claim's version and its entity's epoch stay the same; the claim's own edits
-- change its version. Before this, each page row ran an aggregate over its check rows (and a
-- join to a table of its own cost as much, and a flag on each claim cost the 100,000-claim filing
-- 100,000 more row writes: QueueBenchmark, FanOutBenchmark).
-- Bumped whenever an import or a metric-map change alters any figure of the entity, including
-- the filing a figure cites. Written by org.claimwatch.recheck.CheckStore only.
ALTER TABLE subjects ADD COLUMN check_epoch BIGINT NOT NULL DEFAULT 0;
