package org.claimwatch.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in one-minute windows, in this instance's memory: the one way limits are
 * counted (failed authentications per address, replays per subscription). At most {@code maxKeys}
 * keys: when full, windows that ended are forgotten, never the ones that still count, and a new key
 * is not counted until there is room.
 */
public final class MinuteCounts {
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private record Window(Instant start, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int maxKeys;
  private final Clock clock;

  public MinuteCounts(int maxKeys, Clock clock) {
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** Counts one event for the key; returns the count in its window (0: not counted, no room). */
  public int add(String key) {
    Instant now = clock.instant();
    if (windows.size() >= maxKeys) {
      windows.values().removeIf(w -> !w.start().plus(WINDOW).isAfter(now));
      if (windows.size() >= maxKeys && !windows.containsKey(key)) {
        return 0;
      }
    }
    return windows
        .compute(
            key,
            (k, w) ->
                w == null || !w.start().plus(WINDOW).isAfter(now)
                    ? new Window(now, 1)
                    : new Window(w.start(), w.count() + 1))
        .count();
  }

  /** The key's count in its current window (0 when it has none or it ended). */
  public int count(String key) {
    Window w = windows.get(key);
    return w == null || !w.start().plus(WINDOW).isAfter(clock.instant()) ? 0 : w.count();
  }

  /** Seconds until the key's window ends (0 when it has none). */
  public long secondsLeft(String key) {
    Window w = windows.get(key);
    return w == null
        ? 0
        : Math.max(0, Duration.between(clock.instant(), w.start().plus(WINDOW)).toSeconds());
  }
}
