package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** An entity claims are about (table {@code subjects}; "entity" in the API). */
@MappedEntity("subjects")
public record Subject(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    SubjectKind kind,
    @Nullable Long secCik,
    @Nullable String ticker,
    @Nullable String fiscalYearEnd,
    @Version @Nullable Integer version,
    Instant createdAt,
    Instant updatedAt) {}
