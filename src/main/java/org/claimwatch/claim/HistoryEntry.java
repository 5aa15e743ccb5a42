package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * One line of a claim's history: who did what, when, each field's old and new value, and a summary
 * a reader can follow. Re-check flags appear as FLAGGED / FLAG_SUPERSEDED lines with {@code
 * recheckId} set and no {@code id} (they are the flags' own rows, which are never rewritten).
 */
@Serdeable
public record HistoryEntry(
    @Nullable Long id,
    int version,
    String action,
    String actor,
    String at,
    @Nullable Map<String, Object> changes,
    @Nullable String note,
    @Nullable String summary,
    @Nullable Long recheckId) {}
