package org.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Polls a local stub of SEC EDGAR that serves the Tesla fixture. */
@MicronautTest(transactional = false)
class SecPollerTest extends ApiTest {
  private static final String LAST_MODIFIED = "Mon, 24 Oct 2022 20:00:00 GMT";
  private final long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final HttpServer stub;

  @Inject SecPoller poller;

  SecPollerTest() throws Exception {
    byte[] doc =
        SecImportTest.fixture(SecImportTest.TESLA, 1318605, cik).getBytes(StandardCharsets.UTF_8);
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/api/xbrl/companyfacts/",
        exchange -> {
          requests.add(
              Map.of(
                  "path",
                  exchange.getRequestURI().getPath(),
                  "userAgent",
                  String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")),
                  "ifModifiedSince",
                  String.valueOf(exchange.getRequestHeaders().getFirst("If-Modified-Since"))));
          if (LAST_MODIFIED.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
            exchange.sendResponseHeaders(304, -1);
          } else if (exchange
              .getRequestURI()
              .getPath()
              .endsWith(String.format("CIK%010d.json", cik))) {
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, doc.length);
            exchange.getResponseBody().write(doc);
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    stub.start();
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new java.util.HashMap<>(super.getProperties());
    p.put("claimwatch.sec.polling-enabled", "true");
    p.put("claimwatch.sec.initial-delay", "1h");
    p.put("claimwatch.sec.base-url", "http://127.0.0.1:" + stub.getAddress().getPort());
    p.put("claimwatch.sec.user-agent", "Claimwatch tests tests@claimwatch.example");
    return p;
  }

  @AfterAll
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void polls_sec_with_its_user_agent_imports_once_then_asks_if_modified_since() {
    Res entity =
        post(
            "/api/v1/entities",
            Map.of("name", "Polled " + cik, "kind", "COMPANY", "secCik", cik),
            ADMIN_TOKEN);
    Object id = entity.json().get("id");
    Res off = get("/api/v1/entities/" + id + "/sec-polling", ADMIN_TOKEN);
    assertEquals(false, off.json().get("enabled"));
    Res on =
        call(
            HttpRequest.PUT("/api/v1/entities/" + id + "/sec-polling", Map.of("enabled", true)),
            ADMIN_TOKEN);
    assertEquals(200, on.status(), on.toString());

    assertTrue(poller.pollAll() >= 1);
    Map<String, String> first =
        requests.stream()
            .filter(r -> r.get("path").contains(String.format("%010d", cik)))
            .findFirst()
            .orElseThrow();
    assertEquals("Claimwatch tests tests@claimwatch.example", first.get("userAgent"));
    Res state = get("/api/v1/entities/" + id + "/sec-polling", ADMIN_TOKEN);
    assertEquals(200, state.json().get("lastStatus"));
    assertEquals(LAST_MODIFIED, state.json().get("lastModified"));
    Object importId = state.json().get("lastImportId");
    assertTrue(
        (Integer) get("/api/v1/reports/imports/" + importId, ADMIN_TOKEN).json().get("factsAdded")
            > 1000);

    poller.pollAll();
    Res after = get("/api/v1/entities/" + id + "/sec-polling", ADMIN_TOKEN);
    assertEquals(304, after.json().get("lastStatus"));
    assertEquals(importId, after.json().get("lastImportId"));
    assertEquals(LAST_MODIFIED, requests.get(requests.size() - 1).get("ifModifiedSince"));
  }

  @Test
  void polling_needs_a_cik() {
    Res entity =
        post(
            "/api/v1/entities",
            Map.of("name", "No CIK " + unique(), "kind", "COMPANY"),
            ADMIN_TOKEN);
    Res r =
        call(
            HttpRequest.PUT(
                "/api/v1/entities/" + entity.json().get("id") + "/sec-polling",
                Map.of("enabled", true)),
            ADMIN_TOKEN);
    assertEquals(400, r.status());
  }
}
