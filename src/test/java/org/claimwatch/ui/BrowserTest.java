package org.claimwatch.ui;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * End to end in headless Chromium: a checker signs in, works a claim from the unreviewed queue to a
 * verdict with evidence, and meets a stale page.
 */
@MicronautTest(transactional = false)
class BrowserTest extends BrowserTestBase {
  @Test
  void a_checker_works_a_claim_from_the_queue_to_a_verdict_with_evidence() throws Exception {
    long entity = company("Browser Co", null);
    report(entity, "2024-06-01", "revenue", "120", "2024-01-01", "2024-03-31");
    String statement = "Browser Co made 100 in Q1 " + unique();
    long claimId =
        claim(
            about(entity)
                .statement(statement)
                .value("100")
                .period("2024-01-01", "2024-03-31")
                .statedAt("2024-05-01T00:00:00Z"));
    signIn(token("CHECKER"));
    open("/ui/queue/unreviewed?entityId=" + entity);
    assertTrue(
        browser.findElement(By.cssSelector("tr[data-claim-id='" + claimId + "']")).isDisplayed());
    go(By.linkText(statement));
    assertEquals(statement, browser.findElement(By.cssSelector("blockquote.statement")).getText());
    go(By.id("take"));
    assertEquals("IN_REVIEW", status());

    new Select(browser.findElement(By.id("status-field"))).selectByValue("INACCURATE");
    browser.findElement(By.id("rationale")).sendKeys("The 10-Q reports 120, not 100.");
    // The check judged the Q1 figure: it is offered first, already chosen as evidence.
    WebElement fact = browser.findElement(By.cssSelector(".fact.judged input[type=checkbox]"));
    assertTrue(fact.isSelected(), "the judged figure is preselected");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("claim-page");
    go(By.id("record"));

    assertEquals("INACCURATE", status());
    assertEquals(
        "Inaccurate", browser.findElement(By.id("status")).getText(), "shown by its label");
    String history = browser.findElement(By.id("history")).getText();
    assertTrue(history.contains("INACCURATE"), history);
    open("/ui/queue/unreviewed?entityId=" + entity);
    assertTrue(
        absent(By.cssSelector("tr[data-claim-id='" + claimId + "']")), "the claim left the queue");
    assertEquals(1, get("/api/v1/claims/" + claimId + "/verdicts", ADMIN_TOKEN).list().size());
  }

  @Test
  void a_stale_page_says_so_and_keeps_the_verdict_in_the_form() {
    long claimId =
        ((Number) claim(Map.of("statement", "Stale page " + unique(), "value", "7", "unit", "USD")))
            .longValue();
    signIn(token("CHECKER"));
    open("/ui/claims/" + claimId);
    go(By.id("take"));
    new Select(browser.findElement(By.id("status-field"))).selectByValue("UNVERIFIABLE");
    browser.findElement(By.id("rationale")).sendKeys("Nothing reported yet.");
    // Meanwhile an editor corrects the claim through the API: the page is now stale.
    Res read = get("/api/v1/claims/" + claimId, ADMIN_TOKEN);
    Res edited =
        patch(
            "/api/v1/claims/" + claimId,
            Map.of("statement", "Stale page, corrected " + unique()),
            read.header("etag"),
            ADMIN_TOKEN);
    assertEquals(200, edited.status(), edited::toString);
    go(By.id("record"));

    String error = browser.findElement(By.id("error")).getText();
    assertTrue(error.contains("changed this claim"), error);
    assertEquals(
        "Nothing reported yet.", browser.findElement(By.id("rationale")).getAttribute("value"));
    assertTrue(get("/api/v1/claims/" + claimId + "/verdicts", ADMIN_TOKEN).list().isEmpty());
    assertFalse(status().equals("UNVERIFIABLE"));
  }

  @Test
  void the_pages_work_by_keyboard_and_fit_a_phone() throws Exception {
    long claimId =
        ((Number) claim(Map.of("statement", "Keyboard " + unique(), "value", "9", "unit", "USD")))
            .longValue();
    signIn(token("CHECKER"));
    open("/ui/claims/" + claimId);
    // Tab from the top of the page to the take button and press Enter: no mouse needed.
    org.openqa.selenium.WebElement body = browser.findElement(By.tagName("body"));
    body.sendKeys(org.openqa.selenium.Keys.TAB);
    for (int i = 0; i < 40; i++) {
      org.openqa.selenium.WebElement focused = browser.switchTo().activeElement();
      if ("take".equals(focused.getAttribute("id"))) {
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        break;
      }
      focused.sendKeys(org.openqa.selenium.Keys.TAB);
    }
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
        .until(d -> "IN_REVIEW".equals(status()));

    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      open("/ui/queue/unreviewed");
      Number scroll =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth"
                          + " - document.documentElement.clientWidth");
      screenshot("queue-phone");
      assertTrue(scroll.intValue() <= 0, "the queue page scrolls sideways on a phone: " + scroll);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
    }
  }
}
