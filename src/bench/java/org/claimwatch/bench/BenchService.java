package org.claimwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What every benchmark needs around its measurement: a fresh database on the server (dropped at the
 * end unless kept), the packaged service jar running against it as a separate process, and readings
 * of /proc. One copy, shared by the benchmarks.
 */
final class BenchService {
  private final String jdbcUrl;
  private final String serverUrl;
  private final String user;
  private final String password;
  private final boolean keep;
  private final String jar;
  private final int port;
  private final List<String> javaOpts;
  private final String serviceLog;
  private final String token;
  private final java.util.Map<String, String> env = new java.util.HashMap<>();

  private String databaseUrl;
  private String createdDatabase;
  private Process service;
  private String base;

  /**
   * @param jdbcUrl an existing database to use (never dropped), or null for a fresh one
   * @param serverUrl the server a fresh database is made on, e.g. jdbc:mysql://127.0.0.1:3306/
   */
  BenchService(
      String jdbcUrl,
      String serverUrl,
      String user,
      String password,
      boolean keep,
      String jar,
      int port,
      List<String> javaOpts,
      String serviceLog,
      String token) {
    this.jdbcUrl = jdbcUrl;
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.keep = keep;
    this.jar = jar;
    this.port = port;
    this.javaOpts = javaOpts;
    this.serviceLog = serviceLog;
    this.token = token;
  }

