package org.claimwatch.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The first step of a stop on SIGTERM: readiness goes DOWN (liveness stays UP) while the service
 * keeps serving for {@code claimwatch.shutdown.drain}, so load balancers stop sending before the
 * listener closes; then the process stops as the JVM would have on SIGTERM (exit code 143), and
 * Micronaut's graceful shutdown runs: the listener stops accepting, requests in flight finish
 * within {@code micronaut.lifecycle.graceful-shutdown.grace-period}, the webhook dispatcher
 * finishes or hands back its deliveries, and the jobs' leases are given back as their beans close.
 *
 * <p>Our own because Micronaut has no such step: on SIGTERM its shutdown hook closes the listener
 * at once (the accepting event loop stops first), so a probe could never see DOWN; a JVM shutdown
 * hook cannot run before it. A second SIGTERM ends the drain at once.
 */
@Singleton
@Readiness
@Requires(notEnv = Environment.TEST)
public class ShutdownDrain extends AbstractHealthIndicator<Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

  /** What the JVM exits with when SIGTERM stops it (128 + 15). */
  static final int SIGTERM_EXIT = 143;

  private final ShutdownConfig config;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final CountDownLatch cutShort = new CountDownLatch(1);

  ShutdownDrain(ShutdownConfig config) {
    this.config = config;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    Signal.handle(new Signal("TERM"), signal -> onTerm());
  }

  /** Runs on a thread of its own (one per signal), so it may wait. */
  private void onTerm() {
    if (!draining.compareAndSet(false, true)) {
      cutShort.countDown();
      return;
    }
    LOG.info("SIGTERM: readiness is DOWN; serving for {} more, then stopping", config.drain());
    try {
      cutShort.await(config.drain().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(SIGTERM_EXIT);
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    boolean stopping = draining.get();
    healthStatus = stopping ? HealthStatus.DOWN : HealthStatus.UP;
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("stopping", stopping);
    d.put("drain", config.drain().toString());
    return d;
  }

  @Override
  protected String getName() {
    return "shutdown";
  }
}
