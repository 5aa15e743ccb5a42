package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.claim.BenchClaims;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.review.QueueSql;

/**
 * The review queues under load: with 1,000,000 claims stored, first pages of 50 of the unreviewed
 * and rechecks queues (filtered, ordered) requested by 50 concurrent clients through the API, side
 * by side with the same SQL run by 50 raw JDBC connections in one run; then {@code POST
 * /api/v1/queue/unreviewed/next} by 20 concurrent checkers (no claim handed out twice). A program
 * run by hand, not a test (see BENCHMARKS.md).
 *
 * <p>It creates a database, starts the packaged service ({@code java -jar
 * target/claimwatch-0.1.0.jar}) so that Flyway creates the schema, creates {@code --entities} (100)
 * entities, a VIEWER token and {@code --checkers} (20) CHECKER tokens through the API, and loads
 * {@code --claims} (1,000,000) claims with the production ClaimStore over its own JDBC connection
 * ({@link org.claimwatch.claim.BenchClaims}, as FanOutBenchmark loads them; multi-row batches of
 * 1,000): round robin over the entities, each with a metric of {@code --metrics} (8: revenue,
 * capex, net_income, market_share, ...), language en (60%), de (25%) or en-GB (15%), priority
 * 0..100, status UNVERIFIED (80%) or a verdict (ACCURATE 8%, MOSTLY_ACCURATE 4%, MISLEADING 3%,
 * INACCURATE 3%, UNVERIFIABLE 2%), drawn from a hash of the claim's number. Then {@code --rechecks}
 * (50,000) open NEW_FILING flags on claims drawn at random with one {@code INSERT ... SELECT}
 * (outcomes CONTRADICTS 20%, SUPPORTS 60%, INCONCLUSIVE 20%; the claim's priority, version and
 * entity copied; one dedupe key per claim).
 *
 * <p>Scenarios ({@code --scenarios}, all by default), each a first page of {@code --limit} (50):
 *
 * <ul>
 *   <li>{@code unreviewed-entity}: {@code GET /api/v1/queue/unreviewed?entityId=E&limit=50}, E
 *       drawn at random per request from the entities;
 *   <li>{@code unreviewed-metric}: {@code ?metric=M&limit=50}, M drawn from the metrics;
 *   <li>{@code unreviewed-filtered}: {@code ?entityId=E&metric=M&language=L&limit=50}, L en
 *       (matching en-GB too) or de;
 *   <li>{@code rechecks}: {@code GET /api/v1/queue/rechecks?limit=50};
 *   <li>{@code rechecks-entity}: {@code ?entityId=E&limit=50}.
 * </ul>
 *
 * First the service is warmed up (its JIT: CPU per page halves over the first minute under load)
 * with {@code --service-warmup-seconds} (30) of HTTP requests spread over the scenarios. Then, for
 * each scenario and each of {@code --rounds} (1), both sides run {@code --warmup-seconds} (5)
 * unmeasured and then {@code --seconds} (20) measured, alternating which side goes first:
 *
 * <ol>
 *   <li><b>HTTP</b>: {@code --clients} (50) threads in a closed loop, each sending the next request
 *       when the last one's answer is read, with the VIEWER token, from {@code
 *       java.net.http.HttpClient} (HTTP/1.1, keep-alive; {@code --load=java}) or from wrk ({@code
 *       --load=wrk}, Debian's package, with a Lua script for the header and the check). Any answer
 *       other than 200 with exactly 50 items is an error;
 *   <li><b>raw</b>: the same SQL and parameters the service runs for the page ({@link
 *       QueueSql#firstPage}, with the limit + 1 the service asks for), by {@code --clients} threads
 *       each with its own connection (the service's connection properties), each query prepared,
 *       bound, executed and every column of every row read, autocommit; fewer than 51 rows is an
 *       error.
 * </ol>
 *
 * Filter values a page of 50 cannot be filled for are left out (logged). It prints requests/s and
 * latency p50, p90, p99 and max per side, the ratios HTTP/raw, the CPU time of the service, the
 * database server, the benchmark and the rest of the machine per request (/proc), database server
 * counters per request, EXPLAIN (and on MariaDB ANALYZE) of each raw query, and the goals.
 *
 * <p><b>Open loop</b> ({@code --rate=200,400,800}): instead of the closed loop, each scenario and
 * side runs one step per offered rate (requests/s, all clients together), in the order given, each
 * {@code --warmup-seconds} unmeasured and then {@code --seconds} measured at that rate. Request k
 * of a step is due at start + k / rate, however long earlier ones take, and is sent by the first of
 * {@code --clients} threads free to take it (HTTP: the same requests; raw: the same SQL, each
 * thread on its own connection); its latency counts from the time it was due, so waiting for a free
 * client is part of it (no coordinated omission, as wrk2 measures). Requests due before the end
 * that no client was free to send by then are reported as not sent (the side is saturated). Per
 * step and side it prints the achieved rate, p50/p90/p99/max from the due time, errors, the send
 * delay p99 (due to sent) and the CPU and counter columns per request. With 50 closed-loop clients
 * the latency is about clients / throughput; below saturation the open loop shows the latency the
 * service gives at a given load.
 *
 * <p><b>Buffer pool</b>: at start, if {@code @@innodb_buffer_pool_size} is smaller than {@code
 * --buffer-pool-mb} (1024), it is set to that ({@code SET GLOBAL}, an online resize; the benchmark
 * waits until {@code Innodb_buffer_pool_resize_status} reports it complete, or where that stays
 * empty until {@code Innodb_buffer_pool_pages_total} adds up to the new size, at most 10 s) and set
 * back at the end (also when the run fails or is interrupted); a refused {@code SET GLOBAL} is
 * logged and the run goes on. Before measuring, every index of claims and rechecks is read once
 * ({@code SELECT COUNT(*) ... FORCE INDEX}). The header reports the old and new size.
 *
 * <p><b>next</b>: {@code --checkers} (20) threads, each with its own CHECKER token, call {@code
 * POST /api/v1/queue/unreviewed/next?entityId=E} in a closed loop for {@code --next-seconds} (20)
 * or until the queue answers 204, E the entity with the most unverified claims (warm-up: the same
 * for {@code --warmup-seconds} on the entity with the second most). It reports takes/s and latency,
 * checks that no claim id came back twice, that each came back to the checker the claim says holds
 * it, and that the database has as many IN_REVIEW claims for the entity as were handed out, each
 * held by the checker that got it.
 *
 * <p>Build the jar first ({@code mvn -q -DskipTests package}), then:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.QueueBenchmark"
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.QueueBenchmark --rate=200,400,800"
 * </pre>
 *
 * <p>Options (each also as an environment variable, e.g. {@code BENCH_CLAIMS}):
 *
 * <ul>
 *   <li>{@code --claims=1000000}, {@code --entities=100}, {@code --metrics=8} (1..8), {@code
 *       --rechecks=50000}
 *   <li>{@code --clients=50}, {@code --seconds=20}, {@code --warmup-seconds=5}, {@code
 *       --service-warmup-seconds=30}, {@code --rounds=1}, {@code --limit=50}, {@code
 *       --scenarios=unreviewed-entity,...}, {@code --load=java} or {@code wrk}, {@code
 *       --wrk-threads=2}, {@code --explain=true}
 *   <li>{@code --checkers=20}, {@code --next-seconds=20} (0: no next scenario)
 *   <li>{@code --rate=200,400,800} open loop at these offered rates instead of the closed loop
 *       (default: none, closed loop); {@code --clients} is then the most requests in flight
 *   <li>{@code --buffer-pool-mb=1024} the least InnoDB buffer pool while measuring (0: leave it)
 *   <li>{@code --floor-jar=src/bench/floor/target/floor.jar} (closed loop, {@code --load=java},
 *       {@code --pages=api} only): a third side, the same requests answered by the platform's floor
 *       (Micronaut's Netty server, HikariCP and Serde running the page's own SQL, nothing of
 *       Claimwatch's own), started beside the service with its JVM options and measured after the
 *       other two in each round (build it first: {@code mvn -q -f src/bench/floor/pom.xml
 *       package}); default: none. {@code --floor-json=direct} the floor writes a page's JSON
 *       straight to bytes with Jackson's generator, {@code serde} as maps through Micronaut Serde
 *   <li>{@code --jdbc-url=jdbc:mysql://host:port/db} an existing <em>benchmark</em> database (never
 *       dropped) kept by an earlier run with {@code --keep=true} and the same {@code --claims},
 *       {@code --entities}, {@code --metrics}: its claims and flags are reused, the claims an
 *       earlier next scenario took are put back; default: a fresh {@code claimwatch_bench_<epoch>}
 *       on {@code --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the end unless {@code
 *       --keep=true}
 *   <li>{@code --user=root}, {@code --password=}
 *   <li>{@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0} (0: a free port), {@code
 *       --java-opts="..."} JVM options for the service, {@code
 *       --service-log=target/bench-queue-service.log}
 * </ul>
 */
public final class QueueBenchmark {
  private static final String ENTITY_PREFIX = "Queue Target ";
  private static final int SOURCES = 20;
  private static final double TARGET_P99_MS = 10;
  private static final double TARGET_RATE = 2000;

