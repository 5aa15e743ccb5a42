package org.claimwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/entrypoint.sh, run as the image runs it (with the packaged jar and a folder standing for
 * the image's /app/cds): a clean stop (SIGTERM to the script, as to a container's PID 1) leaves a
 * whole AppCDS archive under its final name, which the next start maps; a JVM killed with -9 while
 * recording leaves no archive at all, neither under the final name nor as a part-written file, so
 * the next start cannot trip over it.
 */
class EntrypointIT {
  private static final Path CDS = Path.of("target", "it-cds");
  private static final Path ARCHIVE = CDS.resolve("claimwatch.jsa");
  private static final Path RECORDING = CDS.resolve("claimwatch.jsa.recording");

  @Test
  void a_clean_stop_leaves_a_whole_archive_and_a_kill_leaves_none() throws Exception {
    Files.createDirectories(CDS);
    Files.deleteIfExists(ARCHIVE);
    Files.deleteIfExists(RECORDING);

    ServiceProcess recording = start("it-entrypoint-record");
    recording.terminate();
    assertEquals(143, recording.awaitExit(Duration.ofSeconds(120)), "exit as for SIGTERM");
    assertTrue(Files.size(ARCHIVE) > 1 << 20, "an archive of the service's classes");
    assertFalse(Files.exists(RECORDING), "nothing left under the temporary name");

    ServiceProcess using = start("it-entrypoint-use");
    try {
      Path maps = Path.of("/proc", String.valueOf(using.pid()), "maps");
      if (Files.isReadable(maps)) {
        // The script exec's the JVM: the process is the JVM, and it mapped the archive.
        assertTrue(
            Files.readString(maps).contains(ARCHIVE.getFileName().toString()),
            "the second start maps the archive");
      }
    } finally {
      using.terminate();
      assertEquals(143, using.awaitExit(Duration.ofSeconds(120)));
    }

    Files.delete(ARCHIVE);
    ServiceProcess killed = start("it-entrypoint-kill");
    ProcessHandle jvm =
        killed
            .processes()
            .filter(p -> p.pid() != killed.pid())
            .findFirst()
            .orElseThrow(() -> new AssertionError("the script runs the JVM as its child"));
    jvm.destroyForcibly();
    assertEquals(137, killed.awaitExit(Duration.ofSeconds(60)), "the script reports the kill");
    assertFalse(Files.exists(ARCHIVE), "no archive from a killed JVM");
    assertFalse(Files.exists(RECORDING), "no part-written archive left behind");
  }

  private static ServiceProcess start(String log) throws IOException, InterruptedException {
    return ServiceProcess.start(
        log,
        Map.of(
            "CLAIMWATCH_CDS_ARCHIVE",
            ARCHIVE.toAbsolutePath().toString(),
            "CLAIMWATCH_JAR",
            Path.of(ServiceProcess.jar()).toAbsolutePath().toString(),
            "CLAIMWATCH_SHUTDOWN_DRAIN",
            "0s",
            "CLAIMWATCH_JOBS_ENABLED",
            "false"),
        List.of("sh", Path.of("docker", "entrypoint.sh").toAbsolutePath().toString()));
  }
}
