package org.claimwatch.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a
 * single-address block. Parsing never touches DNS.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is treated as the IPv4 address it maps,
 * both when parsed and when matched, because the JDK already turns most of them into {@link
 * java.net.Inet4Address} and a connection to one reaches the IPv4 host.
 */
public final class Cidr {
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  // Strict dotted quad: no leading zeros, no short forms like 127.1, since resolvers disagree on
  // whether those are octal, decimal or host names.
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  // No zone ids (%eth0): the JDK would look the interface up, and we never want scoped addresses.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
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
    byte[] bytes;
    try {
      bytes = parseAddress(addressText).getAddress();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR: " + e.getMessage(), e);
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String prefixText = trimmed.substring(slash + 1);
      // The JDK hands back ::ffff:a.b.c.d as IPv4, so a mapped block's /96+n becomes /n.
      int offset = bytes.length == 4 && addressText.contains(":") ? 96 : 0;
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
    return new Cidr(mask(bytes, prefix), prefix);
  }

  /**
   * Parses an IP literal (IPv6 optionally in brackets) without any lookup.
   *
   * @throws IllegalArgumentException if the text is not an IP literal
   */
  static InetAddress parseAddress(String text) {
    String bare =
        text.length() > 1 && text.startsWith("[") && text.endsWith("]")
            ? text.substring(1, text.length() - 1)
            : text;
    try {
      if (IPV4.matcher(bare).matches()) {
        String[] parts = bare.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return InetAddress.getByAddress(bytes);
      }
      if (bare.contains(":") && IPV6.matcher(bare).matches()) {
        // The brackets make the JDK fail on a malformed literal instead of asking DNS.
        return InetAddress.getByName("[" + bare + "]");
      }
    } catch (UnknownHostException e) {
      // fall through to the common message
    }
    throw new IllegalArgumentException("'" + text + "' is not an IP address");
  }

  /** Whether the address lies in this block; IPv4 and IPv6 blocks never match each other. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (isIpv4Mapped(bytes)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
  }

  static boolean isIpv4Mapped(byte[] bytes) {
    if (bytes.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** The address in its usual short form ({@code ::ffff:7f00:1} rather than the JDK's long one). */
  static String format(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int runStart = -1;
    int runLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > runLength) {
        runStart = i;
        runLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        text.append("::");
        i += runLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - 8 * i));
      masked[i] &= (byte) (0xff00 >> bits);
    }
    return masked;
  }

  @Override
  public String toString() {
    try {
      return format(InetAddress.getByAddress(network)) + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
