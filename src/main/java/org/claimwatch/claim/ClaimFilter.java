package org.claimwatch.claim;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/**
 * Query parameters of {@code GET /api/v1/claims}. {@code statedFrom}/{@code statedTo} are dates or
 * UTC date-times; a date in {@code statedTo} includes that whole day. {@code check} is the outcome
 * of the claim's check (SUPPORTS, CONTRADICTS, INCONCLUSIVE, or NONE for claims with no check).
 */
@Introspected
public record ClaimFilter(
    @Nullable @QueryValue String status,
    @Nullable @QueryValue Long entityId,
    @Nullable @QueryValue String metric,
    @Nullable @QueryValue String q,
    @Nullable @QueryValue String statedFrom,
    @Nullable @QueryValue String statedTo,
    @Nullable @QueryValue String check,
    @Nullable @QueryValue String cursor,
    @Nullable @QueryValue Integer limit) {}
