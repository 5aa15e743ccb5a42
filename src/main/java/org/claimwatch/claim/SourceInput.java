package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Where the claim appeared: {@code publishedAt} is an ISO date or UTC date-time. */
@Serdeable
public record SourceInput(
    @Nullable String url,
    @Nullable String title,
    @Nullable String publisher,
    @Nullable String publishedAt) {}
