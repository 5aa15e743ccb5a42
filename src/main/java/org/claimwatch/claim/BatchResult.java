package org.claimwatch.claim;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The outcome of a batch: {@code items} in request order; those whose externalRef was already
 * stored come back as stored ({@code existing}) and were not changed.
 */
@Serdeable
public record BatchResult(int created, int existing, List<ClaimView> items) {}
