package org.claimwatch.deploy;

import static org.claimwatch.deploy.Kustomization.castMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflow (issue 15): it parses, runs exactly the README's test command (the
 * one .ci/run runs) with no TEST_JDBC_URL, so that the tests use Testcontainers' mysql:8.4, the
 * MySQL docker/compose.yml runs, and it keeps the reports of a failed run.
 */
class CiWorkflowTest {
  private static final Path WORKFLOWS = Path.of(".github/workflows");
  private static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w.-]+@v\\d+$");

  @Test
  void the_workflow_runs_the_readme_test_command_against_mysql_8_4() throws IOException {
    String command = readmeTestCommand();
    assertEquals(command, ciRunCommand(), ".ci/run runs the README's command");

    Map<String, Object> jobs = castMap(workflow("ci.yml").get("jobs"));
    Map<String, Object> verify = castMap(jobs.get("verify"));
    assertEquals("ubuntu-latest", verify.get("runs-on"), "a runner with Docker");
    List<String> runs = new ArrayList<>();
    for (Map<String, Object> step : steps(verify)) {
      if (step.get("run") instanceof String run) {
        runs.add(run.strip());
      }
    }
    assertTrue(runs.contains(command), "a step runs `" + command + "`: " + runs);
    Map<String, Object> java = step(verify, "actions/setup-java@");
    Map<String, Object> with = castMap(java.get("with"));
    assertEquals("temurin", with.get("distribution"));
    assertEquals("17", String.valueOf(with.get("java-version")));
    assertEquals("maven", with.get("cache"));
    assertNotNull(step(verify, "actions/checkout@"));
  }

  @Test
  void no_workflow_sets_a_test_database_url() throws IOException {
    for (Path file : workflowFiles()) {
      Map<String, Object> workflow = Kustomization.single(file);
      List<Object> envs = new ArrayList<>();
      envs.add(workflow.get("env"));
      for (Object job : castMap(workflow.get("jobs")).values()) {
        envs.add(castMap(job).get("env"));
        for (Map<String, Object> step : steps(castMap(job))) {
          envs.add(step.get("env"));
          if (step.get("run") instanceof String run) {
            assertFalse(run.contains("TEST_JDBC_URL"), file + ": " + run);
          }
        }
      }
      for (Object env : envs) {
        if (env != null) {
          assertFalse(castMap(env).containsKey("TEST_JDBC_URL"), file + " sets TEST_JDBC_URL");
        }
      }
    }
  }

  @Test
  void the_tests_and_compose_use_one_mysql_image() throws IOException {
    Matcher tests =
        Pattern.compile("new MySQLContainer<>\\(\"(mysql:[\\w.]+)\"\\)")
            .matcher(
                Files.readString(
                    Path.of("src/test/java/org/claimwatch/support/TestDatabase.java")));
    assertTrue(tests.find(), "TestDatabase starts a MySQLContainer");
    assertEquals("mysql:8.4", tests.group(1));
    Map<String, Object> compose = Kustomization.single(Path.of("docker/compose.yml"));
    assertEquals(
        tests.group(1), castMap(castMap(compose.get("services")).get("mysql")).get("image"));
  }

  @Test
  void actions_are_pinned_and_failed_runs_keep_their_reports() throws IOException {
    List<Path> files = workflowFiles();
    assertFalse(files.isEmpty());
    for (Path file : files) {
      Map<String, Object> workflow = Kustomization.single(file);
      // YAML 1.1 reads the key `on` as true: either way, the workflow has its triggers.
      assertTrue(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE), file + " on:");
      for (Map.Entry<String, Object> e : castMap(workflow.get("jobs")).entrySet()) {
        Map<String, Object> job = castMap(e.getValue());
        assertTrue(job.get("timeout-minutes") instanceof Integer, e.getKey() + " has a timeout");
        boolean keepsReports = false;
        boolean runsMaven = false;
        for (Map<String, Object> step : steps(job)) {
          runsMaven |= String.valueOf(step.get("run")).matches("(?s).*\\bmvnw?\\b.*");
          if (step.get("uses") instanceof String uses) {
            assertTrue(PINNED.matcher(uses).matches(), uses + " pinned by major tag");
            keepsReports |=
                uses.startsWith("actions/upload-artifact@")
                    && "failure()".equals(step.get("if"))
                    && String.valueOf(castMap(step.get("with")).get("path"))
                        .contains("target/surefire-reports");
          }
        }
        assertTrue(
            keepsReports || !runsMaven,
            file + " " + e.getKey() + " runs Maven and uploads its reports on failure");
      }
    }
  }

  private static String readmeTestCommand() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("**Run the tests**");
    assertTrue(at >= 0, "README has **Run the tests**");
    Matcher block = Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(at), "a command block follows");
    String command = block.group(1).strip();
    assertFalse(command.contains("\n"), "one command: " + command);
    return command;
  }

  private static String ciRunCommand() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of(".ci/run")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    return lines.get(lines.size() - 1);
  }

  private static Map<String, Object> workflow(String name) throws IOException {
    return Kustomization.single(WORKFLOWS.resolve(name));
  }

  private static List<Path> workflowFiles() throws IOException {
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    List<Map<String, Object>> steps = new ArrayList<>();
    if (job.get("steps") instanceof List<?> l) {
      l.forEach(s -> steps.add(castMap(s)));
    }
    assertFalse(steps.isEmpty(), "a job has steps");
    return steps;
  }

  private static Map<String, Object> step(Map<String, Object> job, String usesPrefix) {
    return steps(job).stream()
        .filter(s -> s.get("uses") instanceof String u && u.startsWith(usesPrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a step uses " + usesPrefix));
  }
}
