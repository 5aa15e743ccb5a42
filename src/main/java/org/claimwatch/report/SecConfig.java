package org.claimwatch.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code claimwatch.sec.*}: fetching companyfacts from SEC EDGAR for entities with polling on.
 *
 * @param pollingEnabled off by default; the job runs only when true
 * @param baseUrl where companyfacts live ({@code /api/xbrl/companyfacts/CIK##########.json})
 * @param userAgent SEC asks every client to name itself and a contact address
 * @param interval how often the entities are polled
 * @param maxRequestsPerSecond SEC allows at most 10
 * @param timeout per request
 */
@ConfigurationProperties("claimwatch.sec")
public record SecConfig(
    @Bindable(defaultValue = "false") boolean pollingEnabled,
    @Bindable(defaultValue = "https://data.sec.gov") String baseUrl,
    @Bindable(defaultValue = "Claimwatch admin@example.org") String userAgent,
    @Bindable(defaultValue = "6h") Duration interval,
    @Bindable(defaultValue = "10") int maxRequestsPerSecond,
    @Bindable(defaultValue = "60s") Duration timeout) {}
