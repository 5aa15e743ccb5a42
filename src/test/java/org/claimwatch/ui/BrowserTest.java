package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium (Debian's chromium and chromium-driver): a checker signs in,
 * works a claim from the unreviewed queue to a verdict with evidence, and meets a stale page.
 * Without Chromium the tests are skipped with the reason, except under {@code CI=true}, where a
 * missing browser fails them ({@code .ci/run} installs it).
 */
@MicronautTest(transactional = false)
class BrowserTest extends ApiTest {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  @Inject EmbeddedServer server;
  private WebDriver browser;

  @BeforeAll
  void startBrowser() throws Exception {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but Chromium is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present, "Chromium not installed (apt-get install chromium chromium-driver): skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1400",
        "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void a_checker_works_a_claim_from_the_queue_to_a_verdict_with_evidence() throws Exception {
    long entity = company("Browser Co", null);
    report(entity, "2024-06-01", "revenue", "120", "2024-01-01", "2024-03-31");
    String statement = "Browser Co made 100 in Q1 " + unique();
    long claimId =
        ((Number)
                claim(
                    withStatement(
                        numberClaim(
                            entity,
                            "revenue",
                            "100",
                            "EXACT",
                            "NONE",
                            "2024-01-01",
                            "2024-03-31",
                            "2024-05-01T00:00:00Z"),
                        statement)))
            .longValue();
    signIn(token("CHECKER"));
    open("/ui/queue/unreviewed?entityId=" + entity);
    WebElement row = browser.findElement(By.cssSelector("tr[data-claim-id='" + claimId + "']"));
    row.findElement(By.linkText(statement)).click();
    assertEquals(statement, browser.findElement(By.cssSelector("blockquote.statement")).getText());
    browser.findElement(By.id("take")).click();
    assertTrue(browser.findElement(By.id("status")).getText().contains("IN_REVIEW"));

    new Select(browser.findElement(By.id("status-field"))).selectByValue("INACCURATE");
    browser.findElement(By.id("rationale")).sendKeys("The 10-Q reports 120, not 100.");
    WebElement fact = browser.findElement(By.cssSelector(".fact input[type=checkbox]"));
    fact.click();
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("claim-page");
    browser.findElement(By.id("record")).click();

    assertEquals("INACCURATE", browser.findElement(By.id("status")).getText());
    String history = browser.findElement(By.id("history")).getText();
    assertTrue(history.contains("INACCURATE"), history);
    open("/ui/queue/unreviewed?entityId=" + entity);
    assertTrue(
        browser.findElements(By.cssSelector("tr[data-claim-id='" + claimId + "']")).isEmpty(),
        "the claim left the queue");
    assertEquals(1, get("/api/v1/claims/" + claimId + "/verdicts", ADMIN_TOKEN).list().size());
  }

  @Test
  void a_stale_page_says_so_and_keeps_the_verdict_in_the_form() {
    long claimId =
        ((Number) claim(Map.of("statement", "Stale page " + unique(), "value", "7", "unit", "USD")))
            .longValue();
    signIn(token("CHECKER"));
    open("/ui/claims/" + claimId);
    browser.findElement(By.id("take")).click();
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
    browser.findElement(By.id("record")).click();

    String error = browser.findElement(By.id("error")).getText();
    assertTrue(error.contains("changed this claim"), error);
    assertEquals(
        "Nothing reported yet.", browser.findElement(By.id("rationale")).getAttribute("value"));
    assertTrue(get("/api/v1/claims/" + claimId + "/verdicts", ADMIN_TOKEN).list().isEmpty());
    assertFalse(browser.findElement(By.id("status")).getText().contains("UNVERIFIABLE"));
  }

  private void signIn(String token) {
    browser.manage().deleteAllCookies();
    open("/ui/queue/unreviewed");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("/ui/sign-in"));
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("/ui/queue/unreviewed"));
  }

  private void open(String path) {
    browser.get(server.getURI().resolve(path).toString());
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Map<String, Object> withStatement(Map<String, Object> claim, String statement) {
    claim.put("statement", statement);
    return claim;
  }
}
