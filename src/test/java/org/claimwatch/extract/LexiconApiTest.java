package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.claimwatch.system.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET/PUT /api/v1/lexicon: the metric keywords, replaced whole by an EDITOR and read by the next
 * text. Tests that change the table put it back as it was after each test (other tests read it).
 */
@MicronautTest(transactional = false)
class LexiconApiTest extends ApiTest {
  @Inject MetricKeywordStore store;

  @Inject Transactions transactions;

  private List<Map<String, Object>> before;

  private List<Map<String, Object>> table() {
    Res r = get("/api/v1/lexicon", token("VIEWER"));
    assertEquals(200, r.status(), r.toString());
    return r.list();
  }

  private Res put(List<Map<String, Object>> entries, String token) {
    return call(HttpRequest.PUT("/api/v1/lexicon", Map.of("entries", entries)), token);
  }

  private List<Map<String, Object>> current() {
    if (before == null) {
      before = table();
    }
    return new ArrayList<>(before);
  }

  @AfterEach
  void put_the_table_back() {
    if (before != null) {
      Res r = put(before, ADMIN_TOKEN);
      assertEquals(200, r.status(), r.toString());
      assertEquals(before, table());
      before = null;
    }
  }

  private static Map<String, Object> entry(
      String language, String keyword, String metric, boolean negative) {
    Map<String, Object> m = new HashMap<>();
    m.put("language", language);
    m.put("keyword", keyword);
    m.put("metric", metric);
    m.put("negative", negative);
    return m;
  }

  private String metricOf(String text, String language) {
    Res r = post("/api/v1/extractions", Map.of("text", text, "language", language), ADMIN_TOKEN);
    assertEquals(200, r.status(), r.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) r.json().get("candidates");
    assertEquals(1, candidates.size(), candidates.toString());
    return (String) candidates.get(0).get("metric");
  }

  @Test
  void the_seeded_table_holds_the_keywords_the_extractor_had_in_code_and_those_added_since() {
    List<Map<String, Object>> t = current();
    // V37's, then V42's, V46's, V47's, V48's, V49's
    assertEquals(57 + 132 + 13 + 8 + 8 + 6, t.size());
    assertTrue(t.contains(entry("de", "verlust", "net_income", true)), t.toString());
    assertTrue(t.contains(entry("en", "capital expenditure", "capex", false)), t.toString());
    assertTrue(t.contains(entry("de", "arbeitsplätze", "jobs", false)), t.toString());
    assertTrue(
        t.contains(entry("en", "operating profit", "operating_income", false)), t.toString());
    assertTrue(t.contains(entry("de", "betriebsverlust", "operating_income", true)), t.toString());
    assertTrue(t.contains(entry("en", "brought in", "revenue", false)), t.toString());
    assertTrue(t.contains(entry("de", "auftragseingang", "orders", false)), t.toString());
  }

  @Test
  void an_editor_adds_a_keyword_and_the_next_german_sentence_carries_its_metric() {
    String sentence = "Der Bestelleingang stieg auf 5 Milliarden Euro.";
    assertNull(metricOf(sentence, "de"));
    List<Map<String, Object>> wanted = current();
    wanted.add(entry("de", "Bestelleingang", "orders", false));

    Res r = put(wanted, token("EDITOR"));

    assertEquals(200, r.status(), r.toString());
    assertTrue(r.list().contains(entry("de", "bestelleingang", "orders", false)), "lower case");
    assertEquals(before.size() + 1, r.list().size());
    assertEquals(r.list(), table());
    assertEquals("orders", metricOf(sentence, "de"));
    assertEquals(
        "orders", metricOf("Der Wert des Bestelleingangs lag bei 5 Milliarden Euro.", "de"));
    assertNull(metricOf("The Bestelleingang was 5 billion euros.", "en"), "German only");
  }

  @Test
  void a_keyword_with_pattern_characters_is_taken_literally() {
    List<Map<String, Object>> wanted = current();
    wanted.add(entry("de", "Umsatz.*", "orders", false));
    wanted.add(entry("en", "(a+)+$", "redos_probe", false));
    assertEquals(200, put(wanted, ADMIN_TOKEN).status());

    // As a pattern "Umsatz.*" would reach over the number; as text it is only itself.
    assertEquals("revenue", metricOf("Das Umsatzplus lag bei 5 Mio. Euro.", "de"));
    assertEquals("orders", metricOf("Der Umsatz.* lag bei 5 Mio. Euro.", "de"));
    assertEquals("redos_probe", metricOf("The (a+)+$ fund holds 5 million dollars.", "en"));
    assertNull(metricOf("a".repeat(5_000) + "! It holds 5 million dollars.", "en"));
  }

