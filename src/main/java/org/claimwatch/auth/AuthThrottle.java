package org.claimwatch.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.claimwatch.system.MinuteCounts;

/**
 * Counts failed authentications per client address in one-minute windows ({@code
 * claimwatch.auth.max-failures-per-minute}, 30 by default). Past the limit the address is answered
 * 429 until the window ends, and its unknown tokens are no longer looked up in the database (a
 * token already known still works): guessing tokens gets slow, and a flood of them costs nothing.
 */
@Singleton
public class AuthThrottle {
  private static final int MAX_ADDRESSES = 100_000;

  private final MinuteCounts failures;
  private final int maxFailures;

  AuthThrottle(
      @Value("${claimwatch.auth.max-failures-per-minute:30}") int maxFailures, Clock clock) {
    this.maxFailures = maxFailures;
    this.failures = new MinuteCounts(MAX_ADDRESSES, clock);
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
    failures.add(address);
  }

  /** Seconds until the address may try again, or 0 when it is not over the limit. */
  public long blockedFor(String address) {
    return failures.count(address) < maxFailures ? 0 : failures.secondsLeft(address);
  }
}
