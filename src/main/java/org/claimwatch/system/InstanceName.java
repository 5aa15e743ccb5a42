package org.claimwatch.system;

import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance of the service, as it signs the rows it holds (job leases, queued imports): the
 * process ({@code pid@host}) and a random part, so two instances in one process (tests) differ too.
 */
@Singleton
public class InstanceName {
  private final String value =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  public String value() {
    return value;
  }
}
