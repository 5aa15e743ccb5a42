package org.claimwatch.system;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Hostile and odd input answered with a clear 4xx, never a 500 (issue 12, items 10-14, 17). */
@MicronautTest(transactional = false)
class HardeningTest extends ApiTest {

  /** A claim of Q1 2024 revenue of 100 USD, as a JSON map the test can spoil. */
  private Map<String, Object> claimBody(long entity) {
    return about(entity)
        .value("100")
        .period("2024-01-01", "2024-03-31")
        .statedAt("2024-04-01")
        .toMap();
  }

  @Test
  void a_huge_report_url_ending_in_a_newline_is_refused_naming_the_url() {
    long e = company("Url Co " + unique(), null);
    Map<String, Object> body =
        reportBody(e, "2024-05-01", "revenue", "1", "2024-01-01", "2024-03-31");
    body.put("url", "https://example.org/" + "a".repeat(100_000) + "\n");
    Res r = post("/api/v1/reports", body, ADMIN_TOKEN);
    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("url"), fields(r));
  }

  /** A JSON value of another type than the field's is refused naming it, never coerced. */
  @Test
  void a_boolean_or_an_id_of_another_json_type_is_refused_naming_the_field() {
    long e = company("Types Co " + unique(), null);
    for (Object wrong : List.of(true, 1.9, String.valueOf(e), 1e3)) {
      Map<String, Object> body = claimBody(e);
      body.put("entityId", wrong);
      Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
      assertEquals(400, r.status(), wrong + ": " + r);
      assertEquals(List.of("entityId"), fields(r), wrong + ": " + r);
    }
    Map<String, Object> fraction = claimBody(e);
    fraction.put("priority", 2.7);
    Res r = post("/api/v1/claims", fraction, ADMIN_TOKEN);
    assertEquals(List.of("priority"), fields(r), r.toString());

    Res sub =
        post(
            "/api/v1/webhooks",
            Map.of("url", "https://93.184.216.34/types", "events", List.of("claim.created")),
            ADMIN_TOKEN);
    assertEquals(201, sub.status(), sub.toString());
    String at = "/api/v1/webhooks/" + sub.json().get("id");
    for (Object wrong : List.of("yes", "no", 0, List.of(false))) {
      Res p = patch(at, Map.of("enabled", wrong), null, ADMIN_TOKEN);
      assertEquals(400, p.status(), wrong + ": " + p);
      assertEquals(List.of("enabled"), fields(p), wrong + ": " + p);
    }
    assertEquals(true, get(at, ADMIN_TOKEN).json().get("enabled"), "still enabled");
    assertEquals(200, patch(at, Map.of("enabled", false), null, ADMIN_TOKEN).status());
    assertEquals(false, get(at, ADMIN_TOKEN).json().get("enabled"));
  }

  /** A query or path value of the wrong form names its parameter, as a body's field would. */
  @Test
  void a_query_or_path_value_of_the_wrong_form_is_a_validation_problem_naming_it() {
    Map<String, String> fieldOf =
        Map.of(
            "/api/v1/claims?limit=1e9", "limit",
            "/api/v1/claims?limit=abc", "limit",
            "/api/v1/claims?entityId=abc", "entityId",
            "/api/v1/claims/abc", "id");
    fieldOf.forEach(
        (uri, field) -> {
          Res r = get(uri, ADMIN_TOKEN);
          assertEquals(400, r.status(), uri + ": " + r);
          assertEquals(List.of(field), fields(r), uri + ": " + r);
          assertEquals("urn:problem:claimwatch:validation", r.json().get("type"), uri + ": " + r);
          assertFalse(r.toString().contains("Failed to convert"), uri + ": " + r);
        });
  }

  @Test
  void an_entity_name_longer_than_any_is_refused_without_being_echoed() {
    Map<String, Object> body = claimBody(company("Echo Co " + unique(), null));
    body.remove("entityId");
    body.put("entityName", "x".repeat(70_000));
    Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
    assertEquals(400, r.status(), r.toString().substring(0, 300));
    assertEquals(List.of("entityName"), fields(r));
    assertTrue(r.toString().length() < 2_000, "the 70,000 characters are not sent back");
  }

  /** Text a database would not keep as sent, or a string field given another JSON type. */
  @Test
  void a_string_of_another_json_type_or_of_unstorable_text_is_refused_naming_the_field() {
    long e = company("Text Co " + unique(), null);
    Map<String, String> why =
        Map.of(
            "lone \ud800 surrogate", "unpaired surrogate",
            "a\u0000b", "control character",
            "bell\u0007", "control character");
    why.forEach(
        (text, reason) -> {
          Map<String, Object> body = claimBody(e);
          body.put("statement", text);
          Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
          assertEquals(400, r.status(), r.toString());
          assertEquals(List.of("statement"), fields(r), r.toString());
          assertTrue(r.toString().contains(reason), r.toString());
        });
    for (Object wrong : List.of(12, true, List.of("a"))) {
      Map<String, Object> body = claimBody(e);
      body.put("statement", wrong);
      Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
      assertEquals(List.of("statement"), fields(r), wrong + ": " + r);
    }
    // tabs, line breaks and text beyond the Basic Multilingual Plane are text
    Map<String, Object> fine = claimBody(e);
    fine.put("statement", "Umsatz\tstieg\r\n um 5 % \uD83D\uDCC8");
    Res ok = post("/api/v1/claims", fine, ADMIN_TOKEN);
    assertEquals(201, ok.status(), ok.toString());
    assertEquals(
        fine.get("statement"),
        get("/api/v1/claims/" + ok.json().get("id"), ADMIN_TOKEN).json().get("statement"));
  }

  /** 25 subscriptions a token, however many of its requests race to add one. */
  @Test
  void parallel_requests_of_one_token_never_pass_its_subscription_limit() throws Exception {
    String integration = token("INTEGRATION");
    int tries = 40;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < tries; i++) {
        Map<String, Object> body =
            Map.of(
                "url",
                "https://93.184.216.34/race/" + i,
                "events",
                List.of("claim.created"),
                "enabled",
                false);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("/api/v1/webhooks", body, integration).status();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (java.util.concurrent.Future<Integer> a : answers) {
        statuses.add(a.get());
      }
      assertEquals(25, statuses.stream().filter(st -> st == 201).count(), statuses.toString());
      assertEquals(
          tries - 25, statuses.stream().filter(st -> st == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    List<Map<String, Object>> mine = get("/api/v1/webhooks", integration).list();
    assertEquals(25, mine.size());
    for (Map<String, Object> s : mine) {
      call(HttpRequest.DELETE("/api/v1/webhooks/" + s.get("id")), integration);
    }
  }

  @Test
  void a_language_tag_longer_than_the_column_is_refused() {
    Map<String, Object> body = claimBody(company("Lang Co " + unique(), null));
    body.put("language", "en-" + "abcdefgh-".repeat(5) + "x");
    Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("language"), fields(r));
  }

  @Test
  void dates_beyond_the_year_9999_are_refused_field_by_field() {
    Map<String, Object> body = claimBody(company("Date Co " + unique(), null));
    body.put("periodEnd", "+10000-01-01");
    body.put("statedAt", "+10000-01-01T00:00:00Z");
    Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("periodEnd", "statedAt"), fields(r).stream().sorted().toList());
    assertEquals(400, get("/api/v1/claims?statedFrom=%2B10000-01-01", ADMIN_TOKEN).status());
  }

  @Test
  void a_recheck_note_longer_than_2000_characters_is_refused() {
    long id = ((Number) claim(claimBody(company("Note Co " + unique(), null)))).longValue();
    Res r =
        post("/api/v1/claims/" + id + "/recheck", Map.of("note", "n".repeat(2001)), ADMIN_TOKEN);
    assertEquals(400, r.status(), r.toString());
    assertEquals(List.of("note"), fields(r));
    assertEquals(List.of(), get("/api/v1/rechecks?claimId=" + id, ADMIN_TOKEN).items());
  }

  /** A companyfacts document with one fact, its members as given. */
  private static String secDoc(long cik, String name, String concept, String unit, String fact) {
    return "{\"cik\":"
        + cik
        + ",\"entityName\":\""
        + name
        + "\",\"facts\":{\"us-gaap\":{\""
        + concept
        + "\":{\"units\":{\""
        + unit
        + "\":["
        + fact
        + "]}}}}}";
  }

  private static String fact(String val, String form, String fp, String frame) {
    return "{\"start\":\"2023-01-01\",\"end\":\"2023-12-31\",\"val\":"
        + val
        + ",\"accn\":\"0000000001-24-000001\",\"fy\":2023,\"fp\":\""
        + fp
        + "\",\"form\":\""
        + form
        + "\",\"filed\":\"2024-02-10\",\"frame\":\""
        + frame
        + "\"}";
  }

  private Res secImport(String json) {
    return call(
        HttpRequest.POST("/api/v1/reports/sec-companyfacts", json)
            .contentType(MediaType.APPLICATION_JSON),
        ADMIN_TOKEN);
  }

  @Test
  void over_long_members_and_numbers_beyond_any_column_in_an_sec_document_are_refused() {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    String ok = fact("5", "10-K", "FY", "CY2023");
    List<String> docs = new ArrayList<>();
    docs.add(secDoc(cik, "Co", "Revenues", "USD", fact("5", "F".repeat(33), "FY", "CY2023")));
    docs.add(secDoc(cik, "Co", "Revenues", "USD", fact("5", "10-K", "F".repeat(9), "CY2023")));
    docs.add(secDoc(cik, "Co", "Revenues", "USD", fact("5", "10-K", "FY", "C".repeat(17))));
    docs.add(secDoc(cik, "Co", "Revenues", "U".repeat(33), ok));
    docs.add(secDoc(cik, "Co", "R".repeat(300), "USD", ok));
    docs.add(secDoc(cik, "N".repeat(201), "Revenues", "USD", ok));
    docs.add(secDoc(cik, "Co", "Revenues", "USD", fact("1e2147483647", "10-K", "FY", "CY2023")));
    docs.add(secDoc(cik, "Co", "Revenues", "USD", fact("1e-2147483648", "10-K", "FY", "CY2023")));
    for (String doc : docs) {
      Res r = secImport(doc);
      assertEquals(422, r.status(), doc.substring(0, Math.min(200, doc.length())) + " -> " + r);
      assertFalse(fields(r).isEmpty(), r.toString());
      assertTrue(fields(r).get(0).length() <= 303, "the place is shortened: " + fields(r));
    }
    assertEquals(
        List.of(),
        get("/api/v1/entities?q=Co", ADMIN_TOKEN).items().stream()
            .filter(e -> e.get("secCik") instanceof Number n && n.longValue() == cik)
            .toList(),
        "no entity was made");
  }

  @Test
  void the_documented_batch_of_1000_claims_with_long_statements_fits_the_body_limit() {
    long e = company("Batch Co " + unique(), null);
    List<Map<String, Object>> claims = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> c = claimBody(e);
      c.put("statement", ("Umsatz " + i + " ").repeat(500).substring(0, 4000));
      c.put("externalRef", "batch-" + unique() + "-" + i);
      claims.add(c);
    }
    Res r = post("/api/v1/claims/batch", Map.of("claims", claims), ADMIN_TOKEN);
    assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.headers());
  }

  @Test
  void metrics_need_an_admin_token_whatever_the_path_spelling() {
    for (String path : List.of("/prometheus", "/prometheus/")) {
      assertEquals(401, get(path, null).status(), path);
      assertEquals(403, get(path, token("EDITOR")).status(), path);
    }
    assertEquals(200, get("/prometheus", ADMIN_TOKEN).status());
  }

  @Test
  void health_tells_anonymous_callers_up_or_down_only_and_probes_have_their_own_endpoints() {
    Res anonymous = get("/health", null);
    assertEquals(200, anonymous.status(), anonymous.toString());
    assertEquals("UP", anonymous.json().get("status"));
    assertNull(anonymous.json().get("details"), "no details without a token: " + anonymous);
    assertTrue(get("/health", ADMIN_TOKEN).json().containsKey("details"));
    assertEquals(200, get("/health/liveness", null).status());
    assertEquals(200, get("/health/readiness", null).status());
  }

  @Test
  void pages_carry_security_headers() {
    Res page = call(HttpRequest.GET("/ui/sign-in").accept(MediaType.TEXT_HTML_TYPE), null);
    assertEquals(200, page.status());
    String csp = page.header("Content-Security-Policy");
    assertTrue(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertEquals("no-store", page.header("Cache-Control"));
  }

  @Test
  void no_cache_keeps_an_api_answer_a_new_tokens_secret_least_of_all() {
    Res created =
        post("/api/v1/tokens", Map.of("name", "cache-" + unique(), "role", "VIEWER"), ADMIN_TOKEN);
    assertEquals(201, created.status(), created.toString());
    assertEquals("no-store", created.header("Cache-Control"));
    assertEquals("nosniff", created.header("X-Content-Type-Options"));
    Res refused = get("/api/v1/claims", null);
    assertEquals(401, refused.status());
    assertEquals("no-store", refused.header("Cache-Control"));
  }

  @Test
  void an_unreachable_database_is_503_with_retry_after_and_a_lost_race_is_409() {
    ProblemException down =
        DatabaseFailures.problem(
            new RuntimeException(
                new java.sql.SQLTransientConnectionException("Connection is not available")));
    assertEquals(503, down.status().getCode());
    assertEquals("database-unavailable", down.slug());
    ProblemException deadlock =
        DatabaseFailures.problem(
            new RuntimeException(new java.sql.SQLException("d", "40001", 1213)));
    assertEquals(409, deadlock.status().getCode());
    assertNull(DatabaseFailures.problem(new IllegalStateException("a bug")));
    // How a connection that died under a request reaches the mapping (DatabaseOutageTest).
    assertEquals(
        503,
        DatabaseFailures.problem(
                new io.micronaut.data.connection.exceptions.ConnectionException(
                    "Could not set JDBC Connection read-only",
                    new java.sql.SQLException("Connection is closed")))
            .status()
            .getCode());
    assertNull(
        DatabaseFailures.problem(
            new io.micronaut.data.connection.exceptions.NoConnectionException()),
        "code that never opened a connection is a bug, not an outage");
  }
}
