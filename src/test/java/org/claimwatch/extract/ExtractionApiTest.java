package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@MicronautTest(transactional = false)
class ExtractionApiTest extends ApiTest {
  @Inject EmbeddedServer server;

  @ParameterizedTest
  @CsvSource({
    "bls-employment-situation-2021-01.en.txt, en, 6.3 percent, 6.3, %",
    "destatis-aussenhandel-2008-03.de.txt, de, '84,0 Milliarden Euro', 84000000000, EUR"
  })
  void an_article_gives_its_language_and_its_numbers_with_quote_and_sentence(
      String file, String language, String quote, String value, String unit) throws IOException {
    String text = fixture(file);

    Res r = post("/api/v1/extractions", Map.of("text", text), token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    assertEquals(language, r.json().get("language"), "detected");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) r.json().get("candidates");
    Map<String, Object> c =
        candidates.stream().filter(x -> quote.equals(x.get("quote"))).findFirst().orElseThrow();
    assertEquals(value, c.get("value"));
    assertEquals(unit, c.get("unit"));
    int start = (Integer) c.get("start");
    int end = (Integer) c.get("end");
    assertEquals(quote, text.substring(start, end), "quote is text[start:end]");
    assertTrue(((String) c.get("sentence")).contains(quote), c.toString());
  }

