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
import org.claimwatch.support.Fixtures;
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

  /**
   * The tour: the example claims about Apple get their checks from the filings up to 2024-06-30,
   * and importing the later filings flags the two that they bear on. Run on a company of its own
   * (fresh CIK and alias), so the test shares the database with the real demo entity. Worked out:
   * capex "about $2.2B a quarter" in fiscal 2024 (±$0.22B) is within on Q1 2.392B and Q2 1.996B;
   * the later Q3 2.151B is within and Q4 9.447B - 6.539B = 2.908B is 32.2% above, so the flag
   * CONTRADICTS on Q4. Revenue Q2 FY24 90.753B is within $90.8B (±$0.05B) and filed before the
   * claim: a check, no flag. "More than $400B" in FY24 has no figure until the 10-K: 391.035B.
   */
  @Test
  @SuppressWarnings("unchecked")
  void the_demo_examples_get_checks_and_the_later_filings_flag_them() throws Exception {
    long cik =
        java.util.concurrent.ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    String alias = "Apple demo " + unique();
    Map<String, Object> entity =
        Map.of(
            "name", alias + " Inc.", "kind", "COMPANY", "aliases", List.of(alias), "secCik", cik);
    assertEquals(201, post("/api/v1/entities", entity, ADMIN_TOKEN).status());
    String examples =
        Files.readString(Path.of("db/seed/examples-apple.json"))
            .replace("\"entityName\": \"Apple\"", "\"entityName\": \"" + alias + "\"");
    Res loaded = postRaw("/api/v1/claims/batch", examples, token("EDITOR"));
    assertEquals(201, loaded.status(), loaded.toString());
    List<Object> ids = loaded.items().stream().map(c -> c.get("id")).toList();

    Res early =
        importCompanyFacts(Fixtures.seedAppleFilings("apple-filed-by-2024-06-30.json", cik));
    assertEquals(201, early.status(), early.toString());
    Map<String, Object> capex = get("/api/v1/claims/" + ids.get(0), ADMIN_TOKEN).json();
    Map<String, Object> capexCheck = (Map<String, Object>) capex.get("check");
    assertEquals("SUPPORTS", capexCheck.get("outcome"));
    assertEquals(2, ((List<?>) capexCheck.get("figures")).size());
    Map<String, Object> revenue = get("/api/v1/claims/" + ids.get(1), ADMIN_TOKEN).json();
    assertEquals("SUPPORTS", ((Map<String, Object>) revenue.get("check")).get("outcome"));
    assertEquals(null, get("/api/v1/claims/" + ids.get(2), ADMIN_TOKEN).json().get("check"));
    assertEquals(0, early.json().get("claimsFlagged"));

    Res later =
        importCompanyFacts(Fixtures.seedAppleFilings("apple-filed-by-2026-03-21.json", cik));
    assertEquals(201, later.status(), later.toString());
    assertEquals(2, later.json().get("claimsFlagged"), later.toString());
    Map<String, Object> flag =
        (Map<String, Object>)
            get("/api/v1/claims/" + ids.get(0), ADMIN_TOKEN).json().get("openRecheck");
    Map<String, Object> cmp = (Map<String, Object>) flag.get("comparison");
    assertEquals("CONTRADICTS", cmp.get("outcome"));
    assertEquals("2908000000", cmp.get("reportedValue"));
    Map<String, Object> forecast =
        (Map<String, Object>)
            get("/api/v1/claims/" + ids.get(2), ADMIN_TOKEN).json().get("openRecheck");
    assertEquals(
        "391035000000", ((Map<String, Object>) forecast.get("comparison")).get("reportedValue"));
    assertEquals(null, get("/api/v1/claims/" + ids.get(1), ADMIN_TOKEN).json().get("openRecheck"));
  }
}
