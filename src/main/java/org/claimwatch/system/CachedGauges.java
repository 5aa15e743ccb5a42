package org.claimwatch.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of database-wide counts (queue depths, open flags, the webhook outbox, import jobs). Each
 * feature counts its own tables in a {@link Source} bean; every {@code
 * claimwatch.metrics.refresh-interval} a scheduler thread asks each source once and caches the
 * numbers, so a scrape only reads them and never runs a query. Every instance counts the same
 * database, so every instance reports the same numbers: aggregate across instances with max(), not
 * sum(). The first count runs {@code initial-delay} after start-up, never during it.
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

  private record Reading(String name, String description, Tags tags, long value) {}

  /** Resolved at the first count, not at start-up: their beans are not needed before it. */
  private final BeanProvider<Source> sourceBeans;

  private List<Source> sources;
  private final MeterRegistry meters;
  private final MetricsConfig config;
  private final TaskScheduler scheduler;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
  private ScheduledFuture<?> schedule;

  CachedGauges(
      BeanProvider<Source> sourceBeans,
      MeterRegistry meters,
      MetricsConfig config,
      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
    this.sourceBeans = sourceBeans;
    this.meters = meters;
    this.config = config;
    this.scheduler = scheduler;
  }

  @EventListener
  synchronized void onStartup(StartupEvent event) {
    if (schedule == null && config.refreshInterval().toMillis() > 0) {
      schedule =
          scheduler.scheduleWithFixedDelay(
              config.initialDelay(), config.refreshInterval(), this::refreshQuietly);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  /**
   * Counts again now, every source in turn; a source that fails keeps its last numbers (and counts
   * in {@code claimwatch_gauges_refresh_failures_total}). Called by the schedule, and by tests.
   */
  public synchronized void refresh() {
    if (sources == null) {
      sources = sourceBeans.stream().toList();
      sources.forEach(this::failures);
    }
    for (Source source : sources) {
      Readings readings = new Readings();
      try {
        source.count(readings);
      } catch (RuntimeException e) {
        failures(source).increment();
        LOG.warn("Counting {} for the gauges failed: {}", sourceName(source), e.toString());
        continue;
      }
      for (Reading r : readings.list) {
        values.computeIfAbsent(r.name() + r.tags(), k -> register(r)).set(r.value());
      }
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
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
