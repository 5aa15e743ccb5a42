package org.claimwatch.recheck;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code claimwatch.rechecks.outdated.*}: OUTDATED notes, off unless {@code enabled}. A rate stated
 * as current ("$12B a quarter", no periodEnd) that a later period's figure no longer matches gets a
 * note in the "outdated" queue; it is never CONTRADICTS and changes no status.
 */
@ConfigurationProperties("claimwatch.rechecks.outdated")
public record OutdatedConfig(@Bindable(defaultValue = "false") boolean enabled) {}
