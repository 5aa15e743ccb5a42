package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /api/v1/extractions}: a text, its language if known ("en", "de"), and when it was
 * said ({@code statedAt}, a date or UTC date-time; today if not given), from which "this year"
 * counts.
 */
@Serdeable
public record ExtractionRequest(
    @Nullable String text, @Nullable String language, @Nullable String statedAt) {}
