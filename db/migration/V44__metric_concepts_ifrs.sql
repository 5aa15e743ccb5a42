-- More filing concepts for the metrics claims name, so more companies' figures meet their claims.
--
-- us-gaap:CostOfGoodsAndServicesSold is the cost of sales of many filers (Apple's since 2018), who
-- had no cost_of_revenue figures. When one filing gives it and CostOfRevenue for one period, the
-- broader CostOfRevenue counts (FigureCalculator: of one filing, the later concept by name).
--
-- ifrs-full: companies that file IFRS statements with the SEC (20-F, 40-F: SAP, ASML, Novo
-- Nordisk, TSMC, Arm ...) tag them in the IFRS taxonomy, in their own currency (EUR, EUR/shares).
-- Each metric takes the line news reports: net income is the profit attributable to the owners of
-- the parent (as us-gaap:NetIncomeLoss is), never ProfitLoss with minority interests; revenue is
-- Revenue, never RevenueFromContractsWithCustomers (a part of it, which would win a tie by name);
-- earnings per share are diluted, as for us-gaap.
--
-- Not mapped, on purpose: us-gaap:SalesRevenueNet (before 2018). A filing that gives it beside
-- Revenues for one period, as a part of the total, would have it win by name.
--
-- The stored figures follow through report/MetricMapCatchUp (V43): these concepts are not in
-- metric_map_applied, so it recomputes the companies with facts of them. A concept an editor already
-- mapped (PUT /api/v1/metrics) stays theirs. One statement each (V43, CONTRIBUTING).
INSERT INTO metric_concepts (metric, concept)
  SELECT 'cost_of_revenue', 'us-gaap:CostOfGoodsAndServicesSold' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'us-gaap:CostOfGoodsAndServicesSold');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'revenue', 'ifrs-full:Revenue' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:Revenue');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'cost_of_revenue', 'ifrs-full:CostOfSales' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:CostOfSales');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'gross_profit', 'ifrs-full:GrossProfit' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:GrossProfit');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'operating_income', 'ifrs-full:ProfitLossFromOperatingActivities' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:ProfitLossFromOperatingActivities');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'pretax_income', 'ifrs-full:ProfitLossBeforeTax' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:ProfitLossBeforeTax');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'net_income', 'ifrs-full:ProfitLossAttributableToOwnersOfParent' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:ProfitLossAttributableToOwnersOfParent');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'eps', 'ifrs-full:DilutedEarningsLossPerShare' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:DilutedEarningsLossPerShare');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'r_and_d', 'ifrs-full:ResearchAndDevelopmentExpense' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:ResearchAndDevelopmentExpense');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'operating_cash_flow', 'ifrs-full:CashFlowsFromUsedInOperatingActivities' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:CashFlowsFromUsedInOperatingActivities');
INSERT INTO metric_concepts (metric, concept)
  SELECT 'capex', 'ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities' FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM metric_concepts WHERE concept = 'ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities');
