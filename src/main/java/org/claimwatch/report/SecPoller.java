package org.claimwatch.report;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.subject.EntityView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.JobLeases;
import org.claimwatch.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches SEC EDGAR companyfacts for the entities with polling on and imports what changed. Sends
 * the User-Agent SEC requires and If-Modified-Since, stays under the configured request rate, and
 * runs on one instance at a time (a job lease). Off unless {@code claimwatch.sec.polling-enabled}.
 */
@Singleton
@Requires(property = "claimwatch.sec.polling-enabled", value = "true")
public class SecPoller {
  private static final Logger LOG = LoggerFactory.getLogger(SecPoller.class);
  private static final Actor POLLER = new Actor("sec-poller", Set.of());

  private final SecConfig config;
  private final SecPollingRepository polling;
  private final SubjectService subjects;
  private final ReportService reports;
  private final JobLeases leases;
  private final Clock clock;
  private final HttpClient http;
  private long nextRequestAt;

  SecPoller(
      SecConfig config,
      SecPollingRepository polling,
      SubjectService subjects,
      ReportService reports,
      JobLeases leases,
      Clock clock) {
    this.config = config;
    this.polling = polling;
    this.subjects = subjects;
    this.reports = reports;
    this.leases = leases;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(
      fixedDelay = "${claimwatch.sec.interval:6h}",
      initialDelay = "${claimwatch.sec.initial-delay:1m}")
  void scheduled() {
    leases.runLeased("sec-polling", config.interval(), this::pollAll);
  }

  /** Polls every entity with polling on; returns how many documents were imported. */
  public synchronized int pollAll() {
    int imported = 0;
    for (SecPolling p : polling.findByEnabledOrderByEntityId(true)) {
      imported += poll(p) ? 1 : 0;
    }
    return imported;
  }

  private boolean poll(SecPolling p) {
    EntityView entity = subjects.get(p.entityId());
    if (entity.secCik() == null) {
      polling.update(p.polled(null, null, "the entity has no SEC CIK", null, clock.instant()));
      return false;
    }
    String url =
        config.baseUrl().replaceAll("/+$", "")
            + "/api/xbrl/companyfacts/CIK"
            + String.format("%010d", entity.secCik())
            + ".json";
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.timeout())
            .header("User-Agent", config.userAgent())
            .header("Accept", "application/json");
    if (p.lastModified() != null) {
      req.header("If-Modified-Since", p.lastModified());
    }
    throttle();
    try {
      HttpResponse<InputStream> res =
          http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = res.body()) {
        if (res.statusCode() == 304) {
          polling.update(p.polled(304, null, null, null, clock.instant()));
          return false;
        }
        if (res.statusCode() != 200) {
          polling.update(
              p.polled(
                  res.statusCode(),
                  null,
                  "SEC answered " + res.statusCode(),
                  null,
                  clock.instant()));
          return false;
        }
        ReportImport run = reports.importSecCompanyFacts(body, entity.secCik(), POLLER, false);
        String modified = res.headers().firstValue("Last-Modified").orElse(null);
        polling.update(p.polled(200, modified, null, run.id(), clock.instant()));
        LOG.info(
            "SEC companyfacts for {} (CIK {}): {} facts added, {} claims flagged",
            entity.name(),
            entity.secCik(),
            run.factsAdded(),
            run.claimsFlagged());
        return true;
      }
    } catch (ProblemException e) {
      polling.update(p.polled(200, null, e.getMessage(), null, clock.instant()));
    } catch (IOException e) {
      polling.update(
          p.polled(null, null, "fetch failed: " + e.getMessage(), null, clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** At most {@code maxRequestsPerSecond} requests: spaces them evenly. */
  private void throttle() {
    long spacing = 1_000_000_000L / Math.max(1, config.maxRequestsPerSecond());
    long now = System.nanoTime();
    long wait = nextRequestAt - now;
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    nextRequestAt = Math.max(now, nextRequestAt) + spacing;
  }
}
