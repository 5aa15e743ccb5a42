package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.InputStream;
import java.net.URI;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.Page;

@Controller("/api/v1/reports")
@Secured(Role.R_VIEWER)
class ReportController {
  private final ReportService service;

  ReportController(ReportService service) {
    this.service = service;
  }

  /**
   * Imports an SEC EDGAR companyfacts document (up to 20 MB, read as a stream). Importing the same
   * document again adds nothing and flags nothing. With {@code cik}, a document about another
   * company is refused. With {@code Prefer: respond-async}: 202 and the job to follow (Location).
   * EDITOR work: what is imported is published as reported figures and flags claims.
   */
  @Post("/sec-companyfacts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured(Role.R_EDITOR)
  HttpResponse<ReportImport> importSec(
      @Body InputStream body,
      @Nullable @QueryValue Long cik,
      @Nullable @Header("Prefer") String prefer,
      Authentication caller) {
    boolean async = prefer != null && prefer.contains("respond-async");
    ReportImport run = service.importSecCompanyFacts(body, cik, Actor.of(caller), async);
    if (async) {
      return HttpResponse.accepted(URI.create("/api/v1/reports/imports/" + run.id()))
          .body(run)
          .header("Preference-Applied", "respond-async");
    }
    return HttpResponse.created(run);
  }

  /**
   * Figures that are not an SEC filing: a press release, a private company's numbers. EDITOR work,
   * as SEC imports.
   */
  @Post
  @Secured(Role.R_EDITOR)
  HttpResponse<ReportImport> importOther(@Body ReportInput body, Authentication caller) {
    return HttpResponse.created(service.importOther(body, Actor.of(caller)));
  }

  @Get
  Page<Report> list(
      @Nullable @QueryValue Long entityId,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    int n = Cursors.limit(limit);
    return Cursors.page(
        service.list(entityId, Cursors.decode(cursor), n + 1), n, Report::id, rows -> rows);
  }

  /**
   * An import and what it did: filings, facts added and unchanged, restatements, claims flagged.
   */
  @Get("/imports/{id}")
  ReportImport importRecord(long id) {
    return service.importRecord(id);
  }
}
