package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare count goes on counting what the sentence before counted, and only that: not a figure with
 * a word of its own, a decimal, a figure after one with a unit, or one that names another metric.
 */
class ContinuedCountsTest {
  private static final ExtractionService SERVICE =
      new ExtractionService(
          new TextModels(),
          t -> List.of(),
          c -> List.of(),
          language -> MetricKeywords.of(language, SeededKeywords.of(language)),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  @ParameterizedTest(name = "{2}: {3} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "en|Tesla delivered 1.8 million cars in 2023. BYD delivered 3 million.|3 million|cars"
            + "|deliveries",
        "de|Die Zahl der Arbeitslosen stieg im Oktober auf 2,9 Millionen. Das waren 27.000 mehr"
            + " als vor einem Jahr.|27.000|persons|null",
        "en|Payrolls rose by 142,000 in August. The two months before were revised down by a"
            + " combined 86,000.|86,000|jobs|jobs",
        // not: another metric, a decimal, a word of its own, after a figure with a unit
        "en|Apple sold 50 million iPhones. Its shares rose 3 to 180.|3|null|share_price",
        "en|Apple sold 50 million iPhones. Revenue was 94.9.|94.9|null|revenue",
        "en|The company has 500 stores. It also owns 40 warehouses.|40 warehouses|warehouses"
            + "|null",
        "en|The company has 500 stores. Sales rose 5% to 120.|120|null|revenue",
      })
  void a_bare_count_continues_the_count_before(
      String language, String text, String quote, String unit, String metric) {
    Candidate c =
        SERVICE.extract(new ExtractionRequest(text, language, "2024-11-14")).candidates().stream()
            .filter(x -> quote.equals(x.quote()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate " + quote));
    assertEquals(unit + " " + metric, c.unit() + " " + c.metric(), text);
  }
}
