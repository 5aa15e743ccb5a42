package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.claimwatch.extract.NumberFinder.Found;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phrasings of numbers in English and German (src/test/resources/fixtures/phrasings), and the
 * development set of official texts: recall and precision stay at what was measured.
 */
class NumberFinderTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/fixtures/phrasings/numbers.csv", delimiter = '|', emptyValue = "")
  void a_number_is_read_with_its_scale_unit_and_hedge(
      String language, String text, String value, String high, String unit, String qualifier) {
    List<Found> found = NumberFinder.find(text, language);
    assertFalse(found.isEmpty(), "nothing found in: " + text);
    Found f = found.get(0);
    assertEquals(0, new BigDecimal(value).compareTo(f.value()), "value of " + text + ": " + f);
    assertEquals(
        high == null || high.isEmpty() ? null : new BigDecimal(high).stripTrailingZeros(),
        f.valueHigh() == null ? null : f.valueHigh().stripTrailingZeros(),
        "range end of " + text);
    assertEquals(unit == null || unit.isEmpty() ? null : unit, f.unit(), "unit of " + text);
    assertEquals(
        qualifier == null || qualifier.isEmpty() ? null : qualifier,
        f.qualifier() == null ? null : f.qualifier().name(),
        "qualifier of " + text);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/fixtures/phrasings/not-claims.csv", delimiter = '|')
  void dates_years_times_ordinals_and_phone_numbers_are_not_claims(String language, String text) {
    assertEquals(List.of(), NumberFinder.find(text, language), text);
  }

  @Test
  void the_development_set_keeps_its_recall_and_precision() {
    Map<String, GoldSet.Score> scores = GoldSet.score(GoldSet.articles());
    assertEquals(java.util.Set.of("de", "en"), scores.keySet(), "both languages are scored");
    for (Map.Entry<String, GoldSet.Score> e : scores.entrySet()) {
      GoldSet.Score s = e.getValue();
      assertTrue(s.recall() >= 0.95, e.getKey() + " recall " + s.recall() + ": " + s.missed);
      assertTrue(s.precision() >= 0.9, e.getKey() + " precision " + s.precision() + ": " + s.wrong);
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "phone",
        "newlines",
        "plus",
        "digits",
        "groups",
        "dotted",
        "commas",
        "codes",
        "phone-digits"
      })
  void hostile_text_of_200000_characters_is_read_in_linear_time(String shape) {
    int n = ExtractionService.MAX_TEXT - 20;
    String text =
        switch (shape) {
          case "phone" -> "phone" + " ".repeat(n);
          case "newlines" -> "\n".repeat(n) + "x";
          case "plus" -> "+1" + " ".repeat(n);
          case "digits" -> "1".repeat(n) + "x";
          case "groups" -> "1" + " 111".repeat(n / 4) + "1";
          case "dotted" -> "1" + ".111".repeat(n / 4) + ",";
          case "commas" -> "1" + ",111".repeat(n / 4) + ".";
          case "codes" -> "A" + "-1".repeat(n / 2);
          default -> "+1" + " 1".repeat(n / 2);
        };
    // A quadratic pattern takes minutes here; linear ones take milliseconds. The bound is far
    // from either, so a busy machine does not make it fail.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          NumberFinder.find(text, "en");
          NumberFinder.find(text, "de");
        });
  }

  @Test
  void letters_that_change_length_in_lower_case_do_not_move_positions() {
    String text = "İİİİİİİİİİİİ five billion dollars";
    List<Found> found = NumberFinder.find(text, "en");
    assertEquals(1, found.size(), found.toString());
    assertEquals("five billion dollars", text.substring(found.get(0).start(), found.get(0).end()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en|Revenue was $8.5bn last year.|$8.5bn",
        "en|It raised US$4 billion.|US$4 billion",
        "en|It earned €600m.|€600m",
        "en|It earned EUR 600 million.|EUR 600 million",
        "en|It spends $ 12 billion a quarter.|$ 12 billion",
        "en|It could lose up to $8.5 billion.|$8.5 billion",
        "en|It plans $37-40 billion.|$37-40 billion",
        "en|It spends between $37 billion and $40 billion.|$37 billion and $40 billion",
        "en|It could lose $five billion.|$five billion",
        "en|Costs were 600 million euros.|600 million euros",
        "de|Es sind 8,5 Mrd. $.|8,5 Mrd. $",
        "de|Der Umsatz lag bei € 600 Mio.|€ 600 Mio.",
        "de|Der Verlust lag bei 250 Mio. €.|250 Mio. €"
      })
  void the_span_takes_in_the_currency_written_before_the_number_but_not_the_hedge(
      String language, String text, String quote) {
    List<Found> found = NumberFinder.find(text, language);
    assertEquals(1, found.size(), found.toString());
    assertEquals(quote, text.substring(found.get(0).start(), found.get(0).end()));
  }
}
