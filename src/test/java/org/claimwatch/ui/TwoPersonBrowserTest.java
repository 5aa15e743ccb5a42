package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Two-person review in the browser: a checker's verdict waits; an editor approves it. */
@MicronautTest(transactional = false)
class TwoPersonBrowserTest extends BrowserTestBase {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.review.two-person", "true");
    return p;
  }

  @Test
  void an_editor_approves_a_checkers_proposal() {
    long claimId =
        ((Number) claim(Map.of("statement", "Proposal " + unique(), "value", "3", "unit", "USD")))
            .longValue();
    signIn(token("CHECKER"));
    open("/ui/claims/" + claimId);
    go(By.id("take"));
    new Select(browser.findElement(By.id("status-field"))).selectByValue("UNVERIFIABLE");
    browser.findElement(By.id("rationale")).sendKeys("No figure covers it yet.");
    go(By.id("record"));
    assertEquals("IN_REVIEW", status());
    assertEquals(
        "PROPOSED",
        browser.findElement(By.cssSelector(".verdict-item")).getAttribute("data-state"));

    signIn(token("EDITOR"));
    open("/ui/queue/proposals");
    go(By.cssSelector("tr[data-claim-id='" + claimId + "'] a"));
    go(By.cssSelector(".verdict-item .approve"));
    assertEquals("UNVERIFIABLE", status());
    assertEquals(
        "PUBLISHED",
        browser.findElement(By.cssSelector(".verdict-item")).getAttribute("data-state"));
    assertTrue(browser.findElement(By.id("history")).getText().contains("approved"));
  }
}
