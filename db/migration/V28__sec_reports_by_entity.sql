-- An SEC filing is matched by (entity, accession number), never by accession alone: one accession
-- can be a combined filing of several companies, and before this the first upload of an accession
-- fixed its form and date for every company. Report keys of SEC filings become
-- 'sec:<entity id>:<accession>' (the key of other reports already hashes the entity).
UPDATE reports SET report_key = CONCAT('sec:', entity_id, ':', accession_number)
 WHERE source_kind = 'SEC';
