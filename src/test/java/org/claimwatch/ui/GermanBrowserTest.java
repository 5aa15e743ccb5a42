package org.claimwatch.ui;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * In headless Chromium a checker switches the pages to German with the header's link and works on
 * in German: the longer German words still fit the queue and the claim page, on a desktop and on a
 * phone. Screenshots: target/screenshots/queue-page-de.png, claim-page-de.png, queue-phone-de.png.
 */
@MicronautTest(transactional = false)
class GermanBrowserTest extends BrowserTestBase {

  @Test
  void a_checker_switches_to_german_and_the_pages_still_fit() throws Exception {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    long entity = company("Apple Seite " + unique(), cik);
    Res imported = importCompanyFacts(Fixtures.companyFacts(Fixtures.APPLE, 320193, cik));
    assertEquals(201, imported.status(), imported.toString());
    long claimId =
        claim(
            about(entity)
                .statement("Apple investiert rund 2,15 Milliarden Dollar pro Quartal " + unique())
                .metric("capex")
                .value("2150000000")
                .qualifier("APPROX")
                .perQuarter("2023-12-31", "2024-06-29")
                .statedAt("2024-08-15"));

    signIn(token("EDITOR"));
    go(By.id("language-switch"));
    assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.getCurrentUrl().contains("/ui/queue/unreviewed"), "back where it was");
    assertEquals("English", browser.findElement(By.id("language-switch")).getText());

    open("/ui/queue/unreviewed?entityId=" + entity);
    assertTrue(browser.findElement(By.id("take-next")).getText().contains("übernehmen"));
    assertEquals(0, sideways(), "the German queue fits the window");
    screenshot("queue-page-de");

    open("/ui/claims/" + claimId);
    go(By.id("take"));
    assertEquals("In Prüfung", browser.findElement(By.id("status")).getText());
    assertEquals(
        "Bewertung erfassen", browser.findElement(By.cssSelector(".verdict h2")).getText());
    assertEquals(0, sideways(), "the German claim page fits the window");
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("claim-page-de");

    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open("/ui/queue/unreviewed?entityId=" + entity);
      screenshot("queue-phone-de");
      assertEquals(0, sideways(), "the German queue fits a phone");
      open("/ui/claims/" + claimId);
      screenshot("claim-phone-de");
      assertEquals(0, sideways(), "the German claim page fits a phone");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1400));
    }
  }

  /** How far the page scrolls sideways (0: it fits). */
  private int sideways() {
    Number scroll =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth");
    return Math.max(0, scroll.intValue());
  }
}
