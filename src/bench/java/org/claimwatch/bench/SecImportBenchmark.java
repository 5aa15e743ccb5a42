package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;
import static org.claimwatch.bench.BenchService.memoryOf;
import static org.claimwatch.bench.BenchService.otherLoad;
import static org.claimwatch.bench.BenchService.procCpuMs;
import static org.claimwatch.bench.BenchService.withProps;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.report.SecCompanyFacts;
import org.claimwatch.system.Hashing;

/**
 * Import of an SEC companyfacts document (by default the full Apple fixture, 3.7 MB, ~24,600 facts)
 * through {@code POST /api/v1/reports/sec-companyfacts}, warm. A program run by hand, not a test
 * (see BENCHMARKS.md).
 *
 * <p>It starts the packaged service ({@code java -jar target/claimwatch-0.1.0.jar}) as a separate
 * process against a fresh MySQL/MariaDB database and waits for {@code /health}. Every "fresh"
 * import is a first import of a new company: the benchmark rewrites the document's {@code cik} and
 * {@code entityName}, and the first ten digits of every accession number (reports are keyed by
 * accession number across entities, so without this the filings of the second company would be
 * found, not created), so all facts and filings are new. After {@code --warmup} fresh imports it
 * measures, in {@code --runs} rounds:
 *
 * <ol>
 *   <li><b>fresh</b>: a first import of a new company (all facts new);
 *   <li><b>re-import</b>: the same document again (the idempotent path: nothing added);
 *   <li><b>tiny</b>: a first import of a one-fact document of a new company (the fixed cost of an
 *       import: request, auth, transaction, entity, filing, figure recompute, flagging);
 *   <li><b>parse only</b>: the full fresh document with {@code ?cik=1}, which the service reads to
 *       the end and refuses (422 cik-mismatch) before touching the database (upload + parse);
 *   <li><b>JDBC facts insert</b>, a reference: the rows the fresh import added to {@code
 *       reported_facts}, written by this program with the service's own INSERT, in batches of 5,000
 *       ({@code rewriteBatchedStatements=true}), one transaction (rows built before the clock
 *       starts; a separate entity, so nothing the service reads changes).
 * </ol>
 *
 * Requests are synchronous (no {@code Prefer: respond-async}: the 201 comes when the import is
 * committed) and timed from sending to reading the whole response; the JDBC reference from binding
 * the first row to the commit. It also reports the response's counts, CPU time of the service and
 * the database server per request (from /proc), database server counters per request, and the
 * service's RSS at the end. (The response's {@code startedAt} and {@code finishedAt} tick in whole
 * seconds, so they cannot time the import.)
 *
 * <p>Build the jar first ({@code mvn -q -DskipTests package}), then:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.SecImportBenchmark --runs=5"
 * </pre>
 *
 * <p>Options (each also as an environment variable, e.g. {@code BENCH_RUNS}):
 *
 * <ul>
 *   <li>{@code --fixture=src/test/resources/fixtures/sec/companyfacts_CIK0000320193_apple_fetched-2026-03-21.json}
 *       (relative to the repository root; must start with {@code {"cik":N,"entityName":"..."})
 *   <li>{@code --warmup=3} fresh imports before measuring, {@code --runs=5} measured rounds
 *   <li>{@code --fresh-accessions=false} keeps the accession numbers (later companies then reuse the
 *       first company's 70 filings instead of creating them)
 *   <li>{@code --jdbc-url=jdbc:mysql://host:port/db} an existing database to use (never dropped);
 *       default: a fresh {@code claimwatch_bench_<epoch>} on {@code
 *       --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the end unless {@code --keep=true}
 *   <li>{@code --user=root}, {@code --password=}
 *   <li>{@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0} (0: a free port), {@code
 *       --java-opts="..."} JVM options for the service, {@code
 *       --service-log=target/bench-sec-service.log}
 * </ul>
 */
