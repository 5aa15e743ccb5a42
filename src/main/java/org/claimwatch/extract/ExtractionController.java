package org.claimwatch.extract;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;

/** Claims from text (API.md "Claims from text"). */
@Controller("/api/v1/extractions")
@Secured({Role.R_CHECKER, Role.R_INTEGRATION})
class ExtractionController {
  private final ExtractionService service;

  ExtractionController(ExtractionService service) {
    this.service = service;
  }

  @Post
  Extraction extract(@Body ExtractionRequest body, Authentication caller) {
    return service.extract(body, Actor.of(caller));
  }
}
