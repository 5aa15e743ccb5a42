package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.review.AssignmentService.Taken;
import org.claimwatch.review.VerdictService.Recorded;
import org.claimwatch.system.ETags;

/** Review work on one claim: its assignment (lease), verdicts, and the ClaimReview export. */
@Controller("/api/v1/claims/{id}")
@Secured(Role.R_VIEWER)
class ReviewController {
  private final AssignmentService assignments;
  private final VerdictService verdicts;
  private final ClaimReviewService claimReviews;

  ReviewController(
      AssignmentService assignments, VerdictService verdicts, ClaimReviewService claimReviews) {
    this.assignments = assignments;
    this.verdicts = verdicts;
    this.claimReviews = claimReviews;
  }

  /** 201 with the claim now held by the caller; 200 when the holder renewed; 409 if taken. */
  @Post("/assignment")
  @Secured(Role.R_CHECKER)
  HttpResponse<ClaimView> take(long id, Authentication caller) {
    Taken t = assignments.take(id, Actor.of(caller));
    return HttpResponse.<ClaimView>status(t.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(t.claim())
        .header("ETag", ETags.of(t.claim().version()));
  }

  @Delete("/assignment")
  @Secured(Role.R_CHECKER)
  HttpResponse<Void> release(long id, Authentication caller) {
    ClaimView c = assignments.release(id, Actor.of(caller));
    return HttpResponse.<Void>noContent().header("ETag", ETags.of(c.version()));
  }

  @Get("/verdicts")
  List<VerdictView> verdicts(long id) {
    return verdicts.list(id);
  }

  /** 201 with the verdict (published, or proposed under two-person review); ETag: the claim's. */
  @Post("/verdicts")
  @Secured(Role.R_CHECKER)
  HttpResponse<VerdictView> record(
      long id,
      @Body VerdictRequest body,
      @Nullable @Header("If-Match") String ifMatch,
      Authentication caller) {
    return recorded(verdicts.record(id, ifMatch, body, Actor.of(caller)), HttpStatus.CREATED);
  }

  @Post("/verdicts/{verdictId}/approve")
  @Secured(Role.R_EDITOR)
  HttpResponse<VerdictView> approve(
      long id,
      long verdictId,
      @Nullable @Header("If-Match") String ifMatch,
      Authentication caller) {
    return recorded(verdicts.approve(id, verdictId, ifMatch, Actor.of(caller)), HttpStatus.OK);
  }

  @Post("/verdicts/{verdictId}/return")
  @Secured(Role.R_EDITOR)
  HttpResponse<VerdictView> sendBack(
      long id, long verdictId, @Body ReturnRequest body, Authentication caller) {
    return recorded(verdicts.sendBack(id, verdictId, body, Actor.of(caller)), HttpStatus.OK);
  }

  /**
   * Written with {@code <}, {@code >} and {@code &} escaped ({@link
   * ClaimReviewService#exportJson}): newsrooms paste it into a {@code <script
   * type="application/ld+json">} element, which a claim's words must not be able to close.
   */
  @Get("/claimreview")
  @Produces({"application/ld+json", "application/json"})
  byte[] claimReview(long id) {
    return claimReviews.exportJson(id);
  }

  private static HttpResponse<VerdictView> recorded(Recorded r, HttpStatus status) {
    return HttpResponse.<VerdictView>status(status)
        .body(r.verdict())
        .header("ETag", ETags.of(r.claimVersion()));
  }
}
