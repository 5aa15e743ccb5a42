package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;
import static org.claimwatch.bench.BenchService.memoryOf;
import static org.claimwatch.bench.BenchService.procCpuMs;
import static org.claimwatch.bench.BenchService.withProps;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.claimwatch.system.Hashing;

/**
 * Batch ingest through the API against raw JDBC batch inserts of the same rows into the same
 * database, side by side in one run. A program run by hand, not a test (see BENCHMARKS.md).
 *
 * <p>It starts the packaged service ({@code java -jar target/claimwatch-0.1.0.jar}) as a separate
 * process against a MySQL/MariaDB database, warms it up, then alternates rounds of {@code POST
 * /api/v1/claims/batch} (1,000 claims each) with rounds of JDBC batches that write what the service
 * writes for a batch: the {@code claims} rows, one {@code claim_history} row and one {@code
 * outbox_events} row (claim.created) per claim, with the statements of {@code ClaimWriter} and
 * {@code Outbox}, one transaction per batch, {@code rewriteBatchedStatements=true}. Both sides see
 * the same tables, the same sources (50 URLs) and the same entity, which has reported capex and
 * revenue for every quarter the claims speak of, so the service also computes each new claim's
 * check (two claims in seven get one). It prints claims/s, per-batch p50/p95, the ratio API/JDBC,
 * the CPU time the service, the database server and this program spent per batch, and database
 * server counters per batch.
 *
 * <p>Build the jar first ({@code mvn -q -DskipTests package}), then:
 *
 * <pre>
 * mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.BatchIngestBenchmark --batches=40"
 * </pre>
 *
 * ({@code exec:java} does not work in this project: the Micronaut parent configures the exec
 * plugin's {@code arguments} for {@code exec:exec}, which {@code exec:java} cannot parse.)
 *
 * <p>Options (each also as an environment variable, e.g. {@code BENCH_JDBC_URL}):
 *
 * <ul>
 *   <li>{@code --jdbc-url=jdbc:mysql://host:port/db} an existing database to use (the service
 *       migrates it; it is never dropped); default: a fresh {@code claimwatch_bench_<epoch>} on
 *       {@code --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the end
 *   <li>{@code --user=root}, {@code --password=}
 *   <li>{@code --batches=40} measured batches per side, {@code --warmup=20} warm-up batches per
 *       side (fewer leave the service's JIT cold), {@code --rounds=5}, {@code --batch-size=1000}
 *   <li>{@code --keep=true} keeps the fresh database
 *   <li>{@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0} (0: a free port), {@code
 *       --java-opts="..."} JVM options for the service, {@code
 *       --service-log=target/bench-ingest-service.log}
 * </ul>
 */
public final class BatchIngestBenchmark {
  private static final String TOKEN = "bench-admin-token-0123456789abcdef";
  private static final String SUBMITTED_BY = "admin"; // the bootstrap ADMIN token's name
  private static final int SOURCES = 50;
  private static final int MAX_REQUEST_BYTES = 1_048_576; // micronaut.server.max-request-size

  // The statements of org.claimwatch.claim.ClaimWriter.
  private static final String INSERT_CLAIM =
      "INSERT INTO claims (submitted_by, external_ref, statement, language, claimant, entity_id,"
          + " metric, value, value_high, unit, qualifier, period_start, period_end, periodicity,"
          + " kind, resolves_on, stated_at, source_id, status, priority, version, created_at,"
          + " updated_at, tolerance, tolerance_high)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String INSERT_HISTORY =
      "INSERT INTO claim_history (claim_id, claim_version, action, actor, occurred_at, changes,"
          + " note) VALUES (?,?,?,?,?,?,?)";

  private static final String INSERT_EVENT =
      "INSERT INTO outbox_events (type, subject_id, data, occurred_at) VALUES (?, ?, ?, ?)";

