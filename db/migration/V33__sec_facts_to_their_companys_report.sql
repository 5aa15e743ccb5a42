-- Before V28 the first upload of an accession made its report for every company that filed under
-- it, so company B's facts and figures of a combined filing may sit under company A's report. Each
-- moves to a report of its own company: made here when missing, with the earliest filing date B's
-- facts give, B's EDGAR link (A's link when B has no CIK) and the form A's record gave (no fact
-- keeps its own form). Fact keys are computed anew as FactStore.key does, so a re-import of B's
-- document recognises the facts; a fact B's own report already holds (B's document uploaded again
-- since V28) is the same fact and is dropped. Flags and a verdict's evidence that named A's report
-- for B's figures name B's. Touches only rows whose company differs from their report's.

INSERT INTO reports (entity_id, report_key, source_kind, accession_number, form, title, url,
                     filed_on, fiscal_year, fiscal_period, created_at)
SELECT f.entity_id, CONCAT('sec:', f.entity_id, ':', r.accession_number), 'SEC',
       r.accession_number, MIN(r.form), NULL,
       COALESCE(CONCAT('https://www.sec.gov/Archives/edgar/data/', MIN(s.sec_cik), '/',
                       REPLACE(r.accession_number, '-', ''), '/', r.accession_number,
                       '-index.htm'),
                MIN(r.url)),
       MIN(f.filed_on), NULL, NULL, MIN(r.created_at)
  FROM reported_facts f
  JOIN reports r ON r.id = f.report_id
  JOIN subjects s ON s.id = f.entity_id
 WHERE r.source_kind = 'SEC' AND f.entity_id <> r.entity_id
   AND NOT EXISTS (SELECT 1 FROM reports o
                    WHERE o.report_key = CONCAT('sec:', f.entity_id, ':', r.accession_number))
 GROUP BY f.entity_id, r.accession_number;

DELETE f FROM reported_facts f
  JOIN reports r ON r.id = f.report_id
  JOIN reports own ON own.report_key = CONCAT('sec:', f.entity_id, ':', r.accession_number)
  JOIN reported_facts same
    ON same.fact_key = CONVERT(SHA2(CONCAT(f.entity_id, '|', f.concept, '|', f.unit, '|',
                                           IFNULL(f.period_start, 'null'), '|', f.period_end, '|',
                                           own.id), 256) USING ascii)
 WHERE r.source_kind = 'SEC' AND f.entity_id <> r.entity_id;

UPDATE reported_facts f
  JOIN reports r ON r.id = f.report_id
  JOIN reports own ON own.report_key = CONCAT('sec:', f.entity_id, ':', r.accession_number)
   SET f.report_id = own.id,
       f.fact_key = SHA2(CONCAT(f.entity_id, '|', f.concept, '|', f.unit, '|',
                                IFNULL(f.period_start, 'null'), '|', f.period_end, '|', own.id),
                         256)
 WHERE r.source_kind = 'SEC' AND f.entity_id <> r.entity_id;

UPDATE figures g
  JOIN reports r ON r.id = g.report_id
  JOIN reports own ON own.report_key = CONCAT('sec:', g.entity_id, ':', r.accession_number)
   SET g.report_id = own.id
 WHERE r.source_kind = 'SEC' AND g.entity_id <> r.entity_id;

UPDATE IGNORE rechecks k
  JOIN reports r ON r.id = k.report_id
  JOIN reports own ON own.report_key = CONCAT('sec:', k.entity_id, ':', r.accession_number)
   SET k.dedupe_key = IF(k.dedupe_key = CONCAT('report:', r.id), CONCAT('report:', own.id),
                         k.dedupe_key),
       k.report_id = own.id
 WHERE r.source_kind = 'SEC' AND k.entity_id <> r.entity_id;

UPDATE verdict_evidence e
  JOIN figures g ON g.id = e.fact_id
  JOIN reports r ON r.id = e.report_id
  JOIN reports own ON own.report_key = CONCAT('sec:', g.entity_id, ':', r.accession_number)
   SET e.report_id = own.id
 WHERE r.source_kind = 'SEC' AND g.entity_id <> r.entity_id;
