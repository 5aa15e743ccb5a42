package org.claimwatch.floor;

import io.micronaut.runtime.Micronaut;

/**
 * The request floor of the platform: Micronaut's Netty server, HikariCP and Micronaut Serde
 * answering a queue page from its own SQL, with none of Claimwatch's own work (see {@link Pages}).
 * It listens on {@code CLAIMWATCH_PORT} and uses {@code DATASOURCES_DEFAULT_URL}, as the service
 * does, so QueueBenchmark launches it beside the service against the same database.
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    Micronaut.run(Floor.class, args);
  }
}
