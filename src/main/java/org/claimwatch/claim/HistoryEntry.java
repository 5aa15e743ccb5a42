package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** One line of a claim's history: who did what, when, and each field's old and new value. */
@Serdeable
public record HistoryEntry(
    long id,
    int version,
    String action,
    String actor,
    String at,
    @Nullable Map<String, Object> changes,
    @Nullable String note) {}
