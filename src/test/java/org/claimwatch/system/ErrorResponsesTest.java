package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Every failure is RFC 9457 problem+json, with the field at fault where there is one. */
@MicronautTest
class ErrorResponsesTest extends ApiTest {

  private void assertProblem(Res r, int status) {
    assertEquals(status, r.status(), r.toString());
    assertEquals("application/problem+json", r.header("Content-Type"));
    Map<String, Object> p = r.json();
    assertEquals(status, p.get("status"));
    assertTrue(p.get("type") instanceof String);
    assertTrue(p.get("title") instanceof String);
    assertFalse(String.valueOf(p).contains("at [Source"), "no parser internals: " + p);
    assertFalse(String.valueOf(p).contains("Exception"), "no exception names: " + p);
  }

  private Res raw(String method, String uri, String contentType, String body) {
    var req = HttpRequest.create(io.micronaut.http.HttpMethod.parse(method), uri);
    if (body != null) {
      req.body(body);
    }
    if (contentType != null) {
      req.contentType(contentType);
    }
    return call(req, ADMIN_TOKEN);
  }

  @Test
  void malformed_json_is_400() {
    Res r = raw("POST", "/api/v1/claims", MediaType.APPLICATION_JSON, "{\"statement\": ");
    assertProblem(r, 400);
    assertTrue(((String) r.json().get("detail")).contains("not valid JSON"));
  }

  @Test
  void unknown_field_is_400_naming_it() {
    Res r =
        raw(
            "POST",
            "/api/v1/claims",
            MediaType.APPLICATION_JSON,
            "{\"statement\":\"x\",\"bogus\":1}");
    assertProblem(r, 400);
    assertEquals(List.of("bogus"), fields(r));
    Res nested =
        raw(
            "POST",
            "/api/v1/claims",
            MediaType.APPLICATION_JSON,
            "{\"statement\":\"x\",\"source\":{\"url\":\"https://a.b\",\"link\":1}}");
    assertProblem(nested, 400);
    assertEquals(List.of("source.link"), fields(nested));
  }

  @Test
  void wrong_type_is_400_naming_the_field() {
    Res r =
        raw(
            "POST",
            "/api/v1/claims",
            MediaType.APPLICATION_JSON,
            "{\"statement\":\"x\",\"priority\":\"high\"}");
    assertProblem(r, 400);
    assertEquals(List.of("priority"), fields(r));
    Res inBatch =
        raw(
            "POST",
            "/api/v1/claims/batch",
            MediaType.APPLICATION_JSON,
            "{\"claims\":[{\"statement\":\"x\"},{\"statement\":{\"text\":1}}]}");
    assertProblem(inBatch, 400);
    assertEquals(List.of("claims[1].statement"), fields(inBatch));
  }

  @Test
  void body_that_is_not_an_object_is_400() {
    assertProblem(raw("POST", "/api/v1/claims", MediaType.APPLICATION_JSON, "[1,2]"), 400);
    var patch =
        HttpRequest.PATCH("/api/v1/claims/1", "\"x\"").contentType(MediaType.APPLICATION_JSON);
    patch.header("If-Match", "\"1\"");
    assertProblem(call(patch, ADMIN_TOKEN), 400);
  }

  @Test
  void unknown_route_is_404() {
    assertProblem(get("/api/v1/nothing-here", ADMIN_TOKEN), 404);
    assertProblem(get("/nothing-here", null), 404);
  }

  @Test
  void wrong_method_is_405() {
    Res r = raw("DELETE", "/api/v1/claims", null, null);
    assertProblem(r, 405);
  }

  @Test
  void wrong_content_type_is_415() {
    assertProblem(raw("POST", "/api/v1/claims", MediaType.TEXT_PLAIN, "statement=x"), 415);
  }

  @Test
  void body_over_16_mib_is_413() {
    String big = "{\"statement\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
    assertProblem(raw("POST", "/api/v1/claims", MediaType.APPLICATION_JSON, big), 413);
  }

  @Test
  void path_id_that_is_not_a_number_is_400() {
    assertProblem(get("/api/v1/claims/abc", ADMIN_TOKEN), 400);
  }
}
