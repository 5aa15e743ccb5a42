package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimwatch.extract.GoldSet.Article;
import org.claimwatch.extract.GoldSet.Score;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The labelled sets through the extraction pipeline as the API runs it (GoldSet): the development
 * set holds the issue's floor per language, and the self-written newsroom set is labelled so that
 * it can be scored.
 */
@MicronautTest(transactional = false)
class ExtractionEvaluationTest extends ApiTest {
  @Inject ExtractionService service;
  @Inject SubjectService subjects;

  @Test
  void the_development_set_keeps_the_issues_floor_in_each_language() {
    Map<String, Score> scores =
        GoldSet.score(GoldSet.articles(GoldSet.DEVELOPMENT), GoldSet.reader(service));

    assertEquals(Set.of("de", "en"), scores.keySet(), "both languages are scored");
    for (Map.Entry<String, Score> e : scores.entrySet()) {
      Score s = e.getValue();
      // Issue 14: recall >= 0.95 and precision >= 0.85 on the numbers (every gold number there
      // is a value with a unit); noise, unlisted numbers and misplaced spans count against it.
      assertTrue(s.recall() >= 0.95, e.getKey() + " recall " + s.recall() + ": " + s.missed);
      assertTrue(
          s.precision() >= 0.85, e.getKey() + " precision " + s.precision() + ": " + s.wrong);
      assertEquals(List.of(), s.noiseHit, e.getKey() + ": dates, phone and document numbers");
    }
  }

  /**
   * The held-out set (written blind to the rules) at the floor it was first measured at, so that a
   * rule that helps the sets it was written for and hurts unseen text fails the build. Its misses
   * are not printed here: only whether it holds.
   */
  @Test
  void the_held_out_set_keeps_its_floor_in_each_language() {
    GoldSet.storeEntities(subjects);
    Map<String, Score> scores =
        GoldSet.score(GoldSet.articles(GoldSet.HELDOUT), GoldSet.reader(service));

    assertEquals(Set.of("de", "en"), scores.keySet(), "both languages are scored");
    for (Map.Entry<String, Score> e : scores.entrySet()) {
      Score s = e.getValue();
      assertTrue(s.recall() >= 0.95, e.getKey() + " recall " + s.recall());
      assertTrue(s.precision() >= 0.90, e.getKey() + " precision " + s.precision());
      // 2026-12-02: de 0.55, en 0.49 (0.16 and 0.13 with the rules of the day before); en 0.72
      // after "the same quarter of 2023" (7d81d34); de 0.63, en 0.85 with a kind and a period per
      // figure (b85078a)
      double period = s.fields.get(GoldSet.Field.PERIOD).accuracy();
      double floor = e.getKey().equals("en") ? 0.75 : 0.55;
      assertTrue(period >= floor, e.getKey() + " period accuracy " + period);
    }
  }

  @Test
  void every_number_of_the_development_set_is_placed_by_its_hint() {
    for (Article a : GoldSet.articles(GoldSet.DEVELOPMENT)) {
      for (GoldSet.Gold g : a.core()) {
        // else it would be matched by its value anywhere in the article
        assertTrue(!g.spans().isEmpty(), a.file() + ": " + g.hint());
      }
    }
  }

  @Test
  void the_newsroom_set_has_four_articles_of_150_to_400_words_a_language_each_number_in_place() {
    // articles() refuses a quote that is not in its text exactly once, or noise not in the text
    List<Article> articles = GoldSet.articles(GoldSet.NEWSROOM);

    Map<String, Long> perLanguage =
        articles.stream().collect(Collectors.groupingBy(Article::language, Collectors.counting()));
    assertTrue(perLanguage.getOrDefault("en", 0L) >= 4, perLanguage.toString());
    assertTrue(perLanguage.getOrDefault("de", 0L) >= 4, perLanguage.toString());
    for (Article a : articles) {
      int words = a.text().strip().split("\\s+").length;
      assertTrue(words >= 150 && words <= 400, a.file() + ": " + words + " words");
      assertTrue(a.core().size() >= 8, a.file() + ": " + a.core().size() + " numbers");
      assertTrue(!a.noise().isEmpty(), a.file() + " names what must not be found");
      for (GoldSet.Gold g : a.core()) {
        assertEquals(g.hint(), a.text().substring(g.spans().get(0)[0], g.spans().get(0)[1]));
      }
    }
  }

  @Test
  void every_entity_the_newsroom_set_names_is_stored_under_that_name() {
    List<String> clashes = GoldSet.storeEntities(subjects);

    assertEquals(List.of(), clashes, "names the test database gives to other entities");
    for (Article a : GoldSet.articles(GoldSet.NEWSROOM)) {
      for (GoldSet.Gold g : a.core()) {
        String entity = g.labels().get(GoldSet.Field.ENTITY);
        if (entity != null) {
          assertTrue(subjects.resolve(entity).isPresent(), a.file() + ": " + entity);
        }
      }
    }
  }
}
