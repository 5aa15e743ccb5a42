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

  private static final List<Keyword> FIGURES =
      List.of(
          new Keyword("profit", "net_income", false),
          new Keyword("operating profit", "operating_income", false),
          new Keyword("sales", "revenue", false),
          new Keyword("cost of sales", "cost_of_revenue", false),
          new Keyword("umsatz", "revenue", false),
          new Keyword("überschuss", "net_income", false),
          new Keyword("gewinn", "net_income", false),
          new Keyword("verlust", "net_income", true),
          new Keyword("invest", "capex", false));

  @Test
  void of_overlapping_keywords_the_longest_is_found() {
    MetricKeywords words = MetricKeywords.of("en", FIGURES);
    assertEquals(
        List.of(new Hit(0, 16, "operating_income", false)), words.find("Operating profit rose"));
    assertEquals(
        List.of(new Hit(0, 13, "cost_of_revenue", false), new Hit(18, 23, "revenue", false)),
        words.find("Cost of sales and sales"));
  }

  @Test
  void a_keyword_running_on_into_a_word_that_means_something_else_is_not_found_in_a_phrase() {
    assertEquals(List.of(), MetricKeywords.of("en", FIGURES).find("Operating profitability"));
  }

  @Test
  void a_german_keyword_is_found_as_the_head_of_a_compound_whose_first_part_says_whose_or_when() {
    MetricKeywords words = MetricKeywords.of("de", FIGURES);
    assertEquals(
        List.of(new Hit(4, 17, "revenue", false), new Hit(22, 37, "net_income", true)),
        words.find("Der Konzernumsatz und Quartalsverluste"));
    assertEquals(
        List.of(new Hit(4, 27, "net_income", false)), words.find("Der Konzernjahresüberschuss"));
    // the head's own run-ons stay what they were: an "Investor" is no investment
    assertEquals(List.of(), words.find("Konzerninvestoren"));
  }

  @Test
  void a_compound_whose_first_part_names_another_figure_is_not_read_as_its_head() {
    MetricKeywords words = MetricKeywords.of("de", FIGURES);
    assertEquals(List.of(), words.find("Kursverluste, Zugewinn, Arbeitsplatzverlust"));
    // and only German words are read so
    assertEquals(List.of(), MetricKeywords.of("en", FIGURES).find("Konzernumsatz"));
  }

  @Test
  void a_keyword_of_losing_written_as_a_verb_is_told_from_the_noun() {
    List<Keyword> loss =
        List.of(
            new Keyword("verlier", "net_income", true),
            new Keyword("verlust", "net_income", true),
            new Keyword("lost", "net_income", true),
            new Keyword("loss", "net_income", true));
    // German writes nouns capitalised
    assertEquals(
        List.of(
            new Hit(10, 17, "net_income", true, true), new Hit(20, 27, "net_income", true, false)),
        MetricKeywords.of("de", loss).find("Die Aktie verliert, Verluste"));
    assertEquals(
        List.of(
            new Hit(7, 11, "net_income", true, true), new Hit(17, 21, "net_income", true, false)),
        MetricKeywords.of("en", loss).find("Shares lost, the loss"));
  }
}
