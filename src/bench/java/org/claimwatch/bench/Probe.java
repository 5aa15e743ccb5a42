package org.claimwatch.bench;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures a stretch of a run: its wall time, the CPU time the service, the database server, this
 * program and the rest of the machine used meanwhile, and how the database server's counters moved.
 * Made by {@link BenchService#probe}; readings are taken before the clock starts and after it
 * stops.
 */
final class Probe {
  /** What a stretch cost. CPU times in ms; {@code othersCpuMs} -1 where it cannot be read. */
  record Cost(
      long nanos,
      long serviceCpuMs,
      long dbCpuMs,
      long benchCpuMs,
      long othersCpuMs,
      Map<String, Long> status) {

    static final Cost ZERO = new Cost(0, 0, 0, 0, 0, Map.of());

    double ms() {
      return nanos / 1e6;
    }

    double seconds() {
      return nanos / 1e9;
    }

    /** "x CPU-s in y s (z% of one core)" the rest of the machine used. */
    String otherLoad() {
      return Proc.otherLoad(othersCpuMs, ms());
    }

    /** What the rest of the machine used, in % of one core. */
    double othersPercent() {
      return 100.0 * othersCpuMs / Math.max(1, ms());
    }

    long status(String counter) {
      return status.getOrDefault(counter, 0L);
    }

    /** Two stretches together. */
    Cost plus(Cost o) {
      Map<String, Long> sum = new LinkedHashMap<>(status);
      o.status.forEach((k, v) -> sum.merge(k, v, Long::sum));
      return new Cost(
          nanos + o.nanos,
          serviceCpuMs + o.serviceCpuMs,
          dbCpuMs + o.dbCpuMs,
          benchCpuMs + o.benchCpuMs,
          othersCpuMs < 0 || o.othersCpuMs < 0 ? -1 : othersCpuMs + o.othersCpuMs,
          sum);
    }
  }

  /** CPU ms so far of the service, the database server, this program, and the whole machine. */
  private record Cpu(long service, long db, long bench, long machine) {}

  private final long servicePid;
  private final Optional<ProcessHandle> database;
  private final Db.Counters counters;
  private Cpu cpu0;
  private Map<String, Long> status0;
  private long t0;
  private final Cpu startCpu;
  private final Map<String, Long> startStatus;
  private final long start;

  /**
   * @param servicePid the service's process, or 0 for none
   * @param counters the database server counters to follow, or null for none
   */
  Probe(long servicePid, Optional<ProcessHandle> database, Db.Counters counters)
      throws SQLException {
    this.servicePid = servicePid;
    this.database = database;
    this.counters = counters;
    mark();
    startCpu = cpu0;
    startStatus = status0;
    start = t0;
  }

  private Cpu cpu() {
    return new Cpu(
        servicePid > 0 ? Proc.cpuMs(servicePid) : 0,
        database.map(p -> Proc.cpuMs(p.pid())).orElse(0L),
        Proc.selfCpuMs(),
        Proc.machineBusyMs());
  }

  private Map<String, Long> status() throws SQLException {
    return counters == null ? Map.of() : counters.read();
  }

  private void mark() throws SQLException {
    cpu0 = cpu();
    status0 = status();
    t0 = System.nanoTime();
  }

  private Cost since(long t, Cpu c, Map<String, Long> s, long tNow) throws SQLException {
    Cpu now = cpu();
    Map<String, Long> statusNow = status();
    long service = now.service() - c.service();
    long db = now.db() - c.db();
    long bench = now.bench() - c.bench();
    long others =
        now.machine() < 0 || c.machine() < 0
            ? -1
            : Math.max(0, now.machine() - c.machine() - service - db - bench);
    return new Cost(
        tNow - t,
        service,
        db,
        bench,
        others,
        counters == null ? Map.of() : counters.delta(s, statusNow));
  }

  /** What the stretch since the start cost. */
  Cost stop() throws SQLException {
    long t = System.nanoTime();
    return since(start, startCpu, startStatus, t);
  }

  /** What the stretch since the last lap (or the start) cost; the next lap starts now. */
  Cost lap() throws SQLException {
    long t = System.nanoTime();
    Cost c = since(t0, cpu0, status0, t);
    mark();
    return c;
  }
}
