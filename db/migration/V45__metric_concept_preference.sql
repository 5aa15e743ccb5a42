-- Which of a metric's concepts counts when one filing gives a period under two of them: the one
-- with the lowest preference, which is the order of a metric's concepts in GET and PUT
-- /api/v1/metrics (report/FigureCalculator). Until now the later by name counted, which is not a
-- rule an editor can see or set, and which kept concepts off the map that would have won wrongly.
ALTER TABLE metric_concepts ADD COLUMN preference INT NOT NULL DEFAULT 0;
-- The preferences the stored figures were computed with, so a change of order is caught up
-- (report/MetricMapCatchUp) like a change of metric. Equal preferences are ordered as before, the
-- later by name first, so the rows applied so far (all 0 here) read as they were computed.
ALTER TABLE metric_map_applied ADD COLUMN preference INT NOT NULL DEFAULT 0;

-- Every map, an editor's too, keeps the order it was computed with: the later by name first
-- (by the bytes of the name, as Java compares them, not by the column's collation).
UPDATE metric_concepts mc
  JOIN (SELECT id,
               ROW_NUMBER() OVER (PARTITION BY metric ORDER BY CAST(concept AS BINARY) DESC) AS n
          FROM metric_concepts) ranked ON ranked.id = mc.id
   SET mc.preference = ranked.n;

-- Two orders the name got wrong: a filer that tags both gives the headline figure first, not its
-- part. Pre-tax income including the share of equity-method investees' results over the subtotal
-- before it; operating cash flow in total over that of continuing operations.
UPDATE metric_concepts SET preference = 0
 WHERE metric = 'pretax_income'
   AND concept = 'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest';
UPDATE metric_concepts SET preference = 0
 WHERE metric = 'operating_cash_flow'
   AND concept = 'us-gaap:NetCashProvidedByUsedInOperatingActivities';

-- Concepts that can be mapped now that they count only where the preferred ones are missing:
-- revenue before 2018 (Apple's for fiscal 2009 to 2017), revenue that includes taxes collected
-- for others (used by filers that tag no other), the IFRS revenue from contracts, and research
-- and development without acquired in-process research. After every concept of the metric. One
-- statement each (CONTRIBUTING, "SQL both servers agree on"); an editor's mapping stays theirs.
INSERT INTO metric_concepts (metric, concept, preference)
  SELECT 'revenue', 'us-gaap:SalesRevenueNet', 100 FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:SalesRevenueNet');
INSERT INTO metric_concepts (metric, concept, preference)
  SELECT 'revenue', 'us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax', 101 FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax');
INSERT INTO metric_concepts (metric, concept, preference)
  SELECT 'revenue', 'ifrs-full:RevenueFromContractsWithCustomers', 102 FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:RevenueFromContractsWithCustomers');
INSERT INTO metric_concepts (metric, concept, preference)
  SELECT 'r_and_d', 'us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost', 100 FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost');
