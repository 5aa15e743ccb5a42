package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class ClaimApiTest extends ApiTest {

  private Map<String, Object> claim(String statement) {
    Map<String, Object> c = new HashMap<>();
    c.put("statement", statement);
    return c;
  }

  private Res create(Map<String, Object> body) {
    return post("/api/v1/claims", body, ADMIN_TOKEN);
  }

  @Test
  void creates_a_claim_and_returns_every_field_with_its_version_as_etag() {
    long alphabet = entity("Alphabet " + unique(), "Google " + unique());
    Map<String, Object> body = claim("Google invests $12 billion per quarter in AI");
    body.put("entityId", alphabet);
    body.put("metric", "capex");
    body.put("value", "12000000000");
    body.put("unit", "USD");
    body.put("qualifier", "APPROX");
    body.put("periodStart", "2024-04-01");
    body.put("periodEnd", "2024-06-30");
    body.put("periodicity", "PER_QUARTER");
    body.put("kind", "REPORTED");
    body.put("language", "en");
    body.put("claimant", "Kechuangban Daily");
    body.put("statedAt", "2024-07-27");
    body.put("priority", 80);
    body.put(
        "source",
        Map.of(
            "url", "https://example.org/600-days-" + unique(),
            "title", "600 days after ChatGPT",
            "publisher", "Kechuangban Daily",
            "publishedAt", "2024-07-27T08:00:00Z"));

    Res r = create(body);

    assertEquals(201, r.status(), r.toString());
    Map<String, Object> c = r.json();
    assertEquals("\"1\"", r.header("ETag"));
    assertEquals(1, c.get("version"));
    assertEquals("UNVERIFIED", c.get("status"));
    assertEquals("12000000000", c.get("value"));
    assertEquals("APPROX", c.get("qualifier"));
    assertEquals("2024-04-01", c.get("periodStart"));
    assertEquals("2024-06-30", c.get("periodEnd"));
    assertEquals("PER_QUARTER", c.get("periodicity"));
    assertEquals("2024-07-27T00:00:00Z", c.get("statedAt"));
    assertEquals(80, c.get("priority"));
    assertEquals(((Number) c.get("entityId")).longValue(), alphabet);
    assertTrue(c.containsKey("openRecheck"));
    @SuppressWarnings("unchecked")
    Map<String, Object> source = (Map<String, Object>) c.get("source");
    assertEquals("2024-07-27T08:00:00Z", source.get("publishedAt"));

    Res read = get("/api/v1/claims/" + c.get("id"), ADMIN_TOKEN);
    assertEquals(200, read.status());
    assertEquals(c, read.json());
    assertEquals("\"1\"", read.header("ETag"));
  }

  @Test
  void numbers_come_back_exactly_as_stored() {
    String[] values = {
      "5000000000", "-5000000000", "8.5", "0.000001", "99999999999999999999999999999999.999999", "0"
    };
    for (String v : values) {
      Map<String, Object> body = claim("number " + v);
      body.put("value", v);
      Res r = create(body);
      assertEquals(201, r.status(), r.toString());
      Res read = get("/api/v1/claims/" + r.json().get("id"), ADMIN_TOKEN);
      assertEquals(v, read.json().get("value"));
    }
    Map<String, Object> body = claim("trailing zeros");
    body.put("value", "8.50");
    assertEquals("8.5", create(body).json().get("value"));
  }

  @Test
  void rejects_numbers_that_would_be_rounded_or_are_not_plain_decimals() {
    for (String bad :
        List.of("1e9", "1,000", "0.0000001", "abc", "123456789012345678901234567890123", "")) {
      Map<String, Object> body = claim("bad number");
      body.put("value", bad);
      Res r = create(body);
      assertEquals(400, r.status(), bad);
      assertEquals("value", fields(r).get(0), bad);
    }
  }

  @Test
  void reports_every_invalid_field_by_name() {
    Map<String, Object> body = new HashMap<>();
    body.put("statement", "");
    body.put("value", "10");
    body.put("qualifier", "RANGE");
    body.put("periodStart", "2024-07-01");
    body.put("periodEnd", "2024-06-30");
    body.put("entityId", 987654321);
    body.put("language", "not a language");
    body.put("source", Map.of("url", "ftp://example.org/x"));
    body.put("priority", 101);

    Res r = create(body);

    assertEquals(400, r.status());
    assertEquals("application/problem+json", r.header("Content-Type"));
    assertEquals(
        Set.of(
            "statement",
            "valueHigh",
            "periodEnd",
            "entityId",
            "language",
            "source.url",
            "priority"),
        new HashSet<>(fields(r)));
  }

  @Test
  void range_needs_value_high_at_least_value() {
    Map<String, Object> body = claim("between 4 and 3");
    body.put("value", "4");
    body.put("valueHigh", "3");
    body.put("qualifier", "RANGE");
    Res r = create(body);
    assertEquals(400, r.status());
    assertEquals(List.of("valueHigh"), fields(r));

    body.put("valueHigh", "4.5");
    Res ok = create(body);
    assertEquals(201, ok.status());
    assertEquals("4.5", ok.json().get("valueHigh"));
  }

  @Test
  void statement_longer_than_4000_characters_is_rejected() {
    Res r = create(claim("x".repeat(4001)));
    assertEquals(400, r.status());
    assertEquals(List.of("statement"), fields(r));
    assertEquals(201, create(claim("x".repeat(4000))).status());
  }

  @Test
  void entity_name_or_alias_resolves_to_the_entity() {
    String alias = "Goog" + unique();
    long id = entity("Alphabet Inc " + unique(), alias);
    Map<String, Object> body = claim("alias claim");
    body.put("entityName", alias.toUpperCase());
    Res r = create(body);
    assertEquals(201, r.status(), r.toString());
    assertEquals(id, ((Number) r.json().get("entityId")).longValue());

    body.put("entityName", "Nobody " + unique());
    Res bad = create(body);
    assertEquals(400, bad.status());
    assertEquals(List.of("entityName"), fields(bad));
  }

  @Test
  void same_external_ref_from_the_same_caller_returns_the_stored_claim() {
    String ref = "ref-" + unique();
    Map<String, Object> body = claim("first");
    body.put("externalRef", ref);
    Res first = create(body);
    assertEquals(201, first.status());
    body.put("statement", "second attempt");
    Res again = create(body);
    assertEquals(200, again.status());
    assertEquals(first.json().get("id"), again.json().get("id"));
    assertEquals("first", again.json().get("statement"));
  }

  @Test
  void lists_with_filters_and_a_stable_cursor() {
    long e = entity("Lister " + unique());
    String word = "zebra" + unique();
    Set<Object> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> body = claim("The " + word + " claim number " + i);
      body.put("entityId", e);
      body.put("metric", i % 2 == 0 ? "revenue" : "capex");
      body.put("statedAt", "2024-07-0" + (i + 1));
      created.add(create(body).json().get("id"));
    }

    List<Object> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Res page =
          get(
              "/api/v1/claims?entityId="
                  + e
                  + "&limit=3"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              ADMIN_TOKEN);
      assertEquals(200, page.status(), page.toString());
      page.items().forEach(c -> seen.add(c.get("id")));
      cursor = (String) page.json().get("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(created, new HashSet<>(seen));
    assertEquals(7, seen.size());
    List<Long> ids = seen.stream().map(o -> ((Number) o).longValue()).toList();
    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort((a, b) -> Long.compare(b, a));
    assertEquals(sorted, ids, "newest first");

    assertEquals(
        4, get("/api/v1/claims?entityId=" + e + "&metric=revenue", ADMIN_TOKEN).items().size());
    assertEquals(7, get("/api/v1/claims?q=" + word, ADMIN_TOKEN).items().size());
    assertEquals(
        1, get("/api/v1/claims?q=" + word + "%20claim%20number%203", ADMIN_TOKEN).items().size());
    assertEquals(
        3,
        get(
                "/api/v1/claims?entityId=" + e + "&statedFrom=2024-07-03&statedTo=2024-07-05",
                ADMIN_TOKEN)
            .items()
            .size());
    assertEquals(
        7, get("/api/v1/claims?entityId=" + e + "&status=UNVERIFIED", ADMIN_TOKEN).items().size());
    assertEquals(
        0, get("/api/v1/claims?entityId=" + e + "&status=ACCURATE", ADMIN_TOKEN).items().size());
  }

  @Test
  void list_rejects_bad_parameters_by_name() {
    assertEquals(List.of("limit"), fields(get("/api/v1/claims?limit=0", ADMIN_TOKEN)));
    assertEquals(List.of("limit"), fields(get("/api/v1/claims?limit=201", ADMIN_TOKEN)));
    assertEquals(List.of("status"), fields(get("/api/v1/claims?status=TRUE", ADMIN_TOKEN)));
    assertEquals(List.of("cursor"), fields(get("/api/v1/claims?cursor=garbage", ADMIN_TOKEN)));
    assertEquals(List.of("statedFrom"), fields(get("/api/v1/claims?statedFrom=July", ADMIN_TOKEN)));
  }

  @Test
  void like_wildcards_in_q_match_literally() {
    String tag = unique();
    create(claim("growth of 100% in " + tag));
    create(claim("growth of 1000 in " + tag));
    assertEquals(1, get("/api/v1/claims?q=100%25%20in%20" + tag, ADMIN_TOKEN).items().size());
  }

  @Test
  void patch_needs_if_match_and_rejects_a_stale_version() {
    Map<String, Object> body = claim("Tesla spent $600M on AI in Q2 2024");
    body.put("value", "600000000");
    body.put("unit", "USD");
    Object id = create(body).json().get("id");
    String uri = "/api/v1/claims/" + id;

    Res missing = patch(uri, Map.of("value", "650000000"), null, ADMIN_TOKEN);
    assertEquals(428, missing.status());

    Res ok = patch(uri, Map.of("value", "650000000"), "\"1\"", ADMIN_TOKEN);
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("650000000", ok.json().get("value"));
    assertEquals(2, ok.json().get("version"));
    assertEquals("\"2\"", ok.header("ETag"));

    Res stale = patch(uri, Map.of("value", "700000000"), "\"1\"", ADMIN_TOKEN);
    assertEquals(412, stale.status());
    assertEquals("650000000", get(uri, ADMIN_TOKEN).json().get("value"));
  }

  @Test
  void patch_validates_the_result_and_stores_nothing_when_it_is_bad() {
    Map<String, Object> body = claim("range claim");
    body.put("value", "1");
    Object id = create(body).json().get("id");
    String uri = "/api/v1/claims/" + id;

    Res bad = patch(uri, Map.of("qualifier", "RANGE", "status", "ACCURATE"), "\"1\"", ADMIN_TOKEN);
    assertEquals(400, bad.status());
    assertEquals(Set.of("status"), new HashSet<>(fields(bad)));

    Res noHigh = patch(uri, Map.of("qualifier", "RANGE"), "\"1\"", ADMIN_TOKEN);
    assertEquals(List.of("valueHigh"), fields(noHigh));

    Res read = get(uri, ADMIN_TOKEN);
    assertEquals(1, read.json().get("version"));
    assertEquals("EXACT", read.json().get("qualifier"));
  }

  @Test
  void patch_with_null_clears_a_field_and_history_shows_who_changed_what() {
    Map<String, Object> body = claim("history claim");
    body.put("value", "5");
    body.put("claimant", "Someone");
    Object id = create(body).json().get("id");
    String uri = "/api/v1/claims/" + id;
    String checker = token("CHECKER");
    Map<String, Object> clear = new HashMap<>();
    clear.put("claimant", null);
    clear.put("value", "6");
    Res r = patch(uri, clear, "\"1\"", checker);
    assertEquals(200, r.status(), r.toString());
    assertNull(r.json().get("claimant"));

    List<Map<String, Object>> history = get(uri + "/history", ADMIN_TOKEN).list();
    assertEquals(2, history.size());
    assertEquals("CREATED", history.get(0).get("action"));
    assertEquals("admin", history.get(0).get("actor"));
    assertEquals("UPDATED", history.get(1).get("action"));
    assertEquals(2, history.get(1).get("version"));
    assertTrue(((String) history.get(1).get("actor")).startsWith("checker-"));
    assertEquals(
        Map.of(
            "claimant", mapOf("from", "Someone", "to", null),
            "value", mapOf("from", "5", "to", "6")),
        history.get(1).get("changes"));
  }

  @Test
  void concurrent_patches_with_the_same_if_match_exactly_one_wins() throws Exception {
    Map<String, Object> body = claim("race claim");
    body.put("value", "1");
    Object id = create(body).json().get("id");
    String uri = "/api/v1/claims/" + id;
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Res>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String v = String.valueOf(100 + i);
        calls.add(() -> patch(uri, Map.of("value", v), "\"1\"", ADMIN_TOKEN));
      }
      List<Integer> statuses = new ArrayList<>();
      String winner = null;
      for (Future<Res> f : pool.invokeAll(calls)) {
        Res r = f.get();
        statuses.add(r.status());
        if (r.status() == 200) {
          winner = (String) r.json().get("value");
        }
      }
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(n - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
      Res after = get(uri, ADMIN_TOKEN);
      assertEquals(2, after.json().get("version"));
      assertEquals(winner, after.json().get("value"));
      assertEquals(2, get(uri + "/history", ADMIN_TOKEN).list().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknown_claim_is_404_problem() {
    Res r = get("/api/v1/claims/999999999", ADMIN_TOKEN);
    assertEquals(404, r.status());
    assertEquals("application/problem+json", r.header("Content-Type"));
    assertEquals(404, r.json().get("status"));
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new HashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
