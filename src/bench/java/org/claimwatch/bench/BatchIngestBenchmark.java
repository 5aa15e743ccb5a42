package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch ingest through the API against raw JDBC batch inserts of the same rows into the same
 * database, side by side in one run. A program run by hand, not a test (see BENCHMARKS.md).
 *
 * <p>It starts the packaged service ({@code java -jar target/claimwatch-0.1.0.jar}) as a separate
 * process against a MySQL/MariaDB database, warms it up, then alternates rounds of {@code POST
 * /api/v1/claims/batch} (1,000 claims each) with rounds of JDBC batches that write what the service
 * writes for a batch: the {@code claims} rows, one {@code claim_history} row and one {@code
 * outbox_events} row (claim.created) per claim, with hand-written statements of the columns of
 * {@code ClaimStore}'s, {@code ClaimWriter}'s and {@code Outbox}'s (checked after the warm-up: the
 * run fails if the service fills a column they leave empty), one transaction per batch, {@code
 * rewriteBatchedStatements=true}. Both sides see the same tables, the same sources (50 URLs) and
 * the same entity, which has reported capex and revenue for every quarter the claims speak of, so
 * the service also computes each new claim's check (two claims in seven get one). It prints
 * claims/s, per-batch p50/p95, the ratio API/JDBC, the CPU time the service, the database server
 * and this program spent per batch, and database server counters per batch.
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
 *   <li>{@code --raw-multi-row=true}: the raw side writes one hand-built {@code INSERT ... VALUES
 *       (...),(...)} per table, its rows' parameters bound in order, instead of JDBC batches (what
 *       Connector/J's {@code rewriteBatchedStatements} builds from them)
 *   <li>{@code --floor-jar=src/bench/floor/target/floor.jar}: a third side, the same requests
 *       answered by the platform's floor (Micronaut's Netty server, Serde and HikariCP writing the
 *       raw side's rows from the request, and echoing it; nothing of Claimwatch's own), started
 *       beside the service with its JVM options, measured after the other two in each round (build
 *       it first: {@code mvn -q -f src/bench/floor/pom.xml package}); default: none
 *   <li>{@code --keep=true} keeps the fresh database
 *   <li>{@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0} (0: a free port), {@code
 *       --java-opts="..."} JVM options for the service, {@code
 *       --service-log=target/bench-ingest-service.log}
 * </ul>
 */
public final class BatchIngestBenchmark {
  private static final int SOURCES = 50;
  private static final int MAX_REQUEST_BYTES = 1_048_576; // micronaut.server.max-request-size

  // The raw side's statements: plain JDBC of the same work as the service's, written out here on
  // purpose (the ratio compares the service with hand-written JDBC), so they must follow the
  // production statements: ClaimStore.INSERT and ClaimWriter.INSERT_HISTORY (the columns of
  // db/migration V3, V4, V10 and V18's summary) and Outbox.INSERT. verifySameWork() fails a run
  // in which a column the service fills is left NULL here.
  private static final String INSERT_CLAIM =
      "INSERT INTO claims (submitted_by, external_ref, statement, language, claimant, entity_id,"
          + " metric, value, value_high, unit, qualifier, period_start, period_end, periodicity,"
          + " kind, resolves_on, stated_at, source_id, status, priority, version, created_at,"
          + " updated_at, tolerance, tolerance_high)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String INSERT_HISTORY =
      "INSERT INTO claim_history (claim_id, claim_version, action, actor, occurred_at, changes,"
          + " note, summary) VALUES (?,?,?,?,?,?,?,?)";

