package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import org.claimwatch.auth.Role;
import org.claimwatch.subject.EntityView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.ProblemException;

/** Whether SEC EDGAR is polled for an entity's filings (when polling is switched on at all). */
@Controller("/api/v1/entities/{id}/sec-polling")
@Secured(Role.R_VIEWER)
class SecPollingController {
  private final SecPollingRepository polling;
  private final SubjectService subjects;

  SecPollingController(SecPollingRepository polling, SubjectService subjects) {
    this.polling = polling;
    this.subjects = subjects;
  }

  @Serdeable
  record PollingRequest(@Nullable Boolean enabled) {}

  @Get
  @Transactional
  SecPolling get(long id) {
    subjects.get(id);
    return polling.findById(id).orElse(new SecPolling(id, false, null, null, null, null, null));
  }

  @Put
  @Secured(Role.R_EDITOR)
  @Transactional
  SecPolling put(long id, @Body PollingRequest body) {
    EntityView entity = subjects.get(id);
    if (body == null || body.enabled() == null) {
      throw ProblemException.invalidField("enabled", "required: true or false");
    }
    if (body.enabled() && entity.secCik() == null) {
      throw ProblemException.invalidField(
          "enabled", "the entity has no SEC CIK to poll; set its secCik first");
    }
    return polling
        .findById(id)
        .map(
            p ->
                polling.update(
                    new SecPolling(
                        id,
                        body.enabled(),
                        p.lastModified(),
                        p.lastPolledAt(),
                        p.lastStatus(),
                        p.lastError(),
                        p.lastImportId())))
        .orElseGet(
            () -> polling.save(new SecPolling(id, body.enabled(), null, null, null, null, null)));
  }
}
