package org.claimwatch.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Keeps webhook deliveries away from internal networks (SSRF): checks subscription URLs when they
 * are saved, and, as the HTTP client's {@link DnsResolver}, checks every address it is about to
 * connect to.
 *
 * <p>Checking the URL alone is not enough: a name can resolve to a public address when the
 * subscription is saved and to 127.0.0.1 when it is delivered (DNS rebinding). As the resolver, the
 * guard looks a name up once, checks every address, and hands exactly those to the client, so the
 * connection goes to an address that was checked.
 *
 * <p>Addresses in {@code claimwatch.webhooks.allowed-cidrs} are let through even when they are in a
 * blocked range, e.g. for a receiver on the same private network.
 */
public class UrlGuard implements DnsResolver {
  private static final String HOW_TO_ALLOW = "(allow it with claimwatch.webhooks.allowed-cidrs)";

  private record Range(Cidr cidr, String kind) {}

  private static final List<Range> BLOCKED =
      List.of(
          range("0.0.0.0/8", "an unspecified"),
          range("127.0.0.0/8", "a loopback"),
          range("10.0.0.0/8", "a private"),
          range("172.16.0.0/12", "a private"),
          range("192.168.0.0/16", "a private"),
          range("169.254.0.0/16", "a link-local"),
          range("100.64.0.0/10", "a carrier-grade NAT"),
          range("224.0.0.0/4", "a multicast"),
          range("240.0.0.0/4", "a reserved"),
          range("192.0.0.0/24", "a reserved (IETF protocol assignments)"),
          range("198.18.0.0/15", "a benchmarking"),
          range("::/128", "an unspecified"),
          range("::1/128", "a loopback"),
          range("fc00::/7", "a unique local"),
          range("fe80::/10", "a link-local"),
          range("fec0::/10", "a site-local"),
          range("ff00::/8", "a multicast"),
          // Local-use NAT64 (RFC 8215) translates to whatever the operator's network holds.
          range("64:ff9b:1::/48", "a local-use NAT64"));

  /** Looks a host name up; the seam lets tests fake DNS. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] lookup(String host) throws UnknownHostException;
  }

  private final List<Cidr> allowed;
  private final Lookup lookup;

  /**
   * @param allowedCidrs ranges let through despite being blocked; null or empty allows none
   * @throws IllegalArgumentException naming the first entry that is not a CIDR
   */
  public UrlGuard(List<String> allowedCidrs) {
    this(allowedCidrs, InetAddress::getAllByName);
  }

  UrlGuard(List<String> allowedCidrs, Lookup lookup) {
    List<Cidr> parsed = new ArrayList<>();
    for (String entry : allowedCidrs == null ? List.<String>of() : allowedCidrs) {
      // An empty environment variable arrives as one blank entry; it means "none".
      if (entry == null || entry.isBlank()) {
        continue;
      }
      try {
        parsed.add(Cidr.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "claimwatch.webhooks.allowed-cidrs: " + e.getMessage(), e);
      }
    }
    this.allowed = List.copyOf(parsed);
    this.lookup = lookup;
  }

  /**
   * This guard without the allow-list: the allowed ranges open internal services to whoever
   * subscribes, so only an ADMIN's subscriptions may point into them.
   */
  public UrlGuard withoutAllowList() {
    return allowed.isEmpty() ? this : new UrlGuard(List.of(), lookup);
  }

