package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.claimwatch.extract.MetricKeywords.Hit;
import org.claimwatch.extract.MetricKeywords.Keyword;
import org.junit.jupiter.api.Test;

/** The compiled keywords: literal, any case, where a word starts, the word may run on. */
class MetricKeywordsTest {
  private static final MetricKeywords WORDS =
      new MetricKeywords(
          List.of(
              new Keyword("invest", "capex", false),
              new Keyword("verlust", "net_income", true),
              new Keyword("net income", "net_income", false),
              new Keyword("umsatz.*", "orders", false),
              new Keyword("(a+)+$", "probe", false)));

  @Test
  void a_keyword_is_found_in_any_case_where_a_word_starts_and_the_word_may_run_on() {
    assertEquals(
        List.of(
            new Hit(4, 10, "capex", false),
            new Hit(26, 33, "net_income", true),
            new Hit(41, 51, "net_income", false)),
        WORDS.find("Die Investitionen und der VERLUSTE, dazu Net income."));
  }

  @Test
  void a_keyword_inside_a_word_is_not_found() {
    assertEquals(List.of(), WORDS.find("Reinvestment, Kursverlust"));
  }

  @Test
  void pattern_characters_are_text() {
    assertEquals(List.of(), WORDS.find("Umsatzplus aaaa"));
    assertEquals(
        List.of(new Hit(0, 8, "orders", false), new Hit(9, 15, "probe", false)),
        WORDS.find("Umsatz.* (a+)+$"));
  }

  @Test
  void positions_stay_the_texts_own_when_lower_case_is_longer() {
    assertEquals(List.of(new Hit(2, 8, "capex", false)), WORDS.find("İ invest"));
  }

  @Test
  void no_keywords_find_nothing() {
    assertEquals(List.of(), MetricKeywords.NONE.find("invest"));
  }
}
