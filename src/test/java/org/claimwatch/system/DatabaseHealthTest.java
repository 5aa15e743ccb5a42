package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * Readiness under load: an instance whose every pooled connection is lent out stays ready (the
 * database is answering; requests only wait their turn), where Micronaut's own indicator queued for
 * a connection until the pool's timeout and then reported DOWN. An instance cut off from the
 * database is DOWN: {@link DatabaseOutageTest}.
 */
@MicronautTest(transactional = false)
class DatabaseHealthTest extends ApiTest {
  private static final int POOL = 2;

  @Test
  void a_full_pool_is_ready_while_it_moves_and_unready_once_nothing_comes_back() throws Exception {
    Map<String, Object> props = new HashMap<>(getProperties());
    props.put("datasources.default.maximum-pool-size", String.valueOf(POOL));
    props.put("datasources.default.minimum-idle", String.valueOf(POOL));
    props.put("datasources.default.connection-timeout", "30000");
    props.put("claimwatch.test.settable-clock", "true");
    try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, props);
        HttpClient client =
            other.getApplicationContext().createBean(HttpClient.class, other.getURL())) {
      ApplicationContext ctx = other.getApplicationContext();
      HikariDataSource pool =
          (HikariDataSource)
              ctx.getBean(DataSourceResolver.class).resolve(ctx.getBean(DataSource.class));
      assertEquals(POOL, pool.getMaximumPoolSize());
      assertEquals("answering", jdbcState(client));

      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < POOL; i++) {
          held.add(pool.getConnection());
        }
        Res ready = call(client, HttpRequest.GET("/health/readiness"), null);
        assertEquals(200, ready.status(), "ready while every connection is in use: " + ready);
        assertEquals("busy", jdbcState(client));

        // Nothing has come back since: held this long, the database is taken as stuck.
        ctx.getBean(SettableClock.class).advance(DatabaseHealth.STALL.plusSeconds(1));
        Res stuck = call(client, HttpRequest.GET("/health/readiness"), null);
        assertEquals(503, stuck.status(), "unready once the full pool stalls: " + stuck);
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
      assertEquals("answering", jdbcState(client));
    }
  }

  /** The database check's state in the detailed /health (details need a token). */
  @SuppressWarnings("unchecked")
  private static String jdbcState(HttpClient client) {
    Res health = call(client, HttpRequest.GET("/health"), ADMIN_TOKEN);
    assertEquals(200, health.status(), health::toString);
    Map<String, Object> details = (Map<String, Object>) health.json().get("details");
    Map<String, Object> jdbc = (Map<String, Object>) details.get("jdbc");
    assertEquals("UP", jdbc.get("status"), health::toString);
    return (String) ((Map<String, Object>) jdbc.get("details")).get("state");
  }
}
