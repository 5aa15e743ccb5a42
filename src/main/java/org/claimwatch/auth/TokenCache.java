package org.claimwatch.auth;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers recent token lookups for a few seconds so a busy client does not cost a database round
 * trip per request. A revoked token is dropped here at once; another instance notices within {@link
 * #TTL}.
 */
@Singleton
class TokenCache {
  static final Duration TTL = Duration.ofSeconds(10);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Optional<ApiToken> token, Instant until) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  Optional<ApiToken> get(String hash, Function<String, Optional<ApiToken>> load) {
    Instant now = clock.instant();
    Entry e = entries.get(hash);
    if (e != null && e.until().isAfter(now)) {
      return e.token();
    }
    Optional<ApiToken> token = load.apply(hash);
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(hash, new Entry(token, now.plus(TTL)));
    return token;
  }

  void evictAll() {
    entries.clear();
  }
}
