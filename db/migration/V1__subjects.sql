-- The entities claims are about (companies, organisations, people, markets).
-- Case-insensitive collation: "Google" and "google" are the same alias.
CREATE TABLE subjects (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(255) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  sec_cik     BIGINT       NULL,
  ticker      VARCHAR(16)  NULL,
  version     INT          NOT NULL DEFAULT 0,
  created_at  DATETIME     NOT NULL,
  updated_at  DATETIME     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_subjects_name (name),
  UNIQUE KEY uq_subjects_sec_cik (sec_cik),
  KEY ix_subjects_ticker (ticker)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE subject_aliases (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  subject_id  BIGINT       NOT NULL,
  alias       VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_subject_aliases_alias (alias),
  KEY ix_subject_aliases_subject (subject_id),
  CONSTRAINT fk_subject_aliases_subject FOREIGN KEY (subject_id) REFERENCES subjects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
