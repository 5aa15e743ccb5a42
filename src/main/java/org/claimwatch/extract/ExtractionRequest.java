package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/v1/extractions}: a text, its language if known ("en", "de"). */
@Serdeable
public record ExtractionRequest(@Nullable String text, @Nullable String language) {}
