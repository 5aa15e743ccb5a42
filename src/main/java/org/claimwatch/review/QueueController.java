package org.claimwatch.review;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.system.ETags;
import org.claimwatch.system.Page;

@Controller("/api/v1/queue")
@Secured(Role.R_VIEWER)
class QueueController {
  private final QueueService queues;

  QueueController(QueueService queues) {
    this.queues = queues;
  }

  /** How many claims wait in each queue. */
  @Get
  List<QueueCount> counts(@RequestBean QueueFilter filter, Authentication caller) {
    return queues.counts(filter, Actor.of(caller));
  }

  @Get("/{name}")
  Page<ClaimView> page(String name, @RequestBean QueueFilter filter, Authentication caller) {
    return queues.page(name, filter, Actor.of(caller));
  }

  /** Takes the queue's next claim for the caller: 200 with it, or 204 when the queue is empty. */
  @Post("/{name}/next")
  @Secured(Role.R_CHECKER)
  HttpResponse<ClaimView> next(
      String name, @RequestBean QueueFilter filter, Authentication caller) {
    return queues
        .next(name, filter, Actor.of(caller))
        .map(c -> HttpResponse.ok(c).header("ETag", ETags.of(c.version())))
        .orElseGet(HttpResponse::noContent);
  }
}