  /** Adds environment variables for the service process (before {@link #startService}). */
  BenchService env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Makes a fresh database (or takes the given one); returns its JDBC URL. */
  String prepareDatabase() throws SQLException {
    if (jdbcUrl != null) {
      databaseUrl = jdbcUrl;
      log("Using database %s (not dropped)", databaseUrl);
      return databaseUrl;
    }
    String name = "claimwatch_bench_" + Instant.now().getEpochSecond();
    try (Connection c = DriverManager.getConnection(withProps(serverUrl), user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    createdDatabase = name;
    String server = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
    databaseUrl = server + name;
    log("Created database %s", databaseUrl);
    return databaseUrl;
  }

  /** Starts the jar against the database and waits for a 200 on /health; returns the process. */
  Process startService(HttpClient http) throws Exception {
    Path jarPath = Path.of(jar);
    if (!Files.isRegularFile(jarPath)) {
      throw new IllegalStateException(
          jarPath.toAbsolutePath() + " is missing: run `mvn -q -DskipTests package` first");
    }
    int p = port > 0 ? port : freePort();
    base = "http://127.0.0.1:" + p;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(javaOpts);
    cmd.add("-jar");
    cmd.add(jarPath.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DATASOURCES_DEFAULT_URL", databaseUrl);
    pb.environment().put("DATASOURCES_DEFAULT_USERNAME", user);
    pb.environment().put("DATASOURCES_DEFAULT_PASSWORD", password);
    pb.environment().put("CLAIMWATCH_ADMIN_TOKEN", token);
    pb.environment().put("CLAIMWATCH_PORT", Integer.toString(p));
    pb.environment().putAll(env);
    Path logFile = Path.of(serviceLog);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
    log("Starting %s (log: %s)", String.join(" ", cmd), logFile);
    long t0 = System.nanoTime();
    service = pb.start();
    long deadline = t0 + Duration.ofSeconds(90).toNanos();
    while (true) {
      if (!service.isAlive()) {
        throw new IllegalStateException(
            "The service exited with " + service.exitValue() + "; see " + logFile);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No 200 on /health within 90 s; see " + logFile);
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    log(
        "Service pid %d ready on %s after %d ms",
        service.pid(), base, (System.nanoTime() - t0) / 1_000_000);
    return service;
  }

  /** http://127.0.0.1:port of the running service. */
  String base() {
    return base;
  }

  synchronized void stopService() {
    Process p = service;
    if (p == null) {
      return;
    }
    service = null;
    try {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      log("Service stopped (exit %s)", p.isAlive() ? "still running!" : p.exitValue());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  void dropDatabase() {
    if (createdDatabase == null) {
      return;
    }
    if (keep) {
      log("Kept database %s", databaseUrl);
      return;
    }
    try (Connection c = DriverManager.getConnection(withProps(serverUrl), user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + createdDatabase + "`");
      log("Dropped database %s", createdDatabase);
    } catch (SQLException e) {
      log("Could not drop database %s: %s", createdDatabase, e.getMessage());
    }
  }

  /** The connection properties application.yml gives the service, for the benchmark's own JDBC. */
  /** The service's Connector/J settings (application.yml), so the raw side runs like it. */
  static String withProps(String url) {
    String props =
        "rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true"
            + "&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=4096"
            + "&useLocalSessionState=true&maintainTimeStats=false";
    return url + (url.contains("?") ? "&" : "?") + props;
  }

  /**
   * Inserts {@code n} sources (news URLs about {@code topic}) for benchmark claims to cite; returns
   * their ids.
   */
  static List<Long> insertSources(Connection jdbc, int n, String topic) throws SQLException {
    List<Long> ids = new ArrayList<>();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    try (PreparedStatement ps =
        jdbc.prepareStatement(
            "INSERT INTO sources (url, url_hash, title, publisher, published_at, created_at)"
                + " VALUES (?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < n; i++) {
        String url = "https://news" + i + ".example.com/markets/2024/06/01/" + topic + "-" + i;
        ps.setString(1, url);
        ps.setString(2, org.claimwatch.system.Hashing.sha256Hex(url));
        ps.setString(3, topic + ", part " + i);
        ps.setString(4, "Market Wire");
        ps.setNull(5, java.sql.Types.TIMESTAMP);
        ps.setObject(6, now);
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
    }
    return ids;
  }

  /** "claims ~1,000 rows, data 3 MB, indexes 2 MB; ..." for the named tables of the database. */
  static String tableSizes(Connection jdbc, String... tables) {
    StringBuilder b = new StringBuilder();
    String in = String.join(",", java.util.Collections.nCopies(tables.length, "?"));
    try (PreparedStatement ps =
        jdbc.prepareStatement(
            "SELECT table_name, table_rows, data_length, index_length FROM"
                + " information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ("
                + in
                + ") ORDER BY table_name")) {
      for (int i = 0; i < tables.length; i++) {
        ps.setString(i + 1, tables[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (b.length() > 0) {
            b.append("; ");
          }
          b.append(
              String.format(
                  Locale.ROOT,
                  "%s ~%,d rows, data %d MB, indexes %d MB",
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getLong(3) >> 20,
                  rs.getLong(4) >> 20));
        }
      }
    } catch (SQLException e) {
      return "?";
    }
    return b.toString();
  }

  /** The single number a query returns. */
  static long count(Connection jdbc, String sql) {
    try (Statement s = jdbc.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void log(String fmt, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "%s  %s%n",
        new Timestamp(System.currentTimeMillis()).toString().substring(11, 19),
        String.format(Locale.ROOT, fmt, args));
    System.out.flush();
  }

  /** CPU ms (user + system) a process has used, from /proc/PID/stat. */
  static long procCpuMs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** "RSS n MB, peak n MB" of a process, from /proc/PID/status. */
  static String memoryOf(long pid) {
    try {
      long rss = -1;
      long peak = -1;
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        } else if (line.startsWith("VmHWM:")) {
          peak = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
      return "RSS " + rss + " MB, peak " + peak + " MB";
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** "x CPU-s in y s (z% of one core)" used by other processes between two machineCpu readings. */
  static String otherLoad(long[] a, long[] b) {
    if (a == null || b == null) {
      return "?";
    }
    long wall = b[0] - a[0];
    long others = Math.max(0, (b[1] - a[1]) - (b[2] - a[2]));
    return String.format(
        Locale.ROOT,
        "%.1f CPU-s in %.1f s (%.0f%% of one core)",
        others / 1000.0,
        wall / 1000.0,
        100.0 * others / Math.max(1, wall));
  }

  /**
   * The database server's process, to report its CPU time: the pid in its {@code @@pid_file} (there
   * may be other mariadbd processes on the machine, e.g. a test run's embedded server); empty if
   * the server is not on this machine.
   */
  static java.util.Optional<ProcessHandle> findDatabaseProcess(Connection jdbc) {
    try (Statement s = jdbc.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT @@pid_file, @@datadir")) {
      if (rs.next() && rs.getString(1) != null) {
        Path pidFile = Path.of(rs.getString(2)).resolve(rs.getString(1));
        if (Files.isReadable(pidFile)) {
          return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      // not on this machine, or not readable
    }
    return java.util.Optional.empty();
  }

  /** The given counters of the database server (all sessions), from SHOW GLOBAL STATUS. */
  static java.util.Map<String, Long> dbStatus(
      Connection jdbc, java.util.Collection<String> counters) throws SQLException {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    try (Statement s = jdbc.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
      while (rs.next()) {
        if (counters.contains(rs.getString(1))) {
          out.put(rs.getString(1), Long.parseLong(rs.getString(2)));
        }
      }
    }
    return out;
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

  /**
   * Wall ms, busy CPU ms of the whole machine (/proc/stat), and the CPU ms the given processes and
   * this program have used: what the rest of the machine used is the difference ({@link
   * #otherLoad}); null where /proc/stat cannot be read.
   */
  static long[] machineCpu(long... pids) {
    long busy = machineBusyMs();
    if (busy < 0) {
      return null;
    }
    long own = procCpuMs(ProcessHandle.current().pid());
    for (long pid : pids) {
      own += pid > 0 ? procCpuMs(pid) : 0;
    }
    return new long[] {System.nanoTime() / 1_000_000, busy, own};
  }

  /** "cores n, load average a b c, memory n MB" of this machine, from /proc. */
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

  /**
   * Named options as {@code --name=value} arguments, over {@code BENCH_NAME} environment variables;
   * {@code --keep} alone means {@code --keep=true}; {@code --help} lists the names.
   */
  static java.util.Map<String, String> options(String[] args, List<String> names) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String name : names) {
      String env = System.getenv("BENCH_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
      if (env != null) {
        m.put(name, env);
      }
    }
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println("Options: --" + String.join("= --", names) + "=");
        System.exit(0);
      }
      if (a.equals("--keep")) {
        m.put("keep", "true");
        continue;
      }
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("Expected --name=value, got " + a);
      }
      m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return m;
  }
}
