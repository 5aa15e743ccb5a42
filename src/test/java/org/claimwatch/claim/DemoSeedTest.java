package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The demo data in db/seed loads through the public API, every claim resolved to its entity. */
@MicronautTest
class DemoSeedTest extends ApiTest {

  private Res postRaw(String uri, String json, String token) {
    return call(HttpRequest.POST(uri, json).contentType(MediaType.APPLICATION_JSON), token);
  }

  @Test
  void demo_entities_and_claims_load_and_a_second_load_adds_nothing() throws Exception {
    for (String line : Files.readAllLines(Path.of("db/seed/entities.jsonl"))) {
      if (!line.isBlank()) {
        int status = postRaw("/api/v1/entities", line, ADMIN_TOKEN).status();
        assertTrue(status == 201 || status == 409, line + " -> " + status);
      }
    }
    String claims = Files.readString(Path.of("db/seed/claims-600-days-after-chatgpt.json"));
    String loader = token("EDITOR");

    Res first = postRaw("/api/v1/claims/batch", claims, loader);
    assertEquals(201, first.status(), first.toString());
    int count = (Integer) first.json().get("created");
    assertTrue(count >= 18, "the article's claims: " + count);

    List<Map<String, Object>> all = first.items();
    assertTrue(
        all.stream()
            .anyMatch(
                c ->
                    "Alphabet Inc.".equals(c.get("entityName"))
                        && "capex".equals(c.get("metric"))
                        && "12000000000".equals(c.get("value"))
                        && "PER_QUARTER".equals(c.get("periodicity"))),
        "Google's $12B a quarter, resolved from the alias Google");
    assertTrue(
        all.stream()
            .anyMatch(
                c ->
                    "OpenAI".equals(c.get("entityName"))
                        && "net_income".equals(c.get("metric"))
                        && "-5000000000".equals(c.get("value"))),
        "OpenAI's $5B loss as net_income -5B");
    assertTrue(
        all.stream()
            .anyMatch(
                c ->
                    "jobs_automated".equals(c.get("metric"))
                        && "300000000".equals(c.get("value"))));

    Res second = postRaw("/api/v1/claims/batch", claims, loader);
    assertEquals(200, second.status());
    assertEquals(0, second.json().get("created"));
    assertEquals(count, second.json().get("existing"));
  }
}
