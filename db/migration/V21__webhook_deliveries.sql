-- One delivery per (event, subscription), retried until it succeeds or gives up. A dispatcher takes
-- due rows with SKIP LOCKED and moves due_at past its total timeout while it sends (the way a
-- queue's visibility timeout works): if the instance dies, the row comes due again and is sent
-- again with the same webhook-id. picked_by is the pick's own token, so a late answer from a pick
-- that timed out cannot overwrite a newer one.
CREATE TABLE webhook_deliveries (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  event_id         BIGINT        NOT NULL,
  subscription_id  BIGINT        NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  attempts         INT           NOT NULL,
  due_at           DATETIME(3)   NOT NULL,
  picked_by        VARCHAR(64)   NULL,
  last_status_code INT           NULL,
  last_error       VARCHAR(500)  NULL,
  created_at       DATETIME(3)   NOT NULL,
  finished_at      DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_webhook_deliveries_event_sub (event_id, subscription_id),
  KEY ix_webhook_deliveries_due (status, due_at, id),
  KEY ix_webhook_deliveries_sub (subscription_id, id),
  CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (id),
  CONSTRAINT fk_webhook_deliveries_sub FOREIGN KEY (subscription_id)
    REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every attempt, kept for the delivery log: when, the HTTP status (NULL when none came), how long
-- it took, the first 2 KB of the answer, and what went wrong.
CREATE TABLE webhook_attempts (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  delivery_id    BIGINT        NOT NULL,
  attempt        INT           NOT NULL,
  attempted_at   DATETIME(3)   NOT NULL,
  status_code    INT           NULL,
  latency_ms     INT           NOT NULL,
  response_body  VARCHAR(2048) NULL,
  error          VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  KEY ix_webhook_attempts_delivery (delivery_id, id),
  CONSTRAINT fk_webhook_attempts_delivery FOREIGN KEY (delivery_id)
    REFERENCES webhook_deliveries (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
