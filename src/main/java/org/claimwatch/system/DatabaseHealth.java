package org.claimwatch.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;

/**
 * The database in {@code /health} and {@code /health/readiness} ("jdbc", as Micronaut's own
 * indicator, which this replaces): DOWN when no connection can be had and used, so an instance cut
 * off from the database leaves the load balancer.
 *
 * <p>Unlike Micronaut's indicator it never queues behind requests for a connection. When every
 * pooled connection is in use the database is evidently answering, and the check says UP ("busy")
 * without borrowing one: Micronaut's would wait up to the pool's connection timeout (5 s), longer
 * than a readiness probe waits, so an instance under load would turn unready, its share would go to
 * the others, and they would follow. Otherwise it borrows one and asks {@code isValid}; an answer
 * later than {@link #TIMEOUT} counts as DOWN unless the pool filled up meanwhile.
 */
@Singleton
@Replaces(JdbcIndicator.class)
public class DatabaseHealth implements HealthIndicator {
  /** How long a check may take: less than a probe's own timeout (3 s in docker/k8s). */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final String NAME = "jdbc";

  private final DataSource dataSource;
  private final ExecutorService io;

  DatabaseHealth(
      DataSource dataSource,
      DataSourceResolver resolver,
      @Named(TaskExecutors.BLOCKING) ExecutorService io) {
    this.dataSource = resolver.resolve(dataSource);
    this.io = io;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    if (allInUse()) {
      return Publishers.just(busy());
    }
    CompletableFuture<HealthResult> checked =
        CompletableFuture.supplyAsync(this::check, io)
            .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(
                e ->
                    allInUse()
                        ? busy()
                        : result(
                            HealthStatus.DOWN,
                            "no connection within " + TIMEOUT.toMillis() + " ms",
                            null));
    return Publishers.fromCompletableFuture(checked);
  }

  private static HealthResult busy() {
    return result(HealthStatus.UP, "busy", null);
  }

  private HealthResult check() {
    try (Connection c = dataSource.getConnection()) {
      int seconds = (int) TIMEOUT.toSeconds();
      if (!c.isValid(seconds)) {
        return result(HealthStatus.DOWN, "connection not valid", null);
      }
      var meta = c.getMetaData();
      return result(
          HealthStatus.UP,
          "answering",
          meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    } catch (SQLException | RuntimeException e) {
      return result(HealthStatus.DOWN, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  /** Every connection the pool may hold is open and lent out. */
  boolean allInUse() {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return false;
    }
    HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
    return pool != null
        && pool.getIdleConnections() == 0
        && pool.getActiveConnections() >= hikari.getMaximumPoolSize();
  }

  private static HealthResult result(HealthStatus status, String state, String database) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("state", state);
    if (database != null) {
      details.put("database", database);
    }
    return HealthResult.builder(NAME, status).details(details).build();
  }
}
