package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Of several years a sentence names, each number takes its own. */
class SentenceYearsTest {
  private static final LocalDate SAID = LocalDate.of(2025, 2, 15);

  /** The year the number {@code number} of {@code sentence} is read with, its neighbours known. */
  private static int yearOf(String sentence, String number) {
    List<NumberFinder.Found> found = NumberFinder.find(sentence, "en");
    List<int[]> spans = found.stream().map(f -> new int[] {f.start(), f.end()}).toList();
    int at = sentence.indexOf(number);
    NumberFinder.Found f =
        found.stream().filter(n -> n.start() <= at && at < n.end()).findFirst().orElseThrow();
    return SentenceReader.read(sentence, SAID, MetricKeywords.NONE, "en")
        .of(f.start(), f.end(), spans)
        .periodStart()
        .getYear();
  }

  @Test
  void two_figures_of_two_years_each_take_their_own() {
    String s = "In 2024 revenue rose to $5 billion from $4 billion in 2023.";
    assertEquals(2024, yearOf(s, "$5 billion"));
    assertEquals(2023, yearOf(s, "$4 billion"));
  }

  @Test
  void last_year_belongs_to_the_figure_it_follows() {
    String s = "Sales reached $5 billion in 2024, compared with $4 billion last year.";
    assertEquals(2024, yearOf(s, "$5 billion"));
    assertEquals(2024, yearOf(s, "$4 billion")); // said in 2025: last year is 2024
    String t = "Sales reached $5 billion this year, compared with $4 billion last year.";
    assertEquals(2025, yearOf(t, "$5 billion"));
    assertEquals(2024, yearOf(t, "$4 billion"));
  }

  @Test
  void a_year_dates_the_figures_of_its_own_clause() {
    String s = "In 2023, revenue was $4 billion, and in 2024 it was $5 billion.";
    assertEquals(2023, yearOf(s, "$4 billion"));
    assertEquals(2024, yearOf(s, "$5 billion"));
  }

  @Test
  void a_founding_year_does_not_date_the_figure() {
    assertEquals(
        2024, yearOf("Founded in 1998, the group earned $300 billion in 2024.", "$300 billion"));
  }
}
