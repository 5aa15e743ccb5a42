package org.claimwatch.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.metrics.*}: how often the database-wide gauges (queue depths, open flags, the
 * webhook outbox, import jobs) are counted again.
 *
 * @param refreshInterval how often {@link CachedGauges} runs its few COUNT queries; 0 turns the
 *     schedule off (the tests refresh explicitly)
 * @param initialDelay how long after start-up the first count runs (never during start-up)
 */
@ConfigurationProperties("claimwatch.metrics")
public record MetricsConfig(
    @Bindable(defaultValue = "15s") Duration refreshInterval,
    @Bindable(defaultValue = "5s") Duration initialDelay) {}
