-- The database-wide gauges (system/CachedGauges: queue depths, open flags, the outbox, import
-- jobs): one instance at a time counts them (job lease "gauges") and writes each series here;
-- every instance reads them back for its /prometheus, so the counting costs the database the
-- same with one instance or eight. Rows not counted again for a few intervals are deleted.
CREATE TABLE gauge_readings (
  -- The series' identity: its name and its tags, URL-encoded (ASCII), compared byte for byte.
  series       VARCHAR(512)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name         VARCHAR(128)  NOT NULL,
  -- Tag pairs "key=value", joined by "&", keys and values URL-encoded; empty for none.
  tags         VARCHAR(384)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  description  VARCHAR(255)  NOT NULL,
  value        BIGINT        NOT NULL,
  counted_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (series)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
