package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which metric each figure of a sentence takes, with the keywords the migrations seed (read from
 * db/migration, as a new database has them): every figure, not only the first.
 */
class MetricChoiceTest {
  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // each part of a sentence its own keyword
        "Revenue rose to $10 billion and operating income to $2 billion in 2024.|$10 billion"
            + "|revenue",
        "Revenue rose to $10 billion and operating income to $2 billion in 2024.|$2 billion"
            + "|operating_income",
        "Der Umsatz lag 2024 bei 8 Milliarden Euro, das Ebitda bei 1 Milliarde Euro."
            + "|8 Milliarden Euro|revenue",
        "Der Umsatz lag 2024 bei 8 Milliarden Euro, das Ebitda bei 1 Milliarde Euro."
            + "|1 Milliarde Euro|ebitda",
        // an apposition names the figure before it
        "JPMorgan earned $12.9 billion, its second-biggest quarterly profit ever, down 2% from a"
            + " year earlier.|$12.9 billion|net_income",
        // a keyword right after a number is that number's (earnings per share after "earned")
        "Acme earned $2.1 billion, or $1.20 per share, in the third quarter.|$2.1 billion|null",
        "Acme earned $2.1 billion, or $1.20 per share, in the third quarter.|$1.20|eps",
        // shares counted are no share price; the price they were sold at is
        "Acme sold 10 million shares at $20 each.|10 million shares|null",
        "Acme sold 10 million shares at $20 each.|$20|share_price",
        "The fund holds 3 million shares of Apple.|3 million shares|null",
        // what a bank sets aside for credit losses is no loss of its own (V49)
        "JPMorgan set aside $3.1 billion for credit losses in the fourth quarter.|$3.1 billion"
            + "|credit_loss_provisions",
        "Provisions for loan losses rose to $900 million.|$900 million|credit_loss_provisions",
        "The bank swung to a loss of $300 million after loan-loss provisions of $1.2 billion."
            + "|$300 million|net_income",
        // other names of two rates (V48)
        "The jobless rate rose to 4.1% in October.|4.1%|unemployment_rate",
        "The jobless rate rose to 5%, while regular pay growth slowed to 4.6%.|4.6%|wages",
        "Spending on unemployment benefits rose 4%.|4%|null",
        // ... in percent or points only: money, or a count, is no rate
        "Inflation cost each household $500 last year.|$500|null",
        "The jobless rate fell as 1.8 million found work.|1.8 million|null",
        "The Fed raised interest rates by 25 basis points in July.|25 basis points"
            + "|interest_rate",
        "The consumer price index rose 3.0% in the 12 months through June.|3.0%|inflation",
        "Die Teuerungsrate sank im August auf 1,9 Prozent.|1,9 Prozent|inflation",
        "Die Erwerbslosenquote lag bei 3,2 Prozent.|3,2 Prozent|unemployment_rate",
        // order intake and the bottom line (V47)
        "Der Auftragseingang stieg im dritten Quartal auf 22 Milliarden Euro.|22 Milliarden Euro"
            + "|orders",
        "Order intake rose to 22 billion euros.|22 billion euros|orders",
        "Das Konzernergebnis lag bei 1,2 Milliarden Euro.|1,2 Milliarden Euro|net_income",
        "Das Konzernergebnis vor Steuern lag bei 1,5 Milliarden Euro.|1,5 Milliarden Euro"
            + "|pretax_income",
        "Unterm Strich verdiente der Konzern 1,2 Milliarden Euro.|1,2 Milliarden Euro|net_income",
        // a share's fall is its price, the level after it too, and neither a loss
        "Alphabet's shares lost 5% to $160 on Monday.|5%|share_price",
        "Alphabet's shares lost 5% to $160 on Monday.|$160|share_price",
        // a verb of losing: a company's loss; a fall in per cent of anything else is no loss
        "Der Konzern verlor im dritten Quartal 1,2 Milliarden Euro.|1,2 Milliarden Euro"
            + "|net_income",
        "Der Dax verlor 1,2 Prozent.|1,2 Prozent|null",
        "The dollar lost 0.5% against the euro.|0.5%|null",
        "OpenAI could lose $5 billion this year.|$5 billion|net_income",
        // what a percentage is a share of is not what it is
        "The deficit rose to 6.3% of GDP.|6.3%|deficit",
        // ... unless nothing else is named: a job cut as a share of the workforce
        "Cloud accounted for 45% of all revenue.|45%|revenue",
        "Intel will cut 15% of its workforce.|15%|jobs",
        // a list of figures, each with its own keyword (second review of this session's rules)
        "Acme reported revenue of $10.2 billion, net income of $1.1 billion and earnings per share"
            + " of $1.20.|$10.2 billion|revenue",
        "Acme reported revenue of $10.2 billion, net income of $1.1 billion and earnings per share"
            + " of $1.20.|$1.1 billion|net_income",
        "Acme reported revenue of $10.2 billion, net income of $1.1 billion and earnings per share"
            + " of $1.20.|$1.20|eps",
        "Walmart's revenue rose 5.5% to $169.6 billion, operating income rose 8.2%.|$169.6 billion"
            + "|revenue",
        "Walmart's revenue rose 5.5% to $169.6 billion, operating income rose 8.2%.|8.2%"
            + "|operating_income",
        "Net income fell 10% to $1.1 billion, revenue rose 5% to $10.2 billion.|$1.1 billion"
            + "|net_income",
        "Acme reported $10.2 billion in revenue, $1.1 billion in net income and $1.20 in earnings"
            + " per share.|$1.1 billion|net_income",
        "Acme reported $10.2 billion in revenue, $1.1 billion in net income and $1.20 in earnings"
            + " per share.|$10.2 billion|revenue",
        "Apple repurchased $25 billion of its shares.|$25 billion|buyback",
        // a change and the level it reached share their keyword
        "Microsoft reported a 16% rise to $65.6 billion in revenue.|16%|revenue",
        "Um 12 Prozent auf 3,1 Milliarden Euro stieg der Umsatz.|12 Prozent|revenue",
        // a place is no figure's name
        "Inflation in the world's largest economy rose to 2.6% in October.|2.6%|inflation",
        "Nvidia delivered $35.1 billion in revenue in the third quarter.|$35.1 billion|revenue",
        "Exports from the world's second-largest economy rose 12.7%.|12.7%|exports",
        "The economy grew 2.8% in the third quarter.|2.8%|gdp",
        "Nvidia holds 82% of the market.|82%|market_share",
        // an amount per share: earnings per share after earnings, a dividend after one, else
        // what its own words name
        "Apple reported net income of $23.6 billion, or $1.53 per diluted share.|$1.53|eps",
        "Apple's profit came to $1.53 a share in the quarter.|$1.53|eps",
        "Nvidia earned 67 cents a share in the quarter.|67 cents|eps",
        // ... not when it is paid or offered; an adjusted figure is not the reported one
        "Pfizer, which lost its Covid profits, will pay $229 a share for Seagen.|$229|per_share",
        "Nach einem Verlust im Vorjahr bietet der Investor 35 Euro je Aktie.|35 Euro|per_share",
        "After earning $2 billion, Acme agreed to be bought for $45 a share.|$45|per_share",
        "Nach einem Gewinnanstieg will BASF 3,40 Euro je Aktie ausschütten.|3,40 Euro|per_share",
        // ... but a payout elsewhere in the sentence is not this amount's
        "Apple earned $1.53 a share and will pay a dividend of 24 cents a share.|$1.53|eps",
        "Apple earned $1.53 a share and will pay a dividend of 24 cents a share.|24 cents"
            + "|dividend",
        "Nvidia earned $19.3 billion, or 67 cents a share, as customers bought more chips."
            + "|67 cents|eps",
        "Apple earned $1.53 a share on higher-priced iPhones.|$1.53|eps",
        "Laut den vorgelegten Zahlen verdiente Siemens 3,10 Euro je Aktie.|3,10 Euro|eps",
        "Excluding items, Nvidia earned 81 cents a share.|81 cents|eps_adjusted",
        "Underlying profit rose to $2 billion.|$2 billion|net_income_adjusted",
        // ... not "adjusted" as a verb, nor of something else
        "Profit rose to $5 billion after it adjusted prices.|$5 billion|net_income",
        "Acme earned $1.20 a share, versus adjusted estimates of $1.10.|$1.20|eps",
        "Adjusted earnings per share rose to $1.64.|$1.64|eps_adjusted",
        "Der bereinigte Gewinn je Aktie stieg auf 2,10 Euro.|2,10 Euro|eps_adjusted",
        "Intel lost $1.6 billion, or 38 cents a share, in the second quarter.|38 cents|eps",
        // a metric named after "a share" is another figure's
        "Intel earned 18 cents a share on revenue of $13.3 billion.|18 cents|eps",
        "Acme earned $2.10 a share in earnings.|$2.10|eps",
        "Acme earned $2.10 a share in net income.|$2.10|eps",
        "Apple will pay a dividend of 25 cents per share.|25 cents|dividend",
        "Apple's shares rose 3% to $183 a share.|$183|share_price",
        "Microsoft agreed to buy Activision for $95 per share.|$95|per_share",
        "Siemens verdiente 2,5 Milliarden Euro, das sind 3,10 Euro je Aktie.|3,10 Euro|eps",
        "Die Dividende soll auf 4,70 Euro je Aktie steigen.|4,70 Euro|dividend",
        "Unter dem Strich blieb ein Gewinn von 1,2 Milliarden Euro oder 1,50 Euro pro Aktie."
            + "|1,50 Euro|eps",
        // compound heads and what they are not
        "Der Konzernumsatz stieg auf 5,2 Milliarden Euro.|5,2 Milliarden Euro|revenue",
        "Die Kursverluste summierten sich auf 12 Prozent.|12 Prozent|null",
        // a figure a pronoun names is of the metric of the figure before it, in the same unit
        "Im dritten Quartal stieg der Umsatz auf 5 Milliarden Euro. Im Vorjahresquartal waren es"
            + " 4 Milliarden Euro gewesen.|4 Milliarden Euro|revenue",
        "Die Arbeitslosenquote lag im Oktober bei 6,0 Prozent. Im Vormonat lag sie bei 6,1"
            + " Prozent.|6,1 Prozent|unemployment_rate",
        "Revenue rose to $5 billion in the third quarter. In the year-earlier quarter it was $4"
            + " billion.|$4 billion|revenue",
        "Revenue rose to $5 billion in the third quarter. A year earlier it was 4%.|4%|null",
        "Der Verlust lag bei 5 Milliarden Euro. Im Vorjahr waren es 3 Milliarden Euro."
            + "|3 Milliarden Euro|null",
        "Revenue rose to $5 billion. Analysts had pencilled in $4 billion.|$4 billion|null",
        // a noun of its own names an amount, unless it says only how much or how it changed
        "Net income fell to $14.7 billion, hurt by a one-time tax charge of $10.2 billion."
            + "|$10.2 billion|null",
        "Der Gewinn sank auf 2 Milliarden Euro, belastet durch eine Strafe in Höhe von 1,2"
            + " Milliarden Euro.|1,2 Milliarden Euro|null",
        "Profit rose to $3 billion, and the company announced a deal worth $5 billion.|$5 billion"
            + "|null",
        "Revenue rose to $10 billion, beating the consensus of $9.5 billion.|$9.5 billion|revenue",
        "Der Umsatz stieg auf 10 Milliarden Euro, ein Plus von 5 Prozent.|5 Prozent|revenue",
        "Revenue rose 3% to $10 billion, with sales of $3 billion in China.|$3 billion|revenue",
        "Tesla delivered 462,890 vehicles in the third quarter.|462,890 vehicles|deliveries",
        // ... an English verb of V46 names only its object, one compared with it and its change
        "Tesla delivered a record 1.8 million cars last year.|1.8 million cars|deliveries",
        "Boeing delivered 40 jets in September, down from 44 in August.|44|deliveries",
        "Tesla delivered 462,890 vehicles, up 6% from a year earlier.|6%|deliveries",
        "The Fed delivered a quarter-point cut, lowering its rate to 4.75%.|4.75%|null",
        "The fund delivered a 12% return last year.|12%|null",
        // German verbs whose parts stand apart, with a number between them that is not a year
        "BMW lieferte im dritten Quartal 541.000 Fahrzeuge aus.|541.000 Fahrzeuge|deliveries",
        "Die Firma setzte 2023 die Lieferungen aus, die Kosten lagen bei 5 Millionen Euro."
            + "|5 Millionen Euro|null",
        "Der Konzern beschäftigt weltweit rund 320.000 Menschen.|320.000 Menschen|jobs",
        "Der freie Cashflow erreichte 11,9 Milliarden Euro.|11,9 Milliarden Euro|free_cash_flow",
        // what an independent review found wrong in the first version of these rules
        "Der Umsatz stieg von 4,5 auf 5 Milliarden Euro.|4,5|revenue",
        "Die Arbeitslosenquote sank von 6,1 auf 6,0 Prozent.|6,1|unemployment_rate",
        "Revenue for the second quarter of $5.2 billion beat estimates.|$5.2 billion|revenue",
        "The economy grew at an annualized rate of 2.8%.|2.8%|gdp",
        "Revenue rose to $94.9 billion, ahead of analysts' forecasts of $94.5 billion."
            + "|$94.5 billion|revenue",
        "Google reported revenue of $80 billion. It was fined $2.7 billion by the EU."
            + "|$2.7 billion|null",
        "Revenue rose to $10 billion. That was despite a $2 billion charge.|$2 billion|null",
        "Apple brought in 500 new engineers.|500|null",
        "Apple invested $2 billion in its sales network.|$2 billion|capex",
        "Die Regierung setzt das Entlastungspaket über 65 Milliarden Euro um.|65 Milliarden Euro"
            + "|null",
        "It cut 5,000 jobs, and shares closed at 120 on Friday.|120|share_price",
        // a change right after a figure whose keyword follows it is that figure's change
        "Apple generated $94.9 billion in revenue in its fiscal fourth quarter, up 6% from a year"
            + " earlier.|6%|revenue",
        "Apple posted $94.9 billion in revenue, a 6% rise from a year earlier.|6%|revenue",
        "Apple posted $94.9 billion in revenue (+6%).|+6%|revenue",
        "Apple posted $94.9 billion in revenue, up about 6 percent.|6 percent|revenue",
        "Apple posted $94.9 billion in revenue, 6% more than a year earlier.|6%|revenue",
        "Volkswagen setzte 78 Milliarden Euro um, ein Plus von 2 Prozent.|2 Prozent|revenue",
        // ... not a beat or a miss, nor a change of something else after "while"
        "Acme booked $10 billion in revenue, 5% below analysts' estimates.|5%|null",
        "Acme booked $10 billion in revenue while its stock was down 4%.|4%|null",
        // money is never a count's metric; a company's initials are no keyword
        "What analysts had expected was revenue of $5.2 billion; Acme delivered $5 billion."
            + "|$5 billion|null",
        "Shares of CPI Property Group fell 5% on Friday.|5%|share_price",
        "Die Beschäftigten erhalten eine Teuerungsprämie von 3.000 Euro.|3.000 Euro|null",
        // a keyword before the number's clause (this threw before)
        "Acme erzielte 2 Milliarden Euro Gewinn, während der Dax ein Plus von 1 Prozent"
            + " verzeichnete.|2 Milliarden Euro|net_income",
        // ... not a share of something, nor a change another clause tells of
        "Apple posted $94.9 billion in revenue, or 56% of the total.|56%|null",
        "Apple posted $94.9 billion in revenue, while its shares were up 3%.|3%|share_price",
        "Apple posted $94.9 billion in revenue, and prices were up 3%.|3%|null",
        // a clause with a subject of its own that no keyword names
        "Der Umsatz stieg auf 5 Milliarden Euro, die Marge sank auf 8 Prozent.|8 Prozent|null",
        "Revenue rose to $5 billion, while its margin fell to 8%.|8%|null",
        "Der Umsatz stieg um 4 Prozent, die Quote lag bei 12 Prozent.|12 Prozent|null",
        // ... but a keyword's, or a word of how much
        "Net income rose to $2 billion and its operating margin widened to 18%.|18%"
            + "|operating_margin",
        "Der Umsatz stieg auf 5 Milliarden Euro, der operative Gewinn sank auf 400 Millionen"
            + " Euro.|400 Millionen Euro|operating_income",
        "Revenue rose 4%, and its backlog grew 9%.|9%|backlog"
      })
  void each_figure_takes_the_metric_its_own_words_name(String text, String quote, String metric) {
    Candidate c = SeededKeywords.candidate(text, null, "2024-11-14", quote);
    assertEquals(metric, c.metric());
  }
}
