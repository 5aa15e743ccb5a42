package org.claimwatch.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of database-wide counts (queue depths, open flags, the webhook outbox, import jobs). Each
 * feature counts its own tables in a {@link Source} bean. Every {@code
 * claimwatch.metrics.refresh-interval} one instance of however many share the database (the one
 * that takes the job lease "gauges") asks each source once and writes the numbers to {@code
 * gauge_readings}; every instance then reads that table (one small query) into its gauges, so a
 * scrape never runs a query and the counting costs the database the same with one instance or
 * eight. Every instance reports the same numbers: aggregate across instances with max(), not sum().
 * The first count runs {@code initial-delay} after start-up, never during it.
 */
@Singleton
public class CachedGauges {
  private static final Logger LOG = LoggerFactory.getLogger(CachedGauges.class);

  /**
   * A feature's counts: a few COUNT queries on indexed columns of its own tables. A feature
   * declares its sources as lambdas in a {@code @Factory} named for them (e.g. {@code
   * RecheckGauges}).
   */
  @FunctionalInterface
  public interface Source {
    /**
     * Counts and reports every series it has on each call, zero included (a series reported once
     * stays registered, with its last value).
     */
    void count(Readings readings);
  }

  /** What a source reports: each gauge's name, description, value and tags (key, value, ...). */
  public static final class Readings {
    private final List<Reading> list = new ArrayList<>();

    public void set(String name, String description, long value, String... tags) {
      list.add(new Reading(name, description, Tags.of(tags), value));
    }

    /** One series of the gauge per key of {@code counts}, its {@code tag} the key's value. */
    public <K> void setEach(
        String name,
        String description,
        Map<K, Long> counts,
        String tag,
        Function<? super K, String> tagValue) {
      counts.forEach((key, value) -> set(name, description, value, tag, tagValue.apply(key)));
    }
  }

  private record Reading(String name, String description, Tags tags, long value) {
    String series() {
      return URLEncoder.encode(name, StandardCharsets.UTF_8) + "{" + tagText(tags) + "}";
    }
  }

  /** The job lease the counting instance holds for one interval. */
  static final String LEASE = "gauges";

  private static final String PUBLISH =
      "REPLACE INTO gauge_readings (series, name, tags, description, value, counted_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String READ =
      "SELECT name, tags, description, value, counted_at FROM gauge_readings ORDER BY series";
  private static final String FORGET = "DELETE FROM gauge_readings WHERE counted_at < ?";
  private static final String READ_ONE =
      "SELECT name, tags, description, value, counted_at FROM gauge_readings WHERE name = ?";

  /** Series not counted again for this long (a renamed gauge, a failing source) are forgotten. */
  private static final Duration KEEP_AT_LEAST = Duration.ofMinutes(1);

  /** Resolved at the first count, not at start-up: their beans are not needed before it. */
  private final BeanProvider<Source> sourceBeans;

  private List<Source> sources;
  private final MeterRegistry meters;
  private final MetricsConfig config;
  private final TaskScheduler scheduler;
  private final JobLeases leases;
  private final JdbcOperations jdbc;
  private final Transactions transactions;
  private final Clock clock;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
  private final AtomicLong ageSeconds = new AtomicLong();
  private volatile ScheduledFuture<?> schedule;

