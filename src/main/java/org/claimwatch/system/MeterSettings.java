package org.claimwatch.system;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Meter settings the libraries' meters do not have by themselves. */
@Factory
class MeterSettings {
  /** Connection acquire time buckets, in seconds: up to 5 s, the connection timeout. */
  private static final double[] ACQUIRE_BUCKETS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  /**
   * HikariCP's connection acquire time as a histogram, so Prometheus can compute its p99 with
   * histogram_quantile.
   */
  @Singleton
  MeterFilter hikariAcquireHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("hikaricp.connections.acquire")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(
                java.util.Arrays.stream(ACQUIRE_BUCKETS)
                    .map(s -> s * Duration.ofSeconds(1).toNanos())
                    .toArray())
            .build()
            .merge(config);
      }
    };
  }
}
