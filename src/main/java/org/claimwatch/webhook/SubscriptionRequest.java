package org.claimwatch.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of create (url and events required) and of PATCH (only the fields given change). */
@Serdeable
public record SubscriptionRequest(
    @Nullable String url,
    @Nullable List<String> events,
    @Nullable String description,
    @Nullable Boolean enabled) {}
