-- Progress of an import, readable while it runs (the import row is committed before the work starts).
ALTER TABLE report_imports
  ADD COLUMN phase        VARCHAR(32) NULL,
  ADD COLUMN facts_total  INT         NOT NULL DEFAULT 0;
