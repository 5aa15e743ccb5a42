package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST /api/v1/entities}. {@code fiscalYearEnd}: the day its fiscal year ends,
 * {@code MM-DD} ("09-30"), when it is not the calendar year's.
 */
@Serdeable
public record EntityCreate(
    @Nullable String name,
    @Nullable String kind,
    @Nullable List<String> aliases,
    @Nullable Long secCik,
    @Nullable String ticker,
    @Nullable String fiscalYearEnd) {}