  @Test
  void a_checker_or_viewer_may_read_but_not_change_the_lexicon() {
    List<Map<String, Object>> wanted = current();
    wanted.add(entry("de", "Bestelleingang", "orders", false));
    for (String role : List.of("CHECKER", "VIEWER", "INTEGRATION")) {
      Res r = put(wanted, token(role));
      assertEquals(403, r.status(), role + ": " + r);
    }
    assertEquals(before, table());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "unknown language",
        "no language",
        "empty keyword",
        "blank keyword",
        "over-long keyword",
        "keyword on two lines",
        "keyword without a letter",
        "keyword repeated in another case",
        "unknown metric",
        "no metric",
        "no entry"
      })
  void a_bad_entry_is_refused_naming_its_field_and_changes_nothing(String what) {
    List<Map<String, Object>> wanted = current();
    int i = wanted.size();
    String field = "entries[" + i + "].keyword";
    Map<String, Object> e = entry("de", "Bestelleingang", "orders", false);
    switch (what) {
      case "unknown language" -> {
        e.put("language", "fr");
        field = "entries[" + i + "].language";
      }
      case "no language" -> {
        e.remove("language");
        field = "entries[" + i + "].language";
      }
      case "empty keyword" -> e.put("keyword", "");
      case "blank keyword" -> e.put("keyword", "   ");
      case "over-long keyword" -> e.put("keyword", "a".repeat(MetricLexicon.MAX_KEYWORD + 1));
      case "keyword on two lines" -> e.put("keyword", "Bestell\neingang");
      case "keyword without a letter" -> e.put("keyword", "$%&");
      case "keyword repeated in another case" -> e.put("keyword", "UMSATZ");
      case "unknown metric" -> {
        e.put("metric", "Orders!");
        field = "entries[" + i + "].metric";
      }
      case "no metric" -> {
        e.remove("metric");
        field = "entries[" + i + "].metric";
      }
      default -> {
        e = null;
        field = "entries[" + i + "]";
      }
    }
    wanted.add(e);
    String versionBefore = store.version();

    Res r = put(wanted, token("EDITOR"));

    assertEquals(400, r.status(), r.toString());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.toString());
    assertEquals(List.of(field), fields(r));
    assertEquals(before, table());
    assertEquals(versionBefore, store.version(), "nothing written");
  }

  @Test
  void a_keyword_repeated_names_the_first_one() {
    List<Map<String, Object>> wanted = current();
    wanted.add(entry("en", "Orders", "orders", false));
    wanted.add(entry("en", " orders ", "orders", false));

    Res r = put(wanted, ADMIN_TOKEN);

    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("entries[" + (before.size() + 1) + "].keyword"), fields(r));
    assertTrue(r.toString().contains("entries[" + before.size() + "].keyword"), r.toString());
    assertEquals(before, table());
  }

  @ParameterizedTest(name = "{0} entries")
  @ValueSource(ints = {0, MetricLexicon.MAX_ENTRIES + 1})
  void no_table_or_one_too_large_is_refused_and_changes_nothing(int size) {
    current();
    List<Map<String, Object>> wanted = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      wanted.add(entry("en", "word" + i, "orders", false));
    }

    Res r = put(wanted, ADMIN_TOKEN);

    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("entries"), fields(r));
    assertEquals(before, table());
  }

  @Test
  void each_instance_reads_a_change_with_its_next_text_and_compiles_once_per_change() {
    current();
    // A second instance sharing the database: its own lexicon, its own compiled keywords.
    MetricLexicon other = new MetricLexicon(store, transactions);
    MetricKeywords first = other.of("de");
    assertSame(first, other.of("de"), "unchanged table: the compiled keywords are kept");
    List<Map<String, Object>> wanted = current();
    wanted.add(entry("de", "Bestelleingang", "orders", false));

    assertEquals(200, put(wanted, token("EDITOR")).status());

    MetricKeywords next = other.of("de");
    assertTrue(next != first, "recompiled after the change");
    assertEquals(
        List.of(new MetricKeywords.Hit(4, 18, "orders", false)), next.find("Der Bestelleingang"));
    assertSame(next, other.of("de"));
  }

  @Test
  void the_same_table_put_back_writes_nothing() {
    List<Map<String, Object>> same = current();
    String version = store.version();

    Res r = put(same, token("EDITOR"));

    assertEquals(200, r.status(), r.toString());
    assertEquals(before, r.list());
    assertEquals(version, store.version());
  }
}
