package org.claimwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a landed migration, to run again over data as an older service stored it (a
 * migration test on the shared database, which Flyway has migrated already).
 */
public final class MigrationScript {
  private MigrationScript() {}

  /** The statements of {@code db/migration/<file>}, comments dropped, in order. */
  public static List<String> statements(String file) {
    String text;
    try (InputStream in = MigrationScript.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no migration " + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
