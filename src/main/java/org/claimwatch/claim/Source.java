package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Where a claim was published; one row per URL. */
@MappedEntity("sources")
public record Source(
    @Id @GeneratedValue @Nullable Long id,
    String url,
    String urlHash,
    @Nullable String title,
    @Nullable String publisher,
    @Nullable Instant publishedAt,
    Instant createdAt) {}
