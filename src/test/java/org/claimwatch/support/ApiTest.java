package org.claimwatch.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of HTTP tests: the service on a random port against the run's one database, an ADMIN token,
 * and helpers that return any response (errors included) as status + JSON map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {
  protected static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  @Inject
  @Client("/")
  protected HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestDatabase.properties());
    p.put("claimwatch.admin-token", ADMIN_TOKEN);
    p.put("micronaut.server.port", "-1");
    // Tests run the scheduled jobs themselves, when they mean to.
    p.put("claimwatch.rechecks.initial-delay", "1h");
    return p;
  }

  /** A response: status, headers we look at, and the body as JSON (map or list). */
  public record Res(int status, Object body, Map<String, String> headers) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) body;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) json().get("items");
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  protected Res call(MutableHttpRequest<?> request, String token) {
    if (token != null) {
      request.bearerAuth(token);
    }
    try {
      HttpResponse<Object> r = http.toBlocking().exchange(request, Argument.of(Object.class));
      return toRes(r, r.getBody().orElse(null));
    } catch (HttpClientResponseException e) {
      return toRes(e.getResponse(), e.getResponse().getBody(Object.class).orElse(null));
    }
  }

  private static Res toRes(HttpResponse<?> r, Object body) {
    Map<String, String> headers = new HashMap<>();
    r.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    return new Res(r.getStatus().getCode(), body, headers);
  }

  protected Res get(String uri, String token) {
    return call(HttpRequest.GET(uri), token);
  }

  protected Res post(String uri, Object body, String token) {
    return call(HttpRequest.POST(uri, body), token);
  }

  protected Res patch(String uri, Object body, String ifMatch, String token) {
    MutableHttpRequest<?> r = HttpRequest.PATCH(uri, body);
    if (ifMatch != null) {
      r.header("If-Match", ifMatch);
    }
    return call(r, token);
  }

  /** A new token of this role, named uniquely so tests never share one by accident. */
  protected String token(String role) {
    Res r =
        post(
            "/api/v1/tokens",
            Map.of("name", role.toLowerCase() + "-" + UUID.randomUUID(), "role", role),
            ADMIN_TOKEN);
    if (r.status() != 201) {
      throw new AssertionError("could not make a token: " + r);
    }
    return (String) r.json().get("token");
  }

  /** A unique suffix for names and refs, so tests isolate by data. */
  protected static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates an entity and returns its id. */
  protected long entity(String name, String... aliases) {
    Res r =
        post(
            "/api/v1/entities",
            Map.of("name", name, "kind", "COMPANY", "aliases", List.of(aliases)),
            ADMIN_TOKEN);
    if (r.status() != 201) {
      throw new AssertionError("could not make an entity: " + r);
    }
    return ((Number) r.json().get("id")).longValue();
  }
}
