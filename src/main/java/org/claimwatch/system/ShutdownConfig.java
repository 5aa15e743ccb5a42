package org.claimwatch.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.shutdown.*}: the first step of a stop on SIGTERM.
 *
 * @param drain how long readiness answers DOWN while the service still serves every request, so
 *     load balancers stop sending to it before its listener closes; then Micronaut's graceful
 *     shutdown runs ({@code micronaut.lifecycle.graceful-shutdown.grace-period}). 0s stops at once.
 */
@ConfigurationProperties("claimwatch.shutdown")
public record ShutdownConfig(@Bindable(defaultValue = "5s") Duration drain) {}
