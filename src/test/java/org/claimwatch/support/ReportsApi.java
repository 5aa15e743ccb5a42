package org.claimwatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import org.claimwatch.report.FigureView;
import org.claimwatch.report.MetricMap.MetricConcepts;
import org.claimwatch.report.MetricMap.MetricsBody;
import org.claimwatch.report.Report;
import org.claimwatch.report.ReportImport;
import org.claimwatch.report.ReportInput;
import org.claimwatch.subject.EntityView;
import org.claimwatch.system.Page;
import org.claimwatch.system.Problem;

/**
 * Figures, typed: reports and SEC imports, the entities' figures, the metric map, and the entities
 * themselves. Injected into every HTTP test as {@code reports}. Used as {@link ClaimsApi} says:
 * token first, successes as the response, refusals through {@link Refusal#refused}.
 */
@Client(value = "/", errorType = Problem.class)
public interface ReportsApi {

  /** A report that is not an SEC filing (press release, private company): 201 with the import. */
  @Post("/api/v1/reports")
  HttpResponse<ReportImport> report(@Bearer @Nullable String token, @Body ReportInput report);

  /**
   * An SEC companyfacts document as it is (text, sent as JSON); {@code cik}: the company it must be
   * about; {@code prefer}: {@code respond-async} for a 202 and a job to follow.
   */
  @Post(value = "/api/v1/reports/sec-companyfacts", produces = MediaType.APPLICATION_JSON)
  HttpResponse<ReportImport> importCompanyFacts(
      @Bearer @Nullable String token,
      @Body String document,
      @QueryValue @Nullable Long cik,
      @Header("Prefer") @Nullable String prefer);

  default HttpResponse<ReportImport> importCompanyFacts(String token, String document) {
    return importCompanyFacts(token, document, null, null);
  }

  @Get("/api/v1/reports/imports/{id}")
  HttpResponse<ReportImport> importRecord(@Bearer @Nullable String token, long id);

  /** A page of reports; {@code query}: entityId, cursor, limit. */
  @Get("/api/v1/reports{?query*}")
  HttpResponse<Page<Report>> list(@Bearer @Nullable String token, Map<String, ?> query);

  /** The entity's figures; {@code query}: metric, periodStart, periodEnd. */
  @Get("/api/v1/entities/{id}/facts{?query*}")
  HttpResponse<List<FigureView>> figures(
      @Bearer @Nullable String token, long id, Map<String, ?> query);

  @Get("/api/v1/metrics")
  HttpResponse<List<MetricConcepts>> metrics(@Bearer @Nullable String token);

  /** Replaces the whole metric map (shared by every test: put it back as it was). */
  @Put("/api/v1/metrics")
  HttpResponse<List<MetricConcepts>> replaceMetrics(
      @Bearer @Nullable String token, @Body MetricsBody metrics);

  @Get("/api/v1/entities/{id}")
  HttpResponse<EntityView> entity(@Bearer @Nullable String token, long id);

  /** A page of entities; {@code query}: q, cursor, limit. */
  @Get("/api/v1/entities{?query*}")
  HttpResponse<Page<EntityView>> entities(@Bearer @Nullable String token, Map<String, ?> query);
}
