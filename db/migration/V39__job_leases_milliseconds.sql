-- A lease's end to the millisecond. In whole seconds MySQL rounds the end up (MariaDB truncates):
-- a lease for one interval taken at hh:mm:00.6 fell due at hh:mm:16, after the holder's next run at
-- hh:mm:15.7 (a fixed delay after the last one), so on MySQL a job could wait a whole interval
-- more. Widening the columns is safe while older replicas run (they write the same values).
ALTER TABLE job_leases
  MODIFY lease_until DATETIME(3) NOT NULL,
  MODIFY last_run_at DATETIME(3) NULL;
