-- Verdicts: what a reviewer decided about a claim, at which version of it, and why. A verdict is
-- PUBLISHED at once, or (two-person review) PROPOSED until an editor approves it (PUBLISHED) or
-- sends it back (RETURNED). as_of names the newest filing among the evidence ("10-Q filed
-- 2024-04-26"), so history reads "ACCURATE as of ...".
CREATE TABLE verdicts (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  claim_id       BIGINT        NOT NULL,
  claim_version  INT           NOT NULL,
  status         VARCHAR(20)   NOT NULL,
  rationale      TEXT          NOT NULL,
  state          VARCHAR(16)   NOT NULL,
  as_of          VARCHAR(200)  NULL,
  recorded_by    VARCHAR(100)  NOT NULL,
  recorded_at    DATETIME      NOT NULL,
  decided_by     VARCHAR(100)  NULL,
  decided_at     DATETIME      NULL,
  decision_note  VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  KEY ix_verdicts_claim (claim_id, id),
  KEY ix_verdicts_state (state, id),
  CONSTRAINT fk_verdicts_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The evidence a verdict rests on: a fact (a row of figures, reported or derived: what the API
-- lists as an entity's facts), a report, or a URL, each with a note. label keeps what the evidence
-- said when the verdict was recorded, so it reads the same after later restatements.
CREATE TABLE verdict_evidence (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  verdict_id  BIGINT        NOT NULL,
  position    INT           NOT NULL,
  kind        VARCHAR(16)   NOT NULL,
  fact_id     BIGINT        NULL,
  report_id   BIGINT        NULL,
  url         VARCHAR(2048) NULL,
  note        VARCHAR(2000) NOT NULL,
  label       VARCHAR(500)  NULL,
  filed_on    DATE          NULL,
  PRIMARY KEY (id),
  KEY ix_verdict_evidence_verdict (verdict_id, position),
  CONSTRAINT fk_verdict_evidence_verdict FOREIGN KEY (verdict_id) REFERENCES verdicts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
