package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.claim.BenchClaims;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.recheck.PlannerSql;

/**
 * Fan-out of a filing to the claims it bears on: with 1,000,000 claims stored, a report about one
 * entity flags the 100,000 claims about that entity's revenue for re-checking. The service's
 * flagging ({@code POST /api/v1/reports}) against one plain {@code INSERT ... SELECT} of the same
 * flags in the same database, side by side in one run. A program run by hand, not a test (see
 * BENCHMARKS.md).
 *
 * <p>It creates a database, starts the packaged service ({@code java -jar
 * target/claimwatch-0.1.0.jar}) so that Flyway creates the schema, creates {@code --entities} (10)
 * entities through the API and loads {@code --claims-per-entity} (100,000) claims for each with the
 * production ClaimStore over its own JDBC connection ({@link BenchClaims}; multi-row batches of
 * 1,000): all about metric {@code revenue}, USD, periodicity NONE, 2024-01-01..2024-12-31, stated
 * 2024-06-01, values from 9 to 11.5 billion stated to various precisions, qualifiers EXACT, APPROX,
 * AT_LEAST, MORE_THAN and RANGE (with a high value), UNVERIFIED. Then, for each of {@code
 * --measured} entities in turn (10), on the same database state:
 *
 * <ol>
 *   <li><b>scan</b>: {@code SELECT COUNT(*), SUM(value)} over the entity's claims, which also
 *       brings them into the buffer pool, so both sides below start warm ({@code --prewarm=false}
 *       skips it);
 *   <li><b>API</b>: {@code POST /api/v1/reports} with one fact (revenue 10,300,000,000 USD for
 *       2024, form 10-K, filed 2025-02-01); expects 201 and {@code claimsFlagged} = 100,000. Timed
 *       from sending to reading the whole response: the report, its fact, the figure recompute, the
 *       planner's supersede UPDATE and INSERT ... SELECT, the commit;
 *   <li><b>raw</b>: one autocommitted {@code INSERT INTO rechecks_raw (...) SELECT ... FROM claims
 *       c WHERE c.entity_id = ? AND c.metric = 'revenue'} of the same 100,000 flags (claim columns
 *       from the claim, the figure's side as constants, outcome 'SUPPORTS', no deviation) into a
 *       table made with {@code CREATE TABLE rechecks_raw LIKE rechecks} plus rechecks' foreign key;
 *       API and raw alternate which goes first;
 *   <li><b>planner SQL</b>: the planner's own two statements ({@link PlannerSql}, the production
 *       text with the target table renamed to {@code rechecks_planner}, made like rechecks_raw) for
 *       the import the API request made, over JDBC in one transaction, each timed;
 *   <li><b>planner SELECT</b>: {@code SELECT COUNT(*), SUM(cv)} over the planner's candidates query
 *       alone (the window over 100,000 rows, no writes), and the scan again (warm).
 * </ol>
 *
 * With {@code --refilings=N} it then files a second report for the same period (10-K/A, filed
 * 2025-03-01, another value: a restatement) for the first N entities, where the planner's UPDATE
 * supersedes the 100,000 open flags before its INSERT adds 100,000 new ones; the raw side is then a
 * plain {@code UPDATE rechecks_raw JOIN claims ... SET open_slot = NULL, ...} of the entity's open
 * flags and the INSERT ... SELECT (reason RESTATEMENT), in one transaction; the planner's SQL runs
 * again on rechecks_planner.
 *
 * <p>It prints per-entity times, medians, the ratios API/raw and planner-SQL/raw, CPU time of the
 * service and the database server, database server counters, and the goals. Build the jar first
 * ({@code mvn -q -DskipTests package}), then:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.FanOutBenchmark"
 * </pre>
 *
 * <p>Options (each also as an environment variable, e.g. {@code BENCH_ENTITIES}):
 *
 * <ul>
 *   <li>{@code --entities=10}, {@code --claims-per-entity=100000}, {@code --measured=10} (entities
 *       measured), {@code --layout=grouped} (each entity's claims stored one after the other) or
 *       {@code interleaved} (round robin over the entities, as claims arriving over time would be)
 *   <li>{@code --prewarm=true}, {@code --planner-sql=true}, {@code --refilings=0}
 *   <li>{@code --jdbc-url=jdbc:mysql://host:port/db} an existing <em>benchmark</em> database (never
 *       dropped): claims already loaded by an earlier {@code --keep=true} run with the same sizes
 *       are reused, and everything else that run wrote is deleted (all rows of rechecks, figures,
 *       reported_facts, reports, report_imports) and the comparison tables are made again; default:
 *       a fresh {@code claimwatch_bench_<epoch>} on {@code
 *       --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the end unless {@code --keep=true}
 *   <li>{@code --user=root}, {@code --password=}
 *   <li>{@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0} (0: a free port), {@code
 *       --java-opts="..."} JVM options for the service, {@code
 *       --service-log=target/bench-fanout-service.log}
 * </ul>
 */
