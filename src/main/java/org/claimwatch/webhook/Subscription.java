package org.claimwatch.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Where a newsroom tool wants events sent; {@code events} holds the patterns, comma-separated. */
@MappedEntity("webhook_subscriptions")
public record Subscription(
    @Id @GeneratedValue @Nullable Long id,
    String url,
    String events,
    @Nullable String description,
    boolean enabled,
    @Nullable String disabledReason,
    String owner,
    @MappedProperty(converter = SealedSecret.class) String secret,
    @Nullable @MappedProperty(converter = SealedSecret.class) String previousSecret,
    @Nullable Instant previousSecretUntil,
    @Nullable Instant failingSince,
    Instant createdAt,
    Instant updatedAt,
    int version,
    boolean internal) {

  static List<String> patterns(String events) {
    return Arrays.stream(events.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  List<String> patterns() {
    return patterns(events);
  }

  /** {@code internal}: an ADMIN saved the URL, so it may reach the allow-listed ranges. */
  Subscription edited(
      String url, String events, String description, boolean internal, Instant now) {
    return new Subscription(
        id,
        url,
        events,
        description,
        enabled,
        disabledReason,
        owner,
        secret,
        previousSecret,
        previousSecretUntil,
        failingSince,
        createdAt,
        now,
        version + 1,
        internal);
  }

  Subscription reenabled(Instant now) {
    return new Subscription(
        id,
        url,
        events,
        description,
        true,
        null,
        owner,
        secret,
        previousSecret,
        previousSecretUntil,
        null,
        createdAt,
        now,
        version + 1,
        internal);
  }

  Subscription rotated(String newSecret, Instant previousUntil, Instant now) {
    return new Subscription(
        id,
        url,
        events,
        description,
        enabled,
        disabledReason,
        owner,
        newSecret,
        secret,
        previousUntil,
        failingSince,
        createdAt,
        now,
        version + 1,
        internal);
  }
}