  /**
   * Checks a subscription URL, resolving its host once.
   *
   * @return the URL with scheme and host in lower case and dot segments removed
   * @throws Rejected with a reason fit to show the subscriber
   */
  public URI check(String url) {
    if (url == null || url.isBlank()) {
      throw new Rejected("the URL is empty");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new Rejected("the URL is not valid: " + e.getMessage());
    }
    if (!uri.isAbsolute()) {
      throw new Rejected("the URL must be absolute, like https://example.com/hook");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Rejected("the URL must use http or https");
    }
    // A registry-based authority (one java.net.URI could not split) still counts: user:pw@a_b.
    String authority = uri.getRawAuthority();
    if (authority != null && authority.contains("@")) {
      throw new Rejected("the URL must not contain credentials");
    }
    if (uri.getHost() == null) {
      throw new Rejected(
          authority == null
              ? "the URL has no host"
              : "the URL's host and port " + authority + " are not valid");
    }
    if (uri.getRawFragment() != null) {
      throw new Rejected("the URL must not contain a fragment (#...)");
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      throw new Rejected("the URL's port must be 1-65535, not " + uri.getPort());
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (looksLikeLiteral(unbracket(host))) {
      try {
        Cidr.parseAddress(host);
      } catch (IllegalArgumentException e) {
        throw new Rejected("the host " + host + " is not a valid IP address");
      }
    }
    try {
      resolve(host);
    } catch (BlockedAddressException e) {
      throw new Rejected(e.getMessage());
    } catch (UnknownHostException e) {
      throw new Rejected("the host " + host + " does not resolve");
    }
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return URI.create(scheme + "://" + host + port + path + query).normalize();
  }

  /**
   * Resolves the host once and returns exactly the addresses it checked.
   *
   * @throws BlockedAddressException if any address is blocked, because the client may try each
   */
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    if (host == null || host.isBlank()) {
      throw new UnknownHostException("no host");
    }
    String bare = unbracket(host);
    boolean literal = looksLikeLiteral(bare);
    InetAddress[] addresses;
    if (literal) {
      try {
        addresses = new InetAddress[] {Cidr.parseAddress(bare)};
      } catch (IllegalArgumentException e) {
        throw new UnknownHostException(e.getMessage());
      }
    } else {
      addresses = lookup.lookup(bare);
    }
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    addresses = addresses.clone();
    for (InetAddress address : addresses) {
      Optional<String> reason = blockedReason(address);
      if (reason.isPresent()) {
        // A name's addresses are not told: the answer would map the internal network.
        String what =
            literal
                ? "the URL points at " + reason.get()
                : "the host " + bare + " resolves to an address that is not public";
        throw new BlockedAddressException(what + ", which is blocked " + HOW_TO_ALLOW);
      }
    }
    return addresses;
  }

  /** The host itself: a reverse lookup would be one more answer an attacker controls. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /**
   * Why a connection to the address is refused, e.g. {@code "10.0.0.5, a private address"}, or
   * empty if it is allowed.
   */
  public Optional<String> blockedReason(InetAddress address) {
    return blockedReason(Cidr.of(address));
  }

  private Optional<String> blockedReason(IPAddress address) {
    for (Cidr cidr : allowed) {
      if (cidr.contains(address)) {
        return Optional.empty();
      }
    }
    // The usual short form (::ffff:7f00:1 rather than the JDK's long one).
    String text = address.toCanonicalString();
    // A mapped address would match the IPv4 ranges too; judging it below names the mapping.
    if (!Cidr.isIpv4Mapped(address)) {
      for (Range range : BLOCKED) {
        if (range.cidr().contains(address)) {
          return Optional.of(text + ", " + range.kind() + " address");
        }
      }
    }
    if (!address.isIPv6()) {
      return Optional.empty();
    }
    // These forms reach the IPv4 host they embed (through the OS, a NAT64 gateway or a 6to4
    // relay), so they are only as safe as that host.
    IPv6Address v6 = address.toIPv6();
    String form;
    IPv4Address embedded;
    if (v6.isIPv4Mapped()) {
      form = "an IPv4-mapped";
      embedded = v6.getEmbeddedIPv4Address();
    } else if (v6.isIPv4Compatible()) {
      form = "an IPv4-compatible";
      embedded = v6.getEmbeddedIPv4Address();
    } else if (v6.isWellKnownIPv4Translatable()) { // 64:ff9b::/96
      form = "a NAT64";
      embedded = v6.getEmbeddedIPv4Address();
    } else if (v6.is6To4()) {
      form = "a 6to4";
      embedded = v6.get6To4IPv4Address();
    } else {
      return Optional.empty();
    }
    return blockedReason(embedded)
        .map(reason -> text + ", " + form + " address embedding " + reason);
  }

  // All-numeric names are never real DNS names, and system resolvers read 127.1 or 2130706433 as
  // addresses; treat them as literals so that only strict dotted quads get through.
  private static boolean looksLikeLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") && host.length() > 1
        ? host.substring(1, host.length() - 1)
        : host;
  }

  private static Range range(String cidr, String kind) {
    return new Range(Cidr.parse(cidr), kind);
  }

  /** A subscription URL that is refused; the message says why, in words fit for the subscriber. */
  public static class Rejected extends RuntimeException {
    public Rejected(String reason) {
      super(reason);
    }
  }

  /** Thrown to the HTTP client when a host resolves to a blocked address. */
  public static class BlockedAddressException extends UnknownHostException {
    public BlockedAddressException(String reason) {
      super(reason);
    }
  }
}
