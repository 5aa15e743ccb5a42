package org.claimwatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.BatchRequest;
import org.claimwatch.claim.BatchResult;
import org.claimwatch.claim.ClaimInput;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.HistoryEntry;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.system.Page;
import org.claimwatch.system.Problem;

/**
 * {@code /api/v1/claims} and the re-check flags, typed with the service's own records. Every HTTP
 * test has one injected as {@code claims} ({@link ApiTest}).
 *
 * <p>How the typed clients are used (this one, {@link ReviewApi}, {@link ReportsApi}, {@link
 * WebhooksApi}):
 *
 * <ul>
 *   <li>the first argument is the caller's token ({@link Bearer}; null sends none);
 *   <li>a success comes back as the {@link HttpResponse}: {@code getStatus()}, {@code
 *       header("ETag")}, {@code body()};
 *   <li>a refusal is read with {@link Refusal#refused}: {@code refused(() -> claims.get(token,
 *       id))} gives its status and problem+json body, and fails the test if the call succeeded;
 *   <li>query parameters go in a map ({@code Map.of("entityId", e, "limit", 3)}), sent as they are
 *       (so a test can send bad ones too);
 *   <li>bodies the records cannot express (wrong JSON types, merge-patch nulls) are maps; anything
 *       odder goes through {@link ApiTest}'s untyped {@code post}/{@code get}.
 * </ul>
 */
@Client(value = "/", errorType = Problem.class)
public interface ClaimsApi {

  /** 201 with the new claim (ETag: its version); 200 with the stored one for a known ref. */
  @Post("/api/v1/claims")
  HttpResponse<ClaimView> create(@Bearer @Nullable String token, @Body ClaimInput claim);

  @Post("/api/v1/claims/batch")
  HttpResponse<BatchResult> batch(@Bearer @Nullable String token, @Body BatchRequest batch);

  @Get("/api/v1/claims/{id}")
  HttpResponse<ClaimView> get(@Bearer @Nullable String token, long id);

  /** A page of claims; {@code query}: status, entityId, metric, q, statedFrom, ..., limit. */
  @Get("/api/v1/claims{?query*}")
  HttpResponse<Page<ClaimView>> list(@Bearer @Nullable String token, Map<String, ?> query);

  /** A merge patch: a null value clears the field. */
  @Patch("/api/v1/claims/{id}")
  HttpResponse<ClaimView> patch(
      @Bearer @Nullable String token,
      long id,
      @Header("If-Match") @Nullable String ifMatch,
      @Body Map<String, ?> changes);

  /** Links the claim to the stored claim it repeats ({@code {claimId, note}}). */
  @Put("/api/v1/claims/{id}/duplicate-of")
  HttpResponse<ClaimView> linkDuplicate(
      @Bearer @Nullable String token,
      long id,
      @Header("If-Match") @Nullable String ifMatch,
      @Body Map<String, ?> link);

  @Delete("/api/v1/claims/{id}/duplicate-of")
  HttpResponse<ClaimView> unlinkDuplicate(
      @Bearer @Nullable String token, long id, @Header("If-Match") @Nullable String ifMatch);

  @Get("/api/v1/claims/{id}/history")
  HttpResponse<List<HistoryEntry>> history(@Bearer @Nullable String token, long id);

  /** Flags the claim for re-checking now (201 with the flag); {@code note} may be null. */
  @Post("/api/v1/claims/{id}/recheck")
  HttpResponse<RecheckView> recheck(
      @Bearer @Nullable String token, long id, @Body Map<String, ?> note);

  default HttpResponse<RecheckView> recheck(String token, long id) {
    return recheck(token, id, Map.of());
  }

  /** Re-check flags, newest first; {@code query}: state, reason, entityId, claimId, limit. */
  @Get("/api/v1/rechecks{?query*}")
  HttpResponse<Page<RecheckView>> rechecks(@Bearer @Nullable String token, Map<String, ?> query);
}
