package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Why an editor sends a proposed verdict back to its checker. */
@Serdeable
public record ReturnRequest(@Nullable String reason) {}
