package org.claimwatch.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Unlike Micronaut's indicator it never queues behind requests for a connection. When the pool
 * is full and every connection is lent out, and the pool is making progress (a connection came back
 * within {@link #STALL}, by Hikari's {@code hikaricp.connections.usage} timer), the database is
 * answering and the check says UP ("busy") without borrowing one: Micronaut's would wait up to the
 * pool's connection timeout (5 s), longer than a readiness probe waits, so an instance under load
 * would turn unready, its share would go to the others, and they would follow. A full pool that
 * gets nothing back for {@link #STALL} (a database that stopped answering mid-query) is DOWN.
 * Otherwise it borrows a connection and asks {@code isValid}; no answer within {@link #TIMEOUT} is
 * DOWN.
 */
@Singleton
@Replaces(JdbcIndicator.class)
@Requires(property = "endpoints.health.jdbc.enabled", notEquals = "false")
public class DatabaseHealth implements HealthIndicator {
  /** How long a check may take: less than a probe's own timeout (3 s in docker/k8s). */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** How long a full pool may go without a connection coming back before the check says DOWN. */
  static final Duration STALL = Duration.ofSeconds(10);

  private static final String NAME = "jdbc";

  private final DataSource dataSource;
  private final ExecutorService io;
  private final MeterRegistry meters;
  private final Clock clock;

  /** Connections given back to the pool so far, and when that number last moved. */
  private long returned = -1;

  private Instant movedAt;

  DatabaseHealth(
      DataSource dataSource,
      DataSourceResolver resolver,
      @Named(TaskExecutors.BLOCKING) ExecutorService io,
      MeterRegistry meters,
      Clock clock) {
    this.dataSource = resolver.resolve(dataSource);
    this.io = io;
    this.meters = meters;
    this.clock = clock;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    if (noneFree()) {
      return Publishers.just(whileFull());
    }
    CompletableFuture<HealthResult> checked =
        CompletableFuture.supplyAsync(this::check, io)
            .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(
                e ->
                    noneFree()
                        ? whileFull()
                        : result(
                            HealthStatus.DOWN,
                            "no connection within " + TIMEOUT.toMillis() + " ms",
                            null));
    return Publishers.fromCompletableFuture(checked);
  }

  /** UP while connections keep coming back to the full pool; DOWN once none has for STALL. */
  private synchronized HealthResult whileFull() {
    Instant now = clock.instant();
    long count = returnedSoFar();
    if (count != returned || movedAt == null) {
      returned = count;
      movedAt = now;
    }
    Duration still = Duration.between(movedAt, now);
    if (count >= 0 && still.compareTo(STALL) < 0) {
      return result(HealthStatus.UP, "busy", null);
    }
    return result(
        HealthStatus.DOWN,
        count < 0
            ? "every connection in use (no pool metrics to see progress)"
            : "every connection in use and none given back for " + still.toSeconds() + " s",
        null);
  }

  /** Hikari's count of connections given back (its usage timer); -1 without pool metrics. */
  private long returnedSoFar() {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return -1;
    }
    Timer usage =
        meters.find("hikaricp.connections.usage").tag("pool", hikari.getPoolName()).timer();
    return usage == null ? -1 : usage.count();
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

  /**
   * The pool is full and every connection is lent out, so borrowing would queue behind requests.
   * Callers waiting on a pool below its size do not count: then the pool cannot open connections
   * (the database is away), and borrowing finds that out within {@link #TIMEOUT}.
   */
  boolean noneFree() {
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
