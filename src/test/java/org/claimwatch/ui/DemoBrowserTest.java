package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The "done when": a fact-checker, new to the pages, signs in and works five demo claims
 * (db/seed, loaded with their refs and statements tagged so this run's rows are its own) from the
 * unreviewed queue to a published verdict, in the browser only; the API is used to set up and to
 * check, never to work.
 */
@MicronautTest(transactional = false)
class DemoBrowserTest extends BrowserTestBase {

  @Test
  @SuppressWarnings("unchecked")
  void a_checker_works_five_demo_claims_from_the_queue_to_published_verdicts() throws Exception {
    for (String line : Files.readAllLines(Path.of("db/seed/entities.jsonl"))) {
      if (!line.isBlank()) {
        call(
            HttpRequest.POST("/api/v1/entities", line).contentType(MediaType.APPLICATION_JSON),
            ADMIN_TOKEN);
      }
    }
    String tag = unique();
    Map<String, Object> seed =
        json(Files.readString(Path.of("db/seed/claims-600-days-after-chatgpt.json")));
    List<Map<String, Object>> claims = new ArrayList<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) seed.get("claims")) {
      if ("OpenAI".equals(c.get("entityName")) && claims.size() < 5) {
        c.put("externalRef", c.get("externalRef") + "-" + tag);
        c.put("statement", c.get("statement") + " [" + tag + "]");
        claims.add(c);
      }
    }
    assertEquals(5, claims.size());
    Res loaded = post("/api/v1/claims/batch", Map.of("claims", claims), ADMIN_TOKEN);
    assertEquals(201, loaded.status(), loaded::toString);
    long openAi = ((Number) loaded.items().get(0).get("entityId")).longValue();

    signIn(token("CHECKER"));
    List<String> verdicts =
        List.of("UNVERIFIABLE", "MISLEADING", "UNVERIFIABLE", "MISLEADING", "UNVERIFIABLE");
    for (int i = 0; i < claims.size(); i++) {
      String statement = (String) claims.get(i).get("statement");
      open("/ui/queue/unreviewed?entityId=" + openAi);
      go(By.linkText(statement));
      go(By.id("take"));
      new Select(browser.findElement(By.id("status-field"))).selectByValue(verdicts.get(i));
      browser
          .findElement(By.id("rationale"))
          .sendKeys("OpenAI reports no audited figures; the number rests on one unnamed source.");
      if (i == 1) {
        browser.findElement(By.id("url")).sendKeys("https://www.theinformation.com/");
        browser.findElement(By.id("urlNote")).sendKeys("The report the claim cites");
      }
      go(By.id("record"));
      assertEquals(verdicts.get(i), status());
    }

    open("/ui/queue/unreviewed?entityId=" + openAi);
    for (Map<String, Object> c : claims) {
      assertTrue(
          absent(By.linkText((String) c.get("statement"))), "still waiting: " + c.get("statement"));
    }
    for (Map<String, Object> item : loaded.items()) {
      long id = ((Number) item.get("id")).longValue();
      Res review = get("/api/v1/claims/" + id + "/claimreview", ADMIN_TOKEN);
      assertEquals(200, review.status(), review::toString);
    }
  }

  @jakarta.inject.Inject io.micronaut.json.JsonMapper mapper;

  @SuppressWarnings("unchecked")
  private Map<String, Object> json(String text) throws Exception {
    return mapper.readValue(text, Map.class);
  }
}
