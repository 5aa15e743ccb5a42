-- Browser sessions of the reviewer pages: a token pasted once becomes a session cookie. Only the
-- SHA-256 of the cookie value is stored; csrf is the token every form of the session must carry.
-- A session ends at expires_at, at sign-out, or when its API token is revoked.
CREATE TABLE ui_sessions (
  id_hash     CHAR(64)     CHARACTER SET ascii NOT NULL,
  token_id    BIGINT       NOT NULL,
  csrf        VARCHAR(64)  CHARACTER SET ascii NOT NULL,
  created_at  DATETIME     NOT NULL,
  expires_at  DATETIME     NOT NULL,
  PRIMARY KEY (id_hash),
  KEY ix_ui_sessions_expires (expires_at),
  CONSTRAINT fk_ui_sessions_token FOREIGN KEY (token_id) REFERENCES api_tokens (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
