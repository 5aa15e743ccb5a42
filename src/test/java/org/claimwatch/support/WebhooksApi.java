package org.claimwatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import org.claimwatch.system.Page;
import org.claimwatch.system.Problem;
import org.claimwatch.webhook.DeliveryService.Replayed;
import org.claimwatch.webhook.DeliveryService.TestSent;
import org.claimwatch.webhook.DeliveryView;
import org.claimwatch.webhook.SubscriptionRequest;
import org.claimwatch.webhook.SubscriptionView;

/**
 * {@code /api/v1/webhooks}, typed: subscriptions, their deliveries, and events read back. Injected
 * into every HTTP test as {@code webhooks}. Used as {@link ClaimsApi} says: token first, successes
 * as the response, refusals through {@link Refusal#refused}.
 */
@Client(value = "/", errorType = Problem.class)
public interface WebhooksApi {

  /** 201 with the subscription, its secret shown this once. */
  @Post("/api/v1/webhooks")
  HttpResponse<SubscriptionView> create(
      @Bearer @Nullable String token, @Body SubscriptionRequest subscription);

  @Get("/api/v1/webhooks")
  HttpResponse<List<SubscriptionView>> list(@Bearer @Nullable String token);

  @Get("/api/v1/webhooks/{id}")
  HttpResponse<SubscriptionView> get(@Bearer @Nullable String token, long id);

  /** Only the fields given change. */
  @Patch("/api/v1/webhooks/{id}")
  HttpResponse<SubscriptionView> patch(
      @Bearer @Nullable String token, long id, @Body SubscriptionRequest changes);

  @Delete("/api/v1/webhooks/{id}")
  HttpResponse<Void> delete(@Bearer @Nullable String token, long id);

  @Post("/api/v1/webhooks/{id}/rotate-secret")
  HttpResponse<SubscriptionView> rotateSecret(@Bearer @Nullable String token, long id);

  /** A page of the subscription's deliveries; {@code query}: status, cursor, limit. */
  @Get("/api/v1/webhooks/{id}/deliveries{?query*}")
  HttpResponse<Page<DeliveryView>> deliveries(
      @Bearer @Nullable String token, long id, Map<String, ?> query);

  default HttpResponse<Page<DeliveryView>> deliveries(String token, long id) {
    return deliveries(token, id, Map.of());
  }

  @Get("/api/v1/webhooks/{id}/deliveries/{deliveryId}")
  HttpResponse<DeliveryView> delivery(@Bearer @Nullable String token, long id, long deliveryId);

  /** 202: the delivery goes out again, with the same webhook-id. */
  @Post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry")
  HttpResponse<DeliveryView> retry(@Bearer @Nullable String token, long id, long deliveryId);

  /** 202: what happened since {@code since} (an ISO instant) is delivered again. */
  @Post("/api/v1/webhooks/{id}/replay")
  HttpResponse<Replayed> replay(
      @Bearer @Nullable String token, long id, @Body Map<String, ?> since);

  /** 202: a webhook.test event goes to the endpoint. */
  @Post("/api/v1/webhooks/{id}/test")
  HttpResponse<TestSent> test(@Bearer @Nullable String token, long id);

  /** The whole of an event (webhookId, type, timestamp, data), as it is sent. */
  @Get("/api/v1/webhooks/events/{eventId}")
  HttpResponse<Map<String, Object>> event(@Bearer @Nullable String token, long eventId);
}
