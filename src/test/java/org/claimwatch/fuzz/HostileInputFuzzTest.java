package org.claimwatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Hostile input at every operation of the service's own OpenAPI document (generated from the
 * controllers at build time, so a new endpoint is fuzzed without touching this test): wrong types,
 * huge and odd numbers, long and odd strings, dates out of range, bad and deeply nested JSON, odd
 * path and query values. Each answer must be below 500; every 4xx must be problem+json with no
 * stack trace or SQL in it; a refused change must store nothing (no new rows in the counted tables,
 * no version bumped in the versioned ones). Sent as ADMIN, and a quarter as many as each of the
 * other roles (EDITOR, CHECKER, INTEGRATION, VIEWER).
 *
 * <p>In {@code mvn verify}: a fixed seed and {@value #CI_CASES} ADMIN cases per operation. By hand:
 * {@code mvn test -Dtest=HostileInputFuzzTest -Dclaimwatch.fuzz.cases=300
 * -Dclaimwatch.fuzz.seed=$RANDOM}.
 */
@MicronautTest(transactional = false)
class HostileInputFuzzTest extends ApiTest {
  static final int CI_CASES = 12;

  /** Paths never fuzzed with values that might be valid: they change what every test shares. */
  private static final Set<String> SHARED = Set.of("PUT /api/v1/metrics", "PUT /api/v1/lexicon");

  /** What an answer must never show: a stack trace, an exception's name, SQL or the driver. */
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\bat (org|java|io|com)\\.|java\\.lang|SQLSTATE|SQL syntax|com\\.mysql"
              + "|org\\.mariadb|org\\.claimwatch|INSERT INTO|SELECT .* FROM",
          Pattern.CASE_INSENSITIVE);

  /** Tables a refused request must not add to (none of the scheduled jobs writes them). */
  private static final List<String> COUNTED =
      List.of(
          "claims",
          "sources",
          "subjects",
          "verdicts",
          "reports",
          "reported_facts",
          "api_tokens",
          "webhook_subscriptions",
          "import_documents");

  /** Tables whose rows carry a version that every change bumps: a refused update shows there. */
  private static final List<String> VERSIONED =
      List.of("claims", "subjects", "webhook_subscriptions");

  @Inject EmbeddedServer server;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  @SuppressWarnings("unchecked")
  void no_operation_answers_5xx_leaks_internals_or_keeps_a_refused_change() throws Exception {
    int cases = Integer.getInteger("claimwatch.fuzz.cases", CI_CASES);
    long seed = Long.getLong("claimwatch.fuzz.seed", 20261201L);
    Map<String, Object> api;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/claimwatch-v1.yml")) {
      api = new Yaml().load(in);
    }
    Hostile hostile = new Hostile(new Random(seed), api, ownResources());
    List<String> others =
        List.of(token("EDITOR"), token("CHECKER"), token("INTEGRATION"), token("VIEWER"));
    List<String> failures = new ArrayList<>();
    int sent = 0;
    try (Connection db =
        DriverManager.getConnection(
            TestDatabase.url(), TestDatabase.user(), TestDatabase.password())) {
      Map<String, Object> paths = (Map<String, Object>) api.get("paths");
      for (Map.Entry<String, Object> path : paths.entrySet()) {
        Map<String, Object> ops = (Map<String, Object>) path.getValue();
        for (Map.Entry<String, Object> op : ops.entrySet()) {
          String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
          if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            continue;
          }
          boolean shared = SHARED.contains(method + " " + path.getKey());
          // Every role: ADMIN reaches every check, the others the refusals in front of them.
          for (int i = 0; i < cases + (cases / 4) * others.size(); i++) {
            String token = i < cases ? ADMIN_TOKEN : others.get((i - cases) % others.size());
            Hostile.Request r =
                hostile.request(method, path.getKey(), (Map<String, Object>) op.getValue(), shared);
            long[] before = method.equals("GET") ? null : counts(db);
            HttpResponse<String> answer;
            try {
              answer = send(r, token);
            } catch (java.io.IOException e) {
              failures.add("no answer (" + e.getMessage() + ") for " + r);
              if (System.getProperty("claimwatch.fuzz.trace") != null) {
                System.out.println("TRACE no answer " + r);
              }
              continue;
            } finally {
              sent++;
            }
            if (System.getProperty("claimwatch.fuzz.trace") != null
                && r.path().contains(System.getProperty("claimwatch.fuzz.trace"))) {
              System.out.println("TRACE " + answer.statusCode() + " " + r);
            }
            String problem = judge(r, answer, before == null ? null : () -> counts(db), before);
            if (problem != null) {
              failures.add(problem);
            }
          }
        }
      }
    }
    System.out.printf(
        "Fuzzed %d requests (seed %d, per operation %d as ADMIN and %d as each other role)%n",
        sent, seed, cases, cases / 4);
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + sent
            + " answers were wrong:\n"
            + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  /**
   * Resources of the fuzz run's own, by the first segment of the paths they live under: half the
   * requests to {@code /api/v1/claims/{id}...}, {@code /entities/{id}...} and {@code
   * /webhooks/{id}...} name one of them, so hostile bodies reach the checks behind "no such id".
   * (Token ids are never used: revoking the run's own ADMIN token would end the run.)
   */
  private Map<String, String> ownResources() {
    long entity = company("Fuzz Co " + unique(), null);
    long claim = q1RevenueClaim(entity, "100");
    Res hook =
        post(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "https://93.184.216.34/fuzz",
                "events",
                List.of("claim.created"),
                "enabled",
                false),
            ADMIN_TOKEN);
    return Map.of(
        "/api/v1/claims/", String.valueOf(claim),
        "/api/v1/entities/", String.valueOf(entity),
        "/api/v1/webhooks/", String.valueOf(((Number) hook.json().get("id")).longValue()));
  }

  private HttpResponse<String> send(Hostile.Request r, String token) throws Exception {
    StringBuilder uri = new StringBuilder(server.getURL().toString()).append(r.path());
    char sep = '?';
    for (Map.Entry<String, String> q : r.query().entrySet()) {
      uri.append(sep)
          .append(q.getKey())
          .append('=')
          .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(uri.toString()))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    r.headers().forEach(b::header);
    HttpRequest.BodyPublisher body =
        r.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(r.body());
    if (r.body() != null) {
      b.header("Content-Type", r.contentType());
    }
    b.method(r.method(), body);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  interface Counts {
    long[] get() throws Exception;
  }

  private static String judge(
      Hostile.Request r, HttpResponse<String> answer, Counts after, long[] before)
      throws Exception {
    int status = answer.statusCode();
    String body = answer.body() == null ? "" : answer.body();
    if (status >= 500) {
      return status + " for " + r + ": " + shorten(body);
    }
    if (LEAK.matcher(body).find()) {
      return "internals shown for " + r + ": " + shorten(body);
    }
    if (status >= 400) {
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        return status + " without problem+json (" + type + ") for " + r;
      }
      if (after != null && !java.util.Arrays.equals(before, after.get())) {
        return status + " but rows were stored for " + r;
      }
    }
    return null;
  }

  private static long[] counts(Connection db) throws Exception {
    List<String> measures = new ArrayList<>();
    COUNTED.forEach(t -> measures.add("(SELECT COUNT(*) FROM " + t + ")"));
    VERSIONED.forEach(t -> measures.add("(SELECT COALESCE(SUM(version), 0) FROM " + t + ")"));
    String sql = "SELECT " + String.join(", ", measures);
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long[] out = new long[measures.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = rs.getLong(i + 1);
      }
      return out;
    }
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
