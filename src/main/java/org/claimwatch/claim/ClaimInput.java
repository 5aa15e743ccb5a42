package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A claim as submitted ({@code POST /api/v1/claims} and each item of a batch). Everything arrives
 * as text so each field can be checked and reported on its own: numbers are decimal strings, dates
 * {@code YYYY-MM-DD}, {@code statedAt} a date or UTC date-time. {@code entityName} may name the
 * entity by name or alias instead of {@code entityId}. {@code duplicateOf} (checkers only) links
 * the new claim to the stored claim it repeats ({@link ClaimLinks}).
 */
@Serdeable
public record ClaimInput(
    @Nullable String externalRef,
    @Nullable String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String entityName,
    @Nullable String metric,
    @Nullable String value,
    @Nullable String valueHigh,
    @Nullable String unit,
    @Nullable String qualifier,
    @Nullable String periodStart,
    @Nullable String periodEnd,
    @Nullable String periodicity,
    @Nullable String kind,
    @Nullable String resolvesOn,
    @Nullable String statedAt,
    @Nullable SourceInput source,
    @Nullable Integer priority,
    @Nullable Long duplicateOf) {}
