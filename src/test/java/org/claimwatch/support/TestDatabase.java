package org.claimwatch.support;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.claimwatch.system.EmbeddedMariaDb;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The one database of a test run, chosen once per JVM:
 *
 * <ol>
 *   <li>{@code TEST_JDBC_URL} (with {@code TEST_JDBC_USER}, {@code TEST_JDBC_PASSWORD}) if set;
 *   <li>else a Testcontainers {@code mysql:8.4} when Docker is available;
 *   <li>else, unless {@code CI=true} (a CI without a URL means MySQL 8.4 and fails without Docker),
 *       an embedded MariaDB under {@code target/embedded-mariadb}, with a fresh database.
 * </ol>
 *
 * Tests share it and isolate by data (their own tokens, entities and claims), never by restarting
 * it.
 */
public final class TestDatabase {
  private static Map<String, String> properties;

  private TestDatabase() {}

  public static synchronized Map<String, String> properties() {
    if (properties == null) {
      properties = start();
    }
    return properties;
  }

  public static String url() {
    return properties().get("datasources.default.url");
  }

  public static String user() {
    return properties().get("datasources.default.username");
  }

  public static String password() {
    return properties().get("datasources.default.password");
  }

  private static Map<String, String> start() {
    String url = System.getenv("TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      return props(
          url, env("TEST_JDBC_USER", "root"), env("TEST_JDBC_PASSWORD", ""), "TEST_JDBC_URL");
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      // The server settings docker/compose.yml runs MySQL with, and README's CREATE DATABASE has.
      MySQLContainer<?> mysql =
          new MySQLContainer<>("mysql:8.4")
              .withDatabaseName("claimwatch")
              .withCommand(
                  "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
      mysql.start();
      return props(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword(), "Testcontainers");
    }
    if ("true".equals(System.getenv("CI"))) {
      // A CI without TEST_JDBC_URL means to test on MySQL 8.4 (.github/workflows/ci.yml): never
      // pass on the embedded MariaDB instead because Docker could not be reached.
      throw new IllegalStateException(
          "CI=true and no TEST_JDBC_URL, but Testcontainers finds no Docker to run mysql:8.4 in");
    }
    EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of("target", "embedded-mariadb"), freePort());
    return props(db.createDatabase("claimwatch_test", true), "root", "", "embedded MariaDB");
  }

  private static Map<String, String> props(String url, String user, String password, String how) {
    System.out.println("Test database (" + how + "): " + url);
    return Map.of(
        "datasources.default.url", url,
        "datasources.default.username", user,
        "datasources.default.password", password);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
