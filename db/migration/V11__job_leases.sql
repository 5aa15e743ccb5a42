-- Scheduled jobs run on every instance; the database decides who does the work. An instance takes
-- a job by moving lease_until forward only where it has passed (one UPDATE; the row lock makes it
-- atomic), the way db-scheduler picks executions.
CREATE TABLE job_leases (
  name         VARCHAR(64)  NOT NULL,
  holder       VARCHAR(100) NULL,
  lease_until  DATETIME     NOT NULL,
  last_run_at  DATETIME     NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
