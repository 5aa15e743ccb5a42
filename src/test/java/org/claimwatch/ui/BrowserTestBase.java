package org.claimwatch.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: headless Chromium (Debian's chromium and chromium-driver) driven by
 * Selenium against the service on a random port. Without Chromium the tests are skipped with the
 * reason, except under {@code CI=true}, where a missing browser fails them ({@code .ci/run}
 * installs it).
 */
abstract class BrowserTestBase extends ApiTest {
  // Debian's paths; CHROMIUM_BIN / CHROMEDRIVER_BIN point elsewhere (other distributions).
  private static final File CHROMIUM =
      new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
  private static final File DRIVER =
      new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

  @Inject EmbeddedServer server;
  WebDriver browser;

  /**
   * Each test checks for the browser itself, so a machine without one reports every browser test as
   * skipped, with the reason (an assumption in {@code @BeforeAll} would only abort the class).
   */
  @BeforeEach
  void needBrowser() throws Exception {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but Chromium is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present, "Chromium not installed (apt-get install chromium chromium-driver): skipped");
    if (browser == null) {
      startBrowser();
    }
  }

  private void startBrowser() throws Exception {
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

  void signIn(String token) {
    browser.manage().deleteAllCookies();
    open("/ui/queue/unreviewed");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("/ui/sign-in"));
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("/ui/queue/unreviewed"));
  }

  /** Clicks what submits a form or follows a link, and waits until the next page replaced it. */
  void go(By what) {
    org.openqa.selenium.WebElement e = browser.findElement(what);
    e.click();
    // The old page's element going away is the sign the next page arrived. Chromium 156 reports
    // it as "Node ... does not belong to the document" rather than a stale-element error, so
    // any driver error here counts as gone.
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                e.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
  }

  /** True when nothing matches, checked at once (no implicit wait for what should be absent). */
  boolean absent(By what) {
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return browser.findElements(what).isEmpty();
    } finally {
      browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }
  }

  /** The claim page's status as stored (the page shows its label in the reader's language). */
  String status() {
    return browser.findElement(By.id("status")).getAttribute("data-status");
  }

  void open(String path) {
    browser.get(server.getURI().resolve(path).toString());
  }

  void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A screenshot of one element of the page (a chart, a form), under target/screenshots. */
  void screenshot(org.openqa.selenium.WebElement element, String name) throws Exception {
    File shot = element.getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
