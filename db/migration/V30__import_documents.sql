-- An SEC document accepted for an asynchronous import (202) is kept here, gzip-compressed, in the
-- transaction that answers 202, until the import that reads it is DONE or FAILED: a restart or a
-- crash no longer loses it, and any instance takes it up again once the claim on it has run out.
-- Written by org.claimwatch.report.ImportQueue only.
CREATE TABLE import_documents (
  import_id      BIGINT       NOT NULL,
  -- the CIK the caller expected (?cik=), checked again when the import runs
  expected_cik   BIGINT       NULL,
  document       LONGBLOB     NOT NULL,
  created_at     DATETIME     NOT NULL,
  -- which instance runs it, and until when its claim holds (NULL: waiting)
  claimed_by     VARCHAR(100) NULL,
  claimed_until  DATETIME     NULL,
  PRIMARY KEY (import_id),
  CONSTRAINT fk_import_documents_import FOREIGN KEY (import_id) REFERENCES report_imports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
