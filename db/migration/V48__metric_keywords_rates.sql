-- Other names news gives two rates the seeds know: the unemployment rate ("The jobless rate rose
-- to 4.1%", "Die Erwerbslosenquote lag bei 3,2 Prozent", as V37's "unemployment rate" and
-- "Arbeitslosenquote"; not "unemployment" alone, which heads "unemployment benefits" and
-- "unemployment insurance") and inflation ("The consumer price index rose 3.0%", "CPI inflation", "Der
-- Verbraucherpreisindex stieg um 2,0 Prozent", "Die Teuerungsrate sank auf 1,9 Prozent", as V37's
-- "consumer prices" and "Verbraucherpreise"). Not "CPI" alone (a company's initials as often:
-- "CPI Property Group") nor "Teuerung" alone (it heads "Teuerungsprämie", a bonus). Also pay
-- growth as wages ("regular pay growth slowed to 4.6%", "wage growth", as V42's "wages"), so that
-- it takes no other clause's keyword.
-- INSERT IGNORE: a keyword an editor already put in the table (PUT /api/v1/lexicon) stays theirs.
INSERT IGNORE INTO metric_keywords (language, keyword, metric, negative) VALUES
  ('en', 'jobless rate', 'unemployment_rate', FALSE),
  ('en', 'consumer price index', 'inflation', FALSE),
  ('en', 'cpi inflation', 'inflation', FALSE),
  ('de', 'erwerbslosenquote', 'unemployment_rate', FALSE),
  ('de', 'verbraucherpreisindex', 'inflation', FALSE),
  ('de', 'teuerungsrate', 'inflation', FALSE),
  ('en', 'pay growth', 'wages', FALSE),
  ('en', 'wage growth', 'wages', FALSE);
