-- Where claims were published: one row per URL. A unique key on a 2,048-character column would
-- exceed InnoDB's index size limit, so uniqueness rests on the URL's SHA-256 (hex).
CREATE TABLE sources (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  url           VARCHAR(2048) NOT NULL,
  url_hash      CHAR(64)      CHARACTER SET ascii NOT NULL,
  title         VARCHAR(1000) NULL,
  publisher     VARCHAR(255)  NULL,
  published_at  DATETIME      NULL,
  created_at    DATETIME      NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_sources_url_hash (url_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