  /** Database server counters reported per batch, to show where the database's work differs. */
  private static final List<String> STATUS_COUNTERS =
      List.of(
          "Questions",
          "Com_select",
          "Com_insert",
          "Com_commit",
          "Com_set_option",
          "Handler_read_key",
          "Handler_read_next",
          "Handler_read_rnd_next",
          "Innodb_rows_read",
          "Innodb_rows_inserted",
          "Bytes_received",
          "Bytes_sent");

  private static final String[] METRICS = {
    "capex", "revenue", "net_income", "operating_income", "market_share", "headcount", "r_and_d"
  };
  private static final String[] COMPANIES = {
    "Acme Corp", "Globex", "Initech", "Umbrella Holdings", "Stark Industries", "Wayne Enterprises"
  };
  private static final String[] QUALIFIERS = {"EXACT", "APPROX", "AT_LEAST", "MORE_THAN"};
  private static final String[] PUBLISHERS = {
    "Financial Daily", "The Ledger", "Market Wire", "Business Post", "Evening Courier"
  };

  private BatchIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    new Run(o).run();
  }

  // ---------------------------------------------------------------------------------------------

  /** One generated claim: the same contents go to the API (as JSON) and to JDBC (as a row). */
  record ClaimSpec(
      String externalRef,
      String statement,
      String language,
      String claimant,
      long entityId,
      String metric,
      String value,
      String unit,
      String qualifier,
      LocalDate periodStart,
      LocalDate periodEnd,
      String periodicity,
      String kind,
      Instant statedAt,
      int source,
      int priority) {}

  /** A claim as JDBC writes it, plus the history row's {@code changes} text. */
  record Row(ClaimSpec spec, BigDecimal value, long sourceId, String changes) {}

  /** Per-side measurements. */
  static final class Side {
    final String name;
    final List<Double> batchMillis = new ArrayList<>();
    long totalNanos;
    long claims;
    long serviceCpuMs;
    long dbCpuMs;
    long benchCpuMs;
    final Map<String, Long> dbStatus = new LinkedHashMap<>();

    Side(String name) {
      this.name = name;
    }

    double claimsPerSecond() {
      return claims / (totalNanos / 1e9);
    }

    double percentile(double p) {
      List<Double> sorted = new ArrayList<>(batchMillis);
      Collections.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
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
    private Process service;
    private String base;
    private String databaseUrl;
    private String createdDatabase;
    private Connection jdbc;
    private long entityId;
    private final List<String> sourceUrls = new ArrayList<>();
    private final Map<String, Long> sourceIdByUrl = new HashMap<>();
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);

    /** Part of every externalRef, so runs against a kept database do not collide. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private Optional<ProcessHandle> database = Optional.empty();
    private String serviceMemory = "?";

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
        prepareDatabase();
        startService();
        setUpData();
        database = findDatabaseProcess();
        measure();
      } finally {
        stopService();
        closeQuietly();
        dropDatabase();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
          // already shutting down
        }
      }
    }

    // --- set-up --------------------------------------------------------------------------------

    private void prepareDatabase() throws SQLException {
      databaseUrl = env.prepareDatabase();
    }

    private void startService() throws Exception {
      service = env.startService(http);
      base = env.base();
    }

    private void setUpData() throws Exception {
      HttpResponse<String> r =
          post(
              "/api/v1/entities",
              "{\"name\":\"Bench Holdings "
                  + Instant.now().toEpochMilli()
                  + "\",\"kind\":\"COMPANY\"}");
      if (r.statusCode() != 201) {
        throw new IllegalStateException(
            "POST /api/v1/entities: " + r.statusCode() + " " + r.body());
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(r.body());
      if (!m.find()) {
        throw new IllegalStateException("No id in " + r.body());
      }
      entityId = Long.parseLong(m.group(1));
      reportFigures();

      jdbc = DriverManager.getConnection(withProps(databaseUrl), o.user, o.password);
      jdbc.setAutoCommit(false);
      for (int i = 0; i < SOURCES; i++) {
        sourceUrls.add(
            "https://news"
                + (i % 7)
                + ".example.com/business/2024/07/"
                + (10 + i)
                + "/earnings-report-"
                + i);
      }
      // The sources both sides cite, stored once (as the service would store them).
      try (PreparedStatement ps =
          jdbc.prepareStatement(
              "INSERT IGNORE INTO sources (url, url_hash, title, publisher, published_at,"
                  + " created_at) VALUES (?,?,?,?,?,?)")) {
        for (int i = 0; i < SOURCES; i++) {
          ps.setString(1, sourceUrls.get(i));
          ps.setString(2, Hashing.sha256Hex(sourceUrls.get(i)));
          ps.setString(3, sourceTitle(i));
          ps.setString(4, PUBLISHERS[i % PUBLISHERS.length]);
          ps.setNull(5, Types.TIMESTAMP);
          ps.setObject(6, startedAt);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      jdbc.commit();
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, url FROM sources")) {
        while (rs.next()) {
          sourceIdByUrl.put(rs.getString(2), rs.getLong(1));
        }
      }
      jdbc.commit();
      log("Entity %d, %d sources", entityId, sourceIdByUrl.size());
    }

    // --- measurement ---------------------------------------------------------------------------

    private void measure() throws Exception {
      Side api = new Side("API");
      Side raw = new Side("JDBC");
      int batchNo = 0;
      long[] before = rowCounts();
      log("Warm-up: %d batches of %d per side", o.warmup, o.batchSize);
      for (int i = 0; i < o.warmup; i++) {
        apiBatch(batchNo++, null);
        jdbcBatch(batchNo++, null);
      }
      int rounds = Math.max(1, Math.min(o.rounds, o.batches));
      log(
          "Measuring: %d batches of %d per side in %d alternating rounds",
          o.batches, o.batchSize, rounds);
      for (int r = 0; r < rounds; r++) {
        int n = o.batches / rounds + (r < o.batches % rounds ? 1 : 0);
        boolean apiFirst = r % 2 == 0; // alternate who goes first so both see the same sizes
        for (int pass = 0; pass < 2; pass++) {
          boolean isApi = (pass == 0) == apiFirst;
          Side side = isApi ? api : raw;
          long[] cpu0 = cpuSnapshot();
          Map<String, Long> status0 = dbStatus();
          for (int i = 0; i < n; i++) {
            if (isApi) {
              apiBatch(batchNo++, side);
            } else {
              jdbcBatch(batchNo++, side);
            }
          }
          long[] cpu1 = cpuSnapshot();
          Map<String, Long> status1 = dbStatus();
          status1.forEach(
              (k, v) -> side.dbStatus.merge(k, v - status0.getOrDefault(k, 0L), Long::sum));
          side.serviceCpuMs += cpu1[0] - cpu0[0];
          side.dbCpuMs += cpu1[1] - cpu0[1];
          side.benchCpuMs += cpu1[2] - cpu0[2];
        }
        log(
            "Round %d/%d: API %.0f claims/s, JDBC %.0f claims/s so far",
            r + 1, rounds, api.claimsPerSecond(), raw.claimsPerSecond());
      }
      verifyCounts(before, batchNo);
      serviceMemory = memoryOf(service.pid());
      printSummary(api, raw);
    }

    private void apiBatch(int batchNo, Side side) throws Exception {
      List<ClaimSpec> specs = specs("api", batchNo);
      byte[] body = batchJson(specs).getBytes(StandardCharsets.UTF_8);
      if (body.length > MAX_REQUEST_BYTES) {
        throw new IllegalStateException(
            "Batch body is " + body.length + " bytes, over the service's max-request-size");
      }
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/claims/batch"))
              .timeout(Duration.ofSeconds(120))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TOKEN)
              .header("Prefer", o.minimal ? "return=minimal" : "return=representation")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      long t0 = System.nanoTime();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      String expected = "{\"created\":" + specs.size() + ",";
      if (r.statusCode() != 201 || !r.body().startsWith(expected)) {
        String b = r.body();
        throw new IllegalStateException(
            "Batch "
                + batchNo
                + ": expected 201 "
                + expected
                + "... got "
                + r.statusCode()
                + " "
                + b.substring(0, Math.min(600, b.length())));
      }
      if (batchNo == 0) {
        log("Request body %d bytes, response body %d chars", body.length, r.body().length());
      }
      record(side, t1 - t0, specs.size());
    }

    private void jdbcBatch(int batchNo, Side side) throws SQLException {
      List<ClaimSpec> specs = specs("jdbc", batchNo);
      List<Row> rows = new ArrayList<>(specs.size());
      for (ClaimSpec s : specs) {
        rows.add(
            new Row(
                s,
                new BigDecimal(s.value()),
                sourceIdByUrl.get(sourceUrls.get(s.source())),
                changesJson(s, sourceUrls.get(s.source()))));
      }
      long t0 = System.nanoTime();
      insertRows(rows);
      long t1 = System.nanoTime();
      record(side, t1 - t0, rows.size());
    }

    /** What ClaimWriter does for a batch, in one transaction. */
    private void insertRows(List<Row> rows) throws SQLException {
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
      try {
        long[] ids = new long[rows.size()];
        try (PreparedStatement ps =
            jdbc.prepareStatement(INSERT_CLAIM, Statement.RETURN_GENERATED_KEYS)) {
          for (Row row : rows) {
            ClaimSpec c = row.spec();
            int i = 0;
            ps.setString(++i, SUBMITTED_BY);
            ps.setString(++i, c.externalRef());
            ps.setString(++i, c.statement());
            ps.setString(++i, c.language());
            ps.setString(++i, c.claimant());
            ps.setLong(++i, c.entityId());
            ps.setString(++i, c.metric());
            ps.setBigDecimal(++i, row.value());
            ps.setNull(++i, Types.DECIMAL);
            ps.setString(++i, c.unit());
            ps.setString(++i, c.qualifier());
            ps.setDate(++i, Date.valueOf(c.periodStart()));
            ps.setDate(++i, Date.valueOf(c.periodEnd()));
            ps.setString(++i, c.periodicity());
            ps.setString(++i, c.kind());
            ps.setNull(++i, Types.DATE);
            ps.setObject(++i, LocalDateTime.ofInstant(c.statedAt(), ZoneOffset.UTC));
            ps.setLong(++i, row.sourceId());
            ps.setString(++i, "UNVERIFIED");
            ps.setInt(++i, c.priority());
            ps.setInt(++i, 1);
            ps.setObject(++i, now);
            ps.setObject(++i, now);
            ps.setBigDecimal(
                ++i,
                org.claimwatch.claim.Precision.tolerance(
                    row.value(), org.claimwatch.claim.Qualifier.valueOf(c.qualifier())));
            ps.setNull(++i, Types.DECIMAL);
            ps.addBatch();
          }
          ps.executeBatch();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            for (int k = 0; k < ids.length; k++) {
              if (!keys.next()) {
                throw new SQLException("Fewer generated ids than inserted claims");
              }
              ids[k] = keys.getLong(1);
            }
          }
        }
        try (PreparedStatement ps = jdbc.prepareStatement(INSERT_HISTORY)) {
          for (int k = 0; k < ids.length; k++) {
            ps.setLong(1, ids[k]);
            ps.setInt(2, 1);
            ps.setString(3, "CREATED");
            ps.setString(4, SUBMITTED_BY);
            ps.setObject(5, now);
            ps.setString(6, rows.get(k).changes());
            ps.setString(7, null);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        // The claim.created event the service's outbox writes in the same transaction.
        try (PreparedStatement ps = jdbc.prepareStatement(INSERT_EVENT)) {
          for (int k = 0; k < ids.length; k++) {
            ps.setString(1, "claim.created");
            ps.setLong(2, ids[k]);
            ps.setString(
                3,
                "{\"claimId\":"
                    + ids[k]
                    + ",\"version\":1,\"action\":\"CREATED\",\"actor\":\""
                    + SUBMITTED_BY
                    + "\",\"at\":\""
                    + now.toInstant(ZoneOffset.UTC)
                    + "\",\"summary\":\"created\",\"note\":null,\"changes\":"
                    + rows.get(k).changes()
                    + ",\"href\":\"/api/v1/claims/"
                    + ids[k]
                    + "\"}");
            ps.setObject(4, now);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        jdbc.commit();
      } catch (SQLException | RuntimeException e) {
        jdbc.rollback();
        throw e;
      }
    }

    private static void record(Side side, long nanos, int claims) {
      if (side != null) {
        side.totalNanos += nanos;
        side.claims += claims;
        side.batchMillis.add(nanos / 1e6);
      }
    }

    /** Rows in claims and claim_history. */
    private long[] rowCounts() throws SQLException {
      try (Statement s = jdbc.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM claim_history)")) {
        rs.next();
        long[] counts = {rs.getLong(1), rs.getLong(2)};
        jdbc.commit();
        return counts;
      }
    }

    private void verifyCounts(long[] before, int batches) throws SQLException {
      long expected = (long) batches * o.batchSize;
      long[] after = rowCounts();
      long claims = after[0] - before[0];
      long history = after[1] - before[1];
      log("New rows: %d claims, %d history (expected %d each)", claims, history, expected);
      if (claims != expected || history != expected) {
        throw new IllegalStateException("Row counts do not match what was sent");
      }
    }

    private void printSummary(Side api, Side raw) {
      double ratio = api.claimsPerSecond() / raw.claimsPerSecond();
      int batches = api.batchMillis.size();
      StringBuilder out = new StringBuilder();
      out.append('\n')
          .append("== Batch ingest: API vs raw JDBC ==\n")
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
                  "%d measured batches of %d claims per side (%d warm-up each), %d rounds, service"
                      + " JVM options: %s%n%n",
                  batches,
                  o.batchSize,
                  o.warmup,
                  Math.max(1, Math.min(o.rounds, o.batches)),
                  o.javaOpts.isEmpty() ? "(none)" : String.join(" ", o.javaOpts)));
      out.append(String.format(Locale.ROOT, "%-28s %12s %12s%n", "", "API", "JDBC"));
      row(out, "claims", "%d", api.claims, raw.claims);
      row(out, "total time (s)", "%.2f", api.totalNanos / 1e9, raw.totalNanos / 1e9);
      row(out, "claims/s", "%.0f", api.claimsPerSecond(), raw.claimsPerSecond());
      row(out, "batch p50 (ms)", "%.1f", api.percentile(50), raw.percentile(50));
      row(out, "batch p95 (ms)", "%.1f", api.percentile(95), raw.percentile(95));
      row(out, "batch min (ms)", "%.1f", api.percentile(0), raw.percentile(0));
      row(out, "batch max (ms)", "%.1f", api.percentile(100), raw.percentile(100));
      row(
          out,
          "service CPU ms/batch",
          "%.0f",
          (double) api.serviceCpuMs / batches,
          (double) raw.serviceCpuMs / batches);
      if (database.isPresent()) {
        row(
            out,
            "MariaDB/MySQL CPU ms/batch",
            "%.0f",
            (double) api.dbCpuMs / batches,
            (double) raw.dbCpuMs / batches);
      }
      row(
          out,
          "benchmark JVM CPU ms/batch",
          "%.0f",
          (double) api.benchCpuMs / batches,
          (double) raw.benchCpuMs / batches);
      out.append(String.format(Locale.ROOT, "service memory at the end: %s%n", serviceMemory));
      out.append("database server counters per batch (SHOW GLOBAL STATUS deltas):\n");
      for (String k : api.dbStatus.keySet()) {
        row(
            out,
            "  " + k,
            "%.0f",
            (double) api.dbStatus.get(k) / batches,
            (double) raw.dbStatus.getOrDefault(k, 0L) / batches);
      }
      out.append(String.format(Locale.ROOT, "%nratio API/JDBC (claims/s): %.2f%n", ratio));
      out.append(
          String.format(
              Locale.ROOT,
              "goal API >= 5,000 claims/s: %s (%.0f)%n",
              api.claimsPerSecond() >= 5000 ? "MET" : "NOT MET",
              api.claimsPerSecond()));
      out.append(
          String.format(
              Locale.ROOT,
              "goal API >= 0.6 x JDBC:     %s (%.2f)%n",
              ratio >= 0.6 ? "MET" : "NOT MET",
              ratio));
      System.out.println(out);
    }

    private static void row(StringBuilder out, String label, String fmt, Object a, Object b) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-28s %12s %12s%n",
              label,
              String.format(Locale.ROOT, fmt, a),
              String.format(Locale.ROOT, fmt, b)));
    }

    private String databaseVersion() {
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SELECT VERSION()")) {
        rs.next();
        return rs.getString(1);
      } catch (SQLException e) {
        return "?";
      }
    }

    /**
     * The entity's reported capex and revenue for every quarter of 2015-2024, so the claims about
     * them (two metrics in seven) each get a check against their quarter when they are stored.
     */
    private void reportFigures() throws Exception {
      StringBuilder facts = new StringBuilder();
      for (String metric : List.of("capex", "revenue")) {
        for (int year = 2015; year <= 2024; year++) {
          for (int q = 0; q < 4; q++) {
            LocalDate start = LocalDate.of(year, 1 + 3 * q, 1);
            if (facts.length() > 0) {
              facts.append(',');
            }
            facts
                .append("{\"metric\":\"")
                .append(metric)
                .append("\",\"value\":\"")
                .append(1_000_000_000L + (year * 4L + q) * 10_000_000L)
                .append("\",\"unit\":\"USD\",\"periodStart\":\"")
                .append(start)
                .append("\",\"periodEnd\":\"")
                .append(start.plusMonths(3).minusDays(1))
                .append("\"}");
          }
        }
      }
      HttpResponse<String> r =
          post(
              "/api/v1/reports",
              "{\"entityId\":"
                  + entityId
                  + ",\"title\":\"Bench Holdings results 2015-2024\",\"form\":\"press release\","
                  + "\"url\":\"https://example.org/bench-results\",\"filedAt\":\"2025-02-01\","
                  + "\"facts\":["
                  + facts
                  + "]}");
      if (r.statusCode() != 201) {
        throw new IllegalStateException("POST /api/v1/reports: " + r.statusCode() + " " + r.body());
      }
      log("Reported 80 quarterly figures (capex, revenue 2015-2024) for entity %d", entityId);
    }

    // --- data ----------------------------------------------------------------------------------

    /** The claims of batch {@code batchNo}; {@code side} keeps the two sides' refs apart. */
    private List<ClaimSpec> specs(String side, int batchNo) {
      List<ClaimSpec> out = new ArrayList<>(o.batchSize);
      for (int i = 0; i < o.batchSize; i++) {
        int n = batchNo * o.batchSize + i;
        String company = COMPANIES[n % COMPANIES.length];
        String metric = METRICS[n % METRICS.length];
        long whole = 1_000_000L + (n * 7919L) % 90_000_000_000L;
        String value = whole + "." + (1 + n % 9);
        int year = 2015 + n % 10;
        int quarter = n % 4;
        LocalDate start = LocalDate.of(year, 1 + 3 * quarter, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        String statement =
            String.format(
                Locale.ROOT,
                "%s said its %s reached USD %s in Q%d %d, up %d%% on a year earlier (item %d).",
                company,
                metric.replace('_', ' '),
                value,
                quarter + 1,
                year,
                1 + n % 40,
                n);
        out.add(
            new ClaimSpec(
                side + "-" + runId + "-" + batchNo + "-" + i,
                statement,
                "en",
                "Chief Financial Officer of " + company,
                entityId,
                metric,
                value,
                "USD",
                QUALIFIERS[n % QUALIFIERS.length],
                start,
                end,
                "PER_QUARTER",
                "REPORTED",
                Instant.parse("2024-07-27T08:00:00Z").plusSeconds(n * 61L),
                n % SOURCES,
                50));
      }
      return out;
    }

    private static String sourceTitle(int i) {
      return "Quarterly results: what the numbers say, part " + i;
    }

    private String batchJson(List<ClaimSpec> specs) {
      StringBuilder b = new StringBuilder(specs.size() * 700);
      b.append("{\"claims\":[");
      for (int k = 0; k < specs.size(); k++) {
        ClaimSpec c = specs.get(k);
        if (k > 0) {
          b.append(',');
        }
        b.append('{');
        field(b, "externalRef", c.externalRef()).append(',');
        field(b, "statement", c.statement()).append(',');
        field(b, "language", c.language()).append(',');
        field(b, "claimant", c.claimant()).append(',');
        b.append("\"entityId\":").append(c.entityId()).append(',');
        field(b, "metric", c.metric()).append(',');
        field(b, "value", c.value()).append(',');
        field(b, "unit", c.unit()).append(',');
        field(b, "qualifier", c.qualifier()).append(',');
        field(b, "periodStart", c.periodStart().toString()).append(',');
        field(b, "periodEnd", c.periodEnd().toString()).append(',');
        field(b, "periodicity", c.periodicity()).append(',');
        field(b, "kind", c.kind()).append(',');
        field(b, "statedAt", c.statedAt().toString()).append(',');
        b.append("\"source\":{");
        field(b, "url", sourceUrls.get(c.source())).append(',');
        field(b, "title", sourceTitle(c.source())).append(',');
        field(b, "publisher", PUBLISHERS[c.source() % PUBLISHERS.length]);
        b.append("},\"priority\":").append(c.priority());
        b.append('}');
      }
      return b.append("]}").toString();
    }

    /** The history row's changes, as the service writes them for a created claim. */
    private static String changesJson(ClaimSpec c, String url) {
      Map<String, Object> to = new LinkedHashMap<>();
      to.put("statement", c.statement());
      to.put("language", c.language());
      to.put("claimant", c.claimant());
      to.put("entityId", c.entityId());
      to.put("metric", c.metric());
      to.put("value", c.value());
      to.put("unit", c.unit());
      to.put("qualifier", c.qualifier());
      to.put("periodStart", c.periodStart().toString());
      to.put("periodEnd", c.periodEnd().toString());
      to.put("periodicity", c.periodicity());
      to.put("kind", c.kind());
      to.put("statedAt", c.statedAt().toString());
      to.put("source.url", url);
      to.put("priority", c.priority());
      StringBuilder b = new StringBuilder(600).append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : to.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, e.getKey()).append(":{\"from\":null,\"to\":");
        if (e.getValue() instanceof String s) {
          quote(b, s);
        } else {
          b.append(e.getValue());
        }
        b.append('}');
      }
      return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
      quote(b, name).append(':');
      return quote(b, value);
    }

    private static StringBuilder quote(StringBuilder b, String s) {
      b.append('"');
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (ch < 0x20) {
              b.append(String.format("\\u%04x", (int) ch));
            } else {
              b.append(ch);
            }
          }
        }
      }
      return b.append('"');
    }

    // --- helpers -------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, String json) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Counters of the database server (all sessions) that show how much work a batch made. */
    private Map<String, Long> dbStatus() throws SQLException {
      Map<String, Long> out = new LinkedHashMap<>();
      try (Statement s = jdbc.createStatement();
          ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (STATUS_COUNTERS.contains(name)) {
            out.put(name, Long.parseLong(rs.getString(2)));
          }
        }
      }
      jdbc.commit();
      Map<String, Long> ordered = new LinkedHashMap<>();
      for (String name : STATUS_COUNTERS) {
        if (out.containsKey(name)) {
          ordered.put(name, out.get(name));
        }
      }
      return ordered;
    }

    /** CPU ms used so far by: the service, the database server (if found), this JVM. */
    private long[] cpuSnapshot() {
      long serviceMs = service == null ? 0 : procCpuMs(service.pid());
      long dbMs = database.map(p -> procCpuMs(p.pid())).orElse(0L);
      long benchMs = 0;
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        benchMs = os.getProcessCpuTime() / 1_000_000;
      }
      return new long[] {serviceMs, dbMs, benchMs};
    }

    /** The local mariadbd/mysqld, to report its CPU time; empty if not on this machine. */
    private static Optional<ProcessHandle> findDatabaseProcess() {
      return ProcessHandle.allProcesses()
          .filter(
              p ->
                  p.info()
                      .command()
                      .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                      .orElse(false))
          .findFirst();
    }

    private void stopService() {
      env.stopService();
      service = null;
    }

    private void closeQuietly() {
      if (jdbc != null) {
        try {
          jdbc.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
    }

    private void dropDatabase() {
      env.dropDatabase();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The service's own connection properties (application.yml), for the raw JDBC side too. */

  /** Command-line options, each also readable from the environment (BENCH_ + upper case). */
  static final class Options {
    String jdbcUrl;
    String serverUrl = "jdbc:mysql://127.0.0.1:3306/";
    String user = "root";
    String password = "";
    int batches = 40;
    int warmup = 20;
    int rounds = 5;
    int batchSize = 1000;
    boolean keep;
    boolean minimal;
    String jar = "target/claimwatch-0.1.0.jar";
    int port;
    List<String> javaOpts = new ArrayList<>();
    String serviceLog = "target/bench-ingest-service.log";

    static Options parse(String[] args) {
      Map<String, String> m = new HashMap<>();
      for (String name :
          List.of(
              "jdbc-url",
              "server-url",
              "user",
              "password",
              "batches",
              "warmup",
              "rounds",
              "batch-size",
              "keep",
              "minimal",
              "jar",
              "port",
              "java-opts",
              "service-log")) {
        String env = System.getenv("BENCH_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
        if (env != null) {
          m.put(name, env);
        }
      }
      for (String a : args) {
        if (a.equals("--help") || a.equals("-h")) {
          System.out.println(
              "Options: --jdbc-url= --server-url= --user= --password= --batches=40 --warmup=20"
                  + " --rounds=5 --batch-size=1000 --keep=true --minimal=true (Prefer:"
                  + " return=minimal) --jar= --port= --java-opts="
                  + " --service-log=");
          System.exit(0);
        }
        if (!a.startsWith("--") || !a.contains("=")) {
          if (a.equals("--keep")) {
            m.put("keep", "true");
            continue;
          }
          throw new IllegalArgumentException("Expected --name=value, got " + a);
        }
        m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
      Options o = new Options();
      for (Map.Entry<String, String> e : m.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case "jdbc-url" -> o.jdbcUrl = v.isBlank() ? null : v;
          case "server-url" -> o.serverUrl = v;
          case "user" -> o.user = v;
          case "password" -> o.password = v;
          case "batches" -> o.batches = Integer.parseInt(v);
          case "warmup" -> o.warmup = Integer.parseInt(v);
          case "rounds" -> o.rounds = Integer.parseInt(v);
          case "batch-size" -> o.batchSize = Integer.parseInt(v);
          case "keep" -> o.keep = Boolean.parseBoolean(v);
          case "minimal" -> o.minimal = Boolean.parseBoolean(v);
          case "jar" -> o.jar = v;
          case "port" -> o.port = Integer.parseInt(v);
          case "java-opts" ->
              o.javaOpts = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
          case "service-log" -> o.serviceLog = v;
          default -> throw new IllegalArgumentException("Unknown option --" + e.getKey());
        }
      }
      if (o.batchSize < 1 || o.batchSize > 1000) {
        throw new IllegalArgumentException("--batch-size must be 1 to 1000 (the API's limit)");
      }
      return o;
    }
  }
}
