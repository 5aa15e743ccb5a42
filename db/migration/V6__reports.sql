-- Reports (SEC filings and other published figures) and the facts they report.
-- A fact is one value for one concept, unit and period as one report stated it: the same period
-- reappears in later filings (kept, one row each); a different value for the same concept, unit
-- and period than an earlier filing gave is a restatement (restated = 1).
CREATE TABLE reports (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  entity_id         BIGINT        NOT NULL,
  -- SEC accession number, or a hash of (entity, title, url, filed) for other reports.
  report_key        VARCHAR(64)   CHARACTER SET ascii NOT NULL,
  source_kind       VARCHAR(16)   NOT NULL,
  accession_number  VARCHAR(32)   NULL,
  form              VARCHAR(32)   NOT NULL,
  title             VARCHAR(500)  NULL,
  url               VARCHAR(2048) NULL,
  filed_on          DATE          NOT NULL,
  fiscal_year       INT           NULL,
  fiscal_period     VARCHAR(8)    NULL,
  created_at        DATETIME      NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_reports_key (report_key),
  KEY ix_reports_entity (entity_id, filed_on),
  CONSTRAINT fk_reports_entity FOREIGN KEY (entity_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE reported_facts (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  entity_id     BIGINT        NOT NULL,
  report_id     BIGINT        NOT NULL,
  -- "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", or "metric:capex" for non-SEC reports.
  concept       VARCHAR(255)  NOT NULL,
  unit          VARCHAR(32)   NOT NULL,
  period_start  DATE          NULL,
  period_end    DATE          NOT NULL,
  value         DECIMAL(38,6) NOT NULL,
  frame         VARCHAR(16)   NULL,
  filed_on      DATE          NOT NULL,
  restated      TINYINT(1)    NOT NULL DEFAULT 0,
  -- SHA-256 of (entity, concept, unit, start, end, report): makes re-imports idempotent even
  -- though period_start may be NULL (a unique key would let NULLs repeat).
  fact_key      CHAR(64)      CHARACTER SET ascii NOT NULL,
  created_at    DATETIME      NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_reported_facts_key (fact_key),
  KEY ix_reported_facts_series (entity_id, concept, unit, period_end, id),
  KEY ix_reported_facts_report (report_id),
  CONSTRAINT fk_reported_facts_entity FOREIGN KEY (entity_id) REFERENCES subjects (id),
  CONSTRAINT fk_reported_facts_report FOREIGN KEY (report_id) REFERENCES reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
