package org.claimwatch.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class AuthTest extends ApiTest {
  @Inject ApiTokenRepository tokens;

  @Test
  void api_without_a_token_is_401_problem() {
    Res r = get("/api/v1/claims", null);
    assertEquals(401, r.status());
    assertEquals("application/problem+json", r.header("Content-Type"));
  }

  @Test
  void unknown_token_is_401() {
    assertEquals(401, get("/api/v1/claims", "cw_not-a-real-token").status());
  }

  @Test
  void health_and_openapi_are_public() {
    Res health = get("/health", ADMIN_TOKEN);
    assertEquals(200, health.status());
    assertEquals("UP", health.json().get("status"));
    assertTrue(
        String.valueOf(health.json().get("details")).contains("jdbc"),
        "health reports the database");
    Res spec = call(io.micronaut.http.HttpRequest.GET("/swagger/claimwatch-v1.yml"), null);
    assertEquals(200, spec.status());
    assertEquals(
        200, call(io.micronaut.http.HttpRequest.GET("/swagger-ui/index.html"), null).status());
    assertEquals(
        200,
        call(io.micronaut.http.HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), null)
            .status());
  }

  @Test
  void a_new_token_is_shown_once_and_only_its_hash_is_stored() {
    String name = "tool-" + unique();
    Res created = post("/api/v1/tokens", Map.of("name", name, "role", "INTEGRATION"), ADMIN_TOKEN);
    assertEquals(201, created.status());
    String secret = (String) created.json().get("token");
    assertTrue(secret.startsWith("cw_") && secret.length() > 40);

    ApiToken stored = tokens.findByName(name).orElseThrow();
    assertFalse(stored.tokenHash().contains(secret));
    assertEquals(TokenService.hash(secret), stored.tokenHash());

    Res listed = get("/api/v1/tokens", ADMIN_TOKEN);
    assertFalse(String.valueOf(listed.body()).contains(secret));
    assertEquals(200, get("/api/v1/claims", secret).status());
  }

  @Test
  void roles_include_the_ones_below_them() {
    String viewer = token("VIEWER");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    String integration = token("INTEGRATION");
    Map<String, Object> claim = Map.of("statement", "role test " + unique());
    Map<String, Object> entity = Map.of("name", "Role Co " + unique(), "kind", "COMPANY");

    assertEquals(200, get("/api/v1/claims", viewer).status());
    assertEquals(403, post("/api/v1/claims", claim, viewer).status());
    assertEquals(201, post("/api/v1/claims", claim, checker).status());
    assertEquals(
        201,
        post("/api/v1/claims", Map.of("statement", "integration " + unique()), integration)
            .status());
    assertEquals(403, post("/api/v1/entities", entity, checker).status());
    assertEquals(403, post("/api/v1/entities", entity, integration).status());
    assertEquals(201, post("/api/v1/entities", entity, editor).status());
    assertEquals(403, get("/api/v1/tokens", editor).status());
    assertEquals(
        403,
        post("/api/v1/tokens", Map.of("name", "x" + unique(), "role", "ADMIN"), editor).status());
    assertEquals(200, get("/api/v1/tokens", ADMIN_TOKEN).status());
  }

  @Test
  void forbidden_is_a_problem_too() {
    Res r = post("/api/v1/claims", Map.of("statement", "x"), token("VIEWER"));
    assertEquals(403, r.status());
    assertEquals("application/problem+json", r.header("Content-Type"));
  }

  @Test
  void an_integration_may_patch_only_its_own_claims() {
    String mine = token("INTEGRATION");
    String theirs = token("INTEGRATION");
    Object id =
        post("/api/v1/claims", Map.of("statement", "own " + unique()), mine).json().get("id");
    assertEquals(
        403, patch("/api/v1/claims/" + id, Map.of("claimant", "x"), "\"1\"", theirs).status());
    assertEquals(
        200, patch("/api/v1/claims/" + id, Map.of("claimant", "x"), "\"1\"", mine).status());
  }

  @Test
  void a_revoked_token_stops_working() {
    Res created =
        post("/api/v1/tokens", Map.of("name", "revoke-" + unique(), "role", "VIEWER"), ADMIN_TOKEN);
    String secret = (String) created.json().get("token");
    assertEquals(200, get("/api/v1/claims", secret).status());
    Object id = created.json().get("id");
    assertEquals(
        200,
        call(io.micronaut.http.HttpRequest.DELETE("/api/v1/tokens/" + id), ADMIN_TOKEN).status());
    assertEquals(401, get("/api/v1/claims", secret).status());
  }

  @Test
  void token_requests_are_validated() {
    Res r = post("/api/v1/tokens", Map.of("name", "", "role", "GOD"), ADMIN_TOKEN);
    assertEquals(400, r.status());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
    assertEquals(List.of("name", "role"), errors.stream().map(e -> e.get("field")).toList());
    String name = "dup-" + unique();
    assertEquals(
        201, post("/api/v1/tokens", Map.of("name", name, "role", "VIEWER"), ADMIN_TOKEN).status());
    assertEquals(
        409, post("/api/v1/tokens", Map.of("name", name, "role", "VIEWER"), ADMIN_TOKEN).status());
  }
}
