package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code POST /api/v1/claims/batch}: 1 to 1,000 claims, stored all or none. */
@Serdeable
public record BatchRequest(@Nullable List<ClaimInput> claims) {}
