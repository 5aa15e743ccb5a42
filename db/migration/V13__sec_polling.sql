-- Entities whose SEC companyfacts the service fetches on a schedule (when polling is switched on).
-- last_modified is the Last-Modified SEC sent, sent back as If-Modified-Since.
CREATE TABLE sec_polling (
  entity_id       BIGINT       NOT NULL,
  enabled         TINYINT(1)   NOT NULL DEFAULT 1,
  last_modified   VARCHAR(64)  NULL,
  last_polled_at  DATETIME     NULL,
  last_status     INT          NULL,
  last_error      VARCHAR(500) NULL,
  last_import_id  BIGINT       NULL,
  PRIMARY KEY (entity_id),
  CONSTRAINT fk_sec_polling_entity FOREIGN KEY (entity_id) REFERENCES subjects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
