-- Verbs that name revenue or deliveries in company news, where no noun does: "YouTube
-- advertising brought in $9.8 billion", "Apple hat 124 Milliarden Dollar umgesetzt", "Tesla
-- delivered 462,890 vehicles" (as the German "ausgeliefert" of V42 does). A noun after the amount
-- still names it ("brought in $2 billion in profit": extract/SentenceReader). Verbs whose object
-- is as often a wage, a profit, cash, energy, people or an investor's money are left out
-- ("earned", "generated", "took in", "poured", "verdiente", "erwirtschaftete"): a wrong metric
-- sets a claim against the wrong figure, no metric leaves it to the reviewer. The German "setzte
-- ... um" and "lieferte ... aus" are read by the code (extract/MetricKeywords): their two parts
-- stand apart. Also "beschäftigt" (employs, as the English "employs" of V42), "der freie
-- Cashflow" (V42 had its other cases) and the economy growing ("Die deutsche Wirtschaft wuchs um
-- 0,2 Prozent", as the English "economy" of V42; not "Wirtschaft" alone, which runs on into
-- "Wirtschaftsprüfer" and "wirtschaftlich").
-- INSERT IGNORE: a keyword an editor already put in the table (PUT /api/v1/lexicon) stays theirs.
INSERT IGNORE INTO metric_keywords (language, keyword, metric, negative) VALUES
  ('en', 'brought in', 'revenue', FALSE),
  ('en', 'raked in', 'revenue', FALSE),
  ('en', 'rakes in', 'revenue', FALSE),
  ('en', 'pulled in', 'revenue', FALSE),
  ('en', 'delivered', 'deliveries', FALSE),
  ('en', 'delivers', 'deliveries', FALSE),
  ('de', 'umgesetzt', 'revenue', FALSE),
  ('de', 'beschäftigt', 'jobs', FALSE),
  ('de', 'wirtschaft wuchs', 'gdp', FALSE),
  ('de', 'wirtschaft wächst', 'gdp', FALSE),
  ('de', 'wirtschaft schrumpfte', 'gdp', FALSE),
  ('de', 'wirtschaft schrumpft', 'gdp', FALSE),
  ('de', 'freie cashflow', 'free_cash_flow', FALSE);
