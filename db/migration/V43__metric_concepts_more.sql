-- Filing concepts for three metrics V42 taught extraction to read, so claims about them are set
-- against the company's reported figures like revenue's: pre-tax income, diluted earnings per share
-- (a figure in USD, as claims give it: report/FigureCalculator) and operating cash flow.
-- Not mapped, on purpose: dividends (a total and an amount per share are both "the dividend" in
-- news, and one must never be judged against the other), buybacks (news mostly gives a programme's
-- size, not the cash paid in a period), debt (which debt a claim means varies).
--
-- metric_map_applied: the map that the stored figures were computed with. Figures are computed by
-- the code at import time, which a migration cannot run; report/MetricMapCatchUp recomputes the
-- entities whose facts a difference between the two touches, one at a time, then records the map
-- as applied.
CREATE TABLE metric_map_applied (
  concept  VARCHAR(255) NOT NULL,
  metric   VARCHAR(64)  NOT NULL,
  PRIMARY KEY (concept)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every figure stored so far was computed with the map as it is now ...
INSERT INTO metric_map_applied (concept, metric)
  SELECT concept, MIN(metric) FROM metric_concepts GROUP BY concept;
-- ... but by FigureCalculator version 1: the row '#figure-calculator' says which version computed
-- them, and MetricMapCatchUp recomputes every entity when it is not the code's (2 here). A database
-- with no figures yet has none to recompute.
INSERT INTO metric_map_applied (concept, metric)
  SELECT '#figure-calculator', '2' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM figures);

-- A concept an editor already mapped (PUT /api/v1/metrics) stays theirs. One statement each: a
-- literal compared from a derived table or a UNION may meet another collation on MySQL
-- (CONTRIBUTING, "SQL both servers agree on").
INSERT INTO metric_concepts (metric, concept)
  SELECT 'pretax_income', 'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'pretax_income', 'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'eps', 'us-gaap:EarningsPerShareDiluted' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:EarningsPerShareDiluted');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'eps', 'us-gaap:EarningsPerShareBasicAndDiluted' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:EarningsPerShareBasicAndDiluted');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'operating_cash_flow', 'us-gaap:NetCashProvidedByUsedInOperatingActivities' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:NetCashProvidedByUsedInOperatingActivities');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'operating_cash_flow', 'us-gaap:NetCashProvidedByUsedInOperatingActivitiesContinuingOperations' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:NetCashProvidedByUsedInOperatingActivitiesContinuingOperations');