  /**
   * Open NEW_FILING flags on claims drawn at random (by a hash of their id, so that they spread
   * evenly over entities, metrics and priorities), as the planner would raise them (claimed side
   * from the claim, its priority, version and entity copied; one period judged, outside it when the
   * flag contradicts); {@code queue} is generated. Set-up data written the plain way: it must fill
   * the columns RecheckPlanner.insert fills (db/migration V9, V16, V23).
   */
  private static final String INSERT_FLAGS =
      "INSERT INTO rechecks (claim_id, reason, report_id, figure_id, claimed_value,"
          + " claimed_value_high, claimed_qualifier, claimed_unit, metric, reported_value,"
          + " reported_unit, period_start, period_end, derivation, form, filed_on, deviation_pct,"
          + " outcome, created_by, created_at, open_slot, dedupe_key, claim_version, priority,"
          + " entity_id, periods, periods_outside)"
          + " SELECT c.id, 'NEW_FILING', NULL, NULL, c.value, c.value_high, c.qualifier, c.unit,"
          + " c.metric,"
          + " ROUND(c.value * CASE WHEN MOD(CRC32(c.id), 10) < 2 THEN 1.25"
          + "   WHEN MOD(CRC32(c.id), 10) < 8 THEN 1 ELSE 1.04 END, 6),"
          + " c.unit, c.period_start, c.period_end, NULL, '10-K', '2025-02-01',"
          + " CASE WHEN MOD(CRC32(c.id), 10) < 2 THEN 25.0"
          + "   WHEN MOD(CRC32(c.id), 10) < 8 THEN 0.0 ELSE 4.0 END,"
          + " CASE WHEN MOD(CRC32(c.id), 10) < 2 THEN 'CONTRADICTS'"
          + "   WHEN MOD(CRC32(c.id), 10) < 8 THEN 'SUPPORTS' ELSE 'INCONCLUSIVE' END,"
          + " 'claimwatch', NOW(), 'NEW_FILING', CONCAT('bench:', c.id), c.version, c.priority,"
          + " c.entity_id, 1, IF(MOD(CRC32(c.id), 10) < 2, 1, 0)"
          + " FROM claims c ORDER BY CRC32(CONCAT('flag:', c.id)) LIMIT ?";

  private static final String[] METRICS = {
    "revenue",
    "capex",
    "net_income",
    "market_share",
    "operating_income",
    "eps",
    "headcount",
    "gross_margin"
  };
  private static final String[] LABELS_EN = {
    "revenue",
    "capital expenditure",
    "net income",
    "market share",
    "operating income",
    "earnings per share",
    "headcount",
    "gross margin"
  };
  private static final String[] LABELS_DE = {
    "Umsatz",
    "Investitionen",
    "Nettogewinn",
    "Marktanteil",
    "operatives Ergebnis",
    "Gewinn je Aktie",
    "Mitarbeiterzahl",
    "Bruttomarge"
  };
  private static final String[] UNITS = {"USD", "USD", "USD", "%", "USD", "USD", "1", "%"};
  private static final Qualifier[] QUALIFIERS = {
    Qualifier.EXACT, Qualifier.APPROX, Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.RANGE
  };

  /** All scenarios, in the order they run. */
  private static final List<String> SCENARIOS =
      List.of(
          "unreviewed-entity",
          "unreviewed-metric",
          "unreviewed-filtered",
          "rechecks",
          "rechecks-entity");

  /** Database server counters reported per request. */
  private static final List<String> STATUS_COUNTERS =
      List.of(
          "Questions",
          "Com_select",
          "Com_commit",
          "Handler_read_key",
          "Handler_read_next",
          "Handler_read_rnd_next",
          "Created_tmp_tables",
          "Sort_rows",
          "Innodb_buffer_pool_read_requests",
          "Innodb_buffer_pool_reads",
          "Bytes_sent");

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final byte[] ITEM_MARK = "\"externalRef\":".getBytes(StandardCharsets.UTF_8);

