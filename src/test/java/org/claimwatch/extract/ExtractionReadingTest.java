package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  @CsvFileSource(
      resources = {"/fixtures/phrasings/readings.csv", "/fixtures/phrasings/readings-newsroom.csv"},
      delimiter = '|',
      emptyValue = "")
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
    assertEquals(
        List.of(),
        misreadings(
            language,
            text,
            statedAt,
            value,
            metric,
            periodStart,
            periodEnd,
            periodicity,
            kind,
            resolvesOn));
  }

  /**
   * Sentences read wrongly today (fixtures/phrasings/readings-known-failures.csv, same columns and
   * a note): each must still be misread. One that is read right fails here, so that it moves to
   * readings-newsroom.csv and is kept right from then on.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(
      resources = "/fixtures/phrasings/readings-known-failures.csv",
      delimiter = '|',
      emptyValue = "")
  void a_known_misreading_is_still_misread(
      String language,
      String text,
      String statedAt,
      String value,
      String metric,
      String periodStart,
      String periodEnd,
      String periodicity,
      String kind,
      String resolvesOn,
      String note) {
    assertFalse(
        misreadings(
                language,
                text,
                statedAt,
                value,
                metric,
                periodStart,
                periodEnd,
                periodicity,
                kind,
                resolvesOn)
            .isEmpty(),
        "now read right (move it to readings-newsroom.csv): " + text);
  }

  /** What the first candidate of {@code text} gets wrong against its labels (none: []). */
  private List<String> misreadings(
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
    if (found.isEmpty()) {
      return List.of("nothing found in: " + text);
    }
    Candidate c = found.get(0);
    List<String> wrong = new ArrayList<>();
    check(wrong, "value", value, c.value());
    check(wrong, "metric", blank(metric), c.metric());
    check(wrong, "periodStart", blank(periodStart), c.periodStart());
    check(wrong, "periodEnd", blank(periodEnd), c.periodEnd());
    check(wrong, "periodicity", periodicity, c.periodicity());
    check(wrong, "kind", kind, c.kind());
    check(wrong, "resolvesOn", blank(resolvesOn), c.resolvesOn());
    return wrong;
  }

  private static void check(List<String> wrong, String field, String expected, String actual) {
    if (!Objects.equals(expected, actual)) {
      wrong.add(field + " " + actual + ", not " + expected);
    }
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
