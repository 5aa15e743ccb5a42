package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One entry of a claim's append-only history; {@code changes} is JSON text. */
@MappedEntity("claim_history")
public record ClaimHistory(
    @Id @GeneratedValue @Nullable Long id,
    long claimId,
    int claimVersion,
    String action,
    String actor,
    Instant occurredAt,
    @Nullable String changes,
    @Nullable String note,
    @Nullable String summary) {}
