package org.claimwatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.review.QueueCount;
import org.claimwatch.review.ReturnRequest;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.review.VerdictView;
import org.claimwatch.system.Page;
import org.claimwatch.system.Problem;

/**
 * Review work, typed: the queues, a claim's lease (assignment), its verdicts and its ClaimReview.
 * Injected into every HTTP test as {@code review}. Used as {@link ClaimsApi} says: token first,
 * successes as the response, refusals through {@link Refusal#refused}.
 */
@Client(value = "/", errorType = Problem.class)
public interface ReviewApi {

  /** How many claims wait in each queue; {@code query}: entityId, metric, language, check. */
  @Get("/api/v1/queue{?query*}")
  HttpResponse<List<QueueCount>> counts(@Bearer @Nullable String token, Map<String, ?> query);

  /** A page of the queue {@code name} (unreviewed, rechecks, mine, ...). */
  @Get("/api/v1/queue/{name}{?query*}")
  HttpResponse<Page<ClaimView>> queue(
      @Bearer @Nullable String token, String name, Map<String, ?> query);

  /** Takes the queue's next claim: 200 with it (ETag: its version), 204 when the queue is empty. */
  @Post("/api/v1/queue/{name}/next{?query*}")
  HttpResponse<ClaimView> next(@Bearer @Nullable String token, String name, Map<String, ?> query);

  /** 201 with the claim now held by the caller; 200 when the holder renewed; 409 if taken. */
  @Post("/api/v1/claims/{id}/assignment")
  HttpResponse<ClaimView> take(@Bearer @Nullable String token, long id);

  /** 204; the ETag is the claim's new version. */
  @Delete("/api/v1/claims/{id}/assignment")
  HttpResponse<Void> release(@Bearer @Nullable String token, long id);

  @Get("/api/v1/claims/{id}/verdicts")
  HttpResponse<List<VerdictView>> verdicts(@Bearer @Nullable String token, long id);

  /** 201 with the verdict; the ETag is the claim's new version. */
  @Post("/api/v1/claims/{id}/verdicts")
  HttpResponse<VerdictView> record(
      @Bearer @Nullable String token,
      long id,
      @Header("If-Match") @Nullable String ifMatch,
      @Body VerdictRequest verdict);

  @Post("/api/v1/claims/{id}/verdicts/{verdictId}/approve")
  HttpResponse<VerdictView> approve(
      @Bearer @Nullable String token,
      long id,
      long verdictId,
      @Header("If-Match") @Nullable String ifMatch);

  @Post("/api/v1/claims/{id}/verdicts/{verdictId}/return")
  HttpResponse<VerdictView> sendBack(
      @Bearer @Nullable String token, long id, long verdictId, @Body ReturnRequest reason);

  /** The schema.org ClaimReview of the published verdict, as JSON; 404 while there is none. */
  @Get(value = "/api/v1/claims/{id}/claimreview", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<Map<String, Object>> claimReview(@Bearer @Nullable String token, long id);

  /** The same, asked for as JSON-LD (the body as text). */
  @Get(value = "/api/v1/claims/{id}/claimreview", consumes = "application/ld+json")
  HttpResponse<String> claimReviewAsJsonLd(@Bearer @Nullable String token, long id);
}
