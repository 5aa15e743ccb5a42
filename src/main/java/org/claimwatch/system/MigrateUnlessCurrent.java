package org.claimwatch.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's Flyway runner, which first asks the database whether there is anything to do: when
 * its schema history holds every migration this build ships, applied and unchanged ({@link
 * PackagedMigrations#allApplied}), the start goes on without Flyway. Otherwise (a new migration, a
 * fresh database, a changed or failed one, the history unreadable) Flyway runs as before, migrates
 * under its lock and validates. Replicas of a rolling update that find the schema current start
 * about a second sooner.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
public class MigrateUnlessCurrent extends DataSourceMigrationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MigrateUnlessCurrent.class);

  /** The settings under {@code flyway.datasources.<name>} this check understands. */
  private static final Set<String> OWN_SETTINGS = Set.of("enabled", "locations");

  private final MigrationsConfig config;
  private final DataSourceResolver resolver;

  public MigrateUnlessCurrent(
      ApplicationContext context,
      ApplicationEventPublisher<?> publisher,
      @Nullable DataSourceResolver resolver,
      MigrationsConfig config) {
    super(context, publisher, resolver);
    this.config = config;
    this.resolver = resolver != null ? resolver : DataSourceResolver.DEFAULT;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    DataSource dataSource = event.getBean();
    if (config.skipWhenCurrent()
        && event.getBeanDefinition() instanceof NameResolver named
        && named.resolveName().filter(this::migratesPackagedScripts).isPresent()
        && current(resolver.resolve(dataSource))) {
      return dataSource;
    }
    return super.onCreated(event);
  }

  /**
   * Whether Flyway is on for this data source with nothing set but its switch and this build's
   * migrations: any other setting (another history table or schema, baseline, clean, ignored
   * patterns) or a customizer bean could make Flyway act otherwise than the history says.
   */
  private boolean migratesPackagedScripts(String name) {
    return onlyPackagedScripts(applicationContext, name)
        && !applicationContext.containsBean(FlywayConfigurationCustomizer.class);
  }

  static boolean onlyPackagedScripts(PropertyResolver properties, String name) {
    String prefix = "flyway.datasources." + name;
    Map<String, Object> settings = properties.getProperties(prefix);
    return properties.getProperty(prefix + ".enabled", Boolean.class).orElse(false)
        && PackagedMigrations.LOCATION.equals(settings.get("locations"))
        && OWN_SETTINGS.containsAll(settings.keySet());
  }

  private static boolean current(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      List<PackagedMigrations.Migration> packaged = PackagedMigrations.onClassPath();
      if (PackagedMigrations.allApplied(packaged, PackagedMigrations.history(c))) {
        LOG.info(
            "The schema is current ({} migrations, the newest {}): Flyway not run",
            packaged.size(),
            packaged.get(packaged.size() - 1).script());
        return true;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug(
          "Could not compare the schema history with this build ({}): Flyway runs", e.toString());
    }
    return false;
  }
}
