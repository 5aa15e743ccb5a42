package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * End to end in headless Chromium: a checker pastes an article, sees its numbers marked and the one
 * already stored linked, fixes one candidate, leaves one out, links one to the stored claim it
 * repeats, adds three, and finds them queued with the duplicate marked.
 */
@MicronautTest(transactional = false)
class ArticleBrowserTest extends BrowserTestBase {

  @Test
  void a_checker_adds_three_claims_from_an_article_after_fixing_one() throws Exception {
    String name = "Nimbus " + unique();
    Res made = post("/api/v1/entities", Map.of("name", name, "kind", "COMPANY"), ADMIN_TOKEN);
    long entity = ((Number) made.json().get("id")).longValue();
    Res stored =
        post(
            "/api/v1/claims",
            Map.of(
                "statement", name + " had revenue of $25 billion in Q2 2023",
                "entityId", entity,
                "metric", "revenue",
                "value", "25000000000",
                "unit", "USD",
                "periodStart", "2023-04-01",
                "periodEnd", "2023-06-30"),
            ADMIN_TOKEN);
    long storedId = ((Number) stored.json().get("id")).longValue();
    String text =
        name
            + " revenue was $25 billion in Q2 2023. "
            + name
            + " profit was $3 billion in 2023. "
            + name
            + " employs about 40,000 people. "
            + name
            + " plans to invest $2 billion by 2026.";

    signIn(token("CHECKER"));
    open("/ui/articles/new");
    browser.findElement(By.id("text")).sendKeys(text);
    browser.findElement(By.id("sourceUrl")).sendKeys("https://example.org/nimbus/" + unique());
    browser.findElement(By.id("statedAt")).sendKeys("2024-05-10");
    go(By.id("read"));

    List<WebElement> rows = browser.findElements(By.cssSelector("#candidates tbody tr"));
    assertEquals(4, rows.size(), browser.getPageSource());
    assertEquals(4, browser.findElements(By.cssSelector(".article-text mark")).size());
    WebElement duplicate = rows.get(0).findElement(By.cssSelector("a.duplicate"));
    assertEquals("#" + storedId, duplicate.getText(), "the stored claim is linked");
    WebElement profit = browser.findElement(By.name("value.1"));
    profit.clear();
    profit.sendKeys("3200000000");
    browser.findElement(By.id("pick-2")).click(); // leave the head count out
    // The first row says what the stored claim says: the checker links it as its duplicate.
    new Select(browser.findElement(By.id("duplicate-of-0"))).selectByValue(Long.toString(storedId));
    screenshot("article-page");
    go(By.id("add"));

    assertTrue(browser.getCurrentUrl().endsWith("/ui/queue/unreviewed"), browser.getCurrentUrl());
    open("/ui/queue/unreviewed?entityId=" + entity);
    List<WebElement> marks = browser.findElements(By.cssSelector("a.duplicate-of"));
    assertEquals(1, marks.size(), "one added claim is marked as a duplicate: " + marks);
    assertTrue(marks.get(0).getText().contains("#" + storedId), marks.get(0).getText());
    screenshot("queue-with-duplicate");
    List<Map<String, Object>> claims =
        get("/api/v1/claims?limit=50&entityId=" + entity, ADMIN_TOKEN).items();
    assertEquals(4, claims.size(), "the stored one and three added: " + claims);
    assertTrue(
        claims.stream().anyMatch(c -> "3200000000".equals(c.get("value"))), "added as fixed");
    assertTrue(claims.stream().noneMatch(c -> "40000".equals(c.get("value"))), "left out");
  }
}
