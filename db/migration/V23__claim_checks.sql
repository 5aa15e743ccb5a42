-- A claim's check: the automatic comparison of the claim with the reported figures of its own
-- period, whatever their filing date. One row per (claim, judged figure) with that figure's outcome
-- and deviation; the claim's outcome is CONTRADICTS if any row is, else SUPPORTS if any row is,
-- else INCONCLUSIVE (no rows: no check). Kept up to date, in the same transaction, when a claim is
-- created or edited and when an import or a metric-map change alters a figure (a figure that goes
-- takes its rows with it). Written by org.claimwatch.recheck.CheckStore only.
CREATE TABLE claim_checks (
  claim_id       BIGINT        NOT NULL,
  figure_id      BIGINT        NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  deviation_pct  DECIMAL(38,1) NULL,
  checked_at     DATETIME      NOT NULL,
  -- 1 for claims judged on "the latest period reported when said" (a rate with no period): their
  -- rows move on when an import brings a newer period; the figure key finds them without a scan.
  latest         TINYINT(1)    NOT NULL DEFAULT 0,
  -- The import whose figures last wrote the row (0: the claim's own create or edit). With the row
  -- count it tells a reader whether a check it has seen has changed, so pages can keep views.
  import_id      BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (claim_id, figure_id),
  KEY ix_claim_checks_figure (figure_id, latest),
  -- No key on outcome and no foreign key to claims (claims are never deleted): a filing writes a
  -- row for each of up to 100,000 claims, and each key costs it (FanOutBenchmark). ?check= looks a
  -- claim's rows up by the primary key.
  CONSTRAINT fk_claim_checks_figure FOREIGN KEY (figure_id) REFERENCES figures (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A flag judges a claim on every figure of its period filed since it was made (or last given a
-- verdict); the stored figure is the one that decides. periods: how many figures were judged;
-- periods_outside: how many of them contradict the claim.
ALTER TABLE rechecks
  ADD COLUMN periods         INT NULL,
  ADD COLUMN periods_outside INT NULL;
