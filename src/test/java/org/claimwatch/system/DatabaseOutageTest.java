package org.claimwatch.system;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.CuttableProxy;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A second instance of the service reaches the database through a proxy that the test cuts: while
 * the database is away the instance answers 503 with Retry-After and a problem naming the cause,
 * stores nothing, and once the database is back the same request (same externalRef) is stored once,
 * without a restart.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends ApiTest {

  @Test
  void while_the_database_is_away_requests_answer_503_and_a_retry_stores_the_claim_once() {
    long entity = company("Outage Co " + unique(), null);
    try (CuttableProxy proxy = CuttableProxy.before(TestDatabase.url())) {
      Map<String, Object> props = new HashMap<>(getProperties());
      props.put("datasources.default.url", proxy.url(TestDatabase.url()));
      try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, props);
          HttpClient client =
              other.getApplicationContext().createBean(HttpClient.class, other.getURL())) {
        Res before = create(client, claim(entity, "outage-before-" + unique()));
        assertEquals(201, before.status(), before::toString);
        Object storedId = before.json().get("id");

        proxy.cut();
        Map<String, Object> claim = claim(entity, "outage-" + unique());
        for (Res down :
            new Res[] {
              create(client, claim),
              call(client, HttpRequest.GET("/api/v1/claims/" + storedId), ADMIN_TOKEN)
            }) {
          assertEquals(503, down.status(), down::toString);
          assertEquals("5", down.header("Retry-After"));
          assertTrue(down.header("Content-Type").startsWith("application/problem+json"));
          assertTrue(
              String.valueOf(down.json().get("type")).endsWith("database-unavailable"),
              down::toString);
        }
        Res ready = call(client, HttpRequest.GET("/health/readiness"), null);
        assertEquals(503, ready.status(), "not ready while the database is away: " + ready);
        String ref = (String) claim.get("externalRef");
        assertEquals(0L, stored(entity, ref), "nothing was stored while the database was away");

        proxy.restore();
        Res[] last = new Res[1];
        Receiver.await(
            Duration.ofSeconds(60),
            "the instance reaching the database again",
            () -> (last[0] = create(client, claim)).status() != 503);
        assertEquals(201, last[0].status(), last[0]::toString);
        Res again = create(client, claim);
        assertEquals(200, again.status(), again::toString);
        assertEquals(last[0].json().get("id"), again.json().get("id"));
        assertEquals(1L, stored(entity, ref));
      }
    }
  }

  private Map<String, Object> claim(long entity, String externalRef) {
    return about(entity)
        .value("1000000")
        .period("2024-01-01", "2024-03-31")
        .statedAt("2024-05-01T00:00:00Z")
        .externalRef(externalRef)
        .toMap();
  }

  private static Res create(HttpClient client, Map<String, Object> claim) {
    return call(client, HttpRequest.POST("/api/v1/claims", claim), ADMIN_TOKEN);
  }

  /** The entity's claims stored under this externalRef, as the test's own instance reads them. */
  private long stored(long entity, String externalRef) {
    return get("/api/v1/claims?limit=100&entityId=" + entity, ADMIN_TOKEN).items().stream()
        .filter(c -> externalRef.equals(c.get("externalRef")))
        .count();
  }
}