  /** A row of the reviewer page's queue table. */
  private static final byte[] UI_ROW_MARK = "data-claim-id=".getBytes(StandardCharsets.UTF_8);

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Options o = new Options(a);
    BenchService svc = BenchService.fromArgs(a, "target/bench-queue-service.log");
    Run run = new Run(o, svc);
    svc.onStop(run::restoreBufferPool).run(a, s -> run.run());
  }

  /** One value of a queue's filters: entity, metric, language (each may be null). */
  record Filter(Long entityId, String metric, String language) {
    String query(int limit) {
      StringBuilder q = new StringBuilder();
      if (entityId != null) {
        q.append("entityId=").append(entityId).append('&');
      }
      if (metric != null) {
        q.append("metric=").append(URLEncoder.encode(metric, StandardCharsets.UTF_8)).append('&');
      }
      if (language != null) {
        q.append("language=")
            .append(URLEncoder.encode(language, StandardCharsets.UTF_8))
            .append('&');
      }
      return q.append("limit=").append(limit).toString();
    }
  }

  /** A measured query: a queue and the filter values requests draw from. */
  static final class Scenario {
    final String name;
    final String queue;
    final String title;
    List<Filter> filters;
    int dropped;

    Scenario(String name, String queue, String title, List<Filter> filters) {
      this.name = name;
      this.queue = queue;
      this.title = title;
      this.filters = filters;
    }
  }

  /** The outcome of one measured (or warm-up) window of one side. */
  static final class Window {
    final String side;
    long requests;
    long errors;
    String firstError;
    double seconds;

    /** Latencies in ns, sorted; null when the load generator reports percentiles itself (wrk). */
    long[] latencies;

    double p50;
    double p90;
    double p99;
    double max;

    /** CPU and database counters over a measured window. */
    Probe.Cost cost = Probe.Cost.ZERO;

    /** Open loop only: the offered rate, the requests scheduled, and how many were never sent. */
    double offered;

    long scheduled;
    long unsent;

    /** Open loop only: ns from a request's scheduled time to its send (waiting for a client). */
    long[] sendDelays;

    double sendDelayP99;

    Window(String side) {
      this.side = side;
    }

    double rate() {
      return requests / Math.max(1e-9, seconds);
    }

    void percentilesFromLatencies() {
      Arrays.sort(latencies);
      if (sendDelays != null) {
        Arrays.sort(sendDelays);
        sendDelayP99 = Stats.percentile(sendDelays, 99) / 1e6;
      }
      p50 = Stats.percentile(latencies, 50) / 1e6;
      p90 = Stats.percentile(latencies, 90) / 1e6;
      p99 = Stats.percentile(latencies, 99) / 1e6;
      max = latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
    }
  }

  /** The measured windows of one side of one scenario, over all rounds. */
  static final class Side {
    final String name;
    final List<Window> windows = new ArrayList<>();

    Side(String name) {
      this.name = name;
    }

    Window total() {
      Window t = new Window(name);
      boolean exact = true;
      boolean delays = !windows.isEmpty();
      for (Window w : windows) {
        t.offered = w.offered;
        t.scheduled += w.scheduled;
        t.unsent += w.unsent;
        delays &= w.sendDelays != null;
        t.requests += w.requests;
        t.errors += w.errors;
        if (t.firstError == null) {
          t.firstError = w.firstError;
        }
        t.seconds += w.seconds;
        t.cost = t.cost.plus(w.cost);
        exact &= w.latencies != null;
      }
      if (exact) {
        t.latencies = windows.stream().flatMapToLong(w -> Arrays.stream(w.latencies)).toArray();
        if (delays) {
          t.sendDelays = windows.stream().flatMapToLong(w -> Arrays.stream(w.sendDelays)).toArray();
        }
        t.percentilesFromLatencies();
      } else {
        // wrk reports percentiles per window: the worst window's
        for (Window w : windows) {
          t.p50 = Math.max(t.p50, w.p50);
          t.p90 = Math.max(t.p90, w.p90);
          t.p99 = Math.max(t.p99, w.p99);
          t.max = Math.max(t.max, w.max);
        }
      }
      return t;
    }
  }

  /** A growable array of longs. */
  static final class Longs {
    long[] values = new long[1 << 12];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(Longs other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** What one client of a loop recorded. */
  static final class Recorder {
    final Longs latencies = new Longs();

    /** Open loop: ns from each request's due time to its send. */
    final Longs delays = new Longs();

    long errors;
    String firstError;
    long unsent;

    /** Open loop: ns from the start to this client's last answer. */
    long lastDone;

    void error(String error) {
      if (errors++ == 0) {
        firstError = error.length() > 300 ? error.substring(0, 300) : error;
      }
    }
  }

  static final class Run {
    private final Options o;
    private final BenchService svc;
    private HttpClient http;
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);
    private final long runId = startedAt.toEpochSecond(ZoneOffset.UTC);
    private String base;
    private Connection jdbc;
    private Db.Counters counters;
    private final List<Connection> raw = new ArrayList<>();
    private final List<Long> entityIds = new ArrayList<>();
    private String viewerName;
    private String viewerToken;

    /** With --pages=ui: the viewer's session cookie on the reviewer pages. */
    private String viewerCookie;

    private final List<String> checkerNames = new ArrayList<>();
    private final List<String> checkerTokens = new ArrayList<>();
    private String serviceMemory = "?";
    private final String machineAtStart;
    private String machineBeforeMeasuring = "?";
    private String machineAtEnd = "?";
    private String otherLoad = "?";
    private double loadSeconds = Double.NaN;
    private double flagSeconds = Double.NaN;
    private String sizes = "?";
    private final Map<Scenario, Side[]> results = new LinkedHashMap<>();

    /** Open loop (--rate): per scenario, per offered rate, HTTP and raw. */
    private final Map<Scenario, Map<Integer, Side[]>> rateResults = new LinkedHashMap<>();

    private NextResult next;

    /** With --floor-jar: the platform's floor, started beside the service. */
    private BenchService.Beside floor;

    /** innodb_buffer_pool_size before this run (bytes; -1 unknown), and whether we changed it. */
    private long bufferPoolBefore = -1;

    private boolean bufferPoolChanged;
    private boolean bufferPoolRestored;
    private String bufferPoolNote = "left as is";
    private String warmNote = "not warmed";

    Run(Options o, BenchService svc) {
      this.o = o;
      this.svc = svc;
      this.machineAtStart = Proc.machine();
    }

    /** With the service started. */
    void run() throws Exception {
      log("Machine at start: %s", machineAtStart);
      http = svc.http();
      base = svc.base();
      jdbc = svc.jdbc();
      counters = svc.counters(STATUS_COUNTERS);
      try {
        growBufferPool();
        setUp();
        warmTables();
        measure();
      } finally {
        for (Connection c : raw) {
          closeQuietly(c);
        }
      }
    }

    // --- buffer pool ---------------------------------------------------------------------------

    /** Grows innodb_buffer_pool_size to --buffer-pool-mb if smaller (online resize). */
    private void growBufferPool() {
      if (o.bufferPoolMb <= 0) {
        return;
      }
      long want = (long) o.bufferPoolMb << 20;
      try {
        bufferPoolBefore = Long.parseLong(Db.variable(jdbc, "@@innodb_buffer_pool_size"));
      } catch (NumberFormatException e) {
        bufferPoolNote = "could not read @@innodb_buffer_pool_size: left as is";
        log("Buffer pool: %s", bufferPoolNote);
        return;
      }
      if (bufferPoolBefore >= want) {
        bufferPoolNote = (bufferPoolBefore >> 20) + " MB, >= --buffer-pool-mb: left as is";
        log("Buffer pool: %s", bufferPoolNote);
        return;
      }
      log("Buffer pool: growing from %d MB to %d MB", bufferPoolBefore >> 20, want >> 20);
      try {
        String status = resizeBufferPool(jdbc, want);
        bufferPoolChanged = true;
        long now = Long.parseLong(Db.variable(jdbc, "@@innodb_buffer_pool_size"));
        bufferPoolNote =
            String.format(
                Locale.ROOT,
                "%d MB (was %d MB; set back at the end; resize status: %s)",
                now >> 20,
                bufferPoolBefore >> 20,
                status);
      } catch (SQLException e) {
        bufferPoolNote =
            String.format(
                Locale.ROOT,
                "%d MB: SET GLOBAL innodb_buffer_pool_size refused (%s)",
                bufferPoolBefore >> 20,
                e.getMessage());
      }
      log("Buffer pool: %s", bufferPoolNote);
    }

    /** Sets the buffer pool back to its size before this run (once; also from the hook). */
    private synchronized void restoreBufferPool() {
      if (!bufferPoolChanged || bufferPoolRestored) {
        return;
      }
      bufferPoolRestored = true;
      try (Connection c = svc.connect()) {
        String status = resizeBufferPool(c, bufferPoolBefore);
        log("Buffer pool set back to %d MB (%s)", bufferPoolBefore >> 20, status);
      } catch (SQLException e) {
        log(
            "Could not set the buffer pool back to %d MB: %s; run SET GLOBAL"
                + " innodb_buffer_pool_size = %d",
            bufferPoolBefore >> 20, e.getMessage(), bufferPoolBefore);
      }
    }

    /**
     * SET GLOBAL innodb_buffer_pool_size and wait (up to 10 s) until
     * Innodb_buffer_pool_resize_status reports the resize completed or, where it stays empty
     * (MariaDB 10.11), the pool's pages add up to the new size; returns what it saw.
     */
    private static String resizeBufferPool(Connection c, long bytes) throws SQLException {
      String before = resizeStatus(c);
      try (Statement s = c.createStatement()) {
        s.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      String status = before;
      while (System.nanoTime() < deadline) {
        status = resizeStatus(c);
        String lower = status.toLowerCase(Locale.ROOT);
        if (!status.equals(before) && (lower.contains("complet") || lower.contains("fail"))) {
          return status;
        }
        long pool = poolPagesBytes(c);
        if (status.isEmpty() && Math.abs(pool - bytes) <= bytes / 20) {
          // MariaDB 10.11 leaves the status empty: the pool's pages tell
          return "done, Innodb_buffer_pool_pages_total x page size = " + (pool >> 20) + " MB";
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return "not reported complete after 10 s: " + (status.isEmpty() ? "(empty)" : status);
    }

    private static String resizeStatus(Connection c) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'")) {
        return rs.next() && rs.getString(2) != null ? rs.getString(2).trim() : "";
      }
    }

    /** Innodb_buffer_pool_pages_total x @@innodb_page_size: the pool's size as it is now. */
    private static long poolPagesBytes(Connection c) throws SQLException {
      long pages = 0;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'Innodb_buffer_pool_pages_total'")) {
        if (rs.next()) {
          pages = Long.parseLong(rs.getString(2));
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT @@innodb_page_size")) {
        rs.next();
        return pages * rs.getLong(1);
      }
    }

    /** Reads every index of claims and rechecks once (COUNT(*) with FORCE INDEX). */
    private void warmTables() throws SQLException {
      List<String[]> indexes = new ArrayList<>();
      try (Statement st = jdbc.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT DISTINCT table_name, index_name FROM information_schema.statistics"
                      + " WHERE table_schema = DATABASE() AND table_name IN ('claims', 'rechecks')"
                      + " ORDER BY table_name, index_name")) {
        while (rs.next()) {
          indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      long reads0 = counters.read().getOrDefault("Innodb_buffer_pool_reads", 0L);
      long t0 = System.nanoTime();
      for (String[] ix : indexes) {
        count("SELECT COUNT(*) FROM `" + ix[0] + "` FORCE INDEX (`" + ix[1] + "`)");
      }
      long reads = counters.read().getOrDefault("Innodb_buffer_pool_reads", 0L) - reads0;
      warmNote =
          String.format(
              Locale.ROOT,
              "%d indexes of claims and rechecks read in %.1f s (%,d pages from disk)",
              indexes.size(),
              (System.nanoTime() - t0) / 1e9,
              reads);
      log("Warmed the tables: %s", warmNote);
    }

    private static void closeQuietly(Connection c) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }

    // --- set-up --------------------------------------------------------------------------------

    private void setUp() throws Exception {
      for (int k = 0; k < o.entities; k++) {
        entityIds.add(svc.entity(ENTITY_PREFIX + (k + 1)));
      }
      viewerName = "bench-viewer-" + runId;
      viewerToken = token(viewerName, "VIEWER");
      for (int i = 0; i < o.checkers; i++) {
        String name = String.format(Locale.ROOT, "bench-checker-%d-%02d", runId, i + 1);
        checkerNames.add(name);
        checkerTokens.add(token(name, "CHECKER"));
      }
      log("Created %d entities' ids, a VIEWER token and %d CHECKER tokens", o.entities, o.checkers);
      long stored = count("SELECT COUNT(*) FROM claims");
      if (stored == 0) {
        load();
        flags();
        checks();
      } else if (stored == o.claims) {
        log("Reusing %,d stored claims; putting back the claims earlier runs took", stored);
        exec(
            "UPDATE claims SET status = COALESCE(prior_status, 'UNVERIFIED'), assignee = NULL,"
                + " lease_until = NULL, prior_status = NULL, version = 1"
                + " WHERE status = 'IN_REVIEW'");
        exec("DELETE FROM claim_history");
        if (count("SELECT COUNT(*) FROM rechecks") == 0) {
          flags();
        }
      } else {
        throw new IllegalStateException(
            "The database has " + stored + " claims, not " + o.claims + ": use a fresh one");
      }
      exec("ANALYZE TABLE claims, rechecks");
      sizes = tableSizes();
      log("Tables: %s", sizes);
      for (int i = 0; i < o.clients; i++) {
        raw.add(svc.connect());
      }
    }

    /** A new API token (POST /api/v1/tokens with the admin token); returns its secret. */
    private String token(String name, String role) throws Exception {
      HttpResponse<String> r =
          svc.post("/api/v1/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}", 201);
      Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
      if (!m.find()) {
        throw new IllegalStateException("POST /api/v1/tokens: no token in " + r.body());
      }
      return m.group(1);
    }

    /** The claims, with the production writer (ClaimStore's statement, Precision's tolerance). */
    private void load() throws SQLException {
      log(
          "Loading %,d claims (%d entities round robin, %d metrics) with JDBC",
          o.claims, o.entities, o.metrics);
      List<Long> sourceIds =
          new ArrayList<>(Db.insertSources(jdbc, Db.newsSources(SOURCES, "outlook")).values());
      LocalDateTime statedAt = LocalDateTime.of(2024, 1, 2, 9, 0);
      LocalDate start = LocalDate.of(2024, 1, 1);
      LocalDate end = LocalDate.of(2024, 12, 31);
      loadSeconds =
          Db.loadClaims(
              jdbc,
              o.claims,
              nn -> {
                int n = (int) nn;
                long h = mix(n);
                int k = n % o.entities;
                int m = (int) Long.remainderUnsigned(h >>> 8, o.metrics);
                String language = language(h);
                Qualifier qualifier =
                    QUALIFIERS[(int) Long.remainderUnsigned(h >>> 48, QUALIFIERS.length)];
                BigDecimal value = value(m, h);
                BigDecimal high =
                    qualifier == Qualifier.RANGE
                        ? value
                            .multiply(BigDecimal.valueOf(11, 1))
                            .setScale(value.scale(), RoundingMode.UP)
                        : null;
                return new BenchClaims.Spec(
                    String.format(Locale.ROOT, "queue-%08d", n),
                    statement(language, k + 1, m, value, n),
                    language,
                    "Chief Financial Officer of Target " + (k + 1),
                    entityIds.get(k),
                    METRICS[m],
                    value,
                    high,
                    UNITS[m],
                    qualifier,
                    start,
                    end,
                    Periodicity.NONE,
                    statedAt
                        .plusMinutes((n / o.entities) % (300 * 24 * 60))
                        .toInstant(ZoneOffset.UTC),
                    sourceIds.get(n % sourceIds.size()),
                    status(h),
                    (int) Long.remainderUnsigned(h >>> 28, 101));
              });
      log("Loaded %,d claims in %.1f s", o.claims, loadSeconds);
    }

    /** The open flags: one INSERT ... SELECT of claims drawn at random. */
    private void flags() throws SQLException {
      if (o.rechecks == 0) {
        return;
      }
      long t0 = System.nanoTime();
      int n;
      try (PreparedStatement ps = jdbc.prepareStatement(INSERT_FLAGS)) {
        ps.setLong(1, o.rechecks);
        n = ps.executeUpdate();
      }
      flagSeconds = (System.nanoTime() - t0) / 1e9;
      log("Flagged %,d claims in %.1f s", n, flagSeconds);
    }

    /**
     * Checks on one claim in eight, as the service keeps them: each entity reports its 2024 figure
     * for the first metric through the API (filed before the claims were stated, so nothing is
     * flagged), and the service stores the check of every claim about it. Queue pages then show
     * checks on the rows that have one.
     */
    private void checks() throws Exception {
      long t0 = System.nanoTime();
      for (long entityId : entityIds) {
        svc.post(
            "/api/v1/reports",
            "{\"entityId\":"
                + entityId
                + ",\"title\":\"Results 2024\",\"form\":\"press release\","
                + "\"url\":\"https://example.org/results-"
                + entityId
                + "\",\"filedAt\":\"2024-01-01\",\"facts\":[{\"metric\":\""
                + METRICS[0]
                + "\",\"value\":\"25000000000\",\"unit\":\""
                + UNITS[0]
                + "\",\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\"}]}",
            201);
      }
      log(
          "Reported a 2024 %s figure for each entity: %,d claims have a check (%.1f s)",
          METRICS[0],
          count("SELECT COUNT(DISTINCT claim_id) FROM claim_checks"),
          (System.nanoTime() - t0) / 1e9);
    }

    /** splitmix64: the claim's attributes come from independent bits of its hash. */
    private static long mix(long n) {
      long z = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    private static String language(long h) {
      int r = (int) Long.remainderUnsigned(h >>> 20, 100);
      return r < 60 ? "en" : r < 85 ? "de" : "en-GB";
    }

    private static ClaimStatus status(long h) {
      int r = (int) Long.remainderUnsigned(h >>> 40, 100);
      if (r < 80) {
        return ClaimStatus.UNVERIFIED;
      }
      if (r < 88) {
        return ClaimStatus.ACCURATE;
      }
      if (r < 92) {
        return ClaimStatus.MOSTLY_ACCURATE;
      }
      if (r < 95) {
        return ClaimStatus.MISLEADING;
      }
      return r < 98 ? ClaimStatus.INACCURATE : ClaimStatus.UNVERIFIABLE;
    }

    /** A value in the metric's range, stated to a few precisions. */
    private static BigDecimal value(int metric, long h) {
      long r = Long.remainderUnsigned(h >>> 12, 1_000_000);
      return switch (METRICS[metric]) {
        case "market_share", "gross_margin" -> BigDecimal.valueOf(50 + r % 650, 1);
        case "eps" -> BigDecimal.valueOf(10 + r % 2_000, 2);
        case "headcount" -> BigDecimal.valueOf(1_000 + r * 50);
        default -> BigDecimal.valueOf((1 + r % 500) * 100_000_000L);
      };
    }

    private static String statement(String language, int target, int m, BigDecimal v, int n) {
      String value = v.toPlainString();
      return language.equals("de")
          ? String.format(
              Locale.ROOT,
              "Ziel %d erwartet für 2024 ein %s von %s %s, sagte der Finanzvorstand (Nr. %d).",
              target,
              LABELS_DE[m],
              value,
              UNITS[m],
              n)
          : String.format(
              Locale.ROOT,
              "Target %d expects %s of %s %s for 2024, the chief financial officer told investors"
                  + " (item %d).",
              target,
              LABELS_EN[m],
              value,
              UNITS[m],
              n);
    }

    // --- scenarios -----------------------------------------------------------------------------

    private List<Scenario> scenarios() {
      List<Filter> byEntity = new ArrayList<>();
      for (long e : entityIds) {
        byEntity.add(new Filter(e, null, null));
      }
      List<Filter> byMetric = new ArrayList<>();
      for (int m = 0; m < o.metrics; m++) {
        byMetric.add(new Filter(null, METRICS[m], null));
      }
      List<Filter> filtered = new ArrayList<>();
      for (long e : entityIds) {
        for (int m = 0; m < o.metrics; m++) {
          for (String language : List.of("en", "de")) {
            filtered.add(new Filter(e, METRICS[m], language));
          }
        }
      }
      Map<String, Scenario> all = new LinkedHashMap<>();
      all.put(
          "unreviewed-entity",
          new Scenario("unreviewed-entity", "unreviewed", "unreviewed ?entityId=E", byEntity));
      all.put(
          "unreviewed-metric",
          new Scenario("unreviewed-metric", "unreviewed", "unreviewed ?metric=M", byMetric));
      all.put(
          "unreviewed-filtered",
          new Scenario(
              "unreviewed-filtered",
              "unreviewed",
              "unreviewed ?entityId=E&metric=M&language=L",
              filtered));
      all.put(
          "rechecks",
          new Scenario(
              "rechecks",
              "rechecks",
              "rechecks (no filter)",
              List.of(new Filter(null, null, null))));
      all.put(
          "rechecks-entity",
          new Scenario("rechecks-entity", "rechecks", "rechecks ?entityId=E", byEntity));
      List<Scenario> out = new ArrayList<>();
      for (String name : o.scenarios) {
        out.add(all.get(name));
      }
      return out;
    }

    /** The production SQL and parameters of a page (the service asks for limit + 1 rows). */
    private Object[] sql(Scenario s, Filter f) {
      return QueueSql.firstPage(
          s.queue, f.entityId(), f.metric(), f.language(), viewerName, o.limit + 1);
    }

    /** Keeps the filter values a full page exists for (raw query once each, which also warms). */
    private void keepFullPages(Scenario s) throws SQLException {
      List<Filter> kept = new ArrayList<>();
      long t0 = System.nanoTime();
      for (Filter f : s.filters) {
        if (rawQuery(jdbc, sql(s, f)) >= o.limit + 1) {
          kept.add(f);
        }
      }
      s.dropped = s.filters.size() - kept.size();
      s.filters = kept;
      log(
          "%s: %d filter values with a full page (%d left out), checked in %.1f s",
          s.title, kept.size(), s.dropped, (System.nanoTime() - t0) / 1e9);
      if (kept.isEmpty()) {
        throw new IllegalStateException(s.title + ": no filter value fills a page: more claims");
      }
    }

    // --- measurement ---------------------------------------------------------------------------

    private void measure() throws Exception {
      List<Scenario> scenarios = scenarios();
      for (Scenario s : scenarios) {
        keepFullPages(s);
        if (o.explain) {
          explain(s);
        }
      }
      if (!o.floorJar.isEmpty()) {
        startFloor(scenarios);
      }
      if (o.serviceWarmupSeconds > 0) {
        // The service's JIT: its CPU per page halves over the first minute under load.
        int each = Math.max(1, o.serviceWarmupSeconds / scenarios.size());
        log("Warming up the service: %d s of HTTP requests per scenario", each);
        for (Scenario s : scenarios) {
          runHttp(s, each, false);
          if (floor != null) {
            runFloor(s, each, false);
          }
        }
      }
      machineBeforeMeasuring = Proc.machine();
      log("Measuring; machine: %s", machineBeforeMeasuring);
      Probe whole = svc.probe(null);
      long floorCpu0 = floor == null ? 0 : Proc.cpuMs(floor.process().pid());
      for (int si = 0; si < scenarios.size(); si++) {
        Scenario s = scenarios.get(si);
        Side[] sides =
            floor == null
                ? new Side[] {new Side("HTTP"), new Side("raw")}
                : new Side[] {new Side("HTTP"), new Side("raw"), new Side("floor")};
        Map<Integer, Side[]> steps = new LinkedHashMap<>();
        for (int rate : o.rates) {
          steps.put(rate, new Side[] {new Side("HTTP"), new Side("raw")});
        }
        if (o.rates.isEmpty()) {
          results.put(s, sides);
        } else {
          rateResults.put(s, steps);
        }
        for (int round = 0; round < o.rounds; round++) {
          int r = round;
          // alternate which side goes first, scenario by scenario and round by round
          if (floor == null) {
            Runs.alternate(
                (si + round) % 2 == 0,
                () -> measureSide(s, r, true, sides[0], steps),
                () -> measureSide(s, r, false, sides[1], steps));
          } else {
            // each side goes first in turn, scenario by scenario and round by round
            Runs.rotate(
                si + round,
                List.of(
                    () -> measureSide(s, r, true, sides[0], steps),
                    () -> measureSide(s, r, false, sides[1], steps),
                    () -> {
                      runFloor(s, o.warmupSeconds, false);
                      Window w = runFloor(s, o.seconds, true);
                      sides[2].windows.add(w);
                      logWindow(s, w, r);
                    }));
          }
        }
      }
      if (o.nextSeconds > 0 && o.checkers > 0) {
        next = runNext();
      }
      otherLoad = whole.stop().otherLoad();
      if (floor != null) {
        otherLoad +=
            String.format(
                Locale.ROOT,
                "; of it the floor's own %.1f CPU-s",
                (Proc.cpuMs(floor.process().pid()) - floorCpu0) / 1000.0);
      }
      machineAtEnd = Proc.machine();
      sizes = tableSizes();
      serviceMemory = svc.serviceMemory();
      printSummary();
    }

    /**
     * One round of one side of a scenario: closed loop (into {@code side}), or open loop at each
     * rate (into {@code steps}); each window after its warm-up.
     */
    private void measureSide(
        Scenario s, int round, boolean http, Side side, Map<Integer, Side[]> steps)
        throws Exception {
      if (o.rates.isEmpty()) {
        if (http) {
          runHttp(s, o.warmupSeconds, false);
        } else {
          runRaw(s, o.warmupSeconds, false);
        }
        Window w = http ? runHttp(s, o.seconds, true) : runRaw(s, o.seconds, true);
        side.windows.add(w);
        logWindow(s, w, round);
        return;
      }
      String name = http ? "HTTP" : "raw";
      Call call = http ? httpCall(s, base) : rawCall(s);
      for (int rate : o.rates) {
        if (o.warmupSeconds > 0) {
          openLoop(name, o.clients, rate, o.warmupSeconds, false, call);
        }
        Window w = openLoop(name, o.clients, rate, o.seconds, true, call);
        steps.get(rate)[http ? 0 : 1].windows.add(w);
        logWindow(s, w, round);
      }
    }

    private void logWindow(Scenario s, Window w, int round) {
      log(
          "%s, %s (round %d)%s: %,.0f req/s, p50 %.2f, p90 %.2f, p99 %.2f, max %.1f ms, %,d requests,"
              + " %d errors%s; CPU ms/req service %.2f, database %.2f, benchmark %.2f; others %s",
          s.title,
          w.side,
          round + 1,
          w.offered > 0
              ? String.format(
                  Locale.ROOT,
                  " at %,.0f req/s offered (%,d not sent; send delay p99 %.2f ms)",
                  w.offered,
                  w.unsent,
                  w.sendDelayP99)
              : "",
          w.rate(),
          w.p50,
          w.p90,
          w.p99,
          w.max,
          w.requests,
          w.errors,
          w.firstError == null ? "" : " (first: " + w.firstError + ")",
          perRequest(w.cost.serviceCpuMs(), w),
          perRequest(w.cost.dbCpuMs(), w),
          perRequest(w.cost.benchCpuMs(), w),
          w.cost.otherLoad());
    }

    private static double perRequest(double value, Window w) {
      return value / Math.max(1, w.requests);
    }

    /** HTTP side: --clients threads in a closed loop for the given time (Java or wrk). */
    private Window runHttp(Scenario s, int seconds, boolean measured) throws Exception {
      if (o.load.equals("wrk")) {
        return runWrk(s, seconds, measured);
      }
      return closedLoop("HTTP", o.clients, seconds, measured, httpCall(s, base));
    }

    /** Floor side: the same requests to the platform's floor (--floor-jar). */
    private Window runFloor(Scenario s, int seconds, boolean measured) throws Exception {
      return closedLoop("floor", o.clients, seconds, measured, httpCall(s, floor.base()));
    }

    /**
     * Starts the platform's floor (src/bench/floor) beside the service, with the address, SQL and
     * parameters of every page the scenarios ask for in a file it reads at start.
     */
    private void startFloor(List<Scenario> scenarios) throws Exception {
      StringBuilder json = new StringBuilder("[");
      for (Scenario s : scenarios) {
        for (Filter f : s.filters) {
          Object[] q = sql(s, f);
          @SuppressWarnings("unchecked")
          List<Object> params = (List<Object>) q[1];
          json.append(json.length() > 1 ? ",\n" : "\n")
              .append("{\"uri\":")
              .append(json("/api/v1/queue/" + s.queue + "?" + f.query(o.limit)))
              .append(",\"sql\":")
              .append(json((String) q[0]))
              .append(",\"limit\":")
              .append(o.limit)
              .append(",\"params\":[");
          for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            json.append(i > 0 ? "," : "")
                .append(v instanceof Number ? v.toString() : json(String.valueOf(v)));
          }
          json.append("]}");
        }
      }
      Path file = Path.of("target/bench-floor-queries.json").toAbsolutePath();
      Files.writeString(file, json.append("\n]\n"));
      floor =
          svc.startBeside(
              Path.of(o.floorJar),
              Map.of("FLOOR_QUERIES", file.toString(), "FLOOR_JSON", o.floorJson),
              Path.of("target/bench-queue-floor.log"));
    }

    private static String json(String v) {
      return JsonText.quote(new StringBuilder(), v).toString();
    }

    /** One page request of the scenario over HTTP to {@code to} (a random filter value). */
    private Call httpCall(Scenario s, String to) {
      HttpRequest[] requests = new HttpRequest[s.filters.size()];
      for (int i = 0; i < requests.length; i++) {
        boolean ui = o.pages.equals("ui");
        HttpRequest.Builder b =
            HttpRequest.newBuilder(
                    URI.create(
                        to
                            + (ui ? "/ui/queue/" : "/api/v1/queue/")
                            + s.queue
                            + "?"
                            + s.filters.get(i).query(o.limit)))
                .timeout(Duration.ofSeconds(30))
                .GET();
        requests[i] =
            ui
                ? b.header("Cookie", "cw_session=" + uiSession()).build()
                : b.header("Authorization", "Bearer " + viewerToken).build();
      }
      byte[] mark = o.pages.equals("ui") ? UI_ROW_MARK : ITEM_MARK;
      return (client, rnd) -> {
        HttpRequest req = requests[rnd.nextInt(requests.length)];
        try {
          HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) {
            return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
          }
          int items = occurrences(r.body(), mark);
          return items == o.limit ? null : items + " items, not " + o.limit;
        } catch (IOException e) {
          return e.toString();
        }
      };
    }

    /**
     * Signs the viewer in on the reviewer pages once (the page a browser would get): the session
     * cookie, so the HTTP side measures a server-rendered queue page of 50 rows.
     */
    private String uiSession() {
      if (viewerCookie != null) {
        return viewerCookie;
      }
      try {
        // The form's check value comes back in the form and in its cookie (double submit).
        HttpResponse<String> form =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("name=\"_check\" value=\"([^\"]+)\"")
                .matcher(form.body());
        if (!m.find()) {
          throw new IllegalStateException("no sign-in form: " + form.body());
        }
        String check = m.group(1);
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "cw_sign_in=" + check)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "token=" + viewerToken + "&next=/ui/&_check=" + check))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        viewerCookie = setCookie.substring("cw_session=".length(), setCookie.indexOf(';'));
        return viewerCookie;
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("sign-in on the reviewer pages failed", e);
      }
    }

    /** Raw side: the page's SQL on --clients connections in a closed loop. */
    private Window runRaw(Scenario s, int seconds, boolean measured) throws Exception {
      return closedLoop("raw", o.clients, seconds, measured, rawCall(s));
    }

    /** One page query of the scenario on the client's own connection (a random filter value). */
    private Call rawCall(Scenario s) {
      Object[][] queries = new Object[s.filters.size()][];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = sql(s, s.filters.get(i));
      }
      return (client, rnd) -> {
        try {
          long rows = rawQuery(raw.get(client), queries[rnd.nextInt(queries.length)]);
          return rows == o.limit + 1 ? null : rows + " rows, not " + (o.limit + 1);
        } catch (SQLException e) {
          return e.toString();
        }
      };
    }

    /**
     * What a call returns to end its client's loop, unrecorded (a distinct instance, compared by
     * ==).
     */
    private static final String STOP = new String("stop");

    /** One call of a closed loop: null when it went well, {@link #STOP}, else what was wrong. */
    interface Call {
      String call(int client, ThreadLocalRandom rnd) throws Exception;
    }

    private Window closedLoop(String side, int n, int seconds, boolean measured, Call call)
        throws Exception {
      Recorder[] recorders = recorders(n);
      Probe[] probe = new Probe[1];
      long[] times = new long[2]; // start, deadline
      Runs.parallel(
          side,
          n,
          () -> {
            probe[0] =
                !measured
                    ? null
                    : side.equals("floor")
                        ? svc.probe(floor.process(), counters)
                        : svc.probe(counters);
            times[0] = System.nanoTime();
            times[1] = times[0] + seconds * 1_000_000_000L;
          },
          client -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            Recorder r = recorders[client];
            long end = times[1];
            while (System.nanoTime() < end) {
              long t0 = System.nanoTime();
              String error = call.call(client, rnd);
              if (error == STOP) {
                break;
              }
              r.latencies.add(System.nanoTime() - t0);
              if (error != null) {
                r.error(error);
              }
            }
          });
      long endNanos = System.nanoTime();
      Window w = window(side, recorders, false);
      w.seconds = (endNanos - times[0]) / 1e9;
      if (measured) {
        w.cost = probe[0].stop();
      }
      return w;
    }

    private static Recorder[] recorders(int n) {
      Recorder[] out = new Recorder[n];
      for (int i = 0; i < n; i++) {
        out[i] = new Recorder();
      }
      return out;
    }

    /** The clients' records as one window, its percentiles computed. */
    private static Window window(String side, Recorder[] recorders, boolean delays) {
      Window w = new Window(side);
      Longs all = new Longs();
      Longs allDelays = new Longs();
      for (Recorder r : recorders) {
        all.addAll(r.latencies);
        allDelays.addAll(r.delays);
        w.errors += r.errors;
        w.unsent += r.unsent;
        if (w.firstError == null) {
          w.firstError = r.firstError;
        }
      }
      w.latencies = all.toArray();
      w.sendDelays = delays ? allDelays.toArray() : null;
      w.requests = w.latencies.length;
      w.percentilesFromLatencies();
      return w;
    }

    /**
     * Open loop at a fixed rate: request k is due at start + k / rate, whatever became of the
     * earlier ones, and is sent by the first of {@code n} clients (threads) free to take it; its
     * latency counts from the time it was due, so waiting for a free client is part of it (no
     * coordinated omission). Requests due before the end that no client could send by then are
     * counted as not sent.
     */
    private Window openLoop(
        String side, int n, double rate, int seconds, boolean measured, Call call)
        throws Exception {
      double interval = 1e9 / rate;
      long scheduled = (long) Math.ceil(seconds * rate);
      AtomicLong nextSlot = new AtomicLong();
      Recorder[] recorders = recorders(n);
      Probe[] probe = new Probe[1];
      long[] times = new long[2]; // start, end
      Runs.parallel(
          side + "-open",
          n,
          () -> {
            probe[0] = measured ? svc.probe(counters) : null;
            times[0] = System.nanoTime() + 5_000_000L; // the clients wake up first
            times[1] = times[0] + seconds * 1_000_000_000L;
          },
          client -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            Recorder r = recorders[client];
            long start = times[0];
            long end = times[1];
            for (long k = nextSlot.getAndIncrement();
                k < scheduled;
                k = nextSlot.getAndIncrement()) {
              long due = start + (long) (k * interval);
              for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
              }
              long sent = System.nanoTime();
              if (sent - end >= 0) {
                r.unsent++; // the backlog at the end
                continue;
              }
              String error = call.call(client, rnd);
              if (error == STOP) {
                break;
              }
              long done = System.nanoTime();
              r.lastDone = Math.max(r.lastDone, done - start);
              r.latencies.add(done - due);
              r.delays.add(sent - due);
              if (error != null) {
                r.error(error);
              }
            }
          });
      Window w = window(side, recorders, true);
      w.offered = rate;
      w.scheduled = scheduled;
      if (measured) {
        w.cost = probe[0].stop();
      }
      // from the first due time to the end of the schedule or the last answer, if later
      long last = Arrays.stream(recorders).mapToLong(r -> r.lastDone).max().orElse(0);
      w.seconds = Math.max(seconds * 1e9, last) / 1e9;
      return w;
    }

    /** The HTTP side from wrk: --clients connections, a Lua script for the header and checks. */
    private Window runWrk(Scenario s, int seconds, boolean measured) throws Exception {
      Path script = Path.of("target", "bench-queue-" + s.name + ".lua");
      StringBuilder lua = new StringBuilder("local paths = {\n");
      for (Filter f : s.filters) {
        lua.append("  \"/api/v1/queue/")
            .append(s.queue)
            .append('?')
            .append(f.query(o.limit))
            .append("\",\n");
      }
      lua.append("}\n")
          .append("local threads = {}\n")
          .append("function setup(thread) table.insert(threads, thread) end\n")
          .append("function init(args)\n")
          .append("  non200 = 0\n  bad = 0\n")
          .append("  math.randomseed(os.time() + #threads * 7919 + math.floor(os.clock() * 1e6))\n")
          .append("end\n")
          .append("local headers = {[\"Authorization\"] = \"Bearer ")
          .append(viewerToken)
          .append("\"}\n")
          .append("function request()\n")
          .append("  return wrk.format(\"GET\", paths[math.random(#paths)], headers)\n")
          .append("end\n")
          .append("function response(status, hdrs, body)\n")
          .append("  if status ~= 200 then non200 = non200 + 1 return end\n")
          .append("  local n = 0\n")
          .append("  for _ in string.gmatch(body, '\"externalRef\":') do n = n + 1 end\n")
          .append("  if n ~= ")
          .append(o.limit)
          .append(" then bad = bad + 1 end\n")
          .append("end\n")
          .append("function done(summary, latency, requests)\n")
          .append("  local non200, bad = 0, 0\n")
          .append("  for _, t in ipairs(threads) do\n")
          .append("    non200 = non200 + t:get(\"non200\")\n")
          .append("    bad = bad + t:get(\"bad\")\n")
          .append("  end\n")
          .append("  local e = summary.errors\n")
          .append("  io.write(string.format(\"WRK_RESULT %d %d %.1f %.1f %.1f %.1f %d %d %d\\n\",")
          .append(" summary.requests, summary.duration, latency:percentile(50),")
          .append(" latency:percentile(90), latency:percentile(99), latency.max, non200, bad,")
          .append(" e.connect + e.read + e.write + e.timeout))\n")
          .append("end\n");
      Files.createDirectories(script.toAbsolutePath().getParent());
      Files.writeString(script, lua.toString());
      List<String> cmd =
          List.of(
              "wrk",
              "-t" + o.wrkThreads,
              "-c" + o.clients,
              "-d" + seconds + "s",
              "--timeout",
              "30s",
              "-s",
              script.toString(),
              base + "/");
      Window w = new Window("HTTP");
      Probe probe = measured ? svc.probe(counters) : null;
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (measured) {
        w.cost = probe.stop();
      }
      Matcher m =
          Pattern.compile(
                  "WRK_RESULT (\\d+) (\\d+) ([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+) (\\d+)"
                      + " (\\d+)")
              .matcher(out);
      if (exit != 0 || !m.find()) {
        throw new IllegalStateException("wrk failed (exit " + exit + "): " + out);
      }
      w.requests = Long.parseLong(m.group(1));
      w.p50 = Double.parseDouble(m.group(3)) / 1000;
      w.p90 = Double.parseDouble(m.group(4)) / 1000;
      w.p99 = Double.parseDouble(m.group(5)) / 1000;
      w.max = Double.parseDouble(m.group(6)) / 1000;
      long non200 = Long.parseLong(m.group(7));
      long bad = Long.parseLong(m.group(8));
      long socket = Long.parseLong(m.group(9));
      w.errors = non200 + bad + socket;
      if (w.errors > 0) {
        w.firstError =
            non200
                + " non-200, "
                + bad
                + " not "
                + o.limit
                + " items, "
                + socket
                + " socket errors";
      }
      // wrk's own duration, not the process's (which includes its start and the script)
      w.seconds = Long.parseLong(m.group(2)) / 1e6;
      return w;
    }

    /** Runs the page's SQL; reads every column of every row; returns the number of rows. */
    private static long rawQuery(Connection c, Object[] query) throws SQLException {
      @SuppressWarnings("unchecked")
      List<Object> params = (List<Object>) query[1];
      try (PreparedStatement ps = c.prepareStatement((String) query[0])) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              rs.getObject(i);
            }
            rows++;
          }
        }
        return rows;
      }
    }

    private static int occurrences(byte[] body, byte[] mark) {
      int n = 0;
      outer:
      for (int i = 0; i <= body.length - mark.length; i++) {
        for (int j = 0; j < mark.length; j++) {
          if (body[i + j] != mark[j]) {
            continue outer;
          }
        }
        n++;
        i += mark.length - 1;
      }
      return n;
    }

    /** EXPLAIN (and on MariaDB ANALYZE, which runs it) of the scenario's first raw query. */
    private void explain(Scenario s) throws SQLException {
      explain(s.title + ", e.g. " + s.filters.get(0).query(o.limit), sql(s, s.filters.get(0)));
    }

    private void explain(String title, Object[] q) throws SQLException {
      StringBuilder b = new StringBuilder();
      b.append("-- ")
          .append(title)
          .append('\n')
          .append(q[0])
          .append("\n   params ")
          .append(q[1])
          .append('\n');
      b.append(table("EXPLAIN " + q[0], q, null));
      if (variable("VERSION()").contains("MariaDB")) {
        b.append(
            table(
                "ANALYZE " + q[0],
                q,
                List.of(
                    "id",
                    "select_type",
                    "table",
                    "type",
                    "key",
                    "rows",
                    "r_rows",
                    "filtered",
                    "r_filtered",
                    "Extra")));
      }
      System.out.print(b);
    }

    private String table(String sql, Object[] q, List<String> only) throws SQLException {
      @SuppressWarnings("unchecked")
      List<Object> params = (List<Object>) q[1];
      List<String[]> rows = new ArrayList<>();
      List<Integer> keep = new ArrayList<>();
      try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> header = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            if (only == null || only.contains(md.getColumnLabel(i))) {
              keep.add(i);
              header.add(md.getColumnLabel(i));
            }
          }
          rows.add(header.toArray(new String[0]));
          while (rs.next()) {
            String[] row = new String[keep.size()];
            for (int i = 0; i < keep.size(); i++) {
              String v = rs.getString(keep.get(i));
              row[i] = v == null ? "NULL" : v;
            }
            rows.add(row);
          }
        }
      }
      int[] widths = new int[rows.get(0).length];
      for (String[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          widths[i] = Math.max(widths[i], r[i].length());
        }
      }
      StringBuilder b = new StringBuilder(sql.substring(0, sql.indexOf(' '))).append(":\n");
      for (String[] r : rows) {
        b.append("  ");
        for (int i = 0; i < r.length; i++) {
          b.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r[i]))
              .append(i + 1 < r.length ? " | " : "");
        }
        b.append('\n');
      }
      return b.toString();
    }

    // --- next ----------------------------------------------------------------------------------

    /** The next scenario's outcome. */
    record NextResult(
        long entityId,
        long unverifiedBefore,
        Window window,
        long taken,
        long duplicates,
        long emptyAnswers,
        long inReview,
        long wrongHolder,
        boolean ok) {}

    private NextResult runNext() throws Exception {
      List<long[]> byUnverified = new ArrayList<>();
      try (Statement st = jdbc.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT entity_id, COUNT(*) n FROM claims WHERE status = 'UNVERIFIED'"
                      + " GROUP BY entity_id ORDER BY n DESC LIMIT 2")) {
        while (rs.next()) {
          byUnverified.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      long target = byUnverified.get(0)[0];
      if (o.explain) {
        // QueueService.next asks for candidates 10 at a time
        explain(
            "next: candidates of unreviewed ?entityId=" + target,
            QueueSql.firstPage("unreviewed", target, null, null, checkerNames.get(0), 10));
      }
      if (byUnverified.size() > 1 && o.warmupSeconds > 0) {
        long warm = byUnverified.get(1)[0];
        log("next: warm-up on entity %d for %d s", warm, o.warmupSeconds);
        Takes w = takes(warm, o.warmupSeconds, false);
        check(warm, w, true);
      }
      log(
          "next: %d checkers on entity %d (%,d unverified claims) for %d s",
          o.checkers, target, byUnverified.get(0)[1], o.nextSeconds);
      Takes t = takes(target, o.nextSeconds, true);
      NextResult r = check(target, t, false);
      r =
          new NextResult(
              r.entityId(),
              byUnverified.get(0)[1],
              r.window(),
              r.taken(),
              r.duplicates(),
              r.emptyAnswers(),
              r.inReview(),
              r.wrongHolder(),
              r.ok());
      log(
          "next: %,d taken, %,.0f takes/s, p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms, %d errors%s,"
              + " %d duplicates, %d checkers got 204; IN_REVIEW in the database %,d, wrong holder"
              + " %d: %s",
          r.taken(),
          r.window().rate(),
          r.window().p50,
          r.window().p90,
          r.window().p99,
          r.window().max,
          r.window().errors,
          r.window().firstError == null ? "" : " (first: " + r.window().firstError + ")",
          r.duplicates(),
          r.emptyAnswers(),
          r.inReview(),
          r.wrongHolder(),
          r.ok() ? "OK" : "FAILED");
      return r;
    }

    /** What the checkers got: per checker the claim ids in order, and how many 204s. */
    record Takes(Window window, List<List<Long>> ids, long empty) {}

    private Takes takes(long entityId, int seconds, boolean measured) throws Exception {
      int n = o.checkers;
      List<List<Long>> ids = new ArrayList<>();
      HttpRequest[] requests = new HttpRequest[n];
      for (int i = 0; i < n; i++) {
        ids.add(new ArrayList<>());
        requests[i] =
            HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/queue/unreviewed/next?entityId=" + entityId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + checkerTokens.get(i))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
      }
      long[] empty = new long[n];
      Window w =
          closedLoop(
              "next",
              n,
              seconds,
              measured,
              (client, rnd) -> {
                HttpResponse<String> r =
                    http.send(requests[client], HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 204) {
                  empty[client]++;
                  return STOP;
                }
                Matcher m = ID.matcher(r.body());
                if (r.statusCode() != 200 || !m.find()) {
                  return r.statusCode() + " " + r.body();
                }
                ids.get(client).add(Long.parseLong(m.group(1)));
                if (!r.body().contains("\"holder\":\"" + checkerNames.get(client) + "\"")
                    || !r.body().contains("\"status\":\"IN_REVIEW\"")) {
                  return "claim " + m.group(1) + " not IN_REVIEW for its taker: " + r.body();
                }
                return null;
              });
      return new Takes(w, ids, Arrays.stream(empty).sum());
    }

    /** Checks the takes: no duplicates, and the database agrees on who holds what. */
    private NextResult check(long entityId, Takes t, boolean warmUp) throws SQLException {
      Window w = t.window();
      long taken = t.ids().stream().mapToLong(List::size).sum();
      Set<Long> seen = new HashSet<>();
      Map<Long, String> holderOf = new HashMap<>();
      long duplicates = 0;
      for (int i = 0; i < t.ids().size(); i++) {
        for (long id : t.ids().get(i)) {
          if (!seen.add(id)) {
            duplicates++;
          }
          holderOf.put(id, checkerNames.get(i));
        }
      }
      long inReview;
      long wrongHolder = 0;
      try (PreparedStatement ps =
          jdbc.prepareStatement(
              "SELECT id, assignee FROM claims WHERE entity_id = ? AND status = 'IN_REVIEW'")) {
        ps.setLong(1, entityId);
        inReview = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inReview++;
            if (!rs.getString(2).equals(holderOf.get(rs.getLong(1)))) {
              wrongHolder++;
            }
          }
        }
      }
      boolean ok = duplicates == 0 && inReview == taken && wrongHolder == 0 && w.errors == 0;
      if (warmUp) {
        log(
            "next warm-up: %,d taken, %d duplicates, IN_REVIEW %,d, wrong holder %d, %d errors%s",
            taken,
            duplicates,
            inReview,
            wrongHolder,
            w.errors,
            w.firstError == null ? "" : " (first: " + w.firstError + ")");
      }
      return new NextResult(
          entityId, -1, w, taken, duplicates, t.empty(), inReview, wrongHolder, ok);
    }

    // --- summary -------------------------------------------------------------------------------

    private void printSummary() {
      StringBuilder out = new StringBuilder();
      out.append('\n')
          .append("== Review queues: first pages under load, HTTP against raw JDBC ==\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s, database %s, innodb_buffer_pool_size %s MB%n",
                  BenchService.dateLine(startedAt),
                  variable("VERSION()"),
                  Long.parseLong(variable("@@innodb_buffer_pool_size")) >> 20))
          .append(
              String.format(
                  Locale.ROOT,
                  "buffer pool (--buffer-pool-mb=%d): %s; before measuring: %s%n",
                  o.bufferPoolMb,
                  bufferPoolNote,
                  warmNote))
          .append(String.format(Locale.ROOT, "machine at start: %s%n", machineAtStart))
          .append(
              String.format(Locale.ROOT, "machine before measuring: %s%n", machineBeforeMeasuring))
          .append(String.format(Locale.ROOT, "machine at the end: %s%n", machineAtEnd))
          .append(
              String.format(
                  Locale.ROOT, "other processes on the machine while measuring: %s%n", otherLoad))
          .append(
              String.format(
                  Locale.ROOT,
                  "%,d claims (%d entities, %d metrics; load %.1f s), %,d open flags (%.1f s);"
                      + " %s, %d s measured after %d s warm-up per %s, %d round(s),"
                      + " load generator %s; service JVM options: %s%n",
                  count("SELECT COUNT(*) FROM claims"),
                  o.entities,
                  o.metrics,
                  loadSeconds,
                  count("SELECT COUNT(*) FROM rechecks WHERE open_slot IS NOT NULL"),
                  flagSeconds,
                  o.rates.isEmpty()
                      ? o.clients + " clients (closed loop)"
                      : "open loop at "
                          + o.rates.stream()
                              .map(String::valueOf)
                              .reduce((a, b) -> a + ", " + b)
                              .get()
                          + " req/s offered, up to "
                          + o.clients
                          + " requests in flight",
                  o.seconds,
                  o.warmupSeconds,
                  o.rates.isEmpty() ? "side" : "step and side",
                  o.rounds,
                  o.load.equals("wrk")
                      ? "wrk (" + o.wrkThreads + " threads)"
                      : "java.net.http.HttpClient",
                  svc.javaOpts()))
          .append(String.format(Locale.ROOT, "tables at the end: %s%n", sizes))
          .append(String.format(Locale.ROOT, "service memory at the end: %s%n%n", serviceMemory));

      if (!results.isEmpty()) {
        out.append(
            "| queue page of "
                + o.limit
                + " | HTTP req/s | raw req/s | HTTP/raw req/s | HTTP p50 / p90 / p99 / max (ms) |"
                + " raw p50 / p90 / p99 / max (ms) | HTTP/raw p99 | errors HTTP / raw |"
                + " p99 <= 10 ms, >= 2,000 req/s |\n");
        out.append("| --- | ---: | ---: | ---: | --- | --- | ---: | --- | --- |\n");
      }
      for (Map.Entry<Scenario, Side[]> e : results.entrySet()) {
        Window h = e.getValue()[0].total();
        Window r = e.getValue()[1].total();
        boolean p99 = h.p99 <= TARGET_P99_MS;
        boolean rate = h.rate() >= TARGET_RATE;
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %,.0f | %,.0f | %.2f | %s | %s | %.2f | %d / %d | %s |%n",
                e.getKey().title,
                h.rate(),
                r.rate(),
                h.rate() / r.rate(),
                latencies(h),
                latencies(r),
                h.p99 / r.p99,
                h.errors,
                r.errors,
                verdict(p99, rate, " (req/s)", h.errors)));
      }
      if (floor != null) {
        out.append(
            "\n| queue page of "
                + o.limit
                + " | floor req/s | raw req/s | floor/raw req/s | HTTP/floor req/s |"
                + " floor p50 / p90 / p99 / max (ms) | errors floor |\n"
                + "| --- | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Map.Entry<Scenario, Side[]> e : results.entrySet()) {
          Window h = e.getValue()[0].total();
          Window r = e.getValue()[1].total();
          Window f = e.getValue()[2].total();
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %,.0f | %,.0f | %.2f | %.2f | %s | %d |%n",
                  e.getKey().title,
                  f.rate(),
                  r.rate(),
                  f.rate() / r.rate(),
                  h.rate() / f.rate(),
                  latencies(f),
                  f.errors));
        }
        out.append(
            "\nfloor: src/bench/floor (--floor-jar), the same requests answered by Micronaut's"
                + " Netty server on the blocking pool from the page's own SQL over HikariCP with"
                + " the service's driver settings, every column read and the page written as"
                + " JSON "
                + (o.floorJson.equals("serde")
                    ? "by Micronaut Serde (maps)"
                    : "straight to bytes by Jackson's generator")
                + "; no token, transaction, views or metrics.\n");
      }
      if (!rateResults.isEmpty()) {
        out.append(
            "| queue page of "
                + o.limit
                + ", open loop | offered req/s | HTTP req/s | raw req/s |"
                + " HTTP p50 / p90 / p99 / max (ms) | raw p50 / p90 / p99 / max (ms) |"
                + " HTTP/raw p99 | errors HTTP / raw | not sent HTTP / raw |"
                + " send delay p99 HTTP / raw (ms) | p99 <= 10 ms at this rate |\n");
        out.append("| --- | ---: | ---: | ---: | --- | --- | ---: | --- | --- | --- | --- |\n");
        for (Map.Entry<Scenario, Map<Integer, Side[]>> e : rateResults.entrySet()) {
          for (Map.Entry<Integer, Side[]> step : e.getValue().entrySet()) {
            Window h = step.getValue()[0].total();
            Window r = step.getValue()[1].total();
            boolean p99 = h.p99 <= TARGET_P99_MS;
            boolean kept = h.unsent == 0 && h.rate() >= 0.95 * step.getKey();
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %,.0f | %s | %s | %.2f | %d / %d | %,d / %,d |"
                        + " %.2f / %.2f | %s |%n",
                    e.getKey().title,
                    step.getKey(),
                    h.rate(),
                    r.rate(),
                    latencies(h),
                    latencies(r),
                    h.p99 / r.p99,
                    h.errors,
                    r.errors,
                    h.unsent,
                    r.unsent,
                    h.sendDelayP99,
                    r.sendDelayP99,
                    verdict(p99, kept, " (rate not kept)", h.errors)));
          }
        }
        out.append(
            "\nOpen loop: request k due at start + k / rate, sent by the first of "
                + o.clients
                + " clients free to take it; latency from the time it was due, so it includes"
                + " waiting for a free client (send delay; no coordinated omission). Not sent:"
                + " due before the end, but no client was free by then (the side is"
                + " saturated).\n");
      }
      if (next != null) {
        Window w = next.window();
        out.append('\n')
            .append(
                "| next, "
                    + o.checkers
                    + " checkers | taken | takes/s | p50 / p90 / p99 / max (ms) | duplicates |"
                    + " IN_REVIEW in the database | checkers that got 204 | errors |\n")
            .append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "| unreviewed ?entityId=%d (%,d unverified) | %,d | %,.0f | %s | %d | %,d%s |"
                        + " %d | %d |%n",
                    next.entityId(),
                    next.unverifiedBefore(),
                    next.taken(),
                    next.taken() / Math.max(1e-9, w.seconds),
                    latencies(w),
                    next.duplicates(),
                    next.inReview(),
                    next.wrongHolder() == 0 ? "" : " (" + next.wrongHolder() + " wrong holder)",
                    next.emptyAnswers(),
                    w.errors));
      }

      out.append(
          "\nPer request: CPU ms of the service, the database server and this program (the HTTP"
              + " or JDBC clients; wrk counts under others), the rest of the machine (% of one"
              + " core), and database server counters (SHOW GLOBAL STATUS deltas).\n\n");
      out.append(
          "| per request | side | service CPU ms | database CPU ms | client CPU ms | others %"
              + " | statements | Handler_read_key | Handler_read_next | tmp tables |"
              + " buffer pool reads (disk) | KB sent |\n"
              + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
              + "\n");
      for (Map.Entry<Scenario, Side[]> e : results.entrySet()) {
        for (Side side : e.getValue()) {
          cpuLine(out, e.getKey().title, side.total());
        }
      }
      for (Map.Entry<Scenario, Map<Integer, Side[]>> e : rateResults.entrySet()) {
        for (Map.Entry<Integer, Side[]> step : e.getValue().entrySet()) {
          for (Side side : step.getValue()) {
            cpuLine(
                out,
                String.format(Locale.ROOT, "%s at %,d req/s", e.getKey().title, step.getKey()),
                side.total());
          }
        }
      }
      if (next != null) {
        Window w = next.window();
        Window perTake = new Window("next");
        perTake.requests = next.taken();
        perTake.cost = w.cost;
        cpuLine(out, "next (per claim taken)", perTake);
      }
      out.append("\nraw side: the service's SQL for the page (QueueSql.firstPage, LIMIT ")
          .append(o.limit + 1)
          .append(
              "), each query prepared (client-side, as the service's driver settings do), bound,"
                  + " executed and every column read, autocommit, one connection per client.\n");
      for (Scenario sc : scenarioList()) {
        if (sc.dropped > 0) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "%s: %d filter values left out (fewer than %d rows), %d used%n",
                  sc.title,
                  sc.dropped,
                  o.limit + 1,
                  sc.filters.size()));
        }
      }
      out.append('\n');
      for (Map.Entry<Scenario, Side[]> e : results.entrySet()) {
        Window h = e.getValue()[0].total();
        out.append(
            String.format(
                Locale.ROOT,
                "goal %s: p99 %.1f ms (<= 10: %s), %,.0f req/s (>= 2,000: %s), %.2f x raw"
                    + " req/s%s%n",
                e.getKey().title,
                h.p99,
                h.p99 <= TARGET_P99_MS ? "MET" : "NOT MET",
                h.rate(),
                h.rate() >= TARGET_RATE ? "MET" : "NOT MET",
                h.rate() / e.getValue()[1].total().rate(),
                e.getValue().length < 3
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        " (the platform's floor: %.2f x raw)",
                        e.getValue()[2].total().rate() / e.getValue()[1].total().rate())));
      }
      for (Map.Entry<Scenario, Map<Integer, Side[]>> e : rateResults.entrySet()) {
        for (Map.Entry<Integer, Side[]> step : e.getValue().entrySet()) {
          Window h = step.getValue()[0].total();
          out.append(
              String.format(
                  Locale.ROOT,
                  "goal %s at %,d req/s offered: p99 %.1f ms (<= 10: %s), %,.0f req/s achieved"
                      + " (%,d not sent, %d errors), p99 %.2f x raw%n",
                  e.getKey().title,
                  step.getKey(),
                  h.p99,
                  h.p99 <= TARGET_P99_MS ? "MET" : "NOT MET",
                  h.rate(),
                  h.unsent,
                  h.errors,
                  h.p99 / step.getValue()[1].total().p99));
        }
      }
      if (next != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "goal next under %d checkers, no duplicates: %s (%,d taken, %d duplicates,"
                    + " IN_REVIEW %,d), %,.0f takes/s%n",
                o.checkers,
                next.ok() ? "MET" : "NOT MET",
                next.taken(),
                next.duplicates(),
                next.inReview(),
                next.taken() / Math.max(1e-9, next.window().seconds)));
      }
      System.out.println(out);
    }

    /** The measured scenarios, closed or open loop. */
    private List<Scenario> scenarioList() {
      List<Scenario> out = new ArrayList<>(results.keySet());
      out.addAll(rateResults.keySet());
      return out;
    }

    private void cpuLine(StringBuilder out, String title, Window t) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f | %.2f | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.1f |%n",
              title,
              t.side,
              perRequest(t.cost.serviceCpuMs(), t),
              perRequest(t.cost.dbCpuMs(), t),
              perRequest(t.cost.benchCpuMs(), t),
              t.cost.othersPercent(),
              perRequest(t.cost.status("Questions"), t),
              perRequest(t.cost.status("Handler_read_key"), t),
              perRequest(t.cost.status("Handler_read_next"), t),
              perRequest(t.cost.status("Created_tmp_tables"), t),
              perRequest(t.cost.status("Innodb_buffer_pool_reads"), t),
              perRequest(t.cost.status("Bytes_sent"), t) / 1024));
    }

    /** "met", or "**not met**" and what was not: the p99, the rate ({@code rateMiss}), errors. */
    private static String verdict(boolean p99, boolean rate, String rateMiss, long errors) {
      return p99 && rate && errors == 0
          ? "met"
          : "**not met**"
              + (p99 ? "" : " (p99)")
              + (rate ? "" : rateMiss)
              + (errors == 0 ? "" : " (errors)");
    }

    private static String latencies(Window w) {
      return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.0f", w.p50, w.p90, w.p99, w.max);
    }

    private String tableSizes() {
      return Db.tableSizes(jdbc, "claims", "rechecks");
    }

    // --- helpers -------------------------------------------------------------------------------

    private long count(String sql) {
      return Db.count(jdbc, sql);
    }

    private void exec(String sql) throws SQLException {
      Db.exec(jdbc, sql);
    }

    private String variable(String expression) {
      return Db.variable(jdbc, expression);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The benchmark's own options (the database and service ones are {@link BenchService}'s). */
  static final class Options {
    final int claims;
    final int entities;
    final int metrics;
    final int rechecks;
    final int clients;
    final int seconds;
    final int warmupSeconds;
    final int serviceWarmupSeconds;
    final int rounds;
    final int limit;
    final List<String> scenarios;
    final String load;

    /** api: GET /api/v1/queue/{name}; ui: the reviewer page /ui/queue/{name} (HTML, 50 rows). */
    final String pages;

    final int wrkThreads;
    final boolean explain;
    final int checkers;
    final int nextSeconds;

    /** Open loop: offered rates (req/s, all clients together), one step each; empty: closed. */
    final List<Integer> rates;

    final int bufferPoolMb;

    /** The platform's floor (src/bench/floor) as a third side; empty: none. */
    final String floorJar;

    /** How the floor writes a page: direct (Jackson's generator) or serde (maps through Serde). */
    final String floorJson;

    Options(BenchArgs a) {
      claims = a.integer("claims", 1_000_000);
      entities = a.integer("entities", 100);
      metrics = a.integer("metrics", METRICS.length);
      rechecks = a.integer("rechecks", 50_000);
      clients = a.integer("clients", 50);
      seconds = a.integer("seconds", 20);
      warmupSeconds = a.integer("warmup-seconds", 5);
      serviceWarmupSeconds = a.integer("service-warmup-seconds", 30);
      rounds = a.integer("rounds", 1);
      limit = a.integer("limit", 50);
      scenarios = a.list("scenarios", String.join(",", SCENARIOS));
      load = a.string("load", "java");
      pages = a.string("pages", "api");
      wrkThreads = a.integer("wrk-threads", 2);
      explain = a.bool("explain", true);
      checkers = a.integer("checkers", 20);
      nextSeconds = a.integer("next-seconds", 20);
      rates = a.integers("rate", "");
      bufferPoolMb = a.integer("buffer-pool-mb", 1024);
      floorJar = a.string("floor-jar", "");
      floorJson = a.string("floor-json", "direct");
      if (claims < 1 || entities < 1 || clients < 1 || seconds < 1 || rounds < 1) {
        throw new IllegalArgumentException(
            "--claims, --entities, --clients, --seconds, --rounds >= 1");
      }
      if (metrics < 1 || metrics > METRICS.length) {
        throw new IllegalArgumentException("--metrics must be 1.." + METRICS.length);
      }
      if (limit < 1 || limit > 199) {
        throw new IllegalArgumentException("--limit must be 1..199 (the API allows 200)");
      }
      if (rechecks < 0
          || warmupSeconds < 0
          || serviceWarmupSeconds < 0
          || nextSeconds < 0
          || checkers < 0) {
        throw new IllegalArgumentException("negative --rechecks, --warmup-seconds, ...");
      }
      for (String s : scenarios) {
        if (!SCENARIOS.contains(s)) {
          throw new IllegalArgumentException("--scenarios: one or more of " + SCENARIOS);
        }
      }
      if (!load.equals("java") && !load.equals("wrk")) {
        throw new IllegalArgumentException("--load must be java or wrk");
      }
      if (rates.stream().anyMatch(r -> r < 1)) {
        throw new IllegalArgumentException("--rate: requests/s >= 1, e.g. --rate=200,400,800");
      }
      if (!rates.isEmpty() && load.equals("wrk")) {
        throw new IllegalArgumentException("--rate runs its own open loop: not with --load=wrk");
      }
      if (!floorJson.equals("direct") && !floorJson.equals("serde")) {
        throw new IllegalArgumentException("--floor-json must be direct or serde");
      }
      if (!floorJar.isEmpty() && (!rates.isEmpty() || load.equals("wrk") || pages.equals("ui"))) {
        throw new IllegalArgumentException(
            "--floor-jar: closed loop (no --rate), --load=java and --pages=api only");
      }
    }
  }
}
