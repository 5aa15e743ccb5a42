package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Start-up time and idle memory of the packaged service, under several sets of JVM options. A
 * program run by hand, not a test.
 *
 * <p>For each launch of {@code java [options] -jar target/claimwatch-0.1.0.jar} against a MariaDB
 * database whose migrations a first, untimed launch has already applied, it measures:
 *
 * <ol>
 *   <li>the wall time from starting the process to the first 200 on {@code GET /health};
 *   <li>the "Startup completed in Xms" figure the service logs;
 *   <li>the CPU time (user + system, all threads, /proc/&lt;pid&gt;/stat) the process had used by
 *       its first 200: unlike the wall time, it hardly moves when other processes take the cores,
 *       so it compares two jars side by side on a busy machine;
 *   <li>the resident set size (VmRSS in /proc/&lt;pid&gt;/status) after {@code --idle-seconds} (10)
 *       of idling once ready, and the peak (VmHWM).
 * </ol>
 *
 * Launches of the option sets are interleaved (run 1 of every set, then run 2, ...). Sets with
 * AppCDS first make their archive with one extra launch ({@code -XX:ArchiveClassesAtExit}, or
 * {@code docker/cds-archive.sh} for {@code image}). Build the jar first ({@code mvn -q -DskipTests
 * package}), then:
 *
 * <pre>
 * mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.StartupBenchmark --runs=5"
 * </pre>
 *
 * Options: {@code --runs=5}, {@code --idle-seconds=10}, {@code
 * --sets=default,tuned,cds,tuned-cds,production} (names below, or {@code --set.NAME="-X... -X..."}
 * to add one; {@code production} is the Docker image's launch: its JAVA_TOOL_OPTIONS and the AppCDS
 * archive of {@code docker/entrypoint.sh}; {@code pod} the same with the 1 GiB memory limit of the
 * Kubernetes pod, {@code -XX:MaxRAM=1g}; {@code image} the production options with the archive the
 * image ships, made as {@code docker/Dockerfile} makes it, by {@code docker/cds-archive.sh}: a
 * launch trained on a few requests rather than one stopped when idle), {@code --other-jar=PATH}
 * (every set again with that jar, named {@code other-SET}, interleaved with the first: two builds
 * side by side in one run), {@code --jdbc-url=} (default: a fresh {@code
 * claimwatch_startup_<epoch>} on {@code --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the
 * end unless {@code --keep=true}), {@code --user=root}, {@code --password=}, {@code
 * --jar=target/claimwatch-0.1.0.jar}.
 */
public final class StartupBenchmark {
  private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
  private static final String TUNED =
      "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1";

  /** docker/Dockerfile's JAVA_TOOL_OPTIONS; docker/entrypoint.sh adds the AppCDS archive. */
  private static final String PRODUCTION = "-XX:+UseSerialGC -XX:MaxRAMPercentage=65 -Xms80m";

  /**
   * The production launch as the JVM sees it in the pod of docker/k8s: a memory limit of 1 GiB (the
   * JVM sizes its heap from the container's limit, not the host's memory; MaxRAM says the same
   * outside a container).
   */
  private static final String POD = PRODUCTION + " -XX:MaxRAM=1g";

  private StartupBenchmark() {}

  /**
   * A named set of JVM options; {@code cdsArchive} non-null: make and use an AppCDS archive; {@code
   * jar} null: the benchmark's {@code --jar}.
   */
  record OptionSet(String name, List<String> options, Path cdsArchive, Path jar, boolean trained) {
    OptionSet(String name, List<String> options, Path cdsArchive) {
      this(name, options, cdsArchive, null, false);
    }

    OptionSet with(Path otherJar) {
      Path archive =
          cdsArchive == null ? null : Path.of(cdsArchive.toString().replace(".jsa", "-other.jsa"));
      return new OptionSet("other-" + name, options, archive, otherJar, trained);
    }

    List<String> runOptions() {
      List<String> all = new ArrayList<>(options);
      if (cdsArchive != null) {
        all.add("-XX:SharedArchiveFile=" + cdsArchive);
      }
      return all;
    }
  }

  /** One launch's figures; a figure is -1 when it could not be had. */
  /**
   * One launch: wall time to the first 200, the logged start-up, the CPU time (user + system, all
   * threads) the process had used when it answered, and memory after the idle wait.
   */
  record Launch(long readyMs, long loggedMs, long cpuMs, long rssKb, long peakRssKb) {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int runs = a.integer("runs", 5);
    int idleSeconds = a.integer("idle-seconds", 10);
    Map<String, OptionSet> known = new LinkedHashMap<>();
    known.put("default", new OptionSet("default", List.of(), null));
    known.put("tuned", new OptionSet("tuned", BenchArgs.split(TUNED), null));
    known.put("cds", new OptionSet("cds", List.of(), Path.of("target/app.jsa")));
    known.put(
        "tuned-cds",
        new OptionSet("tuned-cds", BenchArgs.split(TUNED), Path.of("target/app-tuned.jsa")));
    known.put(
        "production",
        new OptionSet(
            "production", BenchArgs.split(PRODUCTION), Path.of("target/app-production.jsa")));
    known.put("pod", new OptionSet("pod", BenchArgs.split(POD), Path.of("target/app-pod.jsa")));
    known.put(
        "image",
        new OptionSet(
            "image", BenchArgs.split(PRODUCTION), Path.of("target/app-image.jsa"), null, true));
    a.withPrefix("set.", "'-X... -X...' (an option set NAME to name in --sets)")
        .forEach(
            (name, options) ->
                known.put(name, new OptionSet(name, BenchArgs.split(options), null)));
    List<OptionSet> sets = new ArrayList<>();
    for (String name : a.list("sets", "default,tuned,cds,tuned-cds,production")) {
      OptionSet s = known.get(name);
      if (s == null) {
        throw new IllegalArgumentException("Unknown option set " + name + "; known: " + known);
      }
      sets.add(s);
    }
    String otherJar = a.string("other-jar", "");
    if (!otherJar.isEmpty()) {
      for (int i = sets.size() - 1; i >= 0; i--) {
        sets.add(i + 1, sets.get(i).with(Path.of(otherJar)));
      }
    }
    BenchService db = BenchService.databaseFromArgs(a, "claimwatch_startup_");
    a.done();

    LocalDateTime date = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    Map<String, List<Launch>> results = new LinkedHashMap<>();
    try (db) {
      db.prepareDatabase();
      Launcher launcher = new Launcher(db);
      launcher.warmUpClient();
      Launch first = launcher.launch("migrate", null, List.of(), 0);
      log("First launch (applies the migrations, not counted): ready in %d ms", first.readyMs());
      for (OptionSet s : sets) {
        if (s.cdsArchive() != null) {
          Files.deleteIfExists(s.cdsArchive());
          if (s.trained()) {
            train(db, s);
          } else {
            List<String> dump = new ArrayList<>(s.options());
            dump.add("-XX:ArchiveClassesAtExit=" + s.cdsArchive());
            Launch l = launcher.launch(s.name() + "-dump", s.jar(), dump, 2);
            log("A launch that was ready in %d ms made the archive", l.readyMs());
          }
          if (!Files.isRegularFile(s.cdsArchive())) {
            throw new IllegalStateException("No archive at " + s.cdsArchive());
          }
          log("Made %s (%d MB)", s.cdsArchive(), Files.size(s.cdsArchive()) >> 20);
        }
        results.put(s.name(), new ArrayList<>());
      }
      for (int run = 1; run <= runs; run++) {
        for (OptionSet s : sets) {
          Launch l = launcher.launch(s.name(), s.jar(), s.runOptions(), idleSeconds);
          results.get(s.name()).add(l);
          log(
              "run %d/%d %-10s ready %5d ms, logged %5d ms, CPU %5d ms, RSS %4d MB (peak %4d MB)",
              run,
              runs,
              s.name(),
              l.readyMs(),
              l.loggedMs(),
              l.cpuMs(),
              l.rssKb() >> 10,
              l.peakRssKb() >> 10);
        }
      }
    }
    printSummary(date, runs, idleSeconds, sets, results);
  }

  /**
   * Makes the set's archive as the image build does: docker/cds-archive.sh with the set's options
   * as JAVA_TOOL_OPTIONS (the image's ENV), on the benchmark's database.
   */
  private static void train(BenchService db, OptionSet s) throws Exception {
    Path logFile = Path.of("target/bench-startup-" + s.name() + "-train.log");
    Path jar = s.jar() != null ? s.jar() : Path.of(db.jar());
    Process p =
        db.run(
            List.of("sh", "docker/cds-archive.sh", s.cdsArchive().toString()),
            BenchService.freePort(),
            Map.of(
                "JAVA_TOOL_OPTIONS",
                String.join(" ", s.options()),
                "CLAIMWATCH_JAR",
                jar.toString()),
            logFile);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("docker/cds-archive.sh failed; see " + logFile);
    }
  }

  private static void printSummary(
      LocalDateTime date,
      int runs,
      int idleSeconds,
      List<OptionSet> sets,
      Map<String, List<Launch>> results) {
    StringBuilder out = new StringBuilder("\n== Start-up and idle memory ==\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s; %d runs per set, RSS after %d s idle; median [min-max]%n%n",
            BenchService.dateLine(date),
            runs,
            idleSeconds));
    out.append(
        String.format(
            Locale.ROOT,
            "%-10s %-20s %-20s %-20s %-18s %-18s%n",
            "set",
            "to /health 200 (ms)",
            "logged start (ms)",
            "CPU at ready (ms)",
            "RSS idle (MB)",
            "RSS peak (MB)"));
    for (OptionSet s : sets) {
      List<Launch> ls = results.get(s.name());
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s %-20s %-20s %-20s %-18s %-18s%n",
              s.name(),
              stats(ls.stream().map(Launch::readyMs).toList(), 0),
              stats(ls.stream().map(Launch::loggedMs).toList(), 0),
              stats(ls.stream().map(Launch::cpuMs).toList(), 0),
              stats(ls.stream().map(Launch::rssKb).toList(), 10),
              stats(ls.stream().map(Launch::peakRssKb).toList(), 10)));
    }
    out.append('\n');
    for (OptionSet s : sets) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s %s%n",
              s.name(),
              s.runOptions().isEmpty() ? "(no options)" : String.join(" ", s.runOptions())));
    }
    out.append("\nGoals: ready <= 1500 ms, RSS idle <= 200 MB (medians)\n");
    for (OptionSet s : sets) {
      List<Launch> ls = results.get(s.name());
      long ready = (long) Stats.median(ls.stream().map(Launch::readyMs).toList());
      long rssMb = (long) Stats.median(ls.stream().map(Launch::rssKb).toList()) >> 10;
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s ready %s (%d ms), RSS %s (%d MB)%n",
              s.name(),
              BenchService.met(ready <= 1500),
              ready,
              BenchService.met(rssMb <= 200),
              rssMb));
    }
    System.out.println(out);
  }

  /** "median [min-max]", values shifted right by {@code shift} bits (10: KB to MB). */
  private static String stats(List<Long> values, int shift) {
    return String.format(
        Locale.ROOT,
        "%d [%d-%d]",
        (long) Stats.median(values) >> shift,
        (long) Stats.min(values) >> shift,
        (long) Stats.max(values) >> shift);
  }

  /** Starts the service, times it to ready, samples its memory, stops it. */
  static final class Launcher {
    private final BenchService db;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private Process current;

    Launcher(BenchService db) {
      this.db = db;
      db.onStop(this::stop);
    }

    /** Loads the HTTP client's classes before any launch is timed. */
    void warmUpClient() throws Exception {
      int port = BenchService.freePort();
      for (int i = 0; i < 20; i++) {
        BenchService.healthy(http, port);
      }
    }

    Launch launch(String label, Path jar, List<String> jvmOptions, int idleSeconds)
        throws Exception {
      int port = BenchService.freePort();
      Path logFile = Path.of("target/bench-startup-" + label + ".log");
      long t0 = System.nanoTime();
      Process p = db.launch(jar, jvmOptions, port, Map.of(), logFile);
      current = p;
      try {
        BenchService.awaitHealth(http, p, port, logFile, 10);
        long readyMs = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = Proc.cpuMs(p.pid());
        long loggedMs = -1;
        for (int i = 0; i < 100 && loggedMs < 0; i++) {
          Matcher m = STARTUP.matcher(Files.readString(logFile));
          if (m.find()) {
            loggedMs = Long.parseLong(m.group(1));
          } else {
            Thread.sleep(20);
          }
        }
        Thread.sleep(idleSeconds * 1000L);
        Map<String, Long> status = Proc.status(p.pid());
        return new Launch(
            readyMs,
            loggedMs,
            cpuMs,
            status.getOrDefault("VmRSS", -1L),
            status.getOrDefault("VmHWM", -1L));
      } finally {
        stop();
      }
    }

    synchronized void stop() {
      Process p = current;
      if (p != null) {
        current = null;
        BenchService.stop(p);
      }
    }
  }
}
