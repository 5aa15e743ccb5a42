package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code PUT /api/v1/claims/{id}/duplicate-of}: the stored claim this one repeats, and why (a note
 * for the history, at most 2,000 characters).
 */
@Serdeable
public record DuplicateLink(@Nullable Long claimId, @Nullable String note) {}
