package org.claimwatch.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.ui.*}: sessions of the reviewer pages (a sign-in stands for a token).
 *
 * @param sessionTtl how long a sign-in lasts
 */
@ConfigurationProperties("claimwatch.ui")
public record PageSessionConfig(@Bindable(defaultValue = "12h") Duration sessionTtl) {}
