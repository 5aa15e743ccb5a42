package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI works under its Content-Security-Policy (system/ApiDocsHeaders): its own inline script
 * and script files run, it fetches the OpenAPI document and shows the operations; a script put into
 * the page afterwards does not run.
 */
@MicronautTest(transactional = false)
class ApiDocsBrowserTest extends BrowserTestBase {
  @Test
  void swagger_ui_shows_the_operations_and_runs_no_injected_script() {
    open("/swagger-ui/index.html");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
    assertTrue(
        browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
            .anyMatch(e -> e.getText().contains("/api/v1/claims")),
        "the operations of the OpenAPI document are shown");

    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(
        "const s = document.createElement('script');"
            + " s.textContent = 'window.injected = true';"
            + " document.head.appendChild(s);");
    assertEquals(
        Boolean.FALSE,
        js.executeScript("return window.injected === true"),
        "an inline script the page did not ship is blocked");
  }
}
