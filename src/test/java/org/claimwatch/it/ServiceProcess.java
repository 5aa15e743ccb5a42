package org.claimwatch.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimwatch.support.TestDatabase;

/** The packaged service jar, run as a separate process against the test run's database. */
final class ServiceProcess {
  static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServiceProcess start(String logName) throws IOException, InterruptedException {
    return start(logName, Map.of());
  }

  /** Starts the jar with these environment variables added. */
  static ServiceProcess start(String logName, Map<String, String> extraEnv)
      throws IOException, InterruptedException {
    return start(logName, extraEnv, List.of(java(), "-jar", jar()));
  }

  /**
   * Starts the service with this command (e.g. docker/entrypoint.sh), the test JVM's {@code java}
   * first on the PATH, and these environment variables added.
   */
  static ServiceProcess start(String logName, Map<String, String> extraEnv, List<String> command)
      throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.putAll(environment());
    env.put("CLAIMWATCH_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("CLAIMWATCH_PORT", String.valueOf(port));
    env.putAll(extraEnv);
    pb.redirectErrorStream(true);
    pb.redirectOutput(Path.of("target", logName + ".log").toFile());
    ServiceProcess service = new ServiceProcess(pb.start(), port);
    service.awaitHealthy(Duration.ofSeconds(90));
    return service;
  }

  /**
   * What a process needs to run the service against the test run's database: the test JVM's {@code
   * java} first on the PATH, and the database's URL and credentials.
   */
  static Map<String, String> environment() {
    return Map.of(
        "PATH",
        Path.of(java()).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""),
        "DATASOURCES_DEFAULT_URL",
        TestDatabase.url(),
        "DATASOURCES_DEFAULT_USERNAME",
        TestDatabase.user(),
        "DATASOURCES_DEFAULT_PASSWORD",
        TestDatabase.password());
  }

  /** The packaged service jar ({@code mvn verify} builds it before the integration tests). */
  static String jar() {
    String jar = System.getProperty("claimwatch.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(
          "Run through `mvn verify`: the service jar is not built: " + jar);
    }
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The started process and everything it started (a shell's JVM). */
  Stream<ProcessHandle> processes() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants());
  }

  /** Like {@code kill -9}: no shutdown hooks, no flushing, nothing graceful. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Like {@code kill} (SIGTERM on Linux): the service stops the way an orchestrator stops it. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The service did not exit within " + timeout);
    }
    return process.exitValue();
  }

  /** True while the port accepts connections (a new one each time, never a pooled one). */
  boolean accepting() {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  long pid() {
    return process.pid();
  }

  /** A request sent without waiting for the answer, with these extra headers. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(
      String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .timeout(Duration.ofSeconds(30));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The service exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The service did not become healthy in " + timeout);
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
