package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A forecast that names no period of its own, in the sentence right after one that does, is of that
 * period; what analysts expected, of the same order and unit as the figure before, is of its
 * metric. Not a forecast with a time of its own, a horizon, another entity's, a dividend, or one
 * after a sentence between.
 */
class ContinuedForecastsTest {
  @ParameterizedTest(name = "{2}: {3} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // the same outlook
        "de|Für das laufende Jahr stellt Acme einen Umsatz von 43 bis 45 Milliarden Euro in"
            + " Aussicht. Die Investitionen sollen auf 1,5 Milliarden Euro steigen."
            + "|1,5 Milliarden Euro|capex|2026-01-01..2026-12-31",
        "en|For the first quarter, Acme forecast revenue of $78 billion. Gross margin is expected"
            + " to be 75%.|75%|gross_margin|2026-01-01..2026-03-31",
        // what analysts expected: the metric of the figure before, and its period if forecast
        "de|Für das laufende Jahr stellt Acme einen Umsatz von 43 bis 45 Milliarden Euro in"
            + " Aussicht. Analysten hatten im Schnitt mit 44,5 Milliarden Euro gerechnet."
            + "|44,5 Milliarden Euro|revenue|2026-01-01..2026-12-31",
        "en|Acme reported revenue of $10 billion for 2025. Analysts had expected $9.6 billion."
            + "|$9.6 billion|revenue|2025-01-01..2025-12-31",
        // not of another order, or of a metric of its own
        "en|Acme reported revenue of $10 billion for 2025. Analysts had expected $1.2 billion."
            + "|$1.2 billion|null|2025-01-01..2025-12-31",
        "en|Acme reported revenue of $10 billion for 2025. Analysts expect net income of $1.2"
            + " billion in 2026.|$1.2 billion|net_income|2026-01-01..2026-12-31",
        // a time of its own, a horizon, a dividend: not the outlook's period
        "de|Acme erwartet 2026 einen Umsatz von 10 Milliarden Euro. Mittelfristig soll die Marge"
            + " auf 15 Prozent steigen.|15 Prozent|null|null..null",
        "en|Acme expects revenue of $10 billion this year. It plans to cut 2,000 jobs by 2028."
            + "|2,000 jobs|jobs|null..null",
        "en|Acme expects revenue of $10 billion this year. The company will pay a dividend of"
            + " $1.20 a share.|$1.20|dividend|null..null",
        "en|The IMF expects the economy to grow 1.1% in 2026. The following year, growth is"
            + " forecast to pick up to 1.6%.|1.6%|null|null..null",
        "de|Die Bundesregierung rechnet für 2026 mit einem Wachstum von 1,3 Prozent. Für das"
            + " Folgejahr erwartet sie 1,6 Prozent.|1,6 Prozent|null|null..null",
        "de|Für 2026 erwartet Acme einen Umsatz von 10 Milliarden Euro. In den kommenden Jahren"
            + " soll die Marge auf 15 Prozent steigen.|15 Prozent|null|null..null",
        // a market's size, with no metric, is not the company's outlook
        "en|Acme forecast 2026 revenue of $10 billion. The market for such chips is expected to"
            + " reach $50 billion.|$50 billion|null|null..null",
        // what analysts expected: not of a sentence with two figures of the unit, not a rate,
        // and of a period of its own
        "en|Acme forecast first-quarter revenue of $10 billion to $10.5 billion and net income of"
            + " $6 billion. Analysts had expected $10.3 billion.|$10.3 billion|null|null..null",
        "en|The Fed expects inflation of 2.6% this year. Economists expect the central bank to cut"
            + " rates to 3.25%.|3.25%|null|null..null",
        "en|Acme forecast 2026 revenue of $10 billion. Analysts had expected $9.6 billion for"
            + " 2025.|$9.6 billion|revenue|2025-01-01..2025-12-31",
        // only the sentence right before, and only a forecast's
        "en|Acme expects revenue of $10 billion this year. The board met. Capital expenditures are"
            + " expected to reach $2 billion.|$2 billion|capex|null..null",
        "en|Acme reported revenue of $10 billion for 2025. Capital expenditures are expected to reach"
            + " $2 billion.|$2 billion|capex|null..null",
      })
  void a_forecast_continues_the_outlook_before(
      String language, String text, String quote, String metric, String period) {
    Candidate c = SeededKeywords.candidate(text, language, "2026-03-05", quote);
    assertEquals(
        metric + " " + period, c.metric() + " " + c.periodStart() + ".." + c.periodEnd(), text);
  }
}
