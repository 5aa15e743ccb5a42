package org.claimwatch.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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

  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

  /** One migration: its version as Flyway writes it ("37", "1.2"), its file name, its checksum. */
  public record Migration(String version, String script, int checksum) {}

  private PackagedMigrations() {}

  /** The versioned migrations under {@link #FOLDER} on this class path, oldest first. */
  public static List<Migration> onClassPath() {
    ClassLoader loader = PackagedMigrations.class.getClassLoader();
    List<String> names = new ArrayList<>();
    try {
      for (URL folder : java.util.Collections.list(loader.getResources(FOLDER))) {
        names.addAll(fileNames(folder));
      }
      List<Migration> out = new ArrayList<>();
      for (String name : names) {
        Matcher m = VERSIONED.matcher(name);
        if (m.matches()) {
          try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + name)) {
            out.add(new Migration(m.group(1).replace('_', '.'), name, checksum(in)));
          }
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
   * holds every one of {@code packaged} with the same script and checksum, applied successfully,
   * and no failed migration at all. Migrations in the history that this build does not ship (a
   * newer build ran them) do not count against it, as Flyway ignores them too.
   */
  public static boolean allApplied(Collection<Migration> packaged, Collection<Applied> history) {
    if (packaged.isEmpty()) {
      return false;
    }
    Map<String, Applied> byVersion = new HashMap<>();
    for (Applied row : history) {
      if (!row.success()) {
        return false;
      }
      if (row.version() != null) {
        byVersion.put(row.version(), row);
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
                "SELECT version, script, checksum, success FROM flyway_schema_history")) {
      while (rs.next()) {
        out.add(new Applied(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
      }
    }
    return out;
  }

  private static List<String> fileNames(URL folder) throws IOException {
    if ("jar".equals(folder.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) folder.openConnection();
      connection.setUseCaches(false);
      List<String> out = new ArrayList<>();
      try (JarFile jar = connection.getJarFile()) {
        String prefix = connection.getEntryName() + "/";
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
          String name = entry.getName();
          if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
            out.add(name.substring(prefix.length()));
          }
        }
      }
      return out;
    }
    if ("file".equals(folder.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
        return files.map(p -> p.getFileName().toString()).toList();
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
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
