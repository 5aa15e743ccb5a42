package org.claimwatch.webhook;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a
 * single-address block. Parsing never touches DNS. The IPAddress library parses, masks and matches;
 * this class says which texts count as an address and how a mapped address is treated.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is treated as the IPv4 address it maps,
 * both when parsed and when matched, because the JDK already turns most of them into {@link
 * java.net.Inet4Address} and a connection to one reaches the IPv4 host.
 */
public final class Cidr {
  /**
   * What counts as an IP literal. IPv4 only as a strict dotted quad: no leading zeros, no short
   * forms like 127.1 or 2130706433, no hex, since resolvers disagree on whether those are octal,
   * decimal or host names; a dotted quad at the end of an IPv6 address is held to the same rule.
   * IPv6 in its usual forms (a group may have any number of leading zeros, as the JDK allows), but
   * no zone id ({@code %eth0}: we never want scoped addresses). Nowhere a prefix, mask, range or
   * wildcard.
   */
  private static final IPAddressStringParameters LITERAL = literalParameters();

  /** A prefix block; IPv4 when it was written as a mapped IPv6 block. */
  private final IPAddress block;

  private Cidr(IPAddress block) {
    this.block = block;
  }

  /**
   * Parses {@code address[/prefix]}. Host bits below the prefix are ignored.
   *
   * @throws IllegalArgumentException naming the text if it is not a CIDR
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR: it is empty");
    }
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
    IPAddress address;
    try {
      address = parseLiteral(addressText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR: " + e.getMessage(), e);
    }
    // ::ffff:a.b.c.d is an IPv4 address, so a mapped block's /96+n becomes /n.
    int offset = isIpv4Mapped(address) ? 96 : 0;
    address = unmapped(address);
    int max = address.getBitCount();
    int prefix = max;
    if (slash >= 0) {
      String prefixText = trimmed.substring(slash + 1);
      if (!prefixText.matches("[0-9]{1,3}")
          || Integer.parseInt(prefixText) < offset
          || Integer.parseInt(prefixText) - offset > max) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a CIDR: the prefix length must be "
                + offset
                + "-"
                + (max + offset));
      }
      prefix = Integer.parseInt(prefixText) - offset;
    }
    return new Cidr(address.toPrefixBlock(prefix));
  }

  /**
   * Parses an IP literal (IPv6 optionally in brackets) without any lookup.
   *
   * @throws IllegalArgumentException if the text is not an IP literal
   */
  static InetAddress parseAddress(String text) {
    return toInetAddress(parseLiteral(text));
  }

  private static IPAddress parseLiteral(String text) {
    String bare =
        text.length() > 1 && text.startsWith("[") && text.endsWith("]")
            ? text.substring(1, text.length() - 1)
            : text;
    // The library would forgive surrounding blanks; a host name or a configured entry may not.
    IPAddress address =
        bare.strip().equals(bare) ? new IPAddressString(bare, LITERAL).getAddress() : null;
    if (address == null) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    return address;
  }

  /**
   * The address as the library sees it, without a scope id; an IPv4-mapped {@link
   * java.net.Inet6Address} stays IPv6 here.
   */
  static IPAddress of(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
  }

  /**
   * The JDK's address for it: an IPv4-mapped one becomes an {@link java.net.Inet4Address}, as
   * {@link InetAddress#getByName} makes it.
   */
  private static InetAddress toInetAddress(IPAddress address) {
    try {
      return InetAddress.getByAddress(address.getBytes());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a length other than 4 or 16
    }
  }

  static boolean isIpv4Mapped(IPAddress address) {
    return address.isIPv6() && address.toIPv6().isIPv4Mapped();
  }

  private static IPAddress unmapped(IPAddress address) {
    return isIpv4Mapped(address) ? address.toIPv6().getEmbeddedIPv4Address() : address;
  }

  /** Whether the address lies in this block; IPv4 and IPv6 blocks never match each other. */
  public boolean contains(InetAddress address) {
    return contains(of(address));
  }

  /** As {@link #contains(InetAddress)}. */
  boolean contains(IPAddress address) {
    IPAddress candidate = unmapped(address);
    return candidate.getIPVersion() == block.getIPVersion() && block.contains(candidate);
  }

  /** The block in its usual short form, such as {@code fe80::/10} or {@code 127.0.0.1/32}. */
  @Override
  public String toString() {
    return block.getLower().withoutPrefixLength().toCanonicalString()
        + "/"
        + block.getNetworkPrefixLength();
  }

  private static IPAddressStringParameters literalParameters() {
    IPAddressStringParameters.Builder builder =
        new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowPrefixOnly(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false);
    builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false);
    builder
        .getIPv6AddressParametersBuilder()
        .allowZone(false)
        .allowEmptyZone(false)
        .allowBase85(false)
        .allowBinary(false)
        .allowLeadingZeros(true)
        .allowUnlimitedLeadingZeros(true)
        .allowMixed(true)
        .allow_mixed_inet_aton(false)
        .getEmbeddedIPv4AddressParametersBuilder()
        .allowLeadingZeros(false)
        .allowBinary(false);
    return builder.toParams();
  }
}
