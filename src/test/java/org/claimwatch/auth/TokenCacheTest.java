package org.claimwatch.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final ApiToken LIVE =
      new ApiToken(1L, "newsroom", Role.CHECKER, "h", "admin", NOW, null);

  private final TokenCache cache = new TokenCache(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void a_lookup_is_kept_for_the_next_request() {
    cache.get("h", hash -> Optional.of(LIVE));
    assertEquals(Optional.of(LIVE), cache.cached("h"));
  }

  @Test
  void a_lookup_that_overlapped_a_clearing_is_not_kept() {
    // The revocation clears the cache while this lookup has read the token as it was before.
    Optional<ApiToken> answer =
        cache.get(
            "h",
            hash -> {
              cache.evictAll();
              return Optional.of(LIVE);
            });
    assertEquals(Optional.of(LIVE), answer);
    assertNull(cache.cached("h"), "the next request must ask the database again");
  }
}
