package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import org.claimwatch.auth.Role;
import org.claimwatch.system.ETags;
import org.claimwatch.system.Page;

@Controller("/api/v1/entities")
@Secured(Role.R_VIEWER)
class EntityController {
  private final SubjectService service;

  EntityController(SubjectService service) {
    this.service = service;
  }

  @Post
  @Secured(Role.R_EDITOR)
  HttpResponse<EntityView> create(@Body EntityCreate body) {
    EntityView created = service.create(body);
    return HttpResponse.created(created).header("ETag", ETags.of(created.version()));
  }

  @Get
  Page<EntityView> list(
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return service.list(q, cursor, limit);
  }

  @Get("/{id}")
  HttpResponse<EntityView> get(long id) {
    EntityView e = service.get(id);
    return HttpResponse.ok(e).header("ETag", ETags.of(e.version()));
  }

  @Patch("/{id}")
  @Secured(Role.R_EDITOR)
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  HttpResponse<EntityView> patch(
      long id, @Body JsonNode body, @Nullable @Header("If-Match") String ifMatch) {
    EntityView e = service.patch(id, body, ifMatch);
    return HttpResponse.ok(e).header("ETag", ETags.of(e.version()));
  }
}
