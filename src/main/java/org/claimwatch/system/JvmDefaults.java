package org.claimwatch.system;

import java.util.Map;
import java.util.Properties;

/**
 * System properties the service sets for itself before any library reads them, each only when the
 * operator has not set it ({@code -Dname=value} on the command line or in {@code JAVA_TOOL_OPTIONS}
 * wins).
 *
 * <ul>
 *   <li>{@code io.netty.jfr.enabled=false}: Netty 4.2 registers its buffer allocator's Java Flight
 *       Recorder events when the first connection allocates a buffer, loading about 100 JFR classes
 *       while the first request (the startup probe's) waits (80 ms of one start's class-load log).
 *       A side-by-side run of 8 starts each could not tell the saving from the machine's noise
 *       (BENCHMARKS.md). The events only matter to someone recording the allocator with JFR; start
 *       with {@code -Dio.netty.jfr.enabled=true} to have them.
 * </ul>
 */
public final class JvmDefaults {
  /** The properties and the values set when absent. */
  static final Map<String, String> DEFAULTS = Map.of("io.netty.jfr.enabled", "false");

  private JvmDefaults() {}

  /** Sets each default the operator has not set; call first thing in {@code main}. */
  public static void apply() {
    apply(System.getProperties());
  }

  static void apply(Properties properties) {
    DEFAULTS.forEach(properties::putIfAbsent);
  }
}
