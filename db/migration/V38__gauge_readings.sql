-- The database-wide gauges (system/CachedGauges: queue depths, open flags, the outbox, import
-- jobs): one instance at a time counts them (job lease "gauges") and writes each series here;
-- every instance reads them back for its /prometheus, so the counting costs the database the
-- same with one instance or eight.
CREATE TABLE gauge_readings (
  -- The series' identity: its name and its tags, as the instance that counted it wrote them.
  series       VARCHAR(255)  NOT NULL,
  name         VARCHAR(128)  NOT NULL,
  -- Tag pairs "key=value", joined by "&", keys and values URL-encoded; empty for none.
  tags         VARCHAR(255)  NOT NULL,
  description  VARCHAR(255)  NOT NULL,
  value        BIGINT        NOT NULL,
  counted_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (series)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
