-- The transactional outbox: a feature that changes state writes its event here in the same
-- transaction as the change, so there is never one without the other. data is the JSON of the
-- event's "data"; events are kept (for replay) after the dispatcher has fanned them out into
-- deliveries (fanned_out = 1). Ordered by id, never by time.
CREATE TABLE outbox_events (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  type         VARCHAR(64)  NOT NULL,
  subject_id   BIGINT       NULL,
  data         MEDIUMTEXT   NOT NULL,
  occurred_at  DATETIME(3)  NOT NULL,
  fanned_out   BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  KEY ix_outbox_events_pending (fanned_out, id),
  KEY ix_outbox_events_time (occurred_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
