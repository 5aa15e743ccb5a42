package org.claimwatch.ui;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.ui.*}: the reviewer pages.
 *
 * @param sessionTtl how long a sign-in lasts
 */
@ConfigurationProperties("claimwatch.ui")
public record UiConfig(@Bindable(defaultValue = "12h") Duration sessionTtl) {}
