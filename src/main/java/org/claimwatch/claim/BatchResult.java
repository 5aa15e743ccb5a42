package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The outcome of a batch: {@code items} in request order; those whose externalRef was already
 * stored come back as stored ({@code existing}) and were not changed.
 */
@Serdeable
public record BatchResult(int created, int existing, List<ClaimView> items) {

  /**
   * The same outcome without the claims' contents, for {@code Prefer: return=minimal} (RFC 7240):
   * large imports that only need the ids skip reading back a megabyte of claims.
   */
  @Serdeable
  public record Minimal(int created, int existing, List<Ref> items) {}

  /** A stored claim by id, the caller's externalRef and the version (ETag) to PATCH it with. */
  @Serdeable
  public record Ref(long id, @Nullable String externalRef, int version) {}
}
