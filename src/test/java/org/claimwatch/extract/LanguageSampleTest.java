package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The language is told from the text's beginning, middle and end, not the whole of a long text. */
class LanguageSampleTest {

  @Test
  void a_short_text_is_read_whole() {
    String text = "Der Umsatz stieg um 7 Prozent.".repeat(50);
    assertEquals(text, TextModels.sample(text));
  }

  @Test
  void a_long_text_is_read_at_its_beginning_middle_and_end_without_cut_words() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 10_240; i++) {
      b.append("word").append(i).append(' ');
    }
    String text = b.append("end").toString();

    String sample = TextModels.sample(text);

    assertTrue(sample.length() <= 3 * TextModels.SAMPLE_WINDOW + 2, "" + sample.length());
    assertTrue(sample.startsWith("word0 word1 "), sample);
    assertTrue(sample.endsWith(" end"), sample);
    for (String w : sample.split(" +")) {
      assertTrue(w.equals("end") || w.matches("word\\d+"), "a whole word: " + w);
    }
  }

  @Test
  void a_long_german_text_is_still_told_german_and_an_english_one_english() {
    TextModels models = new TextModels();
    String de =
        "Die Investitionen des Konzerns sollen im kommenden Jahr auf bis zu 8,5 Milliarden Euro"
            + " steigen, teilte das Unternehmen am Dienstag mit. ";
    String en =
        "The company said on Tuesday that its capital spending would rise to as much as $8.5"
            + " billion next year. ";
    assertEquals("de", models.language(de.repeat(60)));
    assertEquals("en", models.language(en.repeat(60)));
  }
}
