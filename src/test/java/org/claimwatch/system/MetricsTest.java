package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.report.ReportImport;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Fixtures;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics (issue 15, item 5): who may scrape, latency by route template only (no series
 * per path), the cached database-wide gauges, import timers and counters, and the Grafana dashboard
 * naming only metrics the service exposes.
 */
@MicronautTest(transactional = false)
class MetricsTest extends ApiTest {
  private static final Path DASHBOARD = Path.of("docker/grafana/claimwatch-dashboard.json");

  @Inject CachedGauges gauges;
  @Inject JsonMapper json;

  @Test
  void prometheus_answers_only_an_admin_in_the_text_format() {
    assertEquals(401, get("/prometheus", null).status());
    assertEquals(403, get("/prometheus", token("CHECKER")).status());
    HttpResponse<String> r =
        http.toBlocking()
            .exchange(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_TOKEN), String.class);
    assertEquals(200, r.code());
    assertTrue(
        r.getContentType().orElseThrow().toString().startsWith("text/plain"),
        r.getContentType()::toString);
    assertTrue(r.body().contains("# TYPE jvm_memory_used_bytes gauge"), r.body());
  }

  @Test
  void latency_is_tagged_by_the_route_template_never_the_path() {
    long entity = company("Route Co", null);
    long a = q1RevenueClaim(entity, "100");
    long b = q1RevenueClaim(entity, "200");
    assertEquals(HttpStatus.OK, claims.get(ADMIN_TOKEN, a).getStatus());
    assertEquals(HttpStatus.OK, claims.get(ADMIN_TOKEN, b).getStatus());
    assertEquals(404, get("/api/v1/claims/99999999", ADMIN_TOKEN).status());
    assertEquals(404, get("/api/v1/claims/99999998", ADMIN_TOKEN).status());

    Scrape scrape = scrape();
    Set<String> claimUris = new TreeSet<>();
    for (Series s : scrape.named("http_server_requests_seconds_count")) {
      String uri = s.labels().get("uri");
      assertFalse(uri.matches(".*\\d{3,}.*"), "a raw path became a tag: " + s);
      if (uri.startsWith("/api/v1/claims/")) {
        claimUris.add(uri);
      }
    }
    assertEquals(Set.of("/api/v1/claims/{id}"), claimUris);
    assertEquals(
        2.0,
        scrape.value(
            "http_server_requests_seconds_count",
            "method",
            "GET",
            "status",
            "200",
            "uri",
            "/api/v1/claims/{id}"));
    // A 404, from a route or from no route, is one series whatever the path.
    assertEquals(
        2.0,
        scrape.value(
            "http_server_requests_seconds_count",
            "method",
            "GET",
            "status",
            "404",
            "uri",
            "NOT_FOUND"));
    // Histogram buckets for histogram_quantile, the SLO buckets among them.
    Set<String> buckets = new TreeSet<>();
    for (Series s : scrape.named("http_server_requests_seconds_bucket")) {
      if ("/api/v1/claims/{id}".equals(s.labels().get("uri"))
          && "200".equals(s.labels().get("status"))) {
        buckets.add(s.labels().get("le"));
      }
    }
    assertTrue(
        buckets.containsAll(Set.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "1.0", "+Inf")),
        buckets::toString);
    assertTrue(buckets.size() > 20, buckets::toString);
  }

  @Test
  void random_paths_add_at_most_one_series() {
    String marker = "zz" + UUID.randomUUID().toString().replace("-", "");
    // A scrape first, so the scrape below is counted already (its own series exists).
    scrapeText();
    int before = scrape().named("http_server_requests_seconds_count").size();
    for (int i = 0; i < 50; i++) {
      String path =
          switch (i % 5) {
            case 0 -> "/api/v1/" + marker + "/" + i;
            case 1 -> "/" + marker + i;
            case 2 -> "/api/v1/claims/" + i + "/" + marker;
            case 3 -> "/ui/" + marker + "/" + i;
            default -> "/api/v1/entities/" + i + "/" + marker + "/x";
          };
      assertEquals(404, get(path, ADMIN_TOKEN).status(), path);
    }
    String text = scrapeText();
    assertFalse(text.contains(marker), "a path became a tag");
    int after = new Scrape(text).named("http_server_requests_seconds_count").size();
    // At most the one series every 404 shares (uri="NOT_FOUND"), if no 404 came before.
    assertTrue(after - before <= 1, before + " -> " + after);
  }

  @Test
  void gauges_and_import_meters_follow_claims_flags_and_imports() {
    Scrape before = refreshedScrape();

    long entity = company("Gauge Co", null);
    long flagged = q1RevenueClaim(entity, "1000000");
    Res imported = report(entity, "2024-05-10", "revenue", "2000000", "2024-01-01", "2024-03-31");
    assertEquals(201, imported.status(), imported::toString);
    long held = q1RevenueClaim(entity, "2000000");
    assertEquals(201, review.take(token("CHECKER"), held).code());
    long manual = q1RevenueClaim(entity, "3000000");
    assertEquals(201, claims.recheck(ADMIN_TOKEN, manual).code());
    assertNotNull(claims.get(ADMIN_TOKEN, flagged).body().openRecheck(), "flagged by the import");

    Scrape after = refreshedScrape();
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("claimwatch_queue_depth queue=unreviewed", 2.0);
    expected.put("claimwatch_queue_depth queue=rechecks", 2.0);
    expected.put("claimwatch_queue_depth queue=forecasts-due", 0.0);
    expected.put("claimwatch_claims_held", 1.0);
    expected.put("claimwatch_rechecks_open reason=NEW_FILING", 1.0);
    expected.put("claimwatch_rechecks_open reason=MANUAL", 1.0);
    for (String reason : List.of("RESTATEMENT", "FORECAST_DUE", "STALE", "OUTDATED")) {
      expected.put("claimwatch_rechecks_open reason=" + reason, 0.0);
    }
    expected.put("claimwatch_imports_seconds_count kind=report outcome=ok", 1.0);
    expected.put("claimwatch_imports_seconds_count kind=report outcome=failed", 0.0);
    expected.put("claimwatch_imports_seconds_count kind=sec outcome=ok", 0.0);
    expected.put(
        "claimwatch_imports_facts_added_total kind=report",
        ((Number) imported.json().get("factsAdded")).doubleValue());
    expected.put("claimwatch_imports_claims_flagged_total kind=report", 1.0);
    Map<String, Double> actual = new LinkedHashMap<>();
    expected.keySet().forEach(k -> actual.put(k, after.value(k) - before.value(k)));
    assertEquals(expected, actual, "changes of the series");
    assertEquals(1.0, ((Number) imported.json().get("factsAdded")).doubleValue());
    // The outbox and the import jobs are there in every state (0 or more).
    for (String state : List.of("pending", "failing", "dead", "paused")) {
      assertTrue(after.value("claimwatch_webhooks_outbox state=" + state) >= 0);
    }
    for (String state : List.of("queued", "running")) {
      assertTrue(after.value("claimwatch_import_jobs state=" + state) >= 0);
    }
    // Each feature's source has its failure counter from the first count, named for its factory.
    Set<String> sources = new TreeSet<>();
    for (Series s : after.named("claimwatch_gauges_refresh_failures_total")) {
      sources.add(s.labels().get("source"));
    }
    assertEquals(
        Set.of("ClaimGauges", "RecheckGauges", "ReportGauges", "ReviewGauges", "WebhookGauges"),
        sources);
  }

  @Test
  void verdicts_are_counted_by_status_once_committed() {
    String series = "claimwatch_verdicts_total status=UNVERIFIABLE state=published";
    Scrape before = scrape();
    long claimId = q1RevenueClaim(company("Verdict Co", null), "5");
    String etag = review.take(ADMIN_TOKEN, claimId).header("ETag");
    VerdictRequest unverifiable = new VerdictRequest("UNVERIFIABLE", "No filing.", List.of());
    // A verdict at a stale version is refused and rolled back: not counted.
    assertEquals(
        HttpStatus.PRECONDITION_FAILED,
        Refusal.refused(() -> review.record(ADMIN_TOKEN, claimId, "\"1\"", unverifiable)).status());
    assertEquals(
        HttpStatus.CREATED, review.record(ADMIN_TOKEN, claimId, etag, unverifiable).getStatus());
    Scrape after = scrape();
    assertEquals(1.0, after.value(series) - before.value(series));
    assertEquals(
        0.0,
        after.value("claimwatch_verdicts_total status=ACCURATE state=published")
            - before.value("claimwatch_verdicts_total status=ACCURATE state=published"));
  }

  @Test
  void sec_imports_at_once_and_queued_are_timed_as_sec() {
    String ok = "claimwatch_imports_seconds_count kind=sec outcome=ok";
    String facts = "claimwatch_imports_facts_added_total kind=sec";
    Scrape before = scrape();
    HttpResponse<ReportImport> now = reports.importCompanyFacts(ADMIN_TOKEN, tesla());
    assertEquals(HttpStatus.CREATED, now.getStatus());
    HttpResponse<ReportImport> queued =
        reports.importCompanyFacts(ADMIN_TOKEN, tesla(), null, "respond-async");
    assertEquals(HttpStatus.ACCEPTED, queued.getStatus());
    // The queued import is timed when its transaction has committed: wait for that.
    Receiver.await(
        Duration.ofSeconds(120),
        "the queued import timed",
        () -> scrape().value(ok) - before.value(ok) == 2.0);
    ReportImport done = reports.importRecord(ADMIN_TOKEN, queued.body().id()).body();
    assertEquals("DONE", done.status(), done::toString);
    Scrape after = scrape();
    assertEquals(
        (double) now.body().factsAdded() + done.factsAdded(),
        after.value(facts) - before.value(facts));
    assertTrue(now.body().factsAdded() > 1000, now.body()::toString);
  }

  /** Tesla's companyfacts as a company of its own (a new CIK), so every fact is new. */
  private static String tesla() {
    return Fixtures.companyFacts(
        Fixtures.TESLA,
        1318605,
        ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L));
  }

  @Test
  void the_pool_and_the_jvm_are_measured() {
    Scrape scrape = scrape();
    for (String name :
        List.of(
            "hikaricp_connections_active",
            "hikaricp_connections_idle",
            "hikaricp_connections_pending",
            "hikaricp_connections_acquire_seconds_bucket",
            "jvm_memory_used_bytes")) {
      assertFalse(scrape.named(name).isEmpty(), name);
    }
    assertTrue(scrape.value("hikaricp_connections_acquire_seconds_count") > 0);
  }

  /**
   * Every metric a panel of docker/grafana/claimwatch-dashboard.json asks for is one this service
   * exposes, so the dashboard cannot drift from the code.
   */
  @Test
  void the_dashboard_asks_only_for_metrics_the_service_exposes() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> dashboard = json.readValue(Files.readAllBytes(DASHBOARD), Map.class);
    assertEquals("${DS_PROMETHEUS}", datasourceInput(dashboard));
    List<String> expressions = new ArrayList<>();
    collectExpressions(dashboard.get("panels"), expressions);
    Set<String> metrics = new TreeSet<>();
    expressions.forEach(e -> metrics.addAll(metricNames(e)));
    assertTrue(expressions.size() >= 20, expressions::toString);
    assertTrue(
        metrics.containsAll(
            Set.of(
                "http_server_requests_seconds_bucket",
                "hikaricp_connections_acquire_seconds_bucket",
                "claimwatch_rechecks_open",
                "claimwatch_imports_seconds_bucket",
                "jvm_gc_pause_seconds_sum")),
        metrics::toString);

    // Everything a panel names exists once the service has served a request, counted its gauges
    // and collected garbage once (the GC timer appears with the first collection).
    get("/api/v1/claims?limit=1", ADMIN_TOKEN);
    gauges.refresh();
    Set<String> exposed = awaitExposed("jvm_gc_pause_seconds_sum");
    Set<String> missing = new TreeSet<>(metrics);
    missing.removeAll(exposed);
    assertEquals(Set.of(), missing, "metrics the dashboard uses that /prometheus does not expose");
  }

  /** The names exposed once {@code needed} is among them (a collection is asked for meanwhile). */
  private Set<String> awaitExposed(String needed) {
    Receiver.await(
        Duration.ofSeconds(60),
        needed + " exposed",
        () -> {
          System.gc();
          return scrape().names().contains(needed);
        });
    return scrape().names();
  }

  @SuppressWarnings("unchecked")
  private static String datasourceInput(Map<String, Object> dashboard) {
    List<Map<String, Object>> inputs = (List<Map<String, Object>>) dashboard.get("__inputs");
    assertEquals("DS_PROMETHEUS", inputs.get(0).get("name"));
    assertEquals(39, ((Number) dashboard.get("schemaVersion")).intValue());
    Map<String, Object> first = ((List<Map<String, Object>>) dashboard.get("panels")).get(1);
    return (String) ((Map<String, Object>) first.get("datasource")).get("uid");
  }

  @SuppressWarnings("unchecked")
  private static void collectExpressions(Object panels, List<String> out) {
    for (Map<String, Object> panel : (List<Map<String, Object>>) panels) {
      if (panel.get("panels") != null) {
        collectExpressions(panel.get("panels"), out);
      }
      if (panel.get("targets") != null) {
        for (Map<String, Object> t : (List<Map<String, Object>>) panel.get("targets")) {
          out.add((String) t.get("expr"));
        }
      }
    }
  }

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "and",
          "or",
          "unless");

  /** The metric names in a PromQL expression: not functions, label names, strings or ranges. */
  static Set<String> metricNames(String expr) {
    String e =
        expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\{[^}]*\\}", "")
            .replaceAll("\\[[^\\]]*\\]", "")
            .replaceAll("\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)", "");
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()").matcher(e);
    while (m.find()) {
      if (!PROMQL_WORDS.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  @Test
  void metric_names_are_read_out_of_promql() {
    assertEquals(
        Set.of("a_total", "b_bucket"),
        metricNames(
            "sum by (le, uri) (rate(a_total{x=\"y{z}\", s=~\"5..\"}[$__rate_interval]))"
                + " / histogram_quantile(0.99, sum without (i) (rate(b_bucket[5m])))"));
  }

  private Scrape refreshedScrape() {
    gauges.refresh();
    return scrape();
  }

  private Scrape scrape() {
    return new Scrape(scrapeText());
  }

  /** One series of the text format: its name, labels and value. */
  record Series(String name, Map<String, String> labels, double value) {}

  /** A scrape, parsed. */
  static final class Scrape {
    private static final Pattern LINE =
        Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final List<Series> series = new ArrayList<>();

    Scrape(String text) {
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null) {
          Matcher l = LABEL.matcher(m.group(2));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
        }
        series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
      }
    }

    List<Series> named(String name) {
      return series.stream().filter(s -> s.name().equals(name)).toList();
    }

    Set<String> names() {
      Set<String> out = new TreeSet<>();
      series.forEach(s -> out.add(s.name()));
      return out;
    }

    /** "name k=v k=v": the one series with those labels (0 if absent). */
    double value(String spec) {
      String[] parts = spec.split(" ");
      String[] labels = new String[(parts.length - 1) * 2];
      for (int i = 1; i < parts.length; i++) {
        labels[(i - 1) * 2] = parts[i].substring(0, parts[i].indexOf('='));
        labels[(i - 1) * 2 + 1] = parts[i].substring(parts[i].indexOf('=') + 1);
      }
      return value(parts[0], labels);
    }

    double value(String name, String... labels) {
      List<Series> found =
          named(name).stream()
              .filter(
                  s -> {
                    for (int i = 0; i < labels.length; i += 2) {
                      if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                        return false;
                      }
                    }
                    return true;
                  })
              .toList();
      assertTrue(found.size() <= 1, () -> "more than one series: " + found);
      return found.isEmpty() ? 0 : found.get(0).value();
    }
  }

  private String scrapeText() {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_TOKEN), String.class);
  }
}
