package org.claimwatch.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.claimwatch.claim.ClaimView;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of HTTP tests: the service on a random port against the run's one database, an ADMIN token,
 * the typed clients ({@link #claims}, {@link #review}, {@link #reports}, {@link #webhooks}: see
 * {@link ClaimsApi} for how to use them and read refusals), claims made with {@link ClaimBuilder},
 * and the older untyped helpers that return any response (errors included) as status + JSON map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {
  protected static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  @Inject
  @Client("/")
  protected HttpClient http;

  /** Claims, their history and re-check flags. */
  @Inject protected ClaimsApi claims;

  /** Queues, leases, verdicts, ClaimReview. */
  @Inject protected ReviewApi review;

  /** Reports and imports, figures, the metric map, entities. */
  @Inject protected ReportsApi reports;

  /** Webhook subscriptions, deliveries, events. */
  @Inject protected WebhooksApi webhooks;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestDatabase.properties());
    p.put("claimwatch.admin-token", ADMIN_TOKEN);
    p.put("micronaut.server.port", "-1");
    // Tests run the scheduled jobs themselves, when they mean to.
    p.put("claimwatch.rechecks.initial-delay", "1h");
    // ... and count the gauges themselves (CachedGauges.refresh), when they look at them.
    p.put("claimwatch.metrics.refresh-interval", "0s");
    // Every test calls from 127.0.0.1, many with bad tokens on purpose: no throttle but its own.
    p.put("claimwatch.auth.max-failures-per-minute", "1000000");
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
    return call(http, request, token);
  }

  /** As {@link #call(MutableHttpRequest, String)}, to another instance of the service. */
  protected static Res call(HttpClient client, MutableHttpRequest<?> request, String token) {
    if (token != null) {
      request.bearerAuth(token);
    }
    try {
      HttpResponse<Object> r = client.toBlocking().exchange(request, Argument.of(Object.class));
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

  /** A company with a unique name (and this CIK, if not null); returns its id. */
  protected long company(String name, Long cik) {
    Map<String, Object> body =
        new HashMap<>(Map.of("name", name + " " + unique(), "kind", "COMPANY"));
    if (cik != null) {
      body.put("secCik", cik);
    }
    Res r = post("/api/v1/entities", body, ADMIN_TOKEN);
    if (r.status() != 201) {
      throw new AssertionError("could not make a company: " + r);
    }
    return ((Number) r.json().get("id")).longValue();
  }

  /**
   * A claim that the entity's revenue for Q1 2024 was {@code value} USD (exact), stated 2024-05-01:
   * a filing after that date about Q1 flags it. Returns its id.
   */
  protected long q1RevenueClaim(long entityId, String value) {
    return claim(
        ClaimBuilder.about(entityId)
            .value(value)
            .period("2024-01-01", "2024-03-31")
            .statedAt("2024-05-01T00:00:00Z"));
  }

  /** Imports an SEC companyfacts document (as ADMIN) and returns the answer. */
  protected Res importCompanyFacts(String json) {
    return call(
        HttpRequest.POST("/api/v1/reports/sec-companyfacts", json)
            .contentType(io.micronaut.http.MediaType.APPLICATION_JSON),
        ADMIN_TOKEN);
  }

  /** Posts the claim (as ADMIN), insists on 201, returns its id. */
  protected long claim(ClaimBuilder claim) {
    HttpResponse<ClaimView> r = claims.create(ADMIN_TOKEN, claim.build());
    if (r.getStatus() != HttpStatus.CREATED) {
      throw new AssertionError("could not make a claim: " + r.getStatus() + " " + r.body());
    }
    return r.body().id();
  }

  /** Posts a claim (as ADMIN), insists on 201, returns its id. */
  protected Object claim(Map<String, Object> body) {
    Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
    if (r.status() != 201) {
      throw new AssertionError("could not make a claim: " + r);
    }
    return r.json().get("id");
  }

  /** Posts a non-SEC report with one fact (as ADMIN). */
  protected Res report(
      long entityId, String filedAt, String metric, String value, String start, String end) {
    return post(
        "/api/v1/reports", reportBody(entityId, filedAt, metric, value, start, end), ADMIN_TOKEN);
  }

  /** The body of a non-SEC report with one fact in USD (mutable: tests add what they try). */
  protected static Map<String, Object> reportBody(
      long entityId, String filedAt, String metric, String value, String start, String end) {
    Map<String, Object> body = new HashMap<>();
    body.put("entityId", entityId);
    body.put("title", "Figures " + unique());
    body.put("filedAt", filedAt);
    body.put(
        "facts",
        List.of(
            Map.of(
                "metric", metric,
                "value", value,
                "unit", "USD",
                "periodStart", start,
                "periodEnd", end)));
    return body;
  }

  /** Field names of a problem's errors. */
  @SuppressWarnings("unchecked")
  protected static List<String> fields(Res r) {
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
    return errors == null ? List.of() : errors.stream().map(e -> (String) e.get("field")).toList();
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
