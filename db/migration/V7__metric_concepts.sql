-- Which filing concepts stand for which claim metric. Data, editable through GET/PUT /api/v1/metrics.
-- When a company switched concepts, the newest concept that covers a period wins.
CREATE TABLE metric_concepts (
  id       BIGINT       NOT NULL AUTO_INCREMENT,
  metric   VARCHAR(64)  NOT NULL,
  concept  VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_metric_concepts (metric, concept),
  KEY ix_metric_concepts_concept (concept)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO metric_concepts (metric, concept) VALUES
  ('capex', 'us-gaap:PaymentsToAcquirePropertyPlantAndEquipment'),
  ('capex', 'us-gaap:PaymentsToAcquireProductiveAssets'),
  ('revenue', 'us-gaap:Revenues'),
  ('revenue', 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax'),
  ('net_income', 'us-gaap:NetIncomeLoss'),
  ('operating_income', 'us-gaap:OperatingIncomeLoss'),
  ('r_and_d', 'us-gaap:ResearchAndDevelopmentExpense'),
  ('cost_of_revenue', 'us-gaap:CostOfRevenue'),
  ('gross_profit', 'us-gaap:GrossProfit');
