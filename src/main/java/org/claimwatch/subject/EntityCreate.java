package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code POST /api/v1/entities}. */
@Serdeable
public record EntityCreate(
    @Nullable String name,
    @Nullable String kind,
    @Nullable List<String> aliases,
    @Nullable Long secCik,
    @Nullable String ticker) {}
