package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has landed is never edited: a database that applied it would refuse the next
 * start (Flyway's checksum no longer matches), and a database that did not would get another
 * schema. {@code db/landed-migrations.txt} records each landed script with Flyway's checksum.
 */
class LandedMigrationsTest {
  private static final Path MIGRATIONS = Path.of("db/migration");
  private static final Path LANDED = Path.of("db/landed-migrations.txt");

  @Test
  void every_landed_migration_keeps_the_checksum_it_landed_with() throws IOException {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, Integer> e : landed().entrySet()) {
      Path script = MIGRATIONS.resolve(e.getKey());
      if (!Files.isRegularFile(script)) {
        changed.add(e.getKey() + " is gone");
        continue;
      }
      int now = checksum(script);
      if (now != e.getValue()) {
        changed.add(e.getKey() + " has checksum " + now + ", landed with " + e.getValue());
      }
    }
    assertEquals(
        List.of(),
        changed,
        "A landed migration was edited, renamed or removed: put it back and add a new migration");
  }

  @Test
  void every_script_in_db_migration_is_recorded_as_landed() throws IOException {
    Map<String, Integer> landed = landed();
    List<String> missing = new ArrayList<>();
    try (Stream<Path> s = Files.list(MIGRATIONS)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!landed.containsKey(name)) {
          missing.add(name + " " + checksum(p));
        }
      }
    }
    assertEquals(
        List.of(), missing, "Add these lines to " + LANDED + " in the commit that adds them");
  }

  @Test
  void the_record_lists_each_version_once_in_order() throws IOException {
    List<String> names = new ArrayList<>(landed().keySet());
    for (int i = 0; i < names.size(); i++) {
      assertTrue(names.get(i).startsWith("V" + (i + 1) + "__"), names.get(i));
    }
  }

  /** The recorded lines, script name to checksum, in the file's order (no name twice). */
  private static Map<String, Integer> landed() throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(LANDED, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split(" ");
      assertEquals(2, parts.length, "a line is '<script> <checksum>': " + line);
      Integer before = out.put(parts[0], Integer.valueOf(parts[1]));
      assertEquals(null, before, parts[0] + " is recorded twice");
    }
    assertTrue(out.size() >= 49, "the record holds every landed migration (49 at its start)");
    return out;
  }

  private static int checksum(Path script) throws IOException {
    try (InputStream in = Files.newInputStream(script)) {
      return PackagedMigrations.checksum(in);
    }
  }
}
