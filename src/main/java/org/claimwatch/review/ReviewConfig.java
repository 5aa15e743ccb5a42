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
 * @param countsMaxAge how old the unfiltered queue lengths of {@code GET /api/v1/queue} may be: one
 *     exact count of every queue serves every caller for this long (on a million claims a count
 *     costs the database about half a second, and any VIEWER may ask); filtered counts and {@code
 *     mine} are always counted on the spot
 */
@ConfigurationProperties("claimwatch.review")
public record ReviewConfig(
    @Bindable(defaultValue = "30m") Duration lease,
    @Bindable(defaultValue = "1m") Duration leaseCheckInterval,
    @Bindable(defaultValue = "false") boolean twoPerson,
    @Bindable(defaultValue = "Claimwatch") String organization,
    @Bindable(defaultValue = "http://localhost:8080/") String organizationUrl,
    @Bindable(defaultValue = "http://localhost:8080/claims/") String publicUrl,
    @Bindable(defaultValue = "15s") Duration countsMaxAge) {}
