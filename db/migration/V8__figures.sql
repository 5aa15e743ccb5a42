-- The best value of each metric for each period of an entity, reported or derived from reported
-- facts (Q2 = H1 - Q1, Q4 = FY - 9M, trailing twelve months). Recomputed for an entity after each
-- import; import_id marks the import that last changed a row, which is what flagging looks at.
CREATE TABLE report_imports (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  entity_id        BIGINT       NULL,
  kind             VARCHAR(32)  NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  requested_by     VARCHAR(100) NOT NULL,
  started_at       DATETIME     NOT NULL,
  finished_at      DATETIME     NULL,
  filings          INT          NOT NULL DEFAULT 0,
  facts_added      INT          NOT NULL DEFAULT 0,
  facts_unchanged  INT          NOT NULL DEFAULT 0,
  restatements     INT          NOT NULL DEFAULT 0,
  claims_flagged   INT          NOT NULL DEFAULT 0,
  error            VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  KEY ix_report_imports_entity (entity_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE figures (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  entity_id     BIGINT        NOT NULL,
  metric        VARCHAR(64)   NOT NULL,
  unit          VARCHAR(32)   NOT NULL,
  period_start  DATE          NOT NULL,
  period_end    DATE          NOT NULL,
  -- QUARTER, YEAR, HALF, NINE_MONTHS, TTM, INSTANT or OTHER
  period_type   VARCHAR(16)   NOT NULL,
  fiscal_year   INT           NULL,
  fiscal_period VARCHAR(4)    NULL,
  value         DECIMAL(38,6) NOT NULL,
  -- REPORTED or DERIVED; derivation says how ("H1 $25.198B - Q1 $12.012B"), null when reported.
  kind          VARCHAR(16)   NOT NULL,
  derivation    VARCHAR(500)  NULL,
  concept       VARCHAR(255)  NOT NULL,
  report_id     BIGINT        NOT NULL,
  form          VARCHAR(32)   NOT NULL,
  filed_on      DATE          NOT NULL,
  restated      TINYINT(1)    NOT NULL DEFAULT 0,
  import_id     BIGINT        NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_figures_period (entity_id, metric, unit, period_start, period_end),
  KEY ix_figures_import (import_id, entity_id, metric),
  CONSTRAINT fk_figures_entity FOREIGN KEY (entity_id) REFERENCES subjects (id),
  CONSTRAINT fk_figures_report FOREIGN KEY (report_id) REFERENCES reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
