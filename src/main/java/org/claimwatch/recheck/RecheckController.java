package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.recheck.RecheckService.Filter;
import org.claimwatch.system.Page;

@Controller("/api/v1")
@Secured(Role.R_VIEWER)
class RecheckController {
  private final RecheckService service;

  RecheckController(RecheckService service) {
    this.service = service;
  }

  /** Body of a manual re-check: an optional note for the reviewer. */
  @Serdeable
  record RecheckRequest(@Nullable String note) {}

  /**
   * Re-check flags, newest first: {@code state} OPEN or RESOLVED, {@code reason}, entity, claim.
   */
  @Get("/rechecks")
  Page<RecheckView> list(
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String reason,
      @Nullable @QueryValue Long entityId,
      @Nullable @QueryValue Long claimId,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return service.list(new Filter(state, reason, entityId, claimId, cursor, limit));
  }

  /** Flags the claim for re-checking now, compared with the newest figure that bears on it. */
  @Post("/claims/{id}/recheck")
  @Secured(Role.R_CHECKER)
  HttpResponse<RecheckView> recheck(
      long id, @Nullable @Body RecheckRequest body, Authentication caller) {
    return HttpResponse.created(
        service.manual(id, body == null ? null : body.note(), Actor.of(caller)));
  }
}