  /** A key of a history row's changes: {@code "name":{"from":...}}. */
  private static final Pattern CHANGE_KEY =
      Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{\\s*\"from\"");

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
    BenchArgs a = BenchArgs.parse(args);
    Options o = Options.of(a);
    BenchService.fromArgs(a, "target/bench-ingest-service.log")
        .run(a, svc -> new Run(o, svc).run());
  }

  /** The benchmark's own options (the database and service ones are {@link BenchService}'s). */
  record Options(
      int batches,
      int warmup,
      int rounds,
      int batchSize,
      boolean minimal,
      boolean multiRow,
      String floorJar) {
    static Options of(BenchArgs a) {
      Options o =
          new Options(
              a.integer("batches", 40),
              a.integer("warmup", 20),
              a.integer("rounds", 5),
              a.integer("batch-size", 1000),
              a.bool("minimal", false),
              a.bool("raw-multi-row", false),
              a.string("floor-jar", ""));
      if (o.batchSize < 1 || o.batchSize > 1000) {
        throw new IllegalArgumentException("--batch-size must be 1 to 1000 (the API's limit)");
      }
      return o;
    }

    int measuredRounds() {
      return Math.max(1, Math.min(rounds, batches));
    }
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

    /** CPU and database counters over the side's measured batches. */
    Probe.Cost cost = Probe.Cost.ZERO;

    Side(String name) {
      this.name = name;
    }

    double claimsPerSecond() {
      return claims / (totalNanos / 1e9);
    }

    double percentile(double p) {
      return Stats.percentile(batchMillis, p);
    }

    /** A total over the side's batches, per batch. */
    double perBatch(long total) {
      return (double) total / batchMillis.size();
    }
  }

  /** One batch of one side; {@code side} null for a warm-up batch. */
  @FunctionalInterface
  interface Batch {
    void run(int batchNo, Side side) throws Exception;
  }

  static final class Run {
    private final Options o;
    private final BenchService svc;
    private final Db.Counters counters;

    /** The raw side's connection (one transaction per batch). */
    private Connection raw;

    private long entityId;
    private int batchNo;
    private final List<String> sourceUrls = new ArrayList<>();
    private Map<String, Long> sourceIdByUrl;
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);

    /** Part of every externalRef, so runs against a kept database do not collide. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private String serviceMemory = "?";

    /** With --floor-jar: the platform's floor, started beside the service. */
    private BenchService.Beside floor;

    Run(Options o, BenchService svc) {
      this.o = o;
      this.svc = svc;
      this.counters = svc.counters(STATUS_COUNTERS);
    }

    void run() throws Exception {
      try (Connection c = svc.connect()) {
        raw = c;
        raw.setAutoCommit(false);
        setUpData();
        if (!o.floorJar().isEmpty()) {
          floor =
              svc.startBeside(
                  Path.of(o.floorJar()), Map.of(), Path.of("target/bench-ingest-floor.log"));
        }
        measure();
      }
    }

    // --- set-up --------------------------------------------------------------------------------

    private void setUpData() throws Exception {
      entityId = svc.entity("Bench Holdings " + Instant.now().toEpochMilli());
      reportFigures();
      // The sources both sides cite, stored once (as the service would store them).
      List<Db.Source> sources = new ArrayList<>();
      for (int i = 0; i < SOURCES; i++) {
        String url =
            "https://news"
                + (i % 7)
                + ".example.com/business/2024/07/"
                + (10 + i)
                + "/earnings-report-"
                + i;
        sourceUrls.add(url);
        sources.add(new Db.Source(url, sourceTitle(i), PUBLISHERS[i % PUBLISHERS.length]));
      }
      sourceIdByUrl = Db.insertSources(svc.jdbc(), sources);
      log("Entity %d, %d sources", entityId, sourceIdByUrl.size());
    }

    // --- measurement ---------------------------------------------------------------------------

    private void measure() throws Exception {
      Side api = new Side("API");
      Side jdbc = new Side("JDBC");
      Side floorSide = new Side("floor");
      long[] before = rowCounts();
      log("Warm-up: %d batches of %d per side", o.warmup(), o.batchSize());
      for (int i = 0; i < o.warmup(); i++) {
        apiBatch(batchNo++, null);
        jdbcBatch(batchNo++, null);
        if (floor != null) {
          floorBatch(batchNo++, null);
        }
      }
      if (o.warmup() > 0) {
        verifySameWork();
      }
      int rounds = o.measuredRounds();
      log(
          "Measuring: %d batches of %d per side in %d alternating rounds",
          o.batches(), o.batchSize(), rounds);
      for (int r = 0; r < rounds; r++) {
        int n = o.batches() / rounds + (r < o.batches() % rounds ? 1 : 0);
        // alternate who goes first so both see the same table sizes
        if (floor == null) {
          Runs.alternate(
              r % 2 == 0, () -> pass(api, n, this::apiBatch), () -> pass(jdbc, n, this::jdbcBatch));
        } else {
          // each side goes first in turn
          Runs.rotate(
              r,
              List.of(
                  () -> pass(api, n, this::apiBatch),
                  () -> pass(jdbc, n, this::jdbcBatch),
                  () -> pass(floorSide, n, this::floorBatch)));
        }
        log(
            "Round %d/%d: API %.0f claims/s, JDBC %.0f claims/s%s so far",
            r + 1,
            rounds,
            api.claimsPerSecond(),
            jdbc.claimsPerSecond(),
            floor == null
                ? ""
                : String.format(Locale.ROOT, ", floor %.0f claims/s", floorSide.claimsPerSecond()));
      }
      if (o.warmup() == 0) {
        verifySameWork();
      }
      verifyCounts(before, batchNo);
      serviceMemory = svc.serviceMemory();
      printSummary(api, jdbc, floor == null ? null : floorSide);
    }

    /** {@code n} measured batches of one side. */
    private void pass(Side side, int n, Batch batch) throws Exception {
      Probe p =
          side.name.equals("floor") ? svc.probe(floor.process(), counters) : svc.probe(counters);
      for (int i = 0; i < n; i++) {
        batch.run(batchNo++, side);
      }
      side.cost = side.cost.plus(p.stop());
    }

    private void apiBatch(int batchNo, Side side) throws Exception {
      post(svc.base(), "api", batchNo, side);
    }

    /** The same request to the platform's floor (--floor-jar), its claims' refs "floor-...". */
    private void floorBatch(int batchNo, Side side) throws Exception {
      post(floor.base(), "floor", batchNo, side);
    }

    private void post(String to, String prefix, int batchNo, Side side) throws Exception {
      List<ClaimSpec> specs = specs(prefix, batchNo);
      byte[] body = batchJson(specs).getBytes(StandardCharsets.UTF_8);
      if (body.length > MAX_REQUEST_BYTES) {
        throw new IllegalStateException(
            "Batch body is " + body.length + " bytes, over the service's max-request-size");
      }
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(to + "/api/v1/claims/batch"))
              .timeout(Duration.ofSeconds(120))
              .header("Authorization", "Bearer " + BenchService.TOKEN)
              .header("Content-Type", "application/json")
              .header("Prefer", o.minimal() ? "return=minimal" : "return=representation")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      long t0 = System.nanoTime();
      HttpResponse<String> r = svc.http().send(req, HttpResponse.BodyHandlers.ofString());
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

    /** What ClaimStore and ClaimWriter do for a batch, in one transaction. */
    private void insertRows(List<Row> rows) throws SQLException {
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
      Db.transaction(
          raw,
          () -> {
            long[] ids = new long[rows.size()];
            boolean multi = o.multiRow();
            try (PreparedStatement ps =
                raw.prepareStatement(
                    multi ? multiRow(INSERT_CLAIM, rows.size()) : INSERT_CLAIM,
                    Statement.RETURN_GENERATED_KEYS)) {
              int i = 0;
              for (Row row : rows) {
                ClaimSpec c = row.spec();
                if (!multi) {
                  i = 0;
                }
                ps.setString(++i, BenchService.ADMIN);
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
                if (!multi) {
                  ps.addBatch();
                }
              }
              execute(ps, multi);
              try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int k = 0; k < ids.length; k++) {
                  if (!keys.next()) {
                    throw new SQLException("Fewer generated ids than inserted claims");
                  }
                  ids[k] = keys.getLong(1);
                }
              }
            }
            try (PreparedStatement ps =
                raw.prepareStatement(
                    multi ? multiRow(INSERT_HISTORY, ids.length) : INSERT_HISTORY)) {
              for (int k = 0; k < ids.length; k++) {
                int at = multi ? k * 8 : 0;
                ps.setLong(at + 1, ids[k]);
                ps.setInt(at + 2, 1);
                ps.setString(at + 3, "CREATED");
                ps.setString(at + 4, BenchService.ADMIN);
                ps.setObject(at + 5, now);
                ps.setString(at + 6, rows.get(k).changes());
                ps.setString(at + 7, null);
                ps.setString(at + 8, "created");
                if (!multi) {
                  ps.addBatch();
                }
              }
              execute(ps, multi);
            }
            // The claim.created event the service's outbox writes in the same transaction.
            try (PreparedStatement ps =
                raw.prepareStatement(multi ? multiRow(INSERT_EVENT, ids.length) : INSERT_EVENT)) {
              for (int k = 0; k < ids.length; k++) {
                int at = multi ? k * 4 : 0;
                ps.setString(at + 1, "claim.created");
                ps.setLong(at + 2, ids[k]);
                ps.setString(
                    at + 3,
                    "{\"claimId\":"
                        + ids[k]
                        + ",\"version\":1,\"action\":\"CREATED\",\"actor\":\""
                        + BenchService.ADMIN
                        + "\",\"at\":\""
                        + now.toInstant(ZoneOffset.UTC)
                        + "\",\"summary\":\"created\",\"note\":null,\"changes\":"
                        + rows.get(k).changes()
                        + ",\"href\":\"/api/v1/claims/"
                        + ids[k]
                        + "\"}");
                ps.setObject(at + 4, now);
                if (!multi) {
                  ps.addBatch();
                }
              }
              execute(ps, multi);
            }
            return null;
          });
    }

    /** {@code insert}'s VALUES group repeated for {@code rows} rows: one multi-row INSERT. */
    private static String multiRow(String insert, int rows) {
      int values = insert.lastIndexOf(" VALUES ");
      String group = insert.substring(values + " VALUES ".length());
      StringBuilder sql = new StringBuilder(values + rows * (group.length() + 1));
      sql.append(insert, 0, values + " VALUES ".length());
      for (int r = 0; r < rows; r++) {
        if (r > 0) {
          sql.append(',');
        }
        sql.append(group);
      }
      return sql.toString();
    }

    private static void execute(PreparedStatement ps, boolean multiRow) throws SQLException {
      if (multiRow) {
        ps.executeUpdate();
      } else {
        ps.executeBatch();
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
    private long[] rowCounts() {
      return new long[] {
        Db.count(svc.jdbc(), "SELECT COUNT(*) FROM claims"),
        Db.count(svc.jdbc(), "SELECT COUNT(*) FROM claim_history")
      };
    }

    /**
     * Fails the run when the raw side no longer writes what the service writes for the same claim:
     * a column of claims, claim_history or outbox_events that one side fills and the other leaves
     * NULL, or other keys in the history row's changes.
     */
    private void verifySameWork() throws SQLException {
      String api = "(SELECT MIN(id) FROM claims WHERE external_ref LIKE 'api-" + runId + "-%')";
      String jdbc = "(SELECT MIN(id) FROM claims WHERE external_ref LIKE 'jdbc-" + runId + "-%')";
      List<String> differ = new ArrayList<>();
      Map<String, String> rows =
          Map.of(
              "claims", "SELECT * FROM claims WHERE id = %s",
              "claim_history", "SELECT * FROM claim_history WHERE claim_id = %s",
              "outbox_events",
                  "SELECT * FROM outbox_events WHERE type = 'claim.created' AND subject_id = %s");
      for (Map.Entry<String, String> e : rows.entrySet()) {
        for (String column :
            Db.nullsDiffer(svc.jdbc(), e.getValue().formatted(api), e.getValue().formatted(jdbc))) {
          differ.add(e.getKey() + "." + column);
        }
      }
      List<String> apiKeys = historyKeys(api);
      List<String> jdbcKeys = historyKeys(jdbc);
      if (!apiKeys.equals(jdbcKeys)) {
        differ.add("claim_history.changes: API " + apiKeys + ", JDBC " + jdbcKeys);
      }
      if (!differ.isEmpty()) {
        throw new IllegalStateException(
            "The raw JDBC side no longer writes what the service writes: "
                + differ
                + "; make INSERT_CLAIM, INSERT_HISTORY, INSERT_EVENT and changesJson follow"
                + " ClaimStore, ClaimWriter and Outbox");
      }
      log("The raw side writes the columns the service writes (claims, history, outbox)");
    }

    /** The keys of the changes of a claim's history row, in order. */
    private List<String> historyKeys(String claimId) {
      String changes;
      try (Statement s = svc.jdbc().createStatement();
          ResultSet rs =
              s.executeQuery("SELECT changes FROM claim_history WHERE claim_id = " + claimId)) {
        rs.next();
        changes = rs.getString(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      List<String> keys = new ArrayList<>();
      Matcher m = CHANGE_KEY.matcher(changes);
      while (m.find()) {
        keys.add(m.group(1));
      }
      return keys;
    }

    private void verifyCounts(long[] before, int batches) {
      long expected = (long) batches * o.batchSize();
      long[] after = rowCounts();
      long claims = after[0] - before[0];
      long history = after[1] - before[1];
      log("New rows: %d claims, %d history (expected %d each)", claims, history, expected);
      if (claims != expected || history != expected) {
        throw new IllegalStateException("Row counts do not match what was sent");
      }
    }

    private void printSummary(Side api, Side raw, Side floorSide) {
      double ratio = api.claimsPerSecond() / raw.claimsPerSecond();
      StringBuilder out = new StringBuilder();
      out.append('\n')
          .append("== Batch ingest: API vs raw JDBC ==\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s, database %s%n",
                  BenchService.dateLine(startedAt),
                  Db.variable(svc.jdbc(), "VERSION()")))
          .append(
              String.format(
                  Locale.ROOT,
                  "%d measured batches of %d claims per side (%d warm-up each), %d rounds, service"
                      + " JVM options: %s%n%n",
                  api.batchMillis.size(),
                  o.batchSize(),
                  o.warmup(),
                  o.measuredRounds(),
                  svc.javaOpts()));
      out.append(String.format(Locale.ROOT, "%-28s %12s %12s%n", "", "API", "JDBC"));
      row(out, "claims", "%d", api.claims, raw.claims);
      row(out, "total time (s)", "%.2f", api.totalNanos / 1e9, raw.totalNanos / 1e9);
      row(out, "claims/s", "%.0f", api.claimsPerSecond(), raw.claimsPerSecond());
      for (int p : new int[] {50, 95}) {
        row(out, "batch p" + p + " (ms)", "%.1f", api.percentile(p), raw.percentile(p));
      }
      row(out, "batch min (ms)", "%.1f", api.percentile(0), raw.percentile(0));
      row(out, "batch max (ms)", "%.1f", api.percentile(100), raw.percentile(100));
      perBatch(out, "service CPU ms/batch", api, raw, Probe.Cost::serviceCpuMs);
      if (svc.database().isPresent()) {
        perBatch(out, "MariaDB/MySQL CPU ms/batch", api, raw, Probe.Cost::dbCpuMs);
      }
      perBatch(out, "benchmark JVM CPU ms/batch", api, raw, Probe.Cost::benchCpuMs);
      out.append(String.format(Locale.ROOT, "service memory at the end: %s%n", serviceMemory));
      out.append("database server counters per batch (SHOW GLOBAL STATUS deltas):\n");
      for (String k : api.cost.status().keySet()) {
        perBatch(out, "  " + k, api, raw, c -> c.status(k));
      }
      out.append(String.format(Locale.ROOT, "%nratio API/JDBC (claims/s): %.2f%n", ratio));
      if (floorSide != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "the platform's floor (src/bench/floor, --floor-jar): %.0f claims/s, batch p50 %.1f"
                    + " ms, floor CPU %.0f ms/batch, database %.0f ms/batch; floor/JDBC %.2f,"
                    + " API/floor %.2f%n",
                floorSide.claimsPerSecond(),
                floorSide.percentile(50),
                floorSide.perBatch(floorSide.cost.serviceCpuMs()),
                floorSide.perBatch(floorSide.cost.dbCpuMs()),
                floorSide.claimsPerSecond() / raw.claimsPerSecond(),
                api.claimsPerSecond() / floorSide.claimsPerSecond()));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "goal API >= 5,000 claims/s: %s (%.0f)%n",
              BenchService.met(api.claimsPerSecond() >= 5000),
              api.claimsPerSecond()));
      out.append(
          String.format(
              Locale.ROOT,
              "goal API >= 0.6 x JDBC:     %s (%.2f)%n",
              BenchService.met(ratio >= 0.6),
              ratio));
      out.append(
          String.format(
              Locale.ROOT,
              "goal API >= 0.8 x JDBC:     %s (%.2f; issue 15)%n",
              BenchService.met(ratio >= 0.8),
              ratio));
      System.out.println(out);
    }

    private static void perBatch(
        StringBuilder out,
        String label,
        Side api,
        Side raw,
        java.util.function.ToLongFunction<Probe.Cost> total) {
      row(
          out,
          label,
          "%.0f",
          api.perBatch(total.applyAsLong(api.cost)),
          raw.perBatch(total.applyAsLong(raw.cost)));
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
      svc.post(
          "/api/v1/reports",
          "{\"entityId\":"
              + entityId
              + ",\"title\":\"Bench Holdings results 2015-2024\",\"form\":\"press release\","
              + "\"url\":\"https://example.org/bench-results\",\"filedAt\":\"2025-02-01\","
              + "\"facts\":["
              + facts
              + "]}",
          201);
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
      to.put("source.title", sourceTitle(c.source()));
      to.put("source.publisher", PUBLISHERS[c.source() % PUBLISHERS.length]);
      to.put("priority", c.priority());
      StringBuilder b = new StringBuilder(600).append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : to.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        JsonText.quote(b, e.getKey()).append(":{\"from\":null,\"to\":");
        if (e.getValue() instanceof String s) {
          JsonText.quote(b, s);
        } else {
          b.append(e.getValue());
        }
        b.append('}');
      }
      return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
      JsonText.quote(b, name).append(':');
      return JsonText.quote(b, value);
    }
  }
}
