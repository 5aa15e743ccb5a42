-- What a page needs to know of a claim's check without reading it: whether it has one
-- (checked_claims) and whether its entity's figures have changed since a view was read
-- (check_epochs). A queue page joins both by primary key and keeps the check views it has seen
-- while the claim's version and its entity's epoch stay the same; the claim's own edits change its
-- version. Before this, each page row ran an aggregate over its check rows, and pages served fewer
-- requests than before checks existed (QueueBenchmark). Written by org.claimwatch.recheck.CheckStore
-- only.

-- A claim with at least one check row. A row may outlive the claim's last check row when a figure
-- is deleted (its check rows go by foreign key): the page then reads an empty check, which is
-- right, only not free.
CREATE TABLE checked_claims (
  claim_id BIGINT NOT NULL,
  PRIMARY KEY (claim_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bumped whenever an import or a metric-map change alters any figure of the entity, including the
-- filing a figure cites: every check view of its claims may have changed.
CREATE TABLE check_epochs (
  entity_id BIGINT NOT NULL,
  epoch     BIGINT NOT NULL,
  PRIMARY KEY (entity_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO checked_claims (claim_id) SELECT DISTINCT claim_id FROM claim_checks;
