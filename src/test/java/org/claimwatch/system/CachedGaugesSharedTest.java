package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances on one database count the database-wide gauges once per interval between them:
 * the instance that takes the lease counts and writes the numbers, the others show what it wrote
 * without running a count of their own.
 */
@MicronautTest(transactional = false)
class CachedGaugesSharedTest extends ApiTest {
  private static final String GAUGE = "claimwatch.test.shared";

  @Inject JdbcOperations jdbc;
  @Inject Transactions transactions;
  @Inject Clock clock;
  @Inject ApplicationContext context;

  @Inject
  @Named(TaskExecutors.SCHEDULED)
  TaskScheduler scheduler;

  @BeforeEach
  void leaseFree() {
    freeLease();
  }

  /** The lease free for the service's own count, and no test series for other tests to see. */
  @AfterEach
  void cleanUp() {
    freeLease();
    transactions.write(
        () -> JdbcRows.update(jdbc, "DELETE FROM gauge_readings WHERE name = ?", GAUGE));
  }

  @Test
  void one_instance_counts_and_every_instance_shows_its_numbers() {
    String tag = "run-" + unique();
    Instance first = new Instance(tag, 42);
    Instance second = new Instance(tag, 7);

    // A series nobody has counted for a day, more than three intervals (a renamed gauge): forgotten
    // at the next count.
    String old = "old-" + tag;
    transactions.write(
        () ->
            JdbcRows.update(
                jdbc,
                "INSERT INTO gauge_readings (series, name, tags, description, value, counted_at)"
                    + " VALUES (?, ?, ?, 'gone', 1, ?)",
                GAUGE + "{run=" + old + "}",
                GAUGE,
                "run=" + old,
                Sql.utc(clock.instant().minus(Duration.ofDays(1)))));

    first.gauges.refreshShared();
    second.gauges.refreshShared();

    assertNull(second.registry.find(GAUGE).tag("run", old).gauge(), "the stale series is gone");
    assertTrue(
        second.registry.get("claimwatch.gauges.age").gauge().value() < 60,
        "the shared count's age");
    assertEquals(1, first.counts.get(), "the instance that took the lease counted");
    assertEquals(0, second.counts.get(), "the other did not count within the interval");
    assertEquals(42.0, first.value(tag));
    assertEquals(42.0, second.value(tag), "and shows the first one's number");

    // The interval over (the lease given back as due now), whichever instance comes next counts.
    freeLease();
    second.gauges.refreshShared();
    first.gauges.refreshShared();
    assertEquals(1, second.counts.get());
    assertEquals(1, first.counts.get());
    assertEquals(7.0, first.value(tag));
    assertEquals(7.0, second.value(tag));
  }

  /**
   * The count is due again a second before the interval is over, so the counting instance's next
   * tick (one interval after its count ended: the schedule's fixed delay) finds it due with room to
   * spare, and the shared count never waits an interval more.
   */
  @Test
  void the_lease_falls_due_a_second_before_the_next_count() {
    Duration interval = Duration.ofSeconds(15);
    Instance holder = new Instance("run-" + unique(), 1, interval);
    holder.gauges.refreshShared();
    assertEquals(1, holder.counts.get());
    Duration held =
        transactions.read(
            () ->
                JdbcRows.one(
                    jdbc,
                    "SELECT last_run_at, lease_until FROM job_leases WHERE name = ?",
                    rs ->
                        Duration.between(
                            rs.getObject(1, LocalDateTime.class),
                            rs.getObject(2, LocalDateTime.class)),
                    CachedGauges.LEASE));
    assertEquals(interval.minusSeconds(1), held, "taken at the count, due a second early");
    assertEquals(Duration.ofSeconds(2), CachedGauges.lease(Duration.ofSeconds(3)));
    assertEquals(Duration.ofMillis(500), CachedGauges.lease(Duration.ofSeconds(1)));
  }

  @Test
  void tags_survive_their_text_form() {
    var tags = io.micrometer.core.instrument.Tags.of("queue", "a=b&c d", "reason", "ü,\"x\"");
    assertEquals(tags, CachedGauges.tagsOf(CachedGauges.tagText(tags)));
    assertEquals(io.micrometer.core.instrument.Tags.empty(), CachedGauges.tagsOf(""));
  }

  private void freeLease() {
    transactions.write(
        () ->
            JdbcRows.update(
                jdbc,
                "UPDATE job_leases SET holder = NULL, lease_until = '1970-01-01' WHERE name = ?",
                CachedGauges.LEASE));
  }

  /** A service instance's gauges: its own lease holder, registry and one counting source. */
  private final class Instance {
    final AtomicInteger counts = new AtomicInteger();
    final MeterRegistry registry = new SimpleMeterRegistry();
    final CachedGauges gauges;

    Instance(String tag, long value) {
      this(tag, value, Duration.ofHours(1));
    }

    Instance(String tag, long value, Duration interval) {
      CachedGauges.Source source =
          readings -> {
            counts.incrementAndGet();
            readings.set(GAUGE, "a test gauge", value, "run", tag);
          };
      gauges =
          new CachedGauges(
              new OneSource(source),
              registry,
              new MetricsConfig(interval, Duration.ZERO),
              scheduler,
              // Its own holder name; created by the context so that its transactions apply.
              context.createBean(JobLeases.class, jdbc, transactions, clock, new InstanceName()),
              jdbc,
              transactions,
              clock);
    }

    double value(String tag) {
      return registry.get(GAUGE).tag("run", tag).gauge().value();
    }
  }

  /** The sources of one instance: just this one. */
  private record OneSource(CachedGauges.Source source)
      implements BeanProvider<CachedGauges.Source> {
    @Override
    public CachedGauges.Source get() {
      return source;
    }

    @Override
    public Stream<CachedGauges.Source> stream() {
      return Stream.of(source);
    }

    @Override
    public Optional<CachedGauges.Source> find(
        io.micronaut.context.Qualifier<CachedGauges.Source> q) {
      return Optional.of(source);
    }
  }
}
