package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The API's documentation, served to anyone, carries a policy: Swagger UI runs its own scripts only
 * (its inline one by hash, none by 'unsafe-inline' or 'unsafe-eval'), the OpenAPI document runs
 * nothing, and no site frames either. That Swagger UI still works under it is
 * ui/ApiDocsBrowserTest's.
 */
@MicronautTest(transactional = false)
class ApiDocsHeadersTest extends ApiTest {
  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void swagger_ui_runs_its_own_scripts_only() throws Exception {
    HttpResponse<String> page = get("/swagger-ui/index.html");
    assertEquals(200, page.statusCode());
    String scripts = directive(page, "script-src");
    assertFalse(scripts.contains("unsafe"), scripts);
    List<String> inline = ApiDocsHeaders.inlineScripts(ApiDocsHeaders.PAGE);
    assertFalse(inline.isEmpty(), "the page has its inline script");
    assertEquals(
        inline.size() + 1, scripts.split(" ").length - 1, "'self' and one hash per inline script");
    assertTrue(scripts.startsWith("script-src 'self' 'sha256-"), scripts);
    assertEquals("frame-ancestors 'none'", directive(page, "frame-ancestors"));
    assertEquals("connect-src 'self'", directive(page, "connect-src"));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals(
        directive(page, "script-src"),
        directive(get("/swagger-ui/res/swagger-ui-bundle.js"), "script-src"),
        "its files carry the same policy");
  }

  /**
   * The static files are found by the decoded path: a percent-encoded spelling of the prefix, or
   * Swagger UI's page without its slash, is the same page and carries the same policy.
   */
  @Test
  void every_spelling_of_a_path_gets_its_policy() throws Exception {
    String ui = directive(get("/swagger-ui/index.html"), "script-src");
    for (String path :
        List.of(
            "/%73wagger-ui/index.html",
            "/swagger%2Dui/index.html",
            "/swagger%2dui/index.html",
            "/swagger-ui",
            "/swagger-ui/")) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertEquals(ui, directive(r, "script-src"), path);
      assertEquals("frame-ancestors 'none'", directive(r, "frame-ancestors"), path);
    }
    HttpResponse<String> doc = get("/%73wagger/claimwatch-v1.yml");
    assertEquals(200, doc.statusCode());
    assertEquals(
        ApiDocsHeaders.DOCUMENT_POLICY,
        doc.headers().firstValue("Content-Security-Policy").orElseThrow());
    HttpResponse<String> css = get("/%75i/static/app.css");
    assertEquals(200, css.statusCode());
    assertEquals("nosniff", css.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("script-src 'none'", directive(css, "script-src"));
  }

  @Test
  void other_paths_get_no_documentation_policy() throws Exception {
    HttpResponse<String> health = get("/health");
    assertEquals(200, health.statusCode());
    assertTrue(health.headers().firstValue("Content-Security-Policy").isEmpty());
  }

  @Test
  void the_openapi_document_runs_nothing_and_cannot_be_framed() throws Exception {
    HttpResponse<String> doc = get("/swagger/claimwatch-v1.yml");
    assertEquals(200, doc.statusCode());
    assertEquals(
        ApiDocsHeaders.DOCUMENT_POLICY,
        doc.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", doc.headers().firstValue("X-Content-Type-Options").orElseThrow());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String directive(HttpResponse<?> r, String name) {
    String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    return Arrays.stream(policy.split(";"))
        .map(String::strip)
        .filter(d -> d.startsWith(name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + policy));
  }
}
