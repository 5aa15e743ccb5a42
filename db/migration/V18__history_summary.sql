-- One line a reader can follow ("ACCURATE as of 10-Q filed 2024-04-26"), written with the entry.
ALTER TABLE claim_history ADD COLUMN summary VARCHAR(500) NULL;