public final class SecImportBenchmark {
  private static final String TOKEN = "bench-admin-token-0123456789abcdef";
  private static final String PATH = "/api/v1/reports/sec-companyfacts";
  private static final Pattern HEAD =
      Pattern.compile("^\\{\\s*\"cik\"\\s*:\\s*(\\d+)\\s*,\\s*\"entityName\"\\s*:\\s*\"([^\"]*)\"");
  // FactStore's statement.
  private static final String INSERT_FACT =
      "INSERT INTO reported_facts (entity_id, report_id, concept, unit, period_start, period_end,"
          + " value, frame, filed_on, restated, fact_key, created_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final Pattern ACCN = Pattern.compile("\"accn\":\"(\\d{10})-");

  /** Database server counters reported per request. */
  private static final List<String> STATUS_COUNTERS =
      List.of(
          "Questions",
          "Com_select",
          "Com_insert",
          "Com_update",
          "Com_commit",
          "Handler_read_key",
          "Handler_read_next",
          "Handler_read_rnd_next",
          "Handler_write",
          "Handler_update",
          "Bytes_received",
          "Bytes_sent");

  private SecImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    new Run(Options.parse(args)).run();
  }

  /** One request's measurements. */
  record Sample(
      double wallMs,
      long serviceCpuMs,
      long dbCpuMs,
      Map<String, Long> status,
      Map<String, String> counts) {}

  /** The samples of one kind of request. */
  static final class Kind {
    final String name;
    final List<Sample> samples = new ArrayList<>();

    Kind(String name) {
      this.name = name;
    }

    List<Double> values(java.util.function.ToDoubleFunction<Sample> f) {
      List<Double> out = new ArrayList<>();
      for (Sample s : samples) {
        out.add(f.applyAsDouble(s));
      }
      return out;
    }
  }

  static final class Run {
    private final Options o;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final BenchService env;
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);

    /** Five digits that keep this run's CIKs, names and accession numbers apart from others'. */
    private final long runTag = System.currentTimeMillis() / 1000 % 100_000;

    private Process service;
    private String base;
    private String databaseUrl;
    private String createdDatabase;
    private Connection jdbc;
    private Optional<ProcessHandle> database = Optional.empty();
    private String template;
    private long templateCik;
    private String templateName;
    private int documents;
    private String serviceMemory = "?";

    /** CPU the rest of the machine used while measuring (other builds, ...). */
    private String otherLoad = "?";

    Run(Options o) {
      this.env =
          new BenchService(
              o.jdbcUrl,
              o.serverUrl,
              o.user,
              o.password,
              o.keep,
              o.jar,
              o.port,
              o.javaOpts,
              o.serviceLog,
              TOKEN);
      this.o = o;
    }

    void run() throws Exception {
      Thread hook = new Thread(this::stopService, "bench-stop-service");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        loadFixture();
        prepareDatabase();
        startService();
        jdbc = DriverManager.getConnection(withProps(databaseUrl), o.user, o.password);
        database = findDatabaseProcess();
        measure();
      } finally {
        stopService();
        if (jdbc != null) {
          try {
            jdbc.close();
          } catch (SQLException ignored) {
            // closing anyway
          }
        }
        dropDatabase();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
          // already shutting down
        }
      }
    }

    // --- documents -----------------------------------------------------------------------------

    private void loadFixture() throws IOException {
      Path f = Path.of(o.fixture);
      if (!Files.isRegularFile(f)) {
        throw new IllegalStateException(f.toAbsolutePath() + " is missing (--fixture=)");
      }
      template = Files.readString(f, StandardCharsets.UTF_8);
      Matcher m = HEAD.matcher(template);
      if (!m.find()) {
        throw new IllegalStateException(
            f + " does not start with {\"cik\":N,\"entityName\":\"...\"}");
      }
      templateCik = Long.parseLong(m.group(1));
      templateName = m.group(2);
      log(
          "Fixture %s: %d bytes, CIK %d, %s",
          f, template.getBytes(StandardCharsets.UTF_8).length, templateCik, templateName);
    }

    /**
     * Document number {@code n} of this run: the fixture as a new company (CIK {@code 9<tag><n>}),
     * with its own accession numbers (first ten digits {@code 9<tag><n><prefix index>}).
     */
    private byte[] freshDocument(int n) {
      String tag = String.format(Locale.ROOT, "9%05d%03d", runTag, n % 1000);
      long cik = Long.parseLong(tag);
      Matcher m = HEAD.matcher(template);
      m.find();
      String head =
          "{\"cik\":"
              + cik
              + ",\"entityName\":\""
              + templateName
              + " (bench "
              + runTag
              + "-"
              + n
              + ")\"";
      String rest = template.substring(m.end());
      if (o.freshAccessions) {
        Map<String, String> prefixes = new HashMap<>();
        Matcher a = ACCN.matcher(rest);
        rest =
            a.replaceAll(
                r -> {
                  String p =
                      prefixes.computeIfAbsent(
                          r.group(1),
                          k -> {
                            if (prefixes.size() > 9) {
                              throw new IllegalStateException(
                                  "More than 10 accession prefixes in the fixture");
                            }
                            return tag + prefixes.size();
                          });
                  return "\"accn\":\"" + p + "-";
                });
      }
      return (head + rest).getBytes(StandardCharsets.UTF_8);
    }

    /** A one-fact companyfacts document of a new company. */
    private byte[] tinyDocument(int n) {
      String tag = String.format(Locale.ROOT, "8%05d%03d", runTag, n % 1000);
      return ("{\"cik\":"
              + Long.parseLong(tag)
              + ",\"entityName\":\"Tiny Bench Co "
              + runTag
              + "-"
              + n
              + "\",\"facts\":{\"us-gaap\":{\"Revenues\":{\"label\":\"Revenues\",\"units\":"
              + "{\"USD\":[{\"start\":\"2024-01-01\",\"end\":\"2024-12-31\",\"val\":1234000000,"
              + "\"accn\":\""
              + tag
              + "0-25-000001\",\"fy\":2024,\"fp\":\"FY\",\"form\":\"10-K\","
              + "\"filed\":\"2025-02-01\",\"frame\":\"CY2024\"}]}}}}}")
          .getBytes(StandardCharsets.UTF_8);
    }

    // --- measurement ---------------------------------------------------------------------------

    private void measure() throws Exception {
      Kind fresh = new Kind("fresh import");
      Kind again = new Kind("re-import");
      Kind tiny = new Kind("tiny import");
      Kind parse = new Kind("parse only (422)");
      int tinyNo = 0;
      Kind facts = new Kind("JDBC facts insert");
      long refEntity = createEntity("SEC import JDBC reference " + runTag);
      log(
          "Warm-up: %d fresh imports (+ as many tiny imports, parse-only requests and JDBC inserts)",
          o.warmup);
      for (int i = 0; i < o.warmup; i++) {
        Sample s = send(freshDocument(documents++), "", 201, null);
        log(
            "  warm-up %d: %.0f ms %s",
            i + 1, s.wallMs(), s.counts().getOrDefault("factsAdded", ""));
        send(tinyDocument(tinyNo++), "", 201, null);
        send(freshDocument(documents++), "?cik=1", 422, null);
        insertFacts(freshDocument(documents++), refEntity, -1 - i, null);
      }
      long[] machine0 = machineCpu();
      log("Measuring: %d rounds of fresh, re-import, tiny, parse-only", o.runs);
      for (int r = 0; r < o.runs; r++) {
        byte[] doc = freshDocument(documents++);
        Sample f = send(doc, "", 201, fresh);
        Sample a = send(doc, "", 201, again);
        Sample t = send(tinyDocument(tinyNo++), "", 201, tiny);
        Sample p = send(freshDocument(documents++), "?cik=1", 422, parse);
        Sample j = insertFacts(doc, refEntity, r, facts);
        log(
            "Round %d/%d: fresh %.0f ms, re-import %.0f ms, tiny %.0f ms, parse only %.0f ms, JDBC"
                + " facts insert %.0f ms",
            r + 1, o.runs, f.wallMs(), a.wallMs(), t.wallMs(), p.wallMs(), j.wallMs());
        check(f, false);
        check(a, true);
      }
      otherLoad = otherLoad(machine0, machineCpu());
      serviceMemory = memoryOf(service.pid());
      printSummary(List.of(fresh, again, tiny, parse, facts));
    }

    /**
     * The facts of {@code doc}, inserted as FactStore inserts them, for entity {@code entityId}.
     */
    private Sample insertFacts(byte[] doc, long entityId, int round, Kind kind) throws Exception {
      SecCompanyFacts.Document d = SecCompanyFacts.read(new ByteArrayInputStream(doc));
      long reportId;
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SELECT MIN(id) FROM reports")) {
        rs.next();
        reportId = rs.getLong(1);
      }
      List<String> keys = new ArrayList<>(d.facts().size());
      for (SecCompanyFacts.SecFact f : d.facts()) {
        keys.add(
            Hashing.sha256Hex(
                entityId
                    + "|"
                    + f.concept()
                    + "|"
                    + f.unit()
                    + "|"
                    + f.start()
                    + "|"
                    + f.end()
                    + "|"
                    + f.accession()
                    + "|"
                    + runTag
                    + "|"
                    + round));
      }
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
      jdbc.setAutoCommit(false);
      long[] cpu0 = cpuSnapshot();
      Map<String, Long> status0 = dbStatus();
      long t0 = System.nanoTime();
      try (PreparedStatement ps = jdbc.prepareStatement(INSERT_FACT)) {
        int n = 0;
        for (int i = 0; i < d.facts().size(); i++) {
          SecCompanyFacts.SecFact f = d.facts().get(i);
          ps.setLong(1, entityId);
          ps.setLong(2, reportId);
          ps.setString(3, f.concept());
          ps.setString(4, f.unit());
          if (f.start() == null) {
            ps.setNull(5, Types.DATE);
          } else {
            ps.setObject(5, f.start());
          }
          ps.setObject(6, f.end());
          ps.setBigDecimal(7, f.value());
          ps.setString(8, f.frame());
          ps.setObject(9, f.filed());
          ps.setBoolean(10, false);
          ps.setString(11, keys.get(i));
          ps.setObject(12, now);
          ps.addBatch();
          if (++n % 5000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
        jdbc.commit();
      } catch (SQLException | RuntimeException e) {
        jdbc.rollback();
        throw e;
      } finally {
        jdbc.setAutoCommit(true);
      }
      long t1 = System.nanoTime();
      long[] cpu1 = cpuSnapshot();
      Map<String, Long> status = new LinkedHashMap<>();
      dbStatus().forEach((k, v) -> status.put(k, v - status0.getOrDefault(k, 0L)));
      Sample s =
          new Sample(
              (t1 - t0) / 1e6,
              cpu1[0] - cpu0[0],
              cpu1[1] - cpu0[1],
              status,
              Map.of("rows", Integer.toString(d.facts().size())));
      if (kind != null) {
        kind.samples.add(s);
      }
      return s;
    }

    private long createEntity(String name) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/entities"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"" + name + "\",\"kind\":\"COMPANY\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
      if (r.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException(
            "POST /api/v1/entities: " + r.statusCode() + " " + r.body());
      }
      return Long.parseLong(m.group(1));
    }

    /** A fresh import adds facts and no fact is unchanged; a re-import adds none. */
    private static void check(Sample s, boolean reimport) {
      long added = Long.parseLong(s.counts().getOrDefault("factsAdded", "-1"));
      if (reimport ? added != 0 : added <= 0) {
        throw new IllegalStateException(
            (reimport ? "Re-import" : "Fresh import") + " added " + added + " facts: " + s);
      }
    }

    private Sample send(byte[] body, String query, int expected, Kind kind) throws Exception {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + PATH + query))
              .timeout(Duration.ofSeconds(300))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TOKEN)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      long[] cpu0 = cpuSnapshot();
      Map<String, Long> status0 = kind == null ? Map.of() : dbStatus();
      long t0 = System.nanoTime();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      long[] cpu1 = cpuSnapshot();
      Map<String, Long> status = new LinkedHashMap<>();
      if (kind != null) {
        dbStatus().forEach((k, v) -> status.put(k, v - status0.getOrDefault(k, 0L)));
      }
      if (r.statusCode() != expected) {
        throw new IllegalStateException(
            "POST "
                + PATH
                + query
                + ": expected "
                + expected
                + ", got "
                + r.statusCode()
                + " "
                + r.body().substring(0, Math.min(800, r.body().length())));
      }
      Map<String, String> counts = new LinkedHashMap<>();
      for (String name :
          List.of("filings", "factsAdded", "factsUnchanged", "restatements", "claimsFlagged")) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(r.body());
        if (m.find()) {
          counts.put(name, m.group(1));
        }
      }
      Sample s = new Sample((t1 - t0) / 1e6, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], status, counts);
      if (kind != null) {
        kind.samples.add(s);
      }
      return s;
    }

    private void printSummary(List<Kind> kinds) {
      StringBuilder out = new StringBuilder();
      out.append('\n')
          .append("== SEC companyfacts import ==\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "date %s UTC, %d cores, Java %s, database %s%n",
                  startedAt.withNano(0),
                  Runtime.getRuntime().availableProcessors(),
                  System.getProperty("java.version"),
                  databaseVersion()))
          .append(
              String.format(
                  Locale.ROOT,
                  "fixture %s (%d bytes), %d warm-up fresh imports, %d measured rounds, fresh"
                      + " accession numbers: %s, service JVM options: %s%n%n",
                  o.fixture,
                  template.getBytes(StandardCharsets.UTF_8).length,
                  o.warmup,
                  o.runs,
                  o.freshAccessions,
                  o.javaOpts.isEmpty() ? "(none)" : String.join(" ", o.javaOpts)));
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %-24s %-14s %-14s %s%n",
              "request",
              "wall ms med [min-max]",
              "service CPU ms",
              "MariaDB CPU ms",
              "response counts (last)"));
      for (Kind k : kinds) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-18s %-24s %-14s %-14s %s%n",
                k.name,
                stats(k.values(Sample::wallMs)),
                String.format(
                    Locale.ROOT, "%.0f", median(k.values(s -> (double) s.serviceCpuMs()))),
                database.isPresent()
                    ? String.format(
                        Locale.ROOT, "%.0f", median(k.values(s -> (double) s.dbCpuMs())))
                    : "-",
                k.samples.isEmpty() ? "" : k.samples.get(k.samples.size() - 1).counts()));
      }
      out.append("\ndatabase server counters per request, median (SHOW GLOBAL STATUS deltas):\n");
      out.append(String.format(Locale.ROOT, "%-24s", ""));
      for (Kind k : kinds) {
        out.append(String.format(Locale.ROOT, " %18s", k.name));
      }
      out.append('\n');
      for (String c : STATUS_COUNTERS) {
        out.append(String.format(Locale.ROOT, "%-24s", "  " + c));
        for (Kind k : kinds) {
          out.append(
              String.format(
                  Locale.ROOT,
                  " %18.0f",
                  median(k.values(s -> (double) s.status().getOrDefault(c, 0L)))));
        }
        out.append('\n');
      }
      out.append(String.format(Locale.ROOT, "%nservice memory at the end: %s%n", serviceMemory));
      out.append(
          String.format(
              Locale.ROOT, "other processes on the machine while measuring: %s%n", otherLoad));
      double freshMedian = median(kinds.get(0).values(Sample::wallMs));
      double freshMax = Collections.max(kinds.get(0).values(Sample::wallMs));
      out.append(
          String.format(
              Locale.ROOT,
              "%ngoal fresh import <= 2 s warm: %s (median %.0f ms, max %.0f ms)%n",
              freshMax <= 2000 ? "MET" : freshMedian <= 2000 ? "MET at the median only" : "NOT MET",
              freshMedian,
              freshMax));
      System.out.println(out);
    }

    private static String stats(List<Double> values) {
      return String.format(
          Locale.ROOT,
          "%.0f [%.0f-%.0f]",
          median(values),
          Collections.min(values),
          Collections.max(values));
    }

    private static double median(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      int n = sorted.size();
      if (n == 0) {
        return Double.NaN;
      }
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // --- set-up --------------------------------------------------------------------------------

    private void prepareDatabase() throws SQLException {
      databaseUrl = env.prepareDatabase();
    }

    private void startService() throws Exception {
      service = env.startService(http);
      base = env.base();
    }

    // --- helpers -------------------------------------------------------------------------------

    private String databaseVersion() {
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SELECT VERSION()")) {
        rs.next();
        return rs.getString(1);
      } catch (SQLException e) {
        return "?";
      }
    }

    /** Counters of the database server (all sessions). */
    private Map<String, Long> dbStatus() throws SQLException {
      return BenchService.dbStatus(jdbc, STATUS_COUNTERS);
    }

    /**
     * Wall ms, busy CPU ms of the whole machine (/proc/stat), and CPU ms of the service, the
     * database server and this program: what the rest of the machine used is the difference.
     */
    private long[] machineCpu() {
      long busy = BenchService.machineBusyMs();
      if (busy < 0) {
        return null;
      }
      long[] cpu = cpuSnapshot();
      return new long[] {
        System.nanoTime() / 1_000_000,
        busy,
        cpu[0] + cpu[1] + procCpuMs(ProcessHandle.current().pid())
      };
    }

    /** CPU ms used so far by the service and the database server (if found). */
    private long[] cpuSnapshot() {
      long serviceMs = service == null ? 0 : procCpuMs(service.pid());
      long dbMs = database.map(p -> procCpuMs(p.pid())).orElse(0L);
      return new long[] {serviceMs, dbMs};
    }

    private Optional<ProcessHandle> findDatabaseProcess() {
      return BenchService.findDatabaseProcess(jdbc);
    }

    private void stopService() {
      env.stopService();
      service = null;
    }

    private void dropDatabase() {
      env.dropDatabase();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The service's own connection properties (application.yml). */

  /** Command-line options, each also readable from the environment (BENCH_ + upper case). */
  static final class Options {
    String fixture =
        "src/test/resources/fixtures/sec/companyfacts_CIK0000320193_apple_fetched-2026-03-21.json";
    int warmup = 3;
    int runs = 5;
    boolean freshAccessions = true;
    String jdbcUrl;
    String serverUrl = "jdbc:mysql://127.0.0.1:3306/";
    String user = "root";
    String password = "";
    boolean keep;
    String jar = "target/claimwatch-0.1.0.jar";
    int port;
    List<String> javaOpts = new ArrayList<>();
    String serviceLog = "target/bench-sec-service.log";

    static Options parse(String[] args) {
      List<String> names =
          List.of(
              "fixture",
              "warmup",
              "runs",
              "fresh-accessions",
              "jdbc-url",
              "server-url",
              "user",
              "password",
              "keep",
              "jar",
              "port",
              "java-opts",
              "service-log");
      Map<String, String> m = BenchService.options(args, names);
      Options o = new Options();
      for (Map.Entry<String, String> e : m.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case "fixture" -> o.fixture = v;
          case "warmup" -> o.warmup = Integer.parseInt(v);
          case "runs" -> o.runs = Integer.parseInt(v);
          case "fresh-accessions" -> o.freshAccessions = Boolean.parseBoolean(v);
          case "jdbc-url" -> o.jdbcUrl = v.isBlank() ? null : v;
          case "server-url" -> o.serverUrl = v;
          case "user" -> o.user = v;
          case "password" -> o.password = v;
          case "keep" -> o.keep = Boolean.parseBoolean(v);
          case "jar" -> o.jar = v;
          case "port" -> o.port = Integer.parseInt(v);
          case "java-opts" ->
              o.javaOpts = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
          case "service-log" -> o.serviceLog = v;
          default -> throw new IllegalArgumentException("Unknown option --" + e.getKey());
        }
      }
      if (o.runs < 1 || o.warmup < 0) {
        throw new IllegalArgumentException("--runs must be >= 1 and --warmup >= 0");
      }
      return o;
    }
  }
}