  @Test
  void a_given_language_is_used_and_an_unknown_one_is_refused() {
    Res given =
        post(
            "/api/v1/extractions",
            Map.of("text", "Es waren 5 %.", "language", "de"),
            token("INTEGRATION"));
    assertEquals(200, given.status(), given.toString());
    assertEquals("de", given.json().get("language"));
    Res fr =
        post(
            "/api/v1/extractions",
            Map.of("text", "Il y a 5 %.", "language", "fr"),
            token("CHECKER"));
    assertEquals(400, fr.status());
    assertEquals(List.of("language"), fields(fr));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"empty", "blank", "too long", "binary"})
  void text_that_cannot_be_read_is_refused_naming_the_field(String what) {
    String text =
        switch (what) {
          case "empty" -> "";
          case "blank" -> "   \n ";
          case "too long" -> "a".repeat(ExtractionService.MAX_TEXT + 1);
          default -> "PK\u0003\u0004\u0000binary";
        };
    Res r = post("/api/v1/extractions", Map.of("text", text), token("CHECKER"));
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(List.of("text"), fields(r));
  }

  @Test
  void a_text_of_nothing_but_numbers_is_answered_in_bounds() {
    String numbers = "12 ".repeat(ExtractionService.MAX_TEXT / 3);

    // What is tested is the answer's bounds, not its speed: on a busy 2-core machine reading the
    // largest text allowed may take longer than the client's default 10 s read timeout.
    DefaultHttpClientConfiguration patient = new DefaultHttpClientConfiguration();
    patient.setReadTimeout(Duration.ofSeconds(120));
    Res r;
    try (HttpClient client = HttpClient.create(server.getURL(), patient)) {
      r =
          call(
              client,
              HttpRequest.POST("/api/v1/extractions", Map.of("text", numbers, "language", "en")),
              token("CHECKER"));
    }

    assertEquals(200, r.status(), () -> r.toString().substring(0, 300));
    assertEquals(true, r.json().get("truncated"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) r.json().get("candidates");
    assertEquals(ExtractionService.MAX_CANDIDATES, candidates.size());
    assertTrue(
        candidates.stream()
            .allMatch(
                c -> ((String) c.get("sentence")).length() <= ExtractionService.MAX_SENTENCE + 2),
        "each sentence is cut around its number");
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_number_is_about_the_entity_named_nearest_it_by_name_alias_or_possessive() {
    String u = unique();
    String name = "Zephyr Labs Z" + u; // never a number of its own, even when u is all digits
    String alias = "ZL" + u.toUpperCase(java.util.Locale.ROOT);
    Res made =
        post(
            "/api/v1/entities",
            Map.of("name", name, "kind", "COMPANY", "aliases", List.of(alias)),
            ADMIN_TOKEN);
    assertEquals(201, made.status(), made.toString());
    long id = ((Number) made.json().get("id")).longValue();
    String text =
        name
            + " could lose $5 billion this year. "
            + alias
            + "'s revenue was $3 billion in 2023. It also holds 12% of the market.";

    Res r = post("/api/v1/extractions", Map.of("text", text, "language", "en"), token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) r.json().get("candidates");
    assertEquals(3, candidates.size(), candidates.toString());
    for (Map<String, Object> c : candidates) {
      assertEquals(id, ((Number) c.get("entityId")).longValue(), c.toString());
      assertEquals(name, c.get("entityName"));
    }
    assertEquals(
        List.of("net_income", "revenue", "market_share"),
        candidates.stream().map(c -> c.get("metric")).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_number_in_a_stored_entitys_name_is_not_a_candidate() {
    String name = "Route 66 Media " + unique();
    assertEquals(
        201,
        post("/api/v1/entities", Map.of("name", name, "kind", "COMPANY"), ADMIN_TOKEN).status());
    String text = name + " had revenue of $5 billion in 2023.";

    Res r = post("/api/v1/extractions", Map.of("text", text, "language", "en"), token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) r.json().get("candidates");
    assertEquals(1, candidates.size(), candidates.toString());
    assertEquals("5000000000", candidates.get(0).get("value"));
    assertEquals(name, candidates.get(0).get("entityName"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_candidate_lists_the_stored_claim_that_says_the_same_in_numbers_across_languages() {
    String name = "Quanta AI " + unique();
    Res made = post("/api/v1/entities", Map.of("name", name, "kind", "COMPANY"), ADMIN_TOKEN);
    long entity = ((Number) made.json().get("id")).longValue();
    Res stored =
        post(
            "/api/v1/claims",
            Map.of(
                "statement", name + " could lose $5 billion this year",
                "entityId", entity,
                "metric", "net_income",
                "value", "-5000000000",
                "unit", "USD",
                "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31",
                "kind", "FORECAST"),
            ADMIN_TOKEN);
    assertEquals(201, stored.status(), stored.toString());
    long claimId = ((Number) stored.json().get("id")).longValue();
    assertEquals(List.of(), stored.json().get("duplicates"), "nothing said it before");
    Res english =
        post(
            "/api/v1/claims",
            Map.of(
                "statement", name + " may lose 5 billion dollars in 2024",
                "entityId", entity,
                "metric", "net_income",
                "value", "-5000000000",
                "unit", "USD",
                "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31"),
            ADMIN_TOKEN);
    List<Map<String, Object>> onCreate =
        (List<Map<String, Object>>) english.json().get("duplicates");
    assertEquals(
        List.of(claimId),
        onCreate.stream().map(d -> ((Number) d.get("claimId")).longValue()).toList(),
        "a new claim lists the stored one it repeats");
    String german = name + " könnte in diesem Jahr 5 Milliarden US-Dollar verlieren.";

    Res r =
        post(
            "/api/v1/extractions",
            Map.of("text", german, "language", "de", "statedAt", "2024-05-10"),
            token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    Map<String, Object> c = ((List<Map<String, Object>>) r.json().get("candidates")).get(0);
    List<Map<String, Object>> duplicates = (List<Map<String, Object>>) c.get("duplicates");
    assertEquals(2, duplicates.size(), c.toString());
    assertEquals(claimId, ((Number) duplicates.get(1).get("claimId")).longValue(), "newest first");
    assertEquals("UNVERIFIED", duplicates.get(0).get("status"));
    assertEquals(1.0, ((Number) duplicates.get(0).get("similarity")).doubleValue());

    Res otherYear =
        post(
            "/api/v1/extractions",
            Map.of("text", german, "language", "de", "statedAt", "2022-05-10"),
            token("CHECKER"));
    assertEquals(
        List.of(),
        ((List<Map<String, Object>>) otherYear.json().get("candidates")).get(0).get("duplicates"),
        "another year's loss is not the same claim");
  }

  @Test
  @SuppressWarnings("unchecked")
  void saved_candidates_become_claims_citing_the_article_once() {
    String url = "https://example.org/article/" + unique();
    Map<String, Object> body =
        Map.of(
            "text",
            "Revenue rose to $25 billion in Q2 2023. Profit was $3 billion last year.",
            "language",
            "en",
            "statedAt",
            "2024-05-10",
            "source",
            Map.of("url", url, "publisher", "Example Times"),
            "save",
            true);
    String integration = token("INTEGRATION");

    Res first = post("/api/v1/extractions", body, integration);
    Res again = post("/api/v1/extractions", body, integration);

    assertEquals(200, first.status(), first.toString());
    List<Number> ids = (List<Number>) first.json().get("claimIds");
    assertEquals(2, ids.size(), first.toString());
    assertEquals(ids, again.json().get("claimIds"), "the same text and source add nothing");
    Map<String, Object> claim = get("/api/v1/claims/" + ids.get(0), ADMIN_TOKEN).json();
    assertEquals("UNVERIFIED", claim.get("status"));
    assertEquals("25000000000", claim.get("value"));
    assertEquals("revenue", claim.get("metric"));
    assertEquals("2023-04-01", claim.get("periodStart"));
    assertEquals(url, ((Map<String, Object>) claim.get("source")).get("url"));
  }

  @Test
  void saving_needs_the_articles_url_and_stores_nothing_without_it() {
    Res r =
        post(
            "/api/v1/extractions",
            Map.of("text", "Revenue was $5 billion.", "language", "en", "save", true),
            token("CHECKER"));
    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("source.url"), fields(r));
  }

  @Test
  void a_viewer_may_not_run_extractions() {
    assertEquals(403, post("/api/v1/extractions", Map.of("text", "5 %"), token("VIEWER")).status());
  }

  private static String fixture(String file) throws IOException {
    try (InputStream in =
        ExtractionApiTest.class.getResourceAsStream("/fixtures/articles/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