  CachedGauges(
      BeanProvider<Source> sourceBeans,
      MeterRegistry meters,
      MetricsConfig config,
      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
      JobLeases leases,
      JdbcOperations jdbc,
      Transactions transactions,
      Clock clock) {
    this.sourceBeans = sourceBeans;
    this.meters = meters;
    this.config = config;
    this.scheduler = scheduler;
    this.leases = leases;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @EventListener
  synchronized void onStartup(StartupEvent event) {
    if (schedule == null && config.refreshInterval().toMillis() > 0) {
      schedule =
          scheduler.scheduleWithFixedDelay(
              config.initialDelay(), config.refreshInterval(), this::refreshQuietly);
    }
  }

  /** Not synchronized: a count waiting on the database must not hold up the shutdown. */
  @PreDestroy
  void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  /**
   * Counts again now, every source in turn, on this instance whoever holds the lease, and writes
   * the numbers for the others; a source that fails keeps its last numbers (and counts in {@code
   * claimwatch_gauges_refresh_failures_total}). Called by tests, and by the schedule on the
   * instance that holds the lease.
   */
  public synchronized void refresh() {
    if (sources == null) {
      sources = sourceBeans.stream().toList();
      sources.forEach(this::failures);
    }
    List<Reading> counted = new ArrayList<>();
    for (Source source : sources) {
      Readings readings = new Readings();
      try {
        source.count(readings);
      } catch (RuntimeException e) {
        failures(source).increment();
        LOG.warn("Counting {} for the gauges failed: {}", sourceName(source), e.toString());
        continue;
      }
      counted.addAll(readings.list);
    }
    counted.forEach(this::show);
    publish(counted);
  }

  /**
   * The schedule's step: counts if this instance gets the lease for one interval (it then shows its
   * own numbers, just written); otherwise shows what the counting instance last wrote.
   */
  synchronized void refreshShared() {
    if (leases.runLeased(LEASE, lease(config.refreshInterval()), this::refresh)) {
      ageSeconds.set(0);
      ageGauge();
      return;
    }
    Instant now = clock.instant();
    Instant newest = Instant.EPOCH;
    for (Stored row : transactions.read(() -> JdbcRows.list(jdbc, READ, CachedGauges::readRow))) {
      show(row.reading());
      newest = row.countedAt().isAfter(newest) ? row.countedAt() : newest;
    }
    if (newest.isAfter(Instant.EPOCH)) {
      ageSeconds.set(Math.max(0, Duration.between(newest, now).toSeconds()));
      ageGauge();
    }
  }

  /**
   * A gauge's series as the counting instance (of whichever instance) last wrote them, so that a
   * feature can answer with that count instead of counting again: each series' value by the value
   * of its tag {@code tag}, and when the oldest and the newest of them were counted. Empty when no
   * series of that name is stored.
   */
  public Optional<Shared> shared(String name, String tag) {
    List<Stored> rows =
        transactions.read(() -> JdbcRows.list(jdbc, READ_ONE, CachedGauges::readRow, name));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> values = new LinkedHashMap<>();
    Instant oldest = rows.get(0).countedAt();
    Instant newest = oldest;
    for (Stored row : rows) {
      for (Tag t : row.reading().tags()) {
        if (t.getKey().equals(tag)) {
          values.put(t.getValue(), row.reading().value());
        }
      }
      oldest = row.countedAt().isBefore(oldest) ? row.countedAt() : oldest;
      newest = row.countedAt().isAfter(newest) ? row.countedAt() : newest;
    }
    return Optional.of(new Shared(oldest, newest, values));
  }

  /**
   * {@link #shared}'s answer: the values of a gauge's series by their tag's value, the oldest
   * counted at {@code oldest} and the newest at {@code newest} (the same time when one count wrote
   * them all).
   */
  public record Shared(Instant oldest, Instant newest, Map<String, Long> values) {}

  /**
   * How long the counting instance holds the lease: a second less than the interval (half of one
   * under 2 s), so that its own next count, one interval after this one ended, finds the lease due
   * with room to spare, and the shared counts never wait an interval more than that (they would
   * then be older than the maximum age the queue counts accept). Before V39 stored the lease's end
   * to the millisecond, MySQL rounded it up to the second and this happened.
   */
  static Duration lease(Duration interval) {
    Duration margin = Duration.ofSeconds(1);
    return interval.compareTo(margin.multipliedBy(2)) >= 0
        ? interval.minus(margin)
        : interval.dividedBy(2);
  }

  /** How old the newest shared count is: it grows when no instance manages to count. */
  private void ageGauge() {
    values.computeIfAbsent(
        "claimwatch.gauges.age",
        k -> {
          Gauge.builder(k, ageSeconds, AtomicLong::get)
              .description("Seconds since the database-wide gauges were last counted")
              .baseUnit("seconds")
              .strongReference(true)
              .register(meters);
          return ageSeconds;
        });
  }

  private record Stored(Reading reading, Instant countedAt) {}

  private void show(Reading r) {
    values.computeIfAbsent(r.series(), k -> register(r)).set(r.value());
  }

  private void publish(List<Reading> counted) {
    Instant now = clock.instant();
    LocalDateTime at = Sql.utc(now);
    Duration keep = config.refreshInterval().multipliedBy(3);
    LocalDateTime forgetBefore =
        Sql.utc(now.minus(keep.compareTo(KEEP_AT_LEAST) > 0 ? keep : KEEP_AT_LEAST));
    transactions.write(
        () -> {
          JdbcRows.update(jdbc, FORGET, forgetBefore);
          JdbcRows.batch(
              jdbc,
              PUBLISH,
              counted,
              (ps, r) -> {
                ps.setString(1, r.series());
                ps.setString(2, r.name());
                ps.setString(3, tagText(r.tags()));
                ps.setString(4, r.description() == null ? "" : r.description());
                ps.setLong(5, r.value());
                ps.setObject(6, at);
              });
          return null;
        });
  }

  private static Stored readRow(ResultSet rs) throws SQLException {
    return new Stored(
        new Reading(
            rs.getString("name"),
            rs.getString("description"),
            tagsOf(rs.getString("tags")),
            rs.getLong("value")),
        rs.getObject("counted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }

  /** Tags as "key=value" pairs joined by "&", keys and values URL-encoded; "" for none. */
  static String tagText(Tags tags) {
    StringBuilder out = new StringBuilder();
    for (Tag t : tags) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(t.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(t.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** The tags {@link #tagText} wrote. */
  static Tags tagsOf(String text) {
    Tags tags = Tags.empty();
    if (text == null || text.isEmpty()) {
      return tags;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      tags =
          tags.and(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return tags;
  }

  private void refreshQuietly() {
    try {
      refreshShared();
    } catch (RuntimeException | Error e) {
      // Never let an exception end the schedule.
      LOG.warn("Refreshing the gauges failed: {}", e.toString());
    }
  }

  private Counter failures(Source source) {
    return Counter.builder("claimwatch.gauges.refresh.failures")
        .description("Counts of the cached gauges that failed (their gauges kept the last value)")
        .tag("source", sourceName(source))
        .register(meters);
  }

  private AtomicLong register(Reading r) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(r.name(), value, AtomicLong::get)
        .description(r.description())
        .tags(r.tags())
        .strongReference(true)
        .register(meters);
    return value;
  }

  /**
   * The name of the class that declares the source: a Micronaut proxy ({@code X$Intercepted}) and a
   * lambda of a factory ({@code X$$Lambda...}) are named for theirs.
   */
  private static String sourceName(Source source) {
    String name = source.getClass().getSimpleName();
    int proxy = name.indexOf('$');
    return proxy > 0 ? name.substring(0, proxy) : name;
  }
}
