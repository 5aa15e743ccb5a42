-- A checker links a claim to the stored claim it repeats (issue 14): the link points at the
-- original, which is never itself a duplicate (one level, so no chains or cycles). Not part of the
-- claim's words: a content edit never writes it; linking has a statement of its own.
ALTER TABLE claims
  ADD COLUMN duplicate_of BIGINT NULL,
  ADD KEY ix_claims_duplicate_of (duplicate_of),
  ADD CONSTRAINT fk_claims_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES claims (id);
