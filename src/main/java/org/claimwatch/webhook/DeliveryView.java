package org.claimwatch.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A delivery of one event to one subscription, with every attempt made. {@code webhookId} is the
 * {@code webhook-id} header it is sent with, the same on every attempt. {@code nextAttemptAt} is
 * set while it waits (PENDING).
 */
@Serdeable
public record DeliveryView(
    long id,
    String webhookId,
    long eventId,
    String eventType,
    String status,
    int attempts,
    @Nullable Instant nextAttemptAt,
    @Nullable Integer lastStatusCode,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant finishedAt,
    List<Attempt> attemptLog) {

  /** This delivery with its attempts. */
  DeliveryView withAttempts(List<Attempt> log) {
    return new DeliveryView(
        id,
        webhookId,
        eventId,
        eventType,
        status,
        attempts,
        nextAttemptAt,
        lastStatusCode,
        lastError,
        createdAt,
        finishedAt,
        log);
  }

  /** One attempt: when, the HTTP status (none if no answer came), how long, what came back. */
  @Serdeable
  public record Attempt(
      int attempt,
      Instant at,
      @Nullable Integer statusCode,
      int latencyMs,
      @Nullable String response,
      @Nullable String error) {}
}
