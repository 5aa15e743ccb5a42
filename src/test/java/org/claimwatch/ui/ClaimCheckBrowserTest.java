package org.claimwatch.ui;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The claim page with Apple's real filings loaded: the check at a glance, a chart of quarters only
 * around the claim's period, and a verdict form that offers the two judged quarters first and
 * chosen, with the other ~60 figures folded away. Screenshots of the chart and the form are saved
 * under target/screenshots.
 */
@MicronautTest(transactional = false)
class ClaimCheckBrowserTest extends BrowserTestBase {

  @Test
  void the_claim_page_shows_the_judgement_at_a_glance() throws Exception {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    long entity = company("Apple page", cik);
    Res imported = importCompanyFacts(Fixtures.companyFacts(Fixtures.APPLE, 320193, cik));
    assertEquals(201, imported.status(), imported.toString());
    // $2.15B a quarter over fiscal Q2..Q3 2024: Q2 1.996B outside, Q3 2.151B within.
    long claimId =
        claim(
            about(entity)
                .metric("capex")
                .value("2150000000")
                .perQuarter("2023-12-31", "2024-06-29")
                .statedAt("2024-08-15"));

    signIn(token("CHECKER"));
    open("/ui/claims/" + claimId);
    go(By.id("take"));

    WebElement check = browser.findElement(By.id("check"));
    assertEquals(
        "CONTRADICTS", check.findElement(By.cssSelector("h2 .badge")).getAttribute("data-outcome"));
    assertTrue(check.getText().contains("Contradicts"), check.getText());
    assertEquals(2, check.findElements(By.cssSelector("table.judged tbody tr")).size());

    WebElement chart = browser.findElement(By.cssSelector("svg.chart"));
    assertEquals(2, chart.findElements(By.cssSelector(".ring")).size(), "judged quarters ringed");
    assertTrue(chart.findElements(By.cssSelector("rect.year")).isEmpty(), "quarters only");
    List<String> ticks =
        chart.findElements(By.cssSelector("text.year-tick")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("2021", "2022", "2023", "2024", "2025"), ticks);
    screenshot(chart, "claim-chart");

    List<WebElement> judged =
        browser.findElements(By.cssSelector(".fact.judged input[type=checkbox]"));
    assertEquals(2, judged.size());
    assertTrue(judged.stream().allMatch(WebElement::isSelected), "judged figures preselected");
    WebElement more = browser.findElement(By.cssSelector("details.more-facts"));
    assertFalse(more.getAttribute("open") != null, "the rest folded away");
    assertTrue(
        more.findElements(By.cssSelector("input[type=checkbox]")).size() > 20,
        "the rest of the series is still there to cite");
    screenshot(browser.findElement(By.id("verdict-form")), "claim-verdict-form");
  }
}
