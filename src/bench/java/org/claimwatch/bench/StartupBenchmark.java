package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.freePort;
import static org.claimwatch.bench.BenchService.log;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 *   <li>the resident set size (VmRSS in /proc/&lt;pid&gt;/status) after {@code --idle-seconds} (10)
 *       of idling once ready, and the peak (VmHWM).
 * </ol>
 *
 * Launches of the option sets are interleaved (run 1 of every set, then run 2, ...). Sets with
 * AppCDS first make their archive with one extra launch ({@code -XX:ArchiveClassesAtExit}). Build
 * the jar first ({@code mvn -q -DskipTests package}), then:
 *
 * <pre>
 * mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.StartupBenchmark --runs=5"
 * </pre>
 *
 * Options: {@code --runs=5}, {@code --idle-seconds=10}, {@code --sets=default,tuned,cds,tuned-cds}
 * (names below, or {@code --set.NAME="-X... -X..."} to add one), {@code --jdbc-url=} (default: a
 * fresh {@code claimwatch_startup_<epoch>} on {@code --server-url=jdbc:mysql://127.0.0.1:3306/},
 * dropped at the end unless {@code --keep=true}), {@code --user=root}, {@code --password=}, {@code
 * --jar=target/claimwatch-0.1.0.jar}.
 */
public final class StartupBenchmark {
  private static final String TOKEN = "bench-admin-token-0123456789abcdef";
  private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
  private static final String TUNED =
      "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1";

  private StartupBenchmark() {}

  /** A named set of JVM options; {@code cdsArchive} non-null: make and use an AppCDS archive. */
  record OptionSet(String name, List<String> options, Path cdsArchive) {
    List<String> runOptions() {
      List<String> all = new ArrayList<>(options);
      if (cdsArchive != null) {
        all.add("-XX:SharedArchiveFile=" + cdsArchive);
      }
      return all;
    }
  }

  /** One launch's figures; a figure is -1 when it could not be had. */
  record Launch(long readyMs, long loggedMs, long rssKb, long peakRssKb) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parseArgs(args);
    int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
    int idleSeconds = Integer.parseInt(opts.getOrDefault("idle-seconds", "10"));
    String serverUrl = opts.getOrDefault("server-url", "jdbc:mysql://127.0.0.1:3306/");
    String user = opts.getOrDefault("user", "root");
    String password = opts.getOrDefault("password", "");
    boolean keep = Boolean.parseBoolean(opts.getOrDefault("keep", "false"));
    Path jar = Path.of(opts.getOrDefault("jar", "target/claimwatch-0.1.0.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: run `mvn -q -DskipTests package` first");
    }

    Map<String, OptionSet> known = new LinkedHashMap<>();
    known.put("default", new OptionSet("default", List.of(), null));
    known.put("tuned", new OptionSet("tuned", split(TUNED), null));
    known.put("cds", new OptionSet("cds", List.of(), Path.of("target/app.jsa")));
    known.put(
        "tuned-cds", new OptionSet("tuned-cds", split(TUNED), Path.of("target/app-tuned.jsa")));
    for (Map.Entry<String, String> e : opts.entrySet()) {
      if (e.getKey().startsWith("set.")) {
        String name = e.getKey().substring(4);
        known.put(name, new OptionSet(name, split(e.getValue()), null));
      }
    }
    List<OptionSet> sets = new ArrayList<>();
    for (String name : opts.getOrDefault("sets", "default,tuned,cds,tuned-cds").split(",")) {
      OptionSet s = known.get(name.strip());
      if (s == null) {
        throw new IllegalArgumentException("Unknown option set " + name + "; known: " + known);
      }
      sets.add(s);
    }

    String database = opts.get("jdbc-url");
    String created = null;
    if (database == null || database.isBlank()) {
      created = "claimwatch_startup_" + Instant.now().getEpochSecond();
      try (Connection c = DriverManager.getConnection(withProps(serverUrl), user, password);
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE DATABASE `" + created + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      database = (serverUrl.endsWith("/") ? serverUrl : serverUrl + "/") + created;
      log("Created database %s", database);
    }
    Launcher launcher = new Launcher(jar, database, user, password);
    LocalDateTime date = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    Map<String, List<Launch>> results = new LinkedHashMap<>();
    try {
      launcher.warmUpClient();
      Launch first = launcher.launch("migrate", List.of(), 0);
      log("First launch (applies the migrations, not counted): ready in %d ms", first.readyMs());
      for (OptionSet s : sets) {
        if (s.cdsArchive() != null) {
          Files.deleteIfExists(s.cdsArchive());
          List<String> dump = new ArrayList<>(s.options());
          dump.add("-XX:ArchiveClassesAtExit=" + s.cdsArchive());
          Launch l = launcher.launch(s.name() + "-dump", dump, 2);
          if (!Files.isRegularFile(s.cdsArchive())) {
            throw new IllegalStateException("No archive at " + s.cdsArchive() + " after a dump");
          }
          log(
              "Made %s (%d MB) with a launch that was ready in %d ms",
              s.cdsArchive(), Files.size(s.cdsArchive()) >> 20, l.readyMs());
        }
        results.put(s.name(), new ArrayList<>());
      }
      for (int run = 1; run <= runs; run++) {
        for (OptionSet s : sets) {
          Launch l = launcher.launch(s.name(), s.runOptions(), idleSeconds);
          results.get(s.name()).add(l);
          log(
              "run %d/%d %-10s ready %5d ms, logged %5d ms, RSS %4d MB (peak %4d MB)",
              run, runs, s.name(), l.readyMs(), l.loggedMs(), l.rssKb() >> 10, l.peakRssKb() >> 10);
        }
      }
    } finally {
      launcher.stop();
      if (created != null && !keep) {
        try (Connection c = DriverManager.getConnection(withProps(serverUrl), user, password);
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS `" + created + "`");
          log("Dropped database %s", created);
        } catch (SQLException e) {
          log("Could not drop database %s: %s", created, e.getMessage());
        }
      }
    }
    printSummary(date, runs, idleSeconds, sets, results);
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
            "date %s UTC, %d cores, Java %s; %d runs per set, RSS after %d s idle;"
                + " median [min-max]%n%n",
            date,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            runs,
            idleSeconds));
    out.append(
        String.format(
            Locale.ROOT,
            "%-10s %-20s %-20s %-18s %-18s%n",
            "set",
            "to /health 200 (ms)",
            "logged start (ms)",
            "RSS idle (MB)",
            "RSS peak (MB)"));
    for (OptionSet s : sets) {
      List<Launch> ls = results.get(s.name());
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s %-20s %-20s %-18s %-18s%n",
              s.name(),
              stats(ls.stream().map(Launch::readyMs).toList(), 0),
              stats(ls.stream().map(Launch::loggedMs).toList(), 0),
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
      long ready = median(ls.stream().map(Launch::readyMs).toList());
      long rssMb = median(ls.stream().map(Launch::rssKb).toList()) >> 10;
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s ready %s (%d ms), RSS %s (%d MB)%n",
              s.name(),
              ready <= 1500 ? "MET" : "NOT MET",
              ready,
              rssMb <= 200 ? "MET" : "NOT MET",
              rssMb));
    }
    System.out.println(out);
  }

  /** "median [min-max]", values shifted right by {@code shift} bits (10: KB to MB). */
  private static String stats(List<Long> values, int shift) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format(
        Locale.ROOT,
        "%d [%d-%d]",
        median(v) >> shift,
        v.get(0) >> shift,
        v.get(v.size() - 1) >> shift);
  }

  private static long median(List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  /** Starts the service, times it to ready, samples its memory, stops it. */
  static final class Launcher {
    private final Path jar;
    private final String database;
    private final String user;
    private final String password;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private Process current;

    Launcher(Path jar, String database, String user, String password) {
      this.jar = jar;
      this.database = database;
      this.user = user;
      this.password = password;
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "bench-stop-service"));
    }

    /** Loads the HTTP client's classes before any launch is timed. */
    void warmUpClient() throws Exception {
      int port = freePort();
      for (int i = 0; i < 20; i++) {
        ready(port);
      }
    }

    Launch launch(String label, List<String> jvmOptions, int idleSeconds) throws Exception {
      int port = freePort();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(jvmOptions);
      cmd.add("-jar");
      cmd.add(jar.toString());
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("DATASOURCES_DEFAULT_URL", database);
      pb.environment().put("DATASOURCES_DEFAULT_USERNAME", user);
      pb.environment().put("DATASOURCES_DEFAULT_PASSWORD", password);
      pb.environment().put("CLAIMWATCH_ADMIN_TOKEN", TOKEN);
      pb.environment().put("CLAIMWATCH_PORT", Integer.toString(port));
      Path logFile = Path.of("target/bench-startup-" + label + ".log");
      pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
      long t0 = System.nanoTime();
      Process p = pb.start();
      current = p;
      try {
        long deadline = t0 + Duration.ofSeconds(90).toNanos();
        while (!ready(port)) {
          if (!p.isAlive()) {
            throw new IllegalStateException(
                "The service exited with " + p.exitValue() + "; see " + logFile);
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("No 200 on /health within 90 s; see " + logFile);
          }
          Thread.sleep(10);
        }
        long readyMs = (System.nanoTime() - t0) / 1_000_000;
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
        Map<String, Long> status = procStatus(p.pid());
        return new Launch(
            readyMs,
            loggedMs,
            status.getOrDefault("VmRSS", -1L),
            status.getOrDefault("VmHWM", -1L));
      } finally {
        stop();
      }
    }

    /** True on a 200 from /health; false while nothing listens or it answers otherwise. */
    private boolean ready(int port) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    synchronized void stop() {
      Process p = current;
      if (p == null) {
        return;
      }
      current = null;
      try {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Memory figures (kB) from /proc/&lt;pid&gt;/status. */
  static Map<String, Long> procStatus(long pid) throws IOException {
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

  static String withProps(String url) {
    return url + (url.contains("?") ? "&" : "?") + "useSSL=false&allowPublicKeyRetrieval=true";
  }

  static List<String> split(String options) {
    return options == null || options.isBlank()
        ? List.of()
        : List.of(options.strip().split("\\s+"));
  }

  static Map<String, String> parseArgs(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : List.of("jdbc-url", "server-url", "user", "password", "runs", "sets")) {
      String env = System.getenv("BENCH_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
      if (env != null) {
        m.put(name, env);
      }
    }
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("Expected --name=value, got " + a);
      }
      m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return m;
  }
}
