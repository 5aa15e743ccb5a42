package org.claimwatch.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in one-minute windows ({@code
 * claimwatch.auth.max-failures-per-minute}, 30 by default). Past the limit the address is answered
 * 429 until the window ends, and its unknown tokens are no longer looked up in the database (a
 * token already known still works): guessing tokens gets slow, and a flood of them costs nothing.
 */
@Singleton
public class AuthThrottle {
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_ADDRESSES = 100_000;

  private record Window(Instant start, int failures) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final Clock clock;

  AuthThrottle(
      @Value("${claimwatch.auth.max-failures-per-minute:30}") int maxFailures, Clock clock) {
    this.maxFailures = maxFailures;
    this.clock = clock;
  }

  /**
   * The client as this service sees it (a proxy's address, behind one): an IPv4 address, or the /64
   * network of an IPv6 one (a client holds a whole /64 and would make a new address a guess).
   */
  public static String address(io.micronaut.http.HttpRequest<?> request) {
    java.net.InetSocketAddress a = request.getRemoteAddress();
    if (a == null || a.getAddress() == null) {
      return "unknown";
    }
    byte[] b = a.getAddress().getAddress();
    if (b.length == 16) {
      return java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64";
    }
    return a.getAddress().getHostAddress();
  }

  public void failed(String address) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_ADDRESSES) {
      // Forget the windows that ended; never the ones that still count.
      windows.values().removeIf(w -> !w.start().plus(WINDOW).isAfter(now));
      if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
        return;
      }
    }
    windows.compute(
        address,
        (k, w) ->
            w == null || !w.start().plus(WINDOW).isAfter(now)
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
  }

  /** Seconds until the address may try again, or 0 when it is not over the limit. */
  public long blockedFor(String address) {
    Window w = windows.get(address);
    if (w == null || w.failures() < maxFailures) {
      return 0;
    }
    long left = Duration.between(clock.instant(), w.start().plus(WINDOW)).toSeconds();
    return Math.max(0, left);
  }
}
