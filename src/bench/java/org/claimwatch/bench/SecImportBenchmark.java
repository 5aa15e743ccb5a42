package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final String PATH = "/api/v1/reports/sec-companyfacts";
  private static final Pattern HEAD =
      Pattern.compile("^\\{\\s*\"cik\"\\s*:\\s*(\\d+)\\s*,\\s*\"entityName\"\\s*:\\s*\"([^\"]*)\"");
  // The JDBC reference's statement: plain JDBC of the rows a fresh import adds, written out here on
  // purpose, so it must follow the production statement (FactStore.INSERT, the columns of
  // db/migration V6's reported_facts).
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
    BenchArgs a = BenchArgs.parse(args);
    Options o = Options.of(a);
    BenchService svc = BenchService.fromArgs(a, "target/bench-sec-service.log");
    Run run = new Run(o, svc);
    run.loadFixture();
    svc.run(a, s -> run.measure());
  }

  /** The benchmark's own options (the database and service ones are {@link BenchService}'s). */
  record Options(String fixture, int warmup, int runs, boolean freshAccessions) {
    static Options of(BenchArgs a) {
      Options o =
          new Options(
              a.string(
                  "fixture",
                  "src/test/resources/fixtures/sec/companyfacts_CIK0000320193_apple_fetched-2026-03-21.json"),
              a.integer("warmup", 3),
              a.integer("runs", 5),
              a.bool("fresh-accessions", true));
      if (o.runs < 1 || o.warmup < 0) {
        throw new IllegalArgumentException("--runs must be >= 1 and --warmup >= 0");
      }
      return o;
    }
  }

  static final class Run {
    private final Options o;
    private final BenchService svc;
    private Connection jdbc;
    private Db.Counters counters;
    private final LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);

    /** Five digits that keep this run's CIKs, names and accession numbers apart from others'. */
    private final long runTag = System.currentTimeMillis() / 1000 % 100_000;

    private String template;
    private long templateCik;
    private String templateName;
    private int documents;
    private String serviceMemory = "?";

    /** CPU the rest of the machine used while measuring (other builds, ...). */
    private String otherLoad = "?";

    Run(Options o, BenchService svc) {
      this.o = o;
      this.svc = svc;
    }

    // --- documents -----------------------------------------------------------------------------

    private void loadFixture() throws IOException {
      Path f = Path.of(o.fixture());
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
      if (o.freshAccessions()) {
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
      jdbc = svc.jdbc();
      counters = svc.counters(STATUS_COUNTERS);
      Series fresh = new Series("fresh import");
      Series again = new Series("re-import");
      Series tiny = new Series("tiny import");
      Series parse = new Series("parse only (422)");
      int tinyNo = 0;
      Series facts = new Series("JDBC facts insert");
      long refEntity = svc.entity("SEC import JDBC reference " + runTag);
      log(
          "Warm-up: %d fresh imports (+ as many tiny imports, parse-only requests and JDBC inserts)",
          o.warmup());
      for (int i = 0; i < o.warmup(); i++) {
        Series.Sample s = send(freshDocument(documents++), "", 201, null);
        log("  warm-up %d: %.0f ms %s", i + 1, s.ms(), s.notes().getOrDefault("factsAdded", ""));
        send(tinyDocument(tinyNo++), "", 201, null);
        send(freshDocument(documents++), "?cik=1", 422, null);
        insertFacts(freshDocument(documents++), refEntity, -1 - i, null);
      }
      Probe whole = svc.probe(null);
      log("Measuring: %d rounds of fresh, re-import, tiny, parse-only", o.runs());
      for (int r = 0; r < o.runs(); r++) {
        byte[] doc = freshDocument(documents++);
        Series.Sample f = send(doc, "", 201, fresh);
        Series.Sample a = send(doc, "", 201, again);
        Series.Sample t = send(tinyDocument(tinyNo++), "", 201, tiny);
        Series.Sample p = send(freshDocument(documents++), "?cik=1", 422, parse);
        Series.Sample j = insertFacts(doc, refEntity, r, facts);
        log(
            "Round %d/%d: fresh %.0f ms, re-import %.0f ms, tiny %.0f ms, parse only %.0f ms, JDBC"
                + " facts insert %.0f ms",
            r + 1, o.runs(), f.ms(), a.ms(), t.ms(), p.ms(), j.ms());
        check(f, false);
        check(a, true);
      }
      otherLoad = whole.stop().otherLoad();
      serviceMemory = svc.serviceMemory();
      printSummary(List.of(fresh, again, tiny, parse, facts));
    }

    /**
     * The facts of {@code doc}, inserted as FactStore inserts them, for entity {@code entityId}.
     */
    private Series.Sample insertFacts(byte[] doc, long entityId, int round, Series kind)
        throws Exception {
      SecCompanyFacts.Document d = SecCompanyFacts.read(new ByteArrayInputStream(doc));
      long reportId = Db.count(jdbc, "SELECT MIN(id) FROM reports");
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
      Probe p = svc.probe(kind == null ? null : counters);
      Db.transaction(
          jdbc,
          () -> {
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
            }
            return null;
          });
      Series.Sample s =
          new Series.Sample(
              round,
              d.facts().size(),
              p.stop(),
              Map.of("rows", Integer.toString(d.facts().size())));
      if (kind != null) {
        kind.add(s);
      }
      return s;
    }

    private static void check(Series.Sample s, boolean reimport) {
      long added = Long.parseLong(s.notes().getOrDefault("factsAdded", "-1"));
      if (reimport ? added != 0 : added <= 0) {
        throw new IllegalStateException(
            (reimport ? "Re-import" : "Fresh import") + " added " + added + " facts: " + s);
      }
    }

    private Series.Sample send(byte[] body, String query, int expected, Series kind)
        throws Exception {
      HttpRequest req =
          svc.request(PATH + query, Duration.ofSeconds(300))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      Probe p = svc.probe(kind == null ? null : counters);
      HttpResponse<String> r = svc.http().send(req, BenchService.ofString());
      Probe.Cost cost = p.stop();
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
      Series.Sample s = new Series.Sample(0, 0, cost, counts);
      if (kind != null) {
        kind.add(s);
      }
      return s;
    }

    private static String whole(double v) {
      return String.format(Locale.ROOT, "%.0f", v);
    }

    private void printSummary(List<Series> kinds) {
      StringBuilder out = new StringBuilder();
      out.append('\n')
          .append("== SEC companyfacts import ==\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s, database %s%n",
                  BenchService.dateLine(startedAt),
                  Db.variable(jdbc, "VERSION()")))
          .append(
              String.format(
                  Locale.ROOT,
                  "fixture %s (%d bytes), %d warm-up fresh imports, %d measured rounds, fresh"
                      + " accession numbers: %s, service JVM options: %s%n%n",
                  o.fixture(),
                  template.getBytes(StandardCharsets.UTF_8).length,
                  o.warmup(),
                  o.runs(),
                  o.freshAccessions(),
                  svc.javaOpts()));
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %-24s %-14s %-14s %s%n",
              "request",
              "wall ms med [min-max]",
              "service CPU ms",
              "MariaDB CPU ms",
              "response counts (last)"));
      for (Series k : kinds) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-18s %-24s %-14s %-14s %s%n",
                k.name,
                Stats.medianRange(k.values(Series.Sample::ms)),
                whole(k.median(s -> s.cost().serviceCpuMs())),
                svc.database().isPresent() ? whole(k.median(s -> s.cost().dbCpuMs())) : "-",
                k.samples.isEmpty() ? "" : k.samples.get(k.samples.size() - 1).notes()));
      }
      out.append("\ndatabase server counters per request, median (SHOW GLOBAL STATUS deltas):\n");
      Series.counterTable(out, STATUS_COUNTERS, kinds, 24, " %18s");
      out.append(BenchService.footer(serviceMemory, otherLoad));
      double freshMedian = Stats.median(kinds.get(0).values(Series.Sample::ms));
      double freshMax = Stats.max(kinds.get(0).values(Series.Sample::ms));
      out.append(
          String.format(
              Locale.ROOT,
              "%ngoal fresh import <= 2 s warm: %s (median %.0f ms, max %.0f ms)%n",
              freshMax <= 2000 ? "MET" : freshMedian <= 2000 ? "MET at the median only" : "NOT MET",
              freshMedian,
              freshMax));
      System.out.println(out);
    }
  }
}
