package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.claimwatch.auth.Role;

/** Whether SEC EDGAR is polled for an entity's filings (when polling is switched on at all). */
@Controller("/api/v1/entities/{id}/sec-polling")
@Secured(Role.R_VIEWER)
class SecPollingController {
  private final SecPollingService polling;

  SecPollingController(SecPollingService polling) {
    this.polling = polling;
  }

  @Serdeable
  record PollingRequest(@Nullable Boolean enabled) {}

  @Get
  SecPolling get(long id) {
    return polling.get(id);
  }

  @Put
  @Secured(Role.R_EDITOR)
  SecPolling put(long id, @Body PollingRequest body) {
    return polling.set(id, body == null ? null : body.enabled());
  }
}
