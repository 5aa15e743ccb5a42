package org.claimwatch.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned migrations this build ships ({@code db/migration/V<n>__<name>.sql} on the class
 * path), each with the checksum Flyway stores for it, and the test whether a database's schema
 * history already holds every one of them, applied successfully and unchanged. When it does, a
 * start need not load Flyway at all (about a second and 35 MB of a start; see BENCHMARKS.md):
 * Flyway would find nothing to apply and nothing to complain about.
 */
public final class PackagedMigrations {
  /** Where the migrations are, as a class path folder and as Flyway's location. */
  public static final String FOLDER = "db/migration";

  public static final String LOCATION = "classpath:" + FOLDER;

  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]+\\.sql");

  /** One migration: its version as Flyway writes it ("37", "1.2"), its file name, its checksum. */
  public record Migration(String version, String script, int checksum) {}

  private PackagedMigrations() {}

  /**
   * The versioned migrations under {@link #FOLDER} on this class path, oldest first; none when the
   * folder holds anything else Flyway would act on or could (a repeatable {@code R__} script, a
   * callback, a Java migration, a subfolder): then only Flyway can say what there is to do.
   */
  public static List<Migration> onClassPath() {
    return onClassPath(PackagedMigrations.class.getClassLoader());
  }

  static List<Migration> onClassPath(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL folder : java.util.Collections.list(loader.getResources(FOLDER))) {
        names.addAll(fileNames(folder));
      }
      List<Migration> out = new ArrayList<>();
      for (String name : names) {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
          return List.of();
        }
        try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + name)) {
          out.add(new Migration(m.group(1).replace('_', '.'), name, checksum(in)));
        }
      }
      out.sort(Comparator.comparing(Migration::version, PackagedMigrations::compareVersions));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flyway's checksum of a script: a CRC-32 over its lines, each without its line break and the the
   * first without a byte order mark, read as UTF-8.
   */
  public static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
      line = line.substring(1);
    }
    for (; line != null; line = reader.readLine()) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  /**
   * Whether {@code history} (Flyway's schema history, rows of version, script, checksum, success)
   * holds every one of {@code packaged} with the same script and checksum, applied successfully, no
   * failed migration, no version twice, and no version this build does not ship below its newest
   * one (Flyway refuses those). Newer migrations than this build's (a newer build ran them) do not
   * count against it, as Flyway ignores them too. Rows without a version (Flyway's own markers) are
   * passed over; a baseline row has another script name, so it never matches.
   */
  public static boolean allApplied(Collection<Migration> packaged, Collection<Applied> history) {
    if (packaged.isEmpty()) {
      return false;
    }
    String newest = null;
    Map<String, Migration> shipped = new HashMap<>();
    for (Migration m : packaged) {
      shipped.put(m.version(), m);
      if (newest == null || compareVersions(m.version(), newest) > 0) {
        newest = m.version();
      }
    }
    Map<String, Applied> byVersion = new HashMap<>();
    for (Applied row : history) {
      if (!row.success()) {
        return false;
      }
      if (row.version() == null) {
        continue;
      }
      if (byVersion.put(row.version(), row) != null) {
        return false; // two rows for one version (an undo, a repair marker): Flyway decides
      }
      if (!shipped.containsKey(row.version()) && compareVersions(row.version(), newest) <= 0) {
        return false; // applied but not shipped, below the newest: Flyway refuses to start
      }
    }
    for (Migration m : packaged) {
      Applied row = byVersion.get(m.version());
      if (row == null || !m.script().equals(row.script()) || row.checksum() != m.checksum()) {
        return false;
      }
    }
    return true;
  }

  /** A row of Flyway's schema history. */
  public record Applied(String version, String script, int checksum, boolean success) {}

  /** The rows of {@code flyway_schema_history} on this connection's database. */
  public static List<Applied> history(Connection c) throws SQLException {
    List<Applied> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, script, checksum, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank")) {
      while (rs.next()) {
        out.add(new Applied(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
      }
    }
    return out;
  }

  /** Every file under the folder, as its path below it ("V1__a.sql", "sub/V2__b.sql"). */
  private static List<String> fileNames(URL folder) throws IOException {
    if ("jar".equals(folder.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) folder.openConnection();
      connection.setUseCaches(false);
      List<String> out = new ArrayList<>();
      try (JarFile jar = connection.getJarFile()) {
        String prefix = connection.getEntryName() + "/";
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
          String name = entry.getName();
          if (name.startsWith(prefix) && !entry.isDirectory()) {
            out.add(name.substring(prefix.length()));
          }
        }
      }
      return out;
    }
    if ("file".equals(folder.getProtocol())) {
      try {
        Path root = Path.of(folder.toURI());
        try (Stream<Path> files = Files.walk(root)) {
          return files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .toList();
        }
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    throw new IOException("cannot list the migrations at " + folder);
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      BigInteger p = i < x.length ? number(x[i]) : BigInteger.ZERO;
      BigInteger q = i < y.length ? number(y[i]) : BigInteger.ZERO;
      int c = p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** A part of a version; a part that is not a number (not Flyway's) sorts last. */
  private static BigInteger number(String part) {
    return part.matches("[0-9]+") ? new BigInteger(part) : BigInteger.TEN.pow(100);
  }
}
