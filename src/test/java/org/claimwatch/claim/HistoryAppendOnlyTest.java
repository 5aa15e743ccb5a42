package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * History is append-only: no code path updates or deletes it. Checked on the source (no SQL that
 * changes claim_history rows) and on the repository (it has no update or delete methods).
 */
class HistoryAppendOnlyTest {
  private static final Pattern CHANGES_HISTORY =
      Pattern.compile(
          "(?is)(UPDATE\\s+claim_history|DELETE\\s+FROM\\s+claim_history|TRUNCATE\\s+(TABLE\\s+)?claim_history|REPLACE\\s+INTO\\s+claim_history)");

  @Test
  void no_source_file_updates_or_deletes_history() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      offenders =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
              .filter(p -> CHANGES_HISTORY.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
    }
    try (Stream<Path> files = Files.walk(Path.of("db/migration"))) {
      offenders =
          Stream.concat(
                  offenders.stream(),
                  files
                      .filter(Files::isRegularFile)
                      .filter(p -> CHANGES_HISTORY.matcher(read(p)).find())
                      .map(Path::toString))
              .toList();
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void the_history_repository_can_only_insert_and_read() {
    List<String> writes =
        Arrays.stream(ClaimHistoryRepository.class.getMethods())
            .map(Method::getName)
            .filter(n -> !n.startsWith("save") && !n.startsWith("find"))
            .toList();
    assertEquals(List.of(), writes);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
