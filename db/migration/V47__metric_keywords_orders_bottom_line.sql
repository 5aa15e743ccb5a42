-- Words for two metrics that news names often and the seeds missed: a company's order intake
-- ("Der Auftragseingang stieg auf 22 Milliarden Euro", "Order intake rose to ...", as V42's
-- "bookings"; not "new orders", as often an index's reading: "The ISM index of new orders rose
-- to 52.1") and its bottom line ("Unterm Strich verdiente der Konzern 1,2 Milliarden Euro",
-- "Das Konzernergebnis lag bei ...", as V37's "Jahresergebnis"); "Konzernergebnis vor Steuern"
-- is the pre-tax one, as V42's "Ergebnis vor Steuern".
-- INSERT IGNORE: a keyword an editor already put in the table (PUT /api/v1/lexicon) stays theirs.
INSERT IGNORE INTO metric_keywords (language, keyword, metric, negative) VALUES
  ('en', 'order intake', 'orders', FALSE),
  ('en', 'bottom line', 'net_income', FALSE),
  ('de', 'auftragseingang', 'orders', FALSE),
  ('de', 'auftragseingänge', 'orders', FALSE),
  ('de', 'konzernergebnis', 'net_income', FALSE),
  ('de', 'konzernergebnis vor steuern', 'pretax_income', FALSE),
  ('de', 'unterm strich', 'net_income', FALSE),
  ('de', 'unter dem strich', 'net_income', FALSE);
