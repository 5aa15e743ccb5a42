package org.claimwatch.auth;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * Unknown tokens, kept apart: a flood of random tokens fills (and clears) only this map, never
   * the one the real tokens are in.
   */
  private final ConcurrentHashMap<String, Entry> misses = new ConcurrentHashMap<>();

  private final Clock clock;

  /** Counts the clearings, so a lookup that overlapped one does not keep its answer. */
  private final AtomicLong generation = new AtomicLong();

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  Optional<ApiToken> get(String hash, Function<String, Optional<ApiToken>> load) {
    Optional<ApiToken> cached = cached(hash);
    if (cached != null) {
      return cached;
    }
    long before = generation.get();
    Optional<ApiToken> token = load.apply(hash);
    ConcurrentHashMap<String, Entry> map = token.isPresent() ? entries : misses;
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(hash, new Entry(token, clock.instant().plus(TTL)));
    if (generation.get() != before) {
      // Cleared while this lookup ran: its answer may predate a revocation, so it is not kept.
      map.remove(hash);
    }
    return token;
  }

  /** What is known of the token without asking the database, or null. */
  Optional<ApiToken> cached(String hash) {
    Instant now = clock.instant();
    Entry e = entries.get(hash);
    if (e == null) {
      e = misses.get(hash);
    }
    return e != null && e.until().isAfter(now) ? e.token() : null;
  }

  void evictAll() {
    generation.incrementAndGet();
    entries.clear();
    misses.clear();
  }
}
