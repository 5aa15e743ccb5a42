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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker/entrypoint.sh and docker/cds-archive.sh, run as the image runs them (with the packaged
 * jar, the image's JVM options, and folders standing for the image's /app/image-cds and /app/cds).
 *
 * <p>The image's archive, recorded by cds-archive.sh as the image build does, is mapped by the
 * entrypoint's start, which then records nothing of its own.
 *
 * <p>Without one: a clean stop (SIGTERM to the script, as to a container's PID 1) leaves a whole
 * AppCDS archive under its final name, which the next start maps; a JVM killed with -9 while
 * recording leaves no archive at all, neither under the final name nor as a part-written file, so
 * the next start cannot trip over it.
 */
class EntrypointIT {
  private static final String IMAGE_OPTIONS = "-XX:+UseSerialGC -XX:MaxRAMPercentage=65 -Xms80m";
  private static final Path CDS = Path.of("target", "it-cds");
  private static final Path ARCHIVE = CDS.resolve("claimwatch.jsa");
  private static final Path RECORDING = CDS.resolve("claimwatch.jsa.recording");
  private static final Path IMAGE_ARCHIVE = Path.of("target", "it-image-cds", "claimwatch.jsa");

  @Test
  void the_image_archive_made_at_build_time_is_mapped_and_nothing_is_recorded() throws Exception {
    Files.createDirectories(IMAGE_ARCHIVE.getParent());
    Files.deleteIfExists(IMAGE_ARCHIVE);
    Files.createDirectories(CDS);
    Files.deleteIfExists(ARCHIVE);

    Path log = Path.of("target", "it-cds-archive.log");
    ProcessBuilder build =
        new ProcessBuilder(
            "sh", Path.of("docker", "cds-archive.sh").toString(), IMAGE_ARCHIVE.toString());
    build.environment().putAll(ServiceProcess.environment());
    build.environment().putAll(environment(IMAGE_ARCHIVE));
    build.environment().put("CLAIMWATCH_PORT", String.valueOf(ServiceProcess.freePort()));
    Process p = build.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("docker/cds-archive.sh did not finish; see " + log);
    }
    assertEquals(0, p.exitValue(), "docker/cds-archive.sh: " + Files.readString(log));
    assertTrue(Files.size(IMAGE_ARCHIVE) > 1 << 20, "an archive of the service's classes");
    assertFalse(Files.exists(Path.of(IMAGE_ARCHIVE + ".recording")), "no part left behind");

    ServiceProcess using = start("it-entrypoint-image", IMAGE_ARCHIVE);
    try {
      assertMaps(using, IMAGE_ARCHIVE);
    } finally {
      using.terminate();
      assertEquals(143, using.awaitExit(Duration.ofSeconds(120)));
    }
    assertFalse(Files.exists(ARCHIVE), "the image's archive is used as it is: nothing recorded");
    assertFalse(Files.exists(RECORDING));
  }

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
      assertMaps(using, ARCHIVE);
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
    return start(log, Path.of("target", "it-no-image-cds", "claimwatch.jsa"));
  }

  private static ServiceProcess start(String log, Path imageArchive)
      throws IOException, InterruptedException {
    return ServiceProcess.start(
        log,
        environment(imageArchive),
        List.of("sh", Path.of("docker", "entrypoint.sh").toAbsolutePath().toString()));
  }

  private static Map<String, String> environment(Path imageArchive) {
    return Map.of(
        "CLAIMWATCH_CDS_IMAGE_ARCHIVE",
        imageArchive.toAbsolutePath().toString(),
        "CLAIMWATCH_CDS_ARCHIVE",
        ARCHIVE.toAbsolutePath().toString(),
        "CLAIMWATCH_JAR",
        Path.of(ServiceProcess.jar()).toAbsolutePath().toString(),
        "JAVA_TOOL_OPTIONS",
        IMAGE_OPTIONS,
        "CLAIMWATCH_SHUTDOWN_DRAIN",
        "0s",
        "CLAIMWATCH_JOBS_ENABLED",
        "false");
  }

  /** The script exec's the JVM: the process is the JVM, and it mapped this archive. */
  private static void assertMaps(ServiceProcess jvm, Path archive) throws IOException {
    Path maps = Path.of("/proc", String.valueOf(jvm.pid()), "maps");
    if (Files.isReadable(maps)) {
      assertTrue(
          Files.readString(maps).contains(archive.toAbsolutePath().toString()),
          "the start maps " + archive);
    }
  }
}
