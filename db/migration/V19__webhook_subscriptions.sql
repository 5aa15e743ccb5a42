-- Webhook subscriptions: where a newsroom tool wants events sent, and which. events is the list of
-- exact types or prefixes ("claim.*"), comma-separated. The secret must be readable to sign with, so
-- it is stored as issued (like any webhook sender's); during a rotation the previous secret keeps
-- signing alongside the new one until previous_secret_until. failing_since marks the start of a run
-- of failed attempts (cleared by a success); a long enough run disables the endpoint.
CREATE TABLE webhook_subscriptions (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  url                    VARCHAR(2048) NOT NULL,
  events                 VARCHAR(1000) NOT NULL,
  description            VARCHAR(500)  NULL,
  enabled                BOOLEAN       NOT NULL,
  disabled_reason        VARCHAR(500)  NULL,
  owner                  VARCHAR(100)  NOT NULL,
  secret                 VARCHAR(100)  NOT NULL,
  previous_secret        VARCHAR(100)  NULL,
  previous_secret_until  DATETIME      NULL,
  failing_since          DATETIME      NULL,
  created_at             DATETIME      NOT NULL,
  updated_at             DATETIME      NOT NULL,
  version                INT           NOT NULL,
  PRIMARY KEY (id),
  KEY ix_webhook_subscriptions_owner (owner, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
