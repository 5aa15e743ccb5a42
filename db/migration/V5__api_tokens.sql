-- Bearer tokens. Only the SHA-256 of a token is stored; the token itself is shown once.
CREATE TABLE api_tokens (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(100) NOT NULL,
  role        VARCHAR(16)  NOT NULL,
  token_hash  CHAR(64)     CHARACTER SET ascii NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  created_at  DATETIME     NOT NULL,
  revoked_at  DATETIME     NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_api_tokens_name (name),
  UNIQUE KEY uq_api_tokens_hash (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
