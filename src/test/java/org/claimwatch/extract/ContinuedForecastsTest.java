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
