package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** An entity as the API shows it. */
@Serdeable
public record EntityView(
    long id,
    String name,
    SubjectKind kind,
    List<String> aliases,
    @Nullable Long secCik,
    @Nullable String ticker,
    @Nullable String fiscalYearEnd,
    int version,
    Instant createdAt,
    Instant updatedAt) {}
