package org.claimwatch.recheck;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.rechecks.*}: how often the jobs run and when a verdict counts as stale.
 *
 * @param forecastsInterval how often due forecasts are flagged
 * @param staleInterval how often stale verdicts are looked for
 * @param staleAfter a verdict older than this, with newer figures since, is STALE
 */
@ConfigurationProperties("claimwatch.rechecks")
public record RecheckConfig(
    @Bindable(defaultValue = "15m") Duration forecastsInterval,
    @Bindable(defaultValue = "1h") Duration staleInterval,
    @Bindable(defaultValue = "180d") Duration staleAfter) {}
