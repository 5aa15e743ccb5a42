package org.claimwatch.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.system.Page;

/** Webhook subscriptions and their deliveries: ADMIN for all, INTEGRATION for its own. */
@Controller("/api/v1/webhooks")
@Secured({Role.R_ADMIN, Role.R_INTEGRATION})
class WebhookController {
  private final SubscriptionService subscriptions;
  private final DeliveryService deliveries;
  private final EventService events;

  WebhookController(
      SubscriptionService subscriptions, DeliveryService deliveries, EventService events) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.events = events;
  }

  /** Body of replay. */
  @Serdeable
  record ReplayRequest(@Nullable Instant since) {}

  @Post
  HttpResponse<SubscriptionView> create(@Body SubscriptionRequest body, Authentication caller) {
    return HttpResponse.created(subscriptions.create(body, Actor.of(caller)));
  }

  @Get
  List<SubscriptionView> list(Authentication caller) {
    return subscriptions.list(Actor.of(caller));
  }

  @Get("/{id}")
  SubscriptionView get(long id, Authentication caller) {
    return subscriptions.get(id, Actor.of(caller));
  }

  @Patch("/{id}")
  SubscriptionView patch(long id, @Body SubscriptionRequest body, Authentication caller) {
    return subscriptions.patch(id, body, Actor.of(caller));
  }

  @Delete("/{id}")
  @Status(HttpStatus.NO_CONTENT)
  void delete(long id, Authentication caller) {
    subscriptions.delete(id, Actor.of(caller));
  }

  @Post("/{id}/rotate-secret")
  SubscriptionView rotate(long id, Authentication caller) {
    return subscriptions.rotate(id, Actor.of(caller));
  }

  @Get("/{id}/deliveries{?status,cursor,limit}")
  Page<DeliveryView> deliveries(
      long id,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit,
      Authentication caller) {
    return deliveries.list(id, status, cursor, limit, Actor.of(caller));
  }

  @Get("/{id}/deliveries/{deliveryId}")
  DeliveryView delivery(long id, long deliveryId, Authentication caller) {
    return deliveries.get(id, deliveryId, Actor.of(caller));
  }

  @Post("/{id}/deliveries/{deliveryId}/retry")
  @Status(HttpStatus.ACCEPTED)
  DeliveryView retry(long id, long deliveryId, Authentication caller) {
    return deliveries.retry(id, deliveryId, Actor.of(caller));
  }

  @Post("/{id}/replay")
  @Status(HttpStatus.ACCEPTED)
  DeliveryService.Replayed replay(long id, @Body ReplayRequest body, Authentication caller) {
    return deliveries.replay(id, body == null ? null : body.since(), Actor.of(caller));
  }

  @Post("/{id}/test")
  @Status(HttpStatus.ACCEPTED)
  DeliveryService.TestSent test(long id, Authentication caller) {
    return deliveries.test(id, Actor.of(caller));
  }

  /** The whole of an event, as it is sent (for events too big to send whole). */
  @Get("/events/{eventId}")
  EventService.EventBody event(long eventId, Authentication caller) {
    return events.get(eventId, Actor.of(caller));
  }
}
