-- What a bank sets aside for loans that may not be repaid is no loss of its own: "JPMorgan set
-- aside $3.1 billion for credit losses" was read by V37's "losses" as a net loss of $3.1 billion,
-- which a re-check would have set against the bank's net income. The longer keyword wins
-- (extract/MetricKeywords), so these name the provision instead: "credit losses", "loan losses",
-- "loan-loss provisions", "Risikovorsorge". No filing concept is mapped to it (V7, V43): which line
-- of a bank's filing news means varies, as for debt.
-- INSERT IGNORE: a keyword an editor already put in the table (PUT /api/v1/lexicon) stays theirs.
INSERT IGNORE INTO metric_keywords (language, keyword, metric, negative) VALUES
  ('en', 'credit losses', 'credit_loss_provisions', FALSE),
  ('en', 'credit loss', 'credit_loss_provisions', FALSE),
  ('en', 'loan losses', 'credit_loss_provisions', FALSE),
  ('en', 'loan loss', 'credit_loss_provisions', FALSE),
  ('en', 'loan-loss', 'credit_loss_provisions', FALSE),
  ('de', 'risikovorsorge', 'credit_loss_provisions', FALSE);
