package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
  void a_long_text_is_told_by_its_sample_not_by_the_whole() {
    TextModels models = new TextModels();
    String de =
        "Die Investitionen des Konzerns sollen im kommenden Jahr auf bis zu 8,5 Milliarden Euro"
            + " steigen, teilte das Unternehmen am Dienstag mit. ";
    String en =
        "The company said on Tuesday that its capital spending would rise to as much as $8.5"
            + " billion next year. ";
    // German where the sample looks (beginning, middle, end), English in between, and more of it.
    String block = de.repeat(12);
    String filler = en.repeat(40);
    String text = block + filler + block + filler + block;
    assertTrue(en.length() * 80 > de.length() * 36, "more English than German in the whole");

    assertEquals("de", models.language(text));
    assertEquals("en", models.language(filler + filler));
    assertEquals("de", models.language(de.repeat(60)));
  }

  @Test
  void a_window_never_cuts_a_character_in_half() {
    String emoji = "\uD83D\uDCC8"; // one character, two chars of UTF-16
    String text = emoji.repeat(4_000);
    String sample = TextModels.sample(text);
    for (int i = 0; i < sample.length(); i++) {
      char ch = sample.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        assertTrue(i + 1 < sample.length() && Character.isLowSurrogate(sample.charAt(i + 1)));
        i++;
      } else {
        assertTrue(!Character.isLowSurrogate(ch), "a lone low surrogate at " + i);
      }
    }
  }

  @Test
  void a_german_date_does_not_end_a_sentence() {
    String text =
        "Die Bundesagentur teilte am 14. November 2024 mit, die Zahl der Arbeitslosen sei um 2,1"
            + " Prozent gestiegen. Der Umsatz lag bei 5 Milliarden Euro.";
    opennlp.tools.util.Span[] sentences = new TextModels().sentences(text, "de");
    assertEquals(2, sentences.length, java.util.Arrays.toString(sentences));
    assertTrue(
        sentences[0].getCoveredText(text).toString().contains("14. November 2024 mit"),
        sentences[0].getCoveredText(text).toString());
  }

  @Test
  void a_german_ordinal_before_the_period_it_counts_does_not_end_a_sentence() {
    String text =
        "Das Bruttoinlandsprodukt ist im 3. Vierteljahr 2024 um 0,2 Prozent gestiegen. Der Umsatz"
            + " des 3. Quartals stieg um 4 Prozent. Im 1. Halbjahr lag er bei 3. Die Kosten"
            + " stiegen.";
    opennlp.tools.util.Span[] sentences = new TextModels().sentences(text, "de");
    assertEquals(
        List.of(
            "Das Bruttoinlandsprodukt ist im 3. Vierteljahr 2024 um 0,2 Prozent gestiegen.",
            "Der Umsatz des 3. Quartals stieg um 4 Prozent.",
            "Im 1. Halbjahr lag er bei 3.",
            "Die Kosten stiegen."),
        java.util.Arrays.stream(sentences).map(s -> s.getCoveredText(text).toString()).toList());
  }
}
