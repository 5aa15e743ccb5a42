package org.claimwatch.system;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the database before the application context starts: the one configured through {@code
 * DATASOURCES_DEFAULT_URL} (or {@code -Ddatasources.default.url}, or {@code
 * --datasources.default.url=}) if any; otherwise an embedded MariaDB with its data under {@code
 * CLAIMWATCH_DATA_DIR} (default {@code ./data}) on port {@code CLAIMWATCH_EMBEDDED_DB_PORT}
 * (default 3307).
 */
public final class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final String DATABASE = "claimwatch";

  private DatabaseBootstrap() {}

  /** Properties for the embedded database, or none when a database is configured. */
  public static Map<String, Object> embeddedIfUnconfigured(String[] args) {
    if (urlConfigured(args)) {
      return Map.of();
    }
    Path home =
        Path.of(env("CLAIMWATCH_DATA_DIR", System.getProperty("claimwatch.data-dir", "./data")));
    int port = Integer.parseInt(env("CLAIMWATCH_EMBEDDED_DB_PORT", "3307"));
    EmbeddedMariaDb db;
    try {
      db = EmbeddedMariaDb.start(home, port);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "No database configured. Set DATASOURCES_DEFAULT_URL (plus _USERNAME and _PASSWORD) to a"
              + " MySQL 8.4 or MariaDB database. The embedded database is only on the class path of"
              + " `mvn mn:run`, not in the packaged jar.",
          e);
    }
    String url = db.createDatabase(DATABASE, false);
    LOG.info(
        "No database configured (DATASOURCES_DEFAULT_URL is unset): using an embedded MariaDB at {}"
            + " with its data in {}",
        url,
        db.dataDir());
    return Map.of(
        "datasources.default.url", url,
        "datasources.default.username", "root",
        "datasources.default.password", "");
  }

  static boolean urlConfigured(String[] args) {
    return notBlank(System.getenv("DATASOURCES_DEFAULT_URL"))
        || notBlank(System.getProperty("datasources.default.url"))
        || Arrays.stream(args).anyMatch(a -> a.startsWith("--datasources.default.url="));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return notBlank(v) ? v : fallback;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
