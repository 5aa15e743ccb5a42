-- Review work on a claim is a lease, the db-scheduler way: who holds it (assignee), until when
-- (lease_until) and the status to go back to when it is released or runs out (prior_status).
-- While held the claim is IN_REVIEW; a verdict proposal waiting for an editor keeps it IN_REVIEW
-- with no assignee. No index of their own: held claims are the IN_REVIEW ones, a small set that
-- the queue index (status, priority, id) of V16 finds (every index costs each claim inserted).
ALTER TABLE claims
  ADD COLUMN assignee     VARCHAR(100) NULL,
  ADD COLUMN lease_until  DATETIME     NULL,
  ADD COLUMN prior_status VARCHAR(20)  NULL;
