package org.claimwatch.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code claimwatch.migrations.*}: how a start treats the schema.
 *
 * @param skipWhenCurrent when the database's schema history already holds every migration of this
 *     build, applied and unchanged, start without loading Flyway (Flyway would have nothing to do);
 *     {@code false} runs Flyway's migrate and validate on every start.
 */
@ConfigurationProperties("claimwatch.migrations")
public record MigrationsConfig(@Bindable(defaultValue = "true") boolean skipWhenCurrent) {}
