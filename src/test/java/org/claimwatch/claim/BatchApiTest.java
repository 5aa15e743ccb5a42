package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class BatchApiTest extends ApiTest {

  private static List<Map<String, Object>> claims(String tag, int n) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> c = new HashMap<>();
      c.put("externalRef", tag + "-" + i);
      c.put("statement", "Batch " + tag + " claim " + i);
      c.put("metric", "capex");
      c.put("value", i + ".25");
      c.put("unit", "USD");
      c.put("source", Map.of("url", "https://example.org/" + tag + "/" + (i % 3)));
      list.add(c);
    }
    return list;
  }

  private int countByStatement(String tag) {
    return get("/api/v1/claims?limit=200&q=Batch%20" + tag + "%20", ADMIN_TOKEN).items().size();
  }

  @Test
  void stores_a_batch_in_request_order_with_exact_numbers() {
    String tag = unique();
    Res r = post("/api/v1/claims/batch", Map.of("claims", claims(tag, 25)), ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    assertEquals(25, r.json().get("created"));
    assertEquals(0, r.json().get("existing"));
    List<Map<String, Object>> items = r.items();
    for (int i = 0; i < 25; i++) {
      assertEquals(tag + "-" + i, items.get(i).get("externalRef"));
      assertEquals(i + ".25", items.get(i).get("value"));
    }
    assertEquals(25, countByStatement(tag));
  }

  @Test
  void one_bad_item_stores_nothing_and_every_bad_item_is_listed_by_index() {
    String tag = unique();
    List<Map<String, Object>> list = claims(tag, 10);
    list.get(2).put("value", "12 billion");
    list.get(7).put("statement", "");
    list.get(7).put("periodStart", "2024-13-01");
    list.get(9).put("externalRef", tag + "-0");

    Res r = post("/api/v1/claims/batch", Map.of("claims", list), ADMIN_TOKEN);

    assertEquals(400, r.status());
    assertEquals(
        List.of(
            "claims[2].value",
            "claims[7].statement",
            "claims[7].periodStart",
            "claims[9].externalRef"),
        fields(r));
    assertEquals(0, countByStatement(tag));
  }

  @Test
  void a_repeated_batch_returns_the_stored_claims_and_adds_nothing() {
    String tag = unique();
    Res first = post("/api/v1/claims/batch", Map.of("claims", claims(tag, 10)), ADMIN_TOKEN);
    assertEquals(201, first.status());

    List<Map<String, Object>> again = claims(tag, 12);
    again.get(0).put("statement", "Batch " + tag + " changed words");
    Res second = post("/api/v1/claims/batch", Map.of("claims", again), ADMIN_TOKEN);

    assertEquals(201, second.status(), second.toString());
    assertEquals(2, second.json().get("created"));
    assertEquals(10, second.json().get("existing"));
    for (int i = 0; i < 10; i++) {
      assertEquals(first.items().get(i), second.items().get(i));
    }
    Res third = post("/api/v1/claims/batch", Map.of("claims", claims(tag, 12)), ADMIN_TOKEN);
    assertEquals(200, third.status());
    assertEquals(0, third.json().get("created"));
    assertEquals(12, countByStatement(tag));
  }

  @Test
  void external_refs_are_per_caller() {
    String tag = unique();
    String other = token("INTEGRATION");
    assertEquals(
        201, post("/api/v1/claims/batch", Map.of("claims", claims(tag, 3)), ADMIN_TOKEN).status());
    Res r = post("/api/v1/claims/batch", Map.of("claims", claims(tag, 3)), other);
    assertEquals(201, r.status());
    assertEquals(3, r.json().get("created"));
  }

  @Test
  void concurrent_identical_batches_store_each_claim_once() throws Exception {
    String tag = unique();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Res>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            () -> post("/api/v1/claims/batch", Map.of("claims", claims(tag, 50)), ADMIN_TOKEN));
      }
      int created = 0;
      for (Future<Res> f : pool.invokeAll(calls)) {
        Res r = f.get();
        assertEquals(true, r.status() == 200 || r.status() == 201, r.toString());
        created += (Integer) r.json().get("created");
      }
      assertEquals(50, created);
      assertEquals(50, countByStatement(tag));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batch_size_must_be_1_to_1000() {
    assertEquals(
        List.of("claims"),
        fields(post("/api/v1/claims/batch", Map.of("claims", List.of()), ADMIN_TOKEN)));
    assertEquals(List.of("claims"), fields(post("/api/v1/claims/batch", Map.of(), ADMIN_TOKEN)));
    Res tooMany =
        post("/api/v1/claims/batch", Map.of("claims", claims(unique(), 1001)), ADMIN_TOKEN);
    assertEquals(400, tooMany.status());
    assertEquals(List.of("claims"), fields(tooMany));
  }

  @Test
  void prefer_return_minimal_answers_with_ids_only() {
    String tag = unique();
    var req =
        io.micronaut.http.HttpRequest.POST(
            "/api/v1/claims/batch", Map.of("claims", claims(tag, 3)));
    req.header("Prefer", "return=minimal");
    Res r = call(req, ADMIN_TOKEN);
    assertEquals(201, r.status());
    assertEquals("return=minimal", r.header("Preference-Applied"));
    assertEquals(3, r.json().get("created"));
    Map<String, Object> first = r.items().get(0);
    assertEquals(java.util.Set.of("id", "externalRef", "version"), first.keySet());
    assertEquals(tag + "-0", first.get("externalRef"));
    assertEquals(1, first.get("version"));
  }

  @Test
  void a_full_batch_of_1000_is_accepted() {
    String tag = unique();
    Res r = post("/api/v1/claims/batch", Map.of("claims", claims(tag, 1000)), ADMIN_TOKEN);
    assertEquals(201, r.status());
    assertEquals(1000, r.json().get("created"));
    assertEquals(1000, r.items().size());
  }
}
