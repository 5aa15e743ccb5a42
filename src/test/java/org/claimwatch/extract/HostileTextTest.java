package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text of the largest size the API takes, in shapes that make a careless reader slow: long runs
 * with no white space and a full stop in every other character (the sentence model scanned ahead
 * from each full stop to the next white space, 40 s for 200,000 dots).
 */
class HostileTextTest {
  private static final ExtractionService SERVICE =
      new ExtractionService(
          new TextModels(),
          t -> List.of(),
          c -> List.of(),
          language -> MetricKeywords.of(language, SeededKeywords.of(language)),
          Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dots", "digit-dots", "letter-dots", "millions", "sentences"})
  void the_largest_text_of_any_shape_is_read_in_about_linear_time(String shape) {
    int n = ExtractionService.MAX_TEXT - 20;
    String text =
        switch (shape) {
          case "dots" -> ".".repeat(n);
          case "digit-dots" -> "1.".repeat(n / 2);
          case "letter-dots" -> "a.".repeat(n / 2);
          case "millions" -> "1.000.000.".repeat(n / 10);
          default -> "Der Umsatz stieg um 5 Prozent auf 2 Mrd. Euro und ".repeat(n / 50);
        };
    // about a second each here; a quadratic reading took 20 to 45 s of one core. The bound is far
    // from both, so a busy machine does not make it fail.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          SERVICE.extract(new ExtractionRequest(text, "en", "2026-11-01"));
          SERVICE.extract(new ExtractionRequest(text, "de", "2026-11-01"));
        });
  }

  @Test
  void only_runs_longer_than_any_word_are_broken_for_the_sentence_model() {
    String prose = "Revenue rose 5% to $10.2 billion (https://example.com/q3-2026), said Acme Inc.";
    assertSame(prose, TextModels.withBrokenRuns(prose));
    String run = "x".repeat(TextModels.LONGEST_RUN * 2 + 5);
    String broken = TextModels.withBrokenRuns("a " + run + " b");
    assertEquals(run.length() + 4, broken.length());
    assertEquals(' ', broken.charAt(2 + TextModels.LONGEST_RUN));
    assertEquals(' ', broken.charAt(2 + 2 * TextModels.LONGEST_RUN + 1));
    assertEquals(2, broken.chars().filter(c -> c == ' ').count() - 2);
  }

  @Test
  void sentences_keep_their_places_in_the_text() {
    String text = "a.".repeat(200) + " Revenue rose 5% to $10 billion in 2025. Profit fell 3%.";
    Extraction e = SERVICE.extract(new ExtractionRequest(text, "en", "2026-11-01"));
    assertEquals(
        List.of("5%", "$10 billion", "3%"), e.candidates().stream().map(Candidate::quote).toList());
    for (Candidate c : e.candidates()) {
      assertEquals(c.quote(), text.substring(c.start(), c.end()));
    }
  }
}