public final class FanOutBenchmark {
  private static final String ENTITY_PREFIX = "FanOut Target ";
  private static final int SOURCES = 20;
  private static final String FILED = "2025-02-01";
  private static final String REPORTED = "10300000000";
  private static final String SECOND_FILED = "2025-03-01";
  private static final String SECOND_REPORTED = "10800000000";
  private static final Pattern FLAGGED = Pattern.compile("\"claimsFlagged\":(\\d+)");

  /**
   * The same flags as the planner's, written the plainest way (the raw side of the ratio: not the
   * planner's SQL, on purpose); the claim's columns from the claim, report and figure as constants,
   * one period judged, no deviation computed. It must write every column RecheckPlanner.insert
   * writes (db/migration V9, V16, V23): verify() fails a run in which the service fills a column
   * this leaves NULL (other than the deviation).
   */
  private static final String RAW_INSERT =
      "INSERT INTO rechecks_raw (claim_id, reason, report_id, figure_id, claimed_value,"
          + " claimed_value_high, claimed_qualifier, claimed_unit, metric, reported_value,"
          + " reported_unit, period_start, period_end, derivation, form, filed_on, deviation_pct,"
          + " outcome, created_by, created_at, open_slot, dedupe_key, priority, claim_version,"
          + " entity_id, periods, periods_outside)"
          + " SELECT c.id, ?, ?, ?, c.value, c.value_high, c.qualifier, c.unit, c.metric, ?,"
          + " 'USD', '2024-01-01', '2024-12-31', NULL, ?, ?, NULL, 'SUPPORTS', 'claimwatch', NOW(),"
          + " ?, CONCAT('report:', ?), c.priority, c.version, c.entity_id, 1, 0"
          + " FROM claims c WHERE c.entity_id = ? AND c.metric = 'revenue'";

  /** Before a second filing's flags: close the open figure flags of the same claims. */
  private static final String RAW_SUPERSEDE =
      "UPDATE rechecks_raw r JOIN claims c ON c.id = r.claim_id SET r.open_slot = NULL,"
          + " r.resolved_at = NOW(), r.resolved_by = 'claimwatch', r.resolution = 'SUPERSEDED'"
          + " WHERE c.entity_id = ? AND c.metric = 'revenue'"
          + " AND r.open_slot IN ('NEW_FILING', 'RESTATEMENT')";

  private static final String SCAN =
      "SELECT COUNT(*), SUM(c.value) FROM claims c WHERE c.entity_id = ? AND c.metric = 'revenue'";

  private static final String PLANNER_SUPERSEDE = onPlannerTable(PlannerSql.IMPORT_SUPERSEDE);
  private static final String PLANNER_INSERT = onPlannerTable(PlannerSql.IMPORT_INSERT);
  private static final String PLANNER_SELECT =
      "SELECT COUNT(*), SUM(x.cv) FROM (" + PlannerSql.IMPORT_CANDIDATES + ") x";

  private static final Qualifier[] QUALIFIERS = {
    Qualifier.EXACT, Qualifier.APPROX, Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.RANGE
  };

