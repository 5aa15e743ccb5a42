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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark needs around its measurement: a fresh database on the server (dropped at the
 * end unless kept) or a given one, the packaged service jar running against it as a separate
 * process, a JDBC connection of the benchmark's own, the admin's API calls, and {@link Probe}s. One
 * copy, shared by the benchmarks:
 *
 * <pre>
 * try (BenchService svc = BenchService.fromArgs(args, "target/bench-x-service.log")) {
 *   svc.start();
 *   ...
 * }
 * </pre>
 *
 * The options it reads: {@code --jdbc-url=jdbc:mysql://host:port/db} an existing database (never
 * dropped), else a fresh {@code claimwatch_bench_<epoch>} on {@code
 * --server-url=jdbc:mysql://127.0.0.1:3306/}, dropped at the end unless {@code --keep=true}; {@code
 * --user=root}, {@code --password=}; {@code --jar=target/claimwatch-0.1.0.jar}, {@code --port=0}
 * (0: a free port), {@code --java-opts="..."} JVM options for the service, {@code --service-log=}.
 */
final class BenchService implements AutoCloseable {
  /** The bootstrap admin token the service is started with. */
  static final String TOKEN = "bench-admin-token-0123456789abcdef";

  /** The bootstrap ADMIN token's name: what the service records as the admin's claims' author. */
  static final String ADMIN = "admin";

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final String jdbcUrl;
  private final String serverUrl;
  private final String databasePrefix;
  private final String user;
  private final String password;
  private final boolean keep;
  private final String jar;
  private final int port;
  private final List<String> javaOpts;
  private final String serviceLog;
  private final Map<String, String> env = new HashMap<>();
  private final List<Runnable> onStop = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "bench-stop-service");

  private HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String databaseUrl;
  private String createdDatabase;
  private Process service;
  private String base;
  private Connection jdbc;
  private Optional<ProcessHandle> database = Optional.empty();
  private boolean hooked;

  private BenchService(BenchArgs a, String databasePrefix, boolean withService, String log) {
    this.jdbcUrl = a.optional("jdbc-url");
    this.serverUrl = a.string("server-url", "jdbc:mysql://127.0.0.1:3306/");
    this.databasePrefix = databasePrefix;
    this.user = a.string("user", "root");
    this.password = a.string("password", "");
    this.keep = a.bool("keep", false);
    this.jar = a.string("jar", "target/claimwatch-0.1.0.jar");
    this.port = withService ? a.integer("port", 0) : 0;
    this.javaOpts = withService ? a.words("java-opts") : List.of();
    this.serviceLog = withService ? a.string("service-log", log) : log;
  }

  /** The database and service options of {@code a}; the service logs to {@code serviceLog}. */
  static BenchService fromArgs(BenchArgs a, String serviceLog) {
    return new BenchService(a, "claimwatch_bench_", true, serviceLog);
  }

  /**
   * The database options of {@code a} and {@code --jar}, for a benchmark that launches the service
   * itself ({@link #launch}); a fresh database is named {@code databasePrefix<epoch>}.
   */
  static BenchService databaseFromArgs(BenchArgs a, String databasePrefix) {
    return new BenchService(a, databasePrefix, false, null);
  }

  /** Adds an environment variable for the service process (before {@link #start}). */
  BenchService env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs {@code action} when the service stops, also when the run fails or is interrupted. */
  BenchService onStop(Runnable action) {
    onStop.add(action);
    return this;
  }

  /** What a benchmark does with the running service. */
  @FunctionalInterface
  interface Body {
    void run(BenchService svc) throws Exception;
  }

  /**
   * The whole of a run: checks the options ({@link BenchArgs#done}), starts the service, runs
   * {@code body}, and stops and cleans up, also when it fails.
   */
  void run(BenchArgs a, Body body) throws Exception {
    run(a, http, body);
  }

  /** {@link #run(BenchArgs, Body)} with this HTTP client (see {@link #start(HttpClient)}). */
  void run(BenchArgs a, HttpClient client, Body body) throws Exception {
    a.done();
    try (BenchService svc = this) {
      svc.start(client);
      body.run(svc);
    }
  }

  /** {@link #start(HttpClient)} with an HTTP/1.1 client of its own. */
  void start() throws Exception {
    start(http);
  }

  /**
   * Makes or takes the database, starts the jar against it, waits for a 200 on /health (through
   * {@code client}, which {@link #http} then returns), and connects.
   */
  void start(HttpClient client) throws Exception {
    this.http = client;
    hook();
    prepareDatabase();
    startService();
    jdbc = connect();
    database = Db.findDatabaseProcess(jdbc);
  }

  private void hook() {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
    }
  }

  /** Makes a fresh database (or takes the given one); returns its JDBC URL. */
  String prepareDatabase() throws SQLException {
    hook();
    if (jdbcUrl != null) {
      databaseUrl = jdbcUrl;
      log("Using database %s (not dropped)", databaseUrl);
      return databaseUrl;
    }
    String name = databasePrefix + Instant.now().getEpochSecond();
    try (Connection c = DriverManager.getConnection(Db.withProps(serverUrl), user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    createdDatabase = name;
    String server = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
    databaseUrl = server + name;
    log("Created database %s", databaseUrl);
    return databaseUrl;
  }

  private void startService() throws Exception {
    int p = port > 0 ? port : freePort();
    base = "http://127.0.0.1:" + p;
    Path logFile = Path.of(serviceLog);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    long t0 = System.nanoTime();
    service = launch(javaOpts, p, env, logFile);
    awaitHealth(http, service, p, logFile, 50);
    log(
        "Service pid %d ready on %s after %d ms",
        service.pid(), base, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The service jar ({@code --jar}). */
  String jar() {
    return jar;
  }

  /**
   * Starts {@code java [jvmOptions] -jar <jar>} against the database on {@code port}, its output to
   * {@code logFile}; {@link #prepareDatabase} first.
   */
  Process launch(List<String> jvmOptions, int port, Map<String, String> extraEnv, Path logFile)
      throws IOException {
    return launch(null, jvmOptions, port, extraEnv, logFile);
  }

  /** As above, with {@code otherJar} instead of {@code --jar} when it is not null. */
  Process launch(
      Path otherJar, List<String> jvmOptions, int port, Map<String, String> extraEnv, Path logFile)
      throws IOException {
    Path jarPath = otherJar != null ? otherJar : Path.of(jar);
    if (!Files.isRegularFile(jarPath)) {
      throw new IllegalStateException(
          jarPath.toAbsolutePath() + " is missing: run `mvn -q -DskipTests package` first");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jarPath.toString());
    log("Starting %s (log: %s)", String.join(" ", cmd), logFile);
    return run(cmd, port, extraEnv, logFile);
  }

  /**
   * Starts {@code command} with the service's environment (this database, the admin token, {@code
   * port}), this JVM's {@code java} first on the PATH, and {@code extraEnv} added.
   */
  Process run(List<String> command, int port, Map<String, String> extraEnv, Path logFile)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put(
        "PATH",
        Path.of(System.getProperty("java.home"), "bin")
            + java.io.File.pathSeparator
            + env.getOrDefault("PATH", ""));
    env.put("DATASOURCES_DEFAULT_URL", databaseUrl);
    env.put("DATASOURCES_DEFAULT_USERNAME", user);
    env.put("DATASOURCES_DEFAULT_PASSWORD", password);
    env.put("CLAIMWATCH_ADMIN_TOKEN", TOKEN);
    env.put("CLAIMWATCH_PORT", Integer.toString(port));
    env.putAll(extraEnv);
    pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
    return pb.start();
  }

  /** Waits (at most 90 s, polling every {@code pollMs}) for a 200 on the process's /health. */
  static void awaitHealth(HttpClient http, Process p, int port, Path logFile, int pollMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!healthy(http, port)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "The service exited with " + p.exitValue() + "; see " + logFile);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No 200 on /health within 90 s; see " + logFile);
      }
      Thread.sleep(pollMs);
    }
  }

  /** True on a 200 from /health; false while nothing listens or it answers otherwise. */
  static boolean healthy(HttpClient http, int port) throws InterruptedException {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops a process: asks, then (after 30 s) forces. */
  static void stop(Process p) {
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

  // --- what the benchmarks use ---------------------------------------------------------------

  /** http://127.0.0.1:port of the running service. */
  String base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  /** The benchmark's own connection to the database (autocommit). */
  Connection jdbc() {
    return jdbc;
  }

  /** A new connection to the database, with the service's connection properties. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(Db.withProps(databaseUrl), user, password);
  }

  String databaseUrl() {
    return databaseUrl;
  }

  /** The database server's process, if it runs on this machine. */
  Optional<ProcessHandle> database() {
    return database;
  }

  /** The service's JVM options as given, or "(none)". */
  String javaOpts() {
    return javaOpts.isEmpty() ? "(none)" : String.join(" ", javaOpts);
  }

  /** "RSS n MB, peak n MB" of the service. */
  String serviceMemory() {
    return service == null ? "?" : Proc.memoryOf(service.pid());
  }

  /** Starts measuring a stretch; {@code counters} may be null. */
  Probe probe(Db.Counters counters) throws SQLException {
    return new Probe(service == null ? 0 : service.pid(), database, counters);
  }

  /** {@link #probe(Db.Counters)} with {@code other}'s CPU in place of the service's. */
  Probe probe(Process other, Db.Counters counters) throws SQLException {
    return new Probe(other.pid(), database, counters);
  }

  /** A jar started beside the service ({@link #startBeside}) and its http://127.0.0.1:port. */
  record Beside(Process process, String base) {}

  /**
   * Starts {@code otherJar} beside the service, with the service's JVM options, this database's URL
   * and credentials, the admin token and {@code extraEnv} (not the service's own extra variables),
   * on a free port; waits for a 200 on its /health. It is stopped with the service.
   */
  Beside startBeside(Path otherJar, Map<String, String> extraEnv, Path logFile) throws Exception {
    int p = freePort();
    Process proc = launch(otherJar, javaOpts, p, extraEnv, logFile);
    onStop(() -> stop(proc));
    awaitHealth(http, proc, p, logFile, 50);
    log("%s pid %d ready on port %d", otherJar.getFileName(), proc.pid(), p);
    return new Beside(proc, "http://127.0.0.1:" + p);
  }

  /** These database server counters, read over the benchmark's connection. */
  Db.Counters counters(List<String> names) {
    return new Db.Counters(jdbc, names);
  }

  /** A request to the service as the admin: {@code path} under the base URL, with the token. */
  HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + TOKEN);
  }

  /** A POST of JSON as the admin. */
  HttpRequest postJson(String path, String json, Duration timeout) {
    return request(path, timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Sends a POST of JSON as the admin (30 s timeout). */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(postJson(path, json, Duration.ofSeconds(30)), ofString());
  }

  /** Sends a POST of JSON as the admin and fails unless the answer is {@code expected}. */
  HttpResponse<String> post(String path, String json, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> r = post(path, json);
    if (r.statusCode() != expected) {
      String b = r.body();
      throw new IllegalStateException(
          "POST " + path + ": " + r.statusCode() + " " + b.substring(0, Math.min(800, b.length())));
    }
    return r;
  }

  static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** The first {@code "id":N} of a response body. */
  static long id(HttpResponse<String> r) {
    Matcher m = ID.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("No id in " + r.statusCode() + " " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  /** The id of the entity (a company) with this name, created through the API if missing. */
  long entity(String name) throws Exception {
    try (PreparedStatement ps = jdbc.prepareStatement("SELECT id FROM subjects WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    return id(post("/api/v1/entities", "{\"name\":\"" + name + "\",\"kind\":\"COMPANY\"}", 201));
  }

  // --- the end -------------------------------------------------------------------------------

  /** Stops the service (and what {@link #onStop} added), closes the connection, drops the db. */
  @Override
  public void close() {
    stopAll();
    if (jdbc != null) {
      try {
        jdbc.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
      jdbc = null;
    }
    dropDatabase();
    if (hooked) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
      hooked = false;
    }
  }

  private synchronized void stopAll() {
    Process p = service;
    if (p != null) {
      service = null;
      stop(p);
      log("Service stopped (exit %s)", p.isAlive() ? "still running!" : p.exitValue());
    }
    List<Runnable> actions = List.copyOf(onStop);
    onStop.clear();
    for (Runnable r : actions) {
      r.run();
    }
  }

  void dropDatabase() {
    if (createdDatabase == null) {
      return;
    }
    String name = createdDatabase;
    createdDatabase = null;
    if (keep) {
      log("Kept database %s", databaseUrl);
      return;
    }
    try (Connection c = DriverManager.getConnection(Db.withProps(serverUrl), user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
      log("Dropped database %s", name);
    } catch (SQLException e) {
      log("Could not drop database %s: %s", name, e.getMessage());
    }
  }

  // --- shared helpers ------------------------------------------------------------------------

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Prints a line with the time of day. */
  static void log(String fmt, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "%s  %s%n",
        new Timestamp(System.currentTimeMillis()).toString().substring(11, 19),
        String.format(Locale.ROOT, fmt, args));
    System.out.flush();
  }

  /** "date ... UTC, n cores, Java v": the first line of every summary. */
  static String dateLine(LocalDateTime startedAt) {
    return String.format(
        Locale.ROOT,
        "date %s UTC, %d cores, Java %s",
        startedAt.withNano(0),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  /** The last lines of a summary before its goals: the service's memory, the machine's load. */
  static String footer(String serviceMemory, String otherLoad) {
    return String.format(
        Locale.ROOT,
        "%nservice memory at the end: %s%nother processes on the machine while measuring: %s%n",
        serviceMemory,
        otherLoad);
  }

  /** "MET" or "NOT MET". */
  static String met(boolean met) {
    return met ? "MET" : "NOT MET";
  }
}
