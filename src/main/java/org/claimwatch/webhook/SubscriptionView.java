package org.claimwatch.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it. {@code secret} appears only in the answer to create and to
 * rotate-secret; {@code previousSecretExpiresAt} says until when the old secret still signs.
 */
@Serdeable
public record SubscriptionView(
    long id,
    String url,
    List<String> events,
    @Nullable String description,
    boolean enabled,
    @Nullable String disabledReason,
    String owner,
    @Nullable Instant failingSince,
    @Nullable Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

  static SubscriptionView of(Subscription s, boolean withSecret, Instant now) {
    Instant previous =
        s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(now)
            ? s.previousSecretUntil()
            : null;
    return new SubscriptionView(
        s.id(),
        s.url(),
        s.patterns(),
        s.description(),
        s.enabled(),
        s.disabledReason(),
        s.owner(),
        s.failingSince(),
        previous,
        s.createdAt(),
        s.updatedAt(),
        withSecret ? s.secret() : null);
  }
}
