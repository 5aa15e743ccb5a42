package org.claimwatch.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code claimwatch.webhooks.*}: how webhooks are signed, sent and retried.
 *
 * @param allowedCidrs addresses deliveries may reach although the SSRF guard blocks them (loopback,
 *     private networks): for tests and on-premise newsrooms, comma-separated CIDRs
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param totalTimeout how long one attempt may take in all, from connecting to the last byte
 * @param secretOverlap how long a rotated-out secret keeps signing alongside the new one
 * @param disableAfter how long an endpoint may fail continuously before it is disabled
 * @param retrySchedule the waits between attempts; once used up the delivery has failed
 * @param jitter each wait is varied by up to this fraction either way, so retries spread out
 * @param maxBodyBytes a larger event is sent as a reference with a link to the whole of it
 * @param pollInterval how often the dispatcher looks for work when nothing woke it (the safety net:
 *     a commit in this instance wakes it at once)
 * @param dispatcherEnabled false runs the API without sending anything (the events still queue)
 * @param batchSize how many deliveries the dispatcher takes per round
 * @param fanOutBatch how many events it fans out per round (most may have no subscriber)
 * @param maxInFlight how many requests may be on the wire at once, over all endpoints
 * @param maxConnectionsPerEndpoint per receiver, so a slow one cannot take every connection
 * @param apiUrl this service's public base URL, for links inside events
 * @param retention how long finished deliveries and delivered events are kept (replay reaches back
 *     this far)
 * @param retentionInterval how often the clean-up runs
 */
@ConfigurationProperties("claimwatch.webhooks")
public record WebhookConfig(
    @Bindable(defaultValue = "") List<String> allowedCidrs,
    @Bindable(defaultValue = "5s") Duration connectTimeout,
    @Bindable(defaultValue = "15s") Duration totalTimeout,
    @Bindable(defaultValue = "24h") Duration secretOverlap,
    @Bindable(defaultValue = "5d") Duration disableAfter,
    @Bindable(defaultValue = "5s,5m,30m,2h,5h,10h,10h,14h,20h,24h") List<Duration> retrySchedule,
    @Bindable(defaultValue = "0.2") double jitter,
    @Bindable(defaultValue = "20480") int maxBodyBytes,
    @Bindable(defaultValue = "1s") Duration pollInterval,
    @Bindable(defaultValue = "true") boolean dispatcherEnabled,
    @Bindable(defaultValue = "200") int batchSize,
    @Bindable(defaultValue = "1000") int fanOutBatch,
    @Bindable(defaultValue = "512") int maxInFlight,
    @Bindable(defaultValue = "32") int maxConnectionsPerEndpoint,
    @Bindable(defaultValue = "http://localhost:8080") String apiUrl,
    @Bindable(defaultValue = "30d") Duration retention,
    @Bindable(defaultValue = "1h") Duration retentionInterval) {

  public WebhookConfig {
    allowedCidrs =
        allowedCidrs == null
            ? List.of()
            : allowedCidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    retrySchedule = retrySchedule == null ? List.of() : List.copyOf(retrySchedule);
  }
}
