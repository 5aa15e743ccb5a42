package org.claimwatch.baseline;

import io.micronaut.runtime.Micronaut;

/**
 * The start-up floor of the platform: a Micronaut HTTP service with nothing but Netty, Serde and
 * the management module's {@code /health}. It listens on {@code CLAIMWATCH_PORT}, as the service
 * does, so StartupBenchmark launches it with {@code --other-jar}.
 */
public final class Baseline {
  private Baseline() {}

  public static void main(String[] args) {
    Micronaut.run(Baseline.class, args);
  }
}
