package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimCommands.Saved;
import org.claimwatch.system.ETags;
import org.claimwatch.system.Page;

@Controller("/api/v1/claims")
@Secured(Role.R_VIEWER)
class ClaimController {
  private final ClaimCommands commands;
  private final ClaimQueries queries;
  private final ClaimHistoryReader history;
  private final ClaimLinks links;

  ClaimController(
      ClaimCommands commands, ClaimQueries queries, ClaimHistoryReader history, ClaimLinks links) {
    this.commands = commands;
    this.queries = queries;
    this.history = history;
    this.links = links;
  }

  /** 201 with the new claim; 200 with the stored one when its externalRef was already used. */
  @Post
  @Secured({Role.R_CHECKER, Role.R_INTEGRATION})
  HttpResponse<ClaimView> create(@Body ClaimInput body, Authentication caller) {
    Saved saved = commands.create(body, Actor.of(caller));
    return (saved.created() ? HttpResponse.created(saved.claim()) : HttpResponse.ok(saved.claim()))
        .header("ETag", ETags.of(saved.claim().version()));
  }

  /**
   * 201 when any claim was created, 200 when every item was already stored. With {@code Prefer:
   * return=minimal} the items are only {id, externalRef, version}.
   */
  @Post("/batch")
  @Secured({Role.R_CHECKER, Role.R_INTEGRATION})
  HttpResponse<?> batch(
      @Body BatchRequest body, @Nullable @Header("Prefer") String prefer, Authentication caller) {
    if (prefer != null && prefer.contains("return=minimal")) {
      BatchResult.Minimal result = commands.createBatchMinimal(body, Actor.of(caller));
      return HttpResponse.status(result.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
          .body(result)
          .header("Preference-Applied", "return=minimal");
    }
    BatchResult result = commands.createBatch(body, Actor.of(caller));
    return HttpResponse.status(result.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result);
  }

  @Get
  Page<ClaimView> list(@RequestBean ClaimFilter filter) {
    return queries.list(filter);
  }

  @Get("/{id}")
  HttpResponse<ClaimView> get(long id) {
    ClaimView claim = queries.get(id);
    return HttpResponse.ok(claim).header("ETag", ETags.of(claim.version()));
  }

  @Patch("/{id}")
  @Secured({Role.R_CHECKER, Role.R_INTEGRATION})
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  HttpResponse<ClaimView> patch(
      long id,
      @Body JsonNode body,
      @Nullable @Header("If-Match") String ifMatch,
      Authentication caller) {
    ClaimView claim = commands.patch(id, body, ifMatch, Actor.of(caller));
    return HttpResponse.ok(claim).header("ETag", ETags.of(claim.version()));
  }

  /** Links the claim, at the version If-Match names, to the stored claim it repeats. */
  @Put("/{id}/duplicate-of")
  @Secured(Role.R_CHECKER)
  HttpResponse<ClaimView> linkDuplicate(
      long id,
      @Nullable @Body DuplicateLink body,
      @Nullable @Header("If-Match") String ifMatch,
      Authentication caller) {
    ClaimView claim =
        links.link(
            id,
            body == null ? null : body.claimId(),
            ifMatch,
            body == null ? null : body.note(),
            Actor.of(caller));
    return HttpResponse.ok(claim).header("ETag", ETags.of(claim.version()));
  }

  /** Takes the claim's duplicate link away, at the version If-Match names. */
  @Delete("/{id}/duplicate-of")
  @Secured(Role.R_CHECKER)
  HttpResponse<ClaimView> unlinkDuplicate(
      long id, @Nullable @Header("If-Match") String ifMatch, Authentication caller) {
    ClaimView claim = links.unlink(id, ifMatch, null, Actor.of(caller));
    return HttpResponse.ok(claim).header("ETag", ETags.of(claim.version()));
  }

  @Get("/{id}/history")
  List<HistoryEntry> history(long id) {
    return history.history(id);
  }
}
