package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.claimwatch.support.ApiTest;
import org.claimwatch.system.PackagedMigrations.Applied;
import org.claimwatch.system.PackagedMigrations.Migration;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A start skips Flyway only when the database's schema history holds this build's migrations as
 * Flyway itself would have checked them: every version, by the same script, with the checksum
 * Flyway computes, applied successfully.
 */
@MicronautTest
class PackagedMigrationsTest extends ApiTest {
  @Inject DataSource dataSource;
  @Inject DataSourceMigrationRunner runner;
  @Inject ApplicationContext context;
  @TempDir Path dir;

  @Test
  void every_migration_in_db_migration_is_found_oldest_first() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(Path.of("db/migration"))) {
      files = s.map(p -> p.getFileName().toString()).toList();
    }
    List<Migration> found = PackagedMigrations.onClassPath();
    assertEquals(files.size(), found.size(), "every file of db/migration, no other");
    for (int i = 0; i < found.size(); i++) {
      assertEquals(String.valueOf(i + 1), found.get(i).version());
      assertTrue(found.get(i).script().startsWith("V" + (i + 1) + "__"), found.get(i).script());
    }
  }

  @Test
  void the_checksums_are_those_flyway_stored_when_it_applied_them() throws Exception {
    Map<String, Applied> history;
    try (Connection c = dataSource.getConnection()) {
      history =
          PackagedMigrations.history(c).stream()
              .filter(a -> a.version() != null)
              .collect(Collectors.toMap(Applied::version, Function.identity()));
    }
    List<Migration> packaged = PackagedMigrations.onClassPath();
    for (Migration m : packaged) {
      Applied applied = history.get(m.version());
      assertEquals(m.script(), applied.script());
      assertEquals(applied.checksum(), m.checksum(), m.script());
      assertTrue(applied.success());
    }
    assertTrue(PackagedMigrations.allApplied(packaged, history.values()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SELECT 1;",
        "SELECT 1;\n",
        "SELECT 1;\r\nSELECT 2;\r\n",
        "\uFEFFSELECT 1;\nSELECT 2;",
        "-- Zürich, €, 日本\nSELECT 'x';\n\n\n",
        "a\rb\n\uFEFFc",
      })
  void the_checksum_is_flyways_own(String script) throws IOException {
    int flyway = ChecksumCalculator.calculate(new StringResource(script));
    int ours =
        PackagedMigrations.checksum(
            new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    assertEquals(flyway, ours);
  }

  @Test
  void the_service_uses_the_runner_that_asks_first_and_its_settings_allow_the_skip() {
    assertInstanceOf(MigrateUnlessCurrent.class, runner);
    assertTrue(MigrateUnlessCurrent.onlyPackagedScripts(context, "default"));
  }

  @Test
  void any_other_flyway_setting_means_flyway_runs() {
    Map<String, Object> base =
        Map.of(
            "flyway.datasources.default.enabled",
            true,
            "flyway.datasources.default.locations",
            "classpath:db/migration");
    assertTrue(MigrateUnlessCurrent.onlyPackagedScripts(resolver(base), "default"));
    for (String other :
        List.of("table", "default-schema", "baseline-on-migrate", "clean-schema", "schemas")) {
      Map<String, Object> more = new java.util.HashMap<>(base);
      more.put("flyway.datasources.default." + other, "x");
      assertFalse(MigrateUnlessCurrent.onlyPackagedScripts(resolver(more), "default"), other);
    }
    Map<String, Object> elsewhere = new java.util.HashMap<>(base);
    elsewhere.put("flyway.datasources.default.locations", "classpath:db/other");
    assertFalse(MigrateUnlessCurrent.onlyPackagedScripts(resolver(elsewhere), "default"));
    Map<String, Object> off = new java.util.HashMap<>(base);
    off.put("flyway.datasources.default.enabled", false);
    assertFalse(MigrateUnlessCurrent.onlyPackagedScripts(resolver(off), "default"));
    assertFalse(MigrateUnlessCurrent.onlyPackagedScripts(resolver(base), "reporting"));
  }

  @Test
  void scripts_are_listed_from_a_jar_and_anything_but_versioned_sql_means_flyway_runs()
      throws IOException {
    Path jar = jar("V2__second.sql", "SELECT 2;", "V1__first.sql", "SELECT 1;");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      List<Migration> found = PackagedMigrations.onClassPath(loader);
      assertEquals(
          List.of("V1__first.sql", "V2__second.sql"),
          found.stream().map(Migration::script).toList());
      assertEquals(
          ChecksumCalculator.calculate(new StringResource("SELECT 1;")), found.get(0).checksum());
    }
    for (String other :
        List.of("R__views.sql", "beforeMigrate.sql", "sub/V3__deeper.sql", "V3__Fix.class")) {
      Path with = jar("V1__first.sql", "SELECT 1;", other, "SELECT 3;");
      try (URLClassLoader loader = new URLClassLoader(new URL[] {with.toUri().toURL()}, null)) {
        assertEquals(List.of(), PackagedMigrations.onClassPath(loader), other);
      }
    }
  }

  private Path jar(String... namesAndTexts) throws IOException {
    Path jar = Files.createTempFile(dir, "migrations", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("db/"));
      out.putNextEntry(new JarEntry("db/migration/"));
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        out.putNextEntry(new JarEntry("db/migration/" + namesAndTexts[i]));
        out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private static PropertyResolver resolver(Map<String, Object> values) {
    return new PropertySourcePropertyResolver(PropertySource.of("test", values));
  }

  @Test
  void anything_flyway_would_act_on_or_refuse_means_flyway_runs() {
    List<Migration> packaged =
        List.of(new Migration("1", "V1__a.sql", 11), new Migration("2", "V2__b.sql", 22));
    List<Applied> both = List.of(applied("1", "V1__a.sql", 11), applied("2", "V2__b.sql", 22));
    assertTrue(PackagedMigrations.allApplied(packaged, both));

    assertFalse(PackagedMigrations.allApplied(packaged, List.of()), "a fresh database");
    assertFalse(
        PackagedMigrations.allApplied(packaged, both.subList(0, 1)), "a new migration to apply");
    assertFalse(
        PackagedMigrations.allApplied(
            packaged, List.of(both.get(0), applied("2", "V2__b.sql", 23))),
        "a landed migration was edited");
    assertFalse(
        PackagedMigrations.allApplied(
            packaged, List.of(both.get(0), applied("2", "V2__renamed.sql", 22))),
        "another script under the same version");
    assertFalse(
        PackagedMigrations.allApplied(
            packaged, with(both, new Applied("3", "V3__c.sql", 33, false))),
        "a failed migration in the history");
    assertFalse(PackagedMigrations.allApplied(List.of(), both), "no migrations found to compare");

    assertTrue(
        PackagedMigrations.allApplied(packaged, with(both, applied("3", "V3__newer.sql", 33))),
        "a newer build's migration, which Flyway ignores too");
    assertFalse(
        PackagedMigrations.allApplied(packaged, with(both, applied("1.5", "V1_5__hotfix.sql", 15))),
        "applied, not shipped, below the newest: Flyway refuses to start");
    assertFalse(
        PackagedMigrations.allApplied(packaged, with(both, applied("2", "V2__b.sql", 22))),
        "a version twice");
    assertTrue(
        PackagedMigrations.allApplied(packaged, with(both, applied(null, "<< Flyway >>", 0))),
        "a row without a version (Flyway's own markers)");
  }

  private static Applied applied(String version, String script, int checksum) {
    return new Applied(version, script, checksum, true);
  }

  private static List<Applied> with(List<Applied> rows, Applied more) {
    List<Applied> out = new ArrayList<>(rows);
    out.add(more);
    return out;
  }
}
