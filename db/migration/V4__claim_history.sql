-- Append-only log of everything that happened to a claim: who, when, what changed (JSON text).
-- No code path updates or deletes these rows.
CREATE TABLE claim_history (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  claim_id       BIGINT        NOT NULL,
  claim_version  INT           NOT NULL,
  action         VARCHAR(32)   NOT NULL,
  actor          VARCHAR(100)  NOT NULL,
  occurred_at    DATETIME      NOT NULL,
  changes        MEDIUMTEXT    NULL,
  note           VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  KEY ix_claim_history_claim (claim_id, id),
  CONSTRAINT fk_claim_history_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