  /** Database server counters reported per operation. */
  private static final List<String> STATUS_COUNTERS =
      List.of(
          "Questions",
          "Handler_read_key",
          "Handler_read_next",
          "Handler_read_rnd",
          "Handler_read_rnd_next",
          "Handler_write",
          "Handler_update",
          "Handler_tmp_write",
          "Handler_tmp_update",
          "Created_tmp_tables",
          "Created_tmp_disk_tables",
          "Sort_rows",
          "Sort_merge_passes",
          "Innodb_buffer_pool_reads",
          "Innodb_data_written");

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Options o = Options.of(a);
    BenchService.fromArgs(a, "target/bench-fanout-service.log")
        .run(a, svc -> new Run(o, svc).run());
  }

  /** The benchmark's own options (the database and service ones are {@link BenchService}'s). */
  record Options(
      int entities,
      int claimsPerEntity,
      int measured,
      String layout,
      boolean prewarm,
      boolean plannerSql,
      int refilings) {
    static Options of(BenchArgs a) {
      Options o =
          new Options(
              a.integer("entities", 10),
              a.integer("claims-per-entity", 100_000),
              a.integer("measured", 10),
              a.string("layout", "grouped"),
              a.bool("prewarm", true),
              a.bool("planner-sql", true),
              a.integer("refilings", 0));
      if (!o.layout.equals("grouped") && !o.layout.equals("interleaved")) {
        throw new IllegalArgumentException("--layout must be grouped or interleaved");
      }
      if (o.entities < 1 || o.claimsPerEntity < 1 || o.measured < 1) {
        throw new IllegalArgumentException("--entities, --claims-per-entity, --measured >= 1");
      }
      return o;
    }
  }

  /**
   * The planner's statement on rechecks_planner instead of rechecks: every reference to the table
   * (the flags it updates or inserts, and those it looks up) renamed, nothing else.
   */
  private static String onPlannerTable(String sql) {
    Matcher m = Pattern.compile("\\b(UPDATE|JOIN|INTO|FROM)\\s+rechecks\\b").matcher(sql);
    if (!m.find()) {
      throw new IllegalStateException("The planner's SQL no longer names the table rechecks");
    }
    return m.replaceAll("$1 rechecks_planner");
  }

  static final class Run {
    private final Options o;
    private final BenchService svc;
    private final Connection jdbc;
    private Db.Counters counters;
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);
    private final List<Long> entityIds = new ArrayList<>();
    private String serviceMemory = "?";

    /** CPU the rest of the machine used while measuring (other builds, ...). */
    private String otherLoad = "?";

    private double loadSeconds = Double.NaN;
    private String sizes = "?";

    Run(Options o, BenchService svc) {
      this.o = o;
      this.svc = svc;
      this.jdbc = svc.jdbc();
    }

    void run() throws Exception {
      counters = svc.counters(STATUS_COUNTERS).calibrate();
      setUp();
      measure();
    }

    // --- set-up --------------------------------------------------------------------------------

    private void setUp() throws Exception {
      long wanted = (long) o.entities() * o.claimsPerEntity();
      long stored = count("SELECT COUNT(*) FROM claims");
      for (int k = 0; k < o.entities(); k++) {
        entityIds.add(svc.entity(ENTITY_PREFIX + (k + 1)));
      }
      if (stored == 0) {
        load();
      } else {
        for (int k = 0; k < o.entities(); k++) {
          long n =
              count(
                  "SELECT COUNT(*) FROM claims WHERE entity_id = "
                      + entityIds.get(k)
                      + " AND metric = 'revenue'");
          if (n != o.claimsPerEntity()) {
            throw new IllegalStateException(
                "The database has claims, but "
                    + n
                    + " (not "
                    + o.claimsPerEntity()
                    + ") for entity "
                    + entityIds.get(k)
                    + ": use a fresh database");
          }
        }
        log(
            "Reusing %,d stored claims; deleting the flags, reports and figures of earlier runs",
            stored);
        exec("TRUNCATE TABLE rechecks");
        for (String t : List.of("figures", "reported_facts", "reports", "report_imports")) {
          exec("DELETE FROM " + t);
        }
      }
      if (count("SELECT COUNT(*) FROM claims") < wanted) {
        throw new IllegalStateException("Fewer claims than wanted");
      }
      for (String t : List.of("rechecks_raw", "rechecks_planner")) {
        exec("DROP TABLE IF EXISTS " + t);
        exec("CREATE TABLE " + t + " LIKE rechecks");
        // LIKE copies columns and indexes, not foreign keys: add rechecks' one.
        exec(
            "ALTER TABLE "
                + t
                + " ADD CONSTRAINT fk_"
                + t
                + "_claim FOREIGN KEY (claim_id) REFERENCES claims (id)");
      }
      exec("ANALYZE TABLE claims, figures, rechecks, rechecks_raw, rechecks_planner");
      sizes = tableSizes();
      log("Tables: %s", sizes);
    }

    /** The claims, with the production writer (ClaimStore's statement, Precision's tolerance). */
    private void load() throws SQLException {
      long total = (long) o.entities() * o.claimsPerEntity();
      log(
          "Loading %,d claims (%d entities x %,d, %s) with JDBC",
          total, o.entities(), o.claimsPerEntity(), o.layout());
      List<Long> sourceIds =
          new ArrayList<>(
              Db.insertSources(jdbc, Db.newsSources(SOURCES, "revenue-outlook")).values());
      LocalDateTime statedAt = LocalDateTime.of(2024, 6, 1, 9, 0);
      LocalDate start = LocalDate.of(2024, 1, 1);
      LocalDate end = LocalDate.of(2024, 12, 31);
      loadSeconds =
          Db.loadClaims(
              jdbc,
              total,
              n -> {
                boolean interleaved = o.layout().equals("interleaved");
                int k = (int) (interleaved ? n % o.entities() : n / o.claimsPerEntity());
                int i = (int) (interleaved ? n / o.entities() : n % o.claimsPerEntity());
                Qualifier qualifier = QUALIFIERS[i % QUALIFIERS.length];
                BigDecimal value = BigDecimal.valueOf(value(i));
                BigDecimal high =
                    qualifier == Qualifier.RANGE
                        ? value.add(BigDecimal.valueOf(1_000_000_000L))
                        : null;
                return new BenchClaims.Spec(
                    String.format(Locale.ROOT, "fanout-%02d-%07d", k + 1, i),
                    String.format(
                        Locale.ROOT,
                        "Target %d expects revenue of USD %s for 2024, the chief executive told"
                            + " investors (item %d).",
                        k + 1,
                        value.toPlainString(),
                        i),
                    "en",
                    "Chief Executive Officer of Target " + (k + 1),
                    entityIds.get(k),
                    "revenue",
                    value,
                    high,
                    "USD",
                    qualifier,
                    start,
                    end,
                    Periodicity.NONE,
                    statedAt.plusMinutes(i % 600).toInstant(ZoneOffset.UTC),
                    sourceIds.get(i % sourceIds.size()),
                    ClaimStatus.UNVERIFIED,
                    50);
              });
      log("Loaded %,d claims in %.1f s", total, loadSeconds);
    }

    /**
     * A claimed revenue for claim {@code i}: 9 to 11.5 billion, stated to 100 millions, to
     * millions, to the dollar, or in round billions.
     */
    private static long value(int i) {
      return switch ((i / QUALIFIERS.length) % 4) {
        case 0 -> 9_000_000_000L + (i % 26) * 100_000_000L;
        case 1 -> 9_500_000_000L + (i * 7919L % 2_000) * 1_000_000L;
        case 2 -> 9_800_000_000L + (i * 104_729L % 1_000_000_007L);
        default -> (9 + i % 3) * 1_000_000_000L;
      };
    }

    // --- measurement ---------------------------------------------------------------------------

    private void measure() throws Exception {
      Series scan = new Series("scan, first (prewarm)");
      Series api = new Series("API request");
      Series raw = new Series("raw INSERT ... SELECT");
      Series supersede = new Series("planner UPDATE (supersede)");
      Series insert = new Series("planner INSERT ... SELECT");
      Series planner = new Series("planner SQL, both");
      Series select = new Series("planner SELECT only");
      Series scanWarm = new Series("scan, warm");
      Series drained = new Series("events out (after the API)");
      Probe whole = svc.probe(null);
      int measured = Math.min(o.measured(), o.entities());
      log(
          "Measuring %d entities (%,d claims each, %,d stored)",
          measured, o.claimsPerEntity(), count("SELECT COUNT(*) FROM claims"));
      for (int k = 0; k < measured; k++) {
        int entity = k;
        long entityId = entityIds.get(k);
        if (o.prewarm()) {
          timedQuery(scan, k, SCAN, ps -> ps.setLong(1, entityId));
        }
        long[] importId = {-1};
        Runs.alternate(
            k % 2 == 0,
            () -> {
              importId[0] =
                  apiReport(api, entity, entityId, "Annual report 2024", "10-K", FILED, REPORTED);
              drain(drained, entity);
            },
            () -> rawFlags(raw, entity, entityId, false));
        if (k == 0) {
          verifyRawColumns();
        }
        String line =
            String.format(
                Locale.ROOT,
                "Entity %d/%d (id %d, %s first): API %.0f ms, raw %.0f ms",
                k + 1,
                measured,
                entityId,
                k % 2 == 0 ? "API" : "raw",
                api.last().ms(),
                raw.last().ms());
        if (o.plannerSql()) {
          plannerSql(supersede, insert, planner, k, importId[0], entityId);
          timedQuery(
              select, k, PLANNER_SELECT, ps -> PlannerSql.bindImport(ps, 1, importId[0], entityId));
          timedQuery(scanWarm, k, SCAN, ps -> ps.setLong(1, entityId));
          line +=
              String.format(
                  Locale.ROOT,
                  ", planner SQL %.0f ms (UPDATE %.0f + INSERT %.0f), planner SELECT %.0f ms,"
                      + " scan %.0f ms",
                  planner.last().ms(),
                  supersede.last().ms(),
                  insert.last().ms(),
                  select.last().ms(),
                  scanWarm.last().ms());
        }
        log("%s", line);
      }
      Series refile = new Series("2nd filing: API request");
      Series rawRefile = new Series("2nd filing: raw UPDATE+INSERT");
      Series refileSupersede = new Series("2nd filing: planner UPDATE");
      Series refileInsert = new Series("2nd filing: planner INSERT");
      Series refilePlanner = new Series("2nd filing: planner SQL");
      for (int k = 0; k < Math.min(o.refilings(), measured); k++) {
        int entity = k;
        long entityId = entityIds.get(k);
        if (o.prewarm()) {
          timedQuery(new Series("scan"), k, SCAN, ps -> ps.setLong(1, entityId));
        }
        long[] importId = {-1};
        Runs.alternate(
            k % 2 == 0,
            () ->
                importId[0] =
                    apiReport(
                        refile,
                        entity,
                        entityId,
                        "Annual report 2024/A",
                        "10-K/A",
                        SECOND_FILED,
                        SECOND_REPORTED),
            () -> rawFlags(rawRefile, entity, entityId, true));
        String line =
            String.format(
                Locale.ROOT,
                "Second filing, entity %d (%s first): API %.0f ms, raw %.0f ms",
                k + 1,
                k % 2 == 0 ? "API" : "raw",
                refile.last().ms(),
                rawRefile.last().ms());
        if (o.plannerSql()) {
          plannerSql(refileSupersede, refileInsert, refilePlanner, k, importId[0], entityId);
          line +=
              String.format(
                  Locale.ROOT,
                  ", planner SQL %.0f ms (UPDATE %.0f + INSERT %.0f)",
                  refilePlanner.last().ms(),
                  refileSupersede.last().ms(),
                  refileInsert.last().ms());
        }
        log("%s", line);
      }
      otherLoad = whole.stop().otherLoad();
      verify(measured);
      sizes = tableSizes();
      serviceMemory = svc.serviceMemory();
      List<Series> kinds = new ArrayList<>(List.of(api, raw, drained));
      if (o.plannerSql()) {
        kinds.addAll(List.of(planner, supersede, insert, select));
      }
      if (o.prewarm()) {
        kinds.add(scan);
      }
      if (o.plannerSql()) {
        kinds.add(scanWarm);
      }
      if (!refile.isEmpty()) {
        kinds.addAll(List.of(refile, rawRefile));
        if (o.plannerSql()) {
          kinds.addAll(List.of(refilePlanner, refileSupersede, refileInsert));
        }
      }
      printSummary(kinds, api, raw, planner, refile, rawRefile);
    }

    /** POSTs a one-fact report; returns the import's id. */
    private long apiReport(
        Series kind, int k, long entityId, String title, String form, String filed, String value)
        throws Exception {
      String body =
          "{\"entityId\":"
              + entityId
              + ",\"title\":\""
              + title
              + " (bench "
              + startedAt.toEpochSecond(ZoneOffset.UTC)
              + ")\",\"form\":\""
              + form
              + "\",\"filedAt\":\""
              + filed
              + "\",\"facts\":[{\"metric\":\"revenue\",\"value\":\""
              + value
              + "\",\"unit\":\"USD\",\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\"}]}";
      HttpRequest req = svc.postJson("/api/v1/reports", body, Duration.ofSeconds(600));
      Probe p = svc.probe(counters);
      HttpResponse<String> r = svc.http().send(req, BenchService.ofString());
      Probe.Cost cost = p.stop();
      Matcher flagged = FLAGGED.matcher(r.body());
      if (r.statusCode() != 201 || !flagged.find()) {
        throw new IllegalStateException("POST /api/v1/reports: " + r.statusCode() + " " + r.body());
      }
      long n = Long.parseLong(flagged.group(1));
      if (n != o.claimsPerEntity()) {
        throw new IllegalStateException(
            "Expected claimsFlagged " + o.claimsPerEntity() + ", got " + r.body());
      }
      kind.add(k, n, cost);
      return BenchService.id(r);
    }

    /**
     * The raw side: one autocommitted INSERT ... SELECT of the entity's flags; for a second filing
     * ({@code second}) an UPDATE closing the open ones first, both in one transaction.
     */
    private void rawFlags(Series kind, int k, long entityId, boolean second) throws SQLException {
      long placeholderReport = (second ? 2_000_000L : 1_000_000L) + k;
      String reason = second ? "RESTATEMENT" : "NEW_FILING";
      try (PreparedStatement up = jdbc.prepareStatement(RAW_SUPERSEDE);
          PreparedStatement ps = jdbc.prepareStatement(RAW_INSERT)) {
        up.setLong(1, entityId);
        int i = 0;
        ps.setString(++i, reason);
        ps.setLong(++i, placeholderReport);
        ps.setLong(++i, placeholderReport);
        ps.setBigDecimal(++i, new BigDecimal(second ? SECOND_REPORTED : REPORTED));
        ps.setString(++i, second ? "10-K/A" : "10-K");
        ps.setString(++i, second ? SECOND_FILED : FILED);
        ps.setString(++i, reason);
        ps.setLong(++i, placeholderReport);
        ps.setLong(++i, entityId);
        Probe p = svc.probe(counters);
        int n;
        if (second) {
          n =
              Db.transaction(
                  jdbc,
                  () -> {
                    int closed = up.executeUpdate();
                    if (closed != o.claimsPerEntity()) {
                      throw new IllegalStateException("Raw UPDATE closed " + closed + " flags");
                    }
                    return ps.executeUpdate();
                  });
        } else {
          n = ps.executeUpdate(); // autocommit: includes the commit
        }
        Probe.Cost cost = p.stop();
        if (n != o.claimsPerEntity()) {
          throw new IllegalStateException("Raw INSERT ... SELECT wrote " + n + " rows");
        }
        kind.add(k, n, cost);
      }
    }

    /** The planner's UPDATE and INSERT, as RecheckPlanner runs them, in one transaction. */
    private void plannerSql(
        Series supersede, Series insert, Series both, int k, long importId, long entityId)
        throws SQLException {
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
      try (PreparedStatement up = jdbc.prepareStatement(PLANNER_SUPERSEDE);
          PreparedStatement in = jdbc.prepareStatement(PLANNER_INSERT)) {
        PlannerSql.bindImport(up, 1, importId, entityId);
        up.setObject(1 + PlannerSql.IMPORT_PARAMETERS, now);
        up.setLong(2 + PlannerSql.IMPORT_PARAMETERS, entityId);
        in.setString(1, "claimwatch");
        in.setObject(2, now);
        PlannerSql.bindImport(in, 3, importId, entityId);
        Probe.Cost[] laps = new Probe.Cost[2];
        int[] rows = new int[2];
        Db.transaction(
            jdbc,
            () -> {
              Probe p = svc.probe(counters);
              rows[0] = up.executeUpdate();
              laps[0] = p.lap();
              rows[1] = in.executeUpdate();
              jdbc.commit(); // timed with the INSERT; the helper's commit then has nothing to do
              laps[1] = p.lap();
              return null;
            });
        if (rows[1] != o.claimsPerEntity()) {
          throw new IllegalStateException("The planner's INSERT wrote " + rows[1] + " rows");
        }
        supersede.add(k, rows[0], laps[0]);
        insert.add(k, rows[1], laps[1]);
        both.add(k, rows[1], laps[0].plus(laps[1]));
      }
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
      void bind(PreparedStatement ps) throws SQLException;
    }

    private void timedQuery(Series kind, int k, String sql, Binder binder) throws SQLException {
      try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
        binder.bind(ps);
        Probe p = svc.probe(counters);
        long n;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          n = rs.getLong(1);
        }
        Probe.Cost cost = p.stop();
        if (n != o.claimsPerEntity()) {
          throw new IllegalStateException(kind.name + " counted " + n + " rows");
        }
        kind.add(k, n, cost);
      }
    }

    /**
     * Fails the run when the raw side no longer writes what the planner writes: a column of the
     * first claim's flag that the service filled and the raw side left NULL (or the other way).
     */
    private void verifyRawColumns() throws SQLException {
      String first = "claim_id = (SELECT MIN(claim_id) FROM rechecks_raw) ORDER BY id LIMIT 1";
      List<String> columns =
          new ArrayList<>(
              Db.nullsDiffer(
                  jdbc,
                  "SELECT * FROM rechecks WHERE " + first,
                  "SELECT * FROM rechecks_raw WHERE " + first));
      columns.remove("deviation_pct"); // the raw side computes none
      if (!columns.isEmpty()) {
        throw new IllegalStateException(
            "RAW_INSERT no longer writes the columns the planner writes: "
                + columns
                + "; make it follow RecheckPlanner.insert");
      }
      log("The raw side writes the columns the planner writes");
    }

    private void verify(int measured) {
      long expected = (long) measured * o.claimsPerEntity();
      long api = count("SELECT COUNT(*) FROM rechecks WHERE open_slot IS NOT NULL");
      long raw = count("SELECT COUNT(*) FROM rechecks_raw WHERE open_slot IS NOT NULL");
      log("Open flags: rechecks %,d, rechecks_raw %,d (expected %,d each)", api, raw, expected);
      if (api != expected || raw != expected) {
        throw new IllegalStateException("Flag counts do not match");
      }
      if (o.plannerSql()) {
        long planner = count("SELECT COUNT(*) FROM rechecks_planner WHERE open_slot IS NOT NULL");
        if (planner != expected) {
          throw new IllegalStateException("rechecks_planner has " + planner + " open flags");
        }
        // The planner's SQL over JDBC wrote the same flags as the service did.
        long differ =
            count(
                "SELECT COUNT(*) FROM rechecks r JOIN rechecks_planner p ON p.claim_id = r.claim_id"
                    + " AND p.dedupe_key = r.dedupe_key WHERE NOT (p.outcome <=> r.outcome"
                    + " AND p.deviation_pct <=> r.deviation_pct)");
        if (differ != 0) {
          throw new IllegalStateException(differ + " planner-SQL flags differ from the API's");
        }
      }
    }

    // --- summary -------------------------------------------------------------------------------

    private void printSummary(
        List<Series> kinds,
        Series api,
        Series raw,
        Series planner,
        Series refile,
        Series rawRefile) {
      StringBuilder out = new StringBuilder();
      int measured = api.samples.size();
      out.append('\n')
          .append("== Fan-out: a filing flags the claims it bears on ==\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s, database %s, innodb_buffer_pool_size %s%n",
                  BenchService.dateLine(startedAt),
                  Db.variable(jdbc, "VERSION()"),
                  Db.variable(jdbc, "@@innodb_buffer_pool_size")))
          .append(
              String.format(
                  Locale.ROOT,
                  "%,d claims stored (%d entities x %,d, %s; load %.1f s), %d entities measured,"
                      + " prewarm %s, service JVM options: %s%n",
                  count("SELECT COUNT(*) FROM claims"),
                  o.entities(),
                  o.claimsPerEntity(),
                  o.layout(),
                  loadSeconds,
                  measured,
                  o.prewarm(),
                  svc.javaOpts()))
          .append(String.format(Locale.ROOT, "tables at the end: %s%n%n", sizes));
      out.append(String.format(Locale.ROOT, "%-30s", "ms per entity"));
      for (int k = 0; k < measured; k++) {
        out.append(String.format(Locale.ROOT, " %7s", "#" + (k + 1)));
      }
      out.append(String.format(Locale.ROOT, " %9s %9s %9s%n", "median", "min", "max"));
      for (Series kind : kinds) {
        out.append(String.format(Locale.ROOT, "%-30s", kind.name));
        for (int k = 0; k < measured; k++) {
          out.append(
              kind.of(k)
                  .map(s -> String.format(Locale.ROOT, " %7.0f", s.ms()))
                  .orElse(String.format(Locale.ROOT, " %7s", "")));
        }
        out.append(
            String.format(
                Locale.ROOT,
                " %9.0f %9.0f %9.0f%n",
                kind.median(),
                Stats.min(kind.ms()),
                Stats.max(kind.ms())));
      }
      out.append("\nper operation, median: CPU ms of the service and the database server\n");
      for (Series kind : List.of(api, raw, planner, refile, rawRefile)) {
        if (kind.isEmpty()) {
          continue;
        }
        out.append(
            String.format(
                Locale.ROOT,
                "  %-28s service %6.0f   MariaDB %6.0f%n",
                kind.name,
                kind.median(s -> s.cost().serviceCpuMs()),
                kind.median(s -> s.cost().dbCpuMs())));
      }
      out.append(
          "\ndatabase server counters per operation, median (SHOW GLOBAL STATUS deltas, less what reading them adds):\n");
      Series.counterTable(out, STATUS_COUNTERS, kinds, 28, " %14.14s");
      out.append(BenchService.footer(serviceMemory, otherLoad));
      double ratio = api.median() / raw.median();
      out.append('\n');
      ratio(out, "API/raw", api, raw);
      if (!planner.isEmpty()) {
        ratio(out, "planner SQL/raw", planner, raw);
      }
      if (!refile.isEmpty()) {
        ratio(out, "second filing API/raw", refile, rawRefile);
      }
      double apiMax = Stats.max(api.ms());
      out.append(
          String.format(
              Locale.ROOT,
              "%ngoal all %,d flagged within 3 s: %s (median %.0f ms, max %.0f ms)%n",
              o.claimsPerEntity(),
              apiMax <= 3000 ? "MET" : api.median() <= 3000 ? "MET at the median only" : "NOT MET",
              api.median(),
              apiMax));
      out.append(
          String.format(
              Locale.ROOT,
              "goal API <= 2 x raw INSERT ... SELECT: %s (%.2f)%n",
              BenchService.met(ratio <= 2),
              ratio));
      System.out.println(out);
    }

    private static void ratio(StringBuilder out, String name, Series a, Series b) {
      out.append(
          String.format(
              Locale.ROOT,
              "ratio %s (medians): %.2f; per entity: %s%n",
              name,
              a.median() / b.median(),
              a.ratios(b)));
    }

    private String tableSizes() {
      return Db.tableSizes(jdbc, "claims", "rechecks", "rechecks_raw", "rechecks_planner");
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * Waits until the webhook outbox has no event left to fan out (the flags' claim.recheck_flagged
     * events, expanded by the dispatcher after the API request committed), so the next measurement
     * does not share the machine with it; the wait is reported.
     */
    private void drain(Series kind, int entity) throws InterruptedException {
      long t0 = System.nanoTime();
      long deadline = t0 + Duration.ofSeconds(300).toNanos();
      while (count("SELECT COUNT(*) FROM outbox_events WHERE fanned_out = 0") > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("outbox not drained in 300 s");
        }
        Thread.sleep(20);
      }
      long waited = System.nanoTime() - t0;
      kind.add(entity, 0, new Probe.Cost(waited, 0, 0, 0, 0, Map.of()));
    }

    private long count(String sql) {
      return Db.count(jdbc, sql);
    }

    private void exec(String sql) throws SQLException {
      Db.exec(jdbc, sql);
    }
  }
}
