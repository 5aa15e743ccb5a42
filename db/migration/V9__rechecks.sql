-- Re-check flags. Each row keeps the comparison as it stood when flagged (claimed and reported
-- sides), so the explanation can always be rendered again. One open flag per claim and reason
-- (open_slot = reason while open, NULL once resolved or superseded); the same report never flags
-- a claim twice for the same reason.
CREATE TABLE rechecks (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  claim_id            BIGINT        NOT NULL,
  reason              VARCHAR(16)   NOT NULL,
  report_id           BIGINT        NULL,
  figure_id           BIGINT        NULL,
  claimed_value       DECIMAL(38,6) NULL,
  claimed_value_high  DECIMAL(38,6) NULL,
  claimed_qualifier   VARCHAR(16)   NULL,
  claimed_unit        VARCHAR(32)   NULL,
  metric              VARCHAR(64)   NULL,
  reported_value      DECIMAL(38,6) NULL,
  reported_unit       VARCHAR(32)   NULL,
  period_start        DATE          NULL,
  period_end          DATE          NULL,
  derivation          VARCHAR(500)  NULL,
  form                VARCHAR(32)   NULL,
  filed_on            DATE          NULL,
  deviation_pct       DECIMAL(38,1) NULL,
  outcome             VARCHAR(16)   NOT NULL,
  note                VARCHAR(2000) NULL,
  created_by          VARCHAR(100)  NOT NULL,
  created_at          DATETIME      NOT NULL,
  open_slot           VARCHAR(16)   NULL,
  resolved_at         DATETIME      NULL,
  resolved_by         VARCHAR(100)  NULL,
  resolution          VARCHAR(32)   NULL,
  -- What makes a flag the same flag: "report:<id>" for NEW_FILING/RESTATEMENT (a report flags a
  -- claim once), "due" for FORECAST_DUE, a fresh value for MANUAL and STALE.
  dedupe_key          VARCHAR(64)   CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_rechecks_open (claim_id, open_slot),
  UNIQUE KEY uq_rechecks_dedupe (claim_id, reason, dedupe_key),
  KEY ix_rechecks_state (resolved_at, reason, id),
  KEY ix_rechecks_report (report_id),
  CONSTRAINT fk_rechecks_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
