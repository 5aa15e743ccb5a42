package org.claimwatch.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("api_tokens")
public record ApiToken(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    Role role,
    String tokenHash,
    String createdBy,
    Instant createdAt,
    @Nullable Instant revokedAt) {

  public ApiToken revoked(Instant at) {
    return new ApiToken(id, name, role, tokenHash, createdBy, createdAt, at);
  }
}
