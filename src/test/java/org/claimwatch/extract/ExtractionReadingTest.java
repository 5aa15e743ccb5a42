package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Metric, period, periodicity and kind read from the sentence around a number, the metric by the
 * keywords stored in the database (as V37 seeded them).
 */
@MicronautTest(transactional = false)
class ExtractionReadingTest extends ApiTest {
  @Inject TextModels models;

  @Inject MetricLexicon lexicon;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/fixtures/phrasings/readings.csv", delimiter = '|', emptyValue = "")
  void a_candidate_carries_what_its_sentence_says(
      String language,
      String text,
      String statedAt,
      String value,
      String metric,
      String periodStart,
      String periodEnd,
      String periodicity,
      String kind,
      String resolvesOn) {
    ExtractionService service =
        new ExtractionService(
            models,
            t -> List.of(),
            c -> List.of(),
            lexicon,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            1);
    List<Candidate> found =
        service.extract(new ExtractionRequest(text, language, statedAt)).candidates();
    assertFalse(found.isEmpty(), text);
    Candidate c = found.get(0);
    assertEquals(value, c.value(), "value");
    assertEquals(metric, c.metric(), "metric");
    assertEquals(blank(periodStart), c.periodStart(), "periodStart");
    assertEquals(blank(periodEnd), c.periodEnd(), "periodEnd");
    assertEquals(periodicity, c.periodicity(), "periodicity");
    assertEquals(kind, c.kind(), "kind");
    assertEquals(blank(resolvesOn), c.resolvesOn(), "resolvesOn");
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
