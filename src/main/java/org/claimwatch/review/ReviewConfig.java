package org.claimwatch.review;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.review.*}: how review work runs and how published verdicts present themselves.
 *
 * @param lease how long taking a claim holds it (renewable by the holder)
 * @param leaseCheckInterval how often expired leases are returned to their queues
 * @param twoPerson when true a CHECKER's verdict waits as a proposal for an EDITOR
 * @param organization the fact-checking organisation named as ClaimReview author
 * @param organizationUrl its home page
 * @param publicUrl where published fact-checks live: a claim's is this plus its id
 */
@ConfigurationProperties("claimwatch.review")
public record ReviewConfig(
    @Bindable(defaultValue = "30m") Duration lease,
    @Bindable(defaultValue = "1m") Duration leaseCheckInterval,
    @Bindable(defaultValue = "false") boolean twoPerson,
    @Bindable(defaultValue = "Claimwatch") String organization,
    @Bindable(defaultValue = "http://localhost:8080/") String organizationUrl,
    @Bindable(defaultValue = "http://localhost:8080/claims/") String publicUrl) {}
