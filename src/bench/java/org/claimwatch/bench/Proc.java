package org.claimwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Readings of this machine and its processes, from /proc (Linux); "?" or -1 elsewhere. */
final class Proc {
  private Proc() {}

  /** CPU ms (user + system) a process has used, from /proc/PID/stat; 0 if unreadable. */
  static long cpuMs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU ms this program has used (to the nanosecond where the JVM tells, else from /proc). */
  static long selfCpuMs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return cpuMs(ProcessHandle.current().pid());
  }

  /** The kB figures of /proc/PID/status (VmRSS, VmHWM, ...). */
  static Map<String, Long> status(long pid) throws IOException {
    Map<String, Long> out = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.endsWith(" kB")) {
        out.put(
            line.substring(0, colon),
            Long.parseLong(line.substring(colon + 1, line.length() - 3).strip()));
      }
    }
    return out;
  }

  /** "RSS n MB, peak n MB" of a process. */
  static String memoryOf(long pid) {
    try {
      Map<String, Long> s = status(pid);
      return "RSS "
          + (s.getOrDefault("VmRSS", -1024L) >> 10)
          + " MB, peak "
          + (s.getOrDefault("VmHWM", -1024L) >> 10)
          + " MB";
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Busy CPU ms of the whole machine so far (/proc/stat), or -1 where it cannot be read. */
  static long machineBusyMs() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // cpu user nice system idle iowait irq softirq steal
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[i]) * 10;
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** "x CPU-s in y s (z% of one core)": CPU the rest of the machine used in a stretch of time. */
  static String otherLoad(long othersCpuMs, double wallMs) {
    if (othersCpuMs < 0) {
      return "?";
    }
    return String.format(
        Locale.ROOT,
        "%.1f CPU-s in %.1f s (%.0f%% of one core)",
        othersCpuMs / 1000.0,
        wallMs / 1000.0,
        100.0 * othersCpuMs / Math.max(1, wallMs));
  }

  /** "cores n, load average a b c, memory n MB" of this machine. */
  static String machine() {
    String load = "?";
    String memory = "?";
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      load = f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MB";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return String.format(
        Locale.ROOT,
        "%d cores, load average %s (1/5/15 min), memory %s",
        Runtime.getRuntime().availableProcessors(),
        load,
        memory);
  }
}
