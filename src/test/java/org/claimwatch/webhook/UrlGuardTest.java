package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
  private final AtomicInteger lookups = new AtomicInteger();

  private final Map<String, InetAddress[]> dns =
      Map.of(
          "example.com", addresses("93.184.216.34", "2606:2800:220:1::1"),
          "metadata.attacker.test", addresses("169.254.169.254"),
          "split.attacker.test", addresses("93.184.216.34", "10.0.0.5"));

  private final UrlGuard guard = guard(List.of());

  private UrlGuard guard(List<String> allowed) {
    return new UrlGuard(
        allowed,
        host -> {
          lookups.incrementAndGet();
          InetAddress[] found = dns.get(host);
          if (found == null) {
            throw new UnknownHostException(host);
          }
          return found.clone();
        });
  }

  private static InetAddress address(String literal) {
    return Cidr.parseAddress(literal);
  }

  private static InetAddress[] addresses(String... literals) {
    InetAddress[] result = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      result[i] = address(literals[i]);
    }
    return result;
  }

  private String rejection(String url) {
    return assertThrows(UrlGuard.Rejected.class, () -> guard.check(url), url).getMessage();
  }

  private void assertBlocked(String literal, String kind) {
    Optional<String> reason = guard.blockedReason(address(literal));
    assertTrue(reason.isPresent(), literal + " should be blocked");
    assertTrue(reason.get().contains(kind), literal + ": " + reason.get());
  }

  @Test
  void rejects_cloud_metadata_address() {
    String literal = rejection("http://169.254.169.254/latest/meta-data/");
    assertEquals(
        "the URL points at 169.254.169.254, a link-local address, which is blocked"
            + " (allow it with claimwatch.webhooks.allowed-cidrs)",
        literal);
    String named = rejection("https://metadata.attacker.test/hook");
    assertEquals(
        "the host metadata.attacker.test resolves to an address that is not public, which is"
            + " blocked (allow it with claimwatch.webhooks.allowed-cidrs)",
        named,
        "a name's addresses are not told: they would map the internal network");
  }

  @Test
  void blocks_every_special_purpose_ipv4_range() {
    Map<String, String> blocked =
        Map.ofEntries(
            Map.entry("0.0.0.0", "unspecified"),
            Map.entry("0.255.255.255", "unspecified"),
            Map.entry("127.0.0.1", "loopback"),
            Map.entry("127.255.255.254", "loopback"),
            Map.entry("10.0.0.5", "private"),
            Map.entry("172.16.0.1", "private"),
            Map.entry("172.31.255.255", "private"),
            Map.entry("192.168.1.1", "private"),
            Map.entry("169.254.1.1", "link-local"),
            Map.entry("100.64.0.1", "carrier-grade NAT"),
            Map.entry("100.127.255.255", "carrier-grade NAT"),
            Map.entry("224.0.0.1", "multicast"),
            Map.entry("239.255.255.250", "multicast"),
            Map.entry("240.0.0.1", "reserved"),
            Map.entry("255.255.255.255", "reserved"),
            Map.entry("192.0.0.8", "reserved"),
            Map.entry("198.18.0.1", "benchmarking"),
            Map.entry("198.19.255.255", "benchmarking"));
    blocked.forEach(
        (literal, kind) -> {
          assertBlocked(literal, kind);
          assertTrue(rejection("http://" + literal + "/hook").contains(literal + ", a"));
        });
  }

  @Test
  void allows_addresses_just_outside_the_blocked_ranges() {
    for (String literal :
        List.of(
            "1.0.0.0",
            "9.255.255.255",
            "11.0.0.0",
            "126.255.255.255",
            "128.0.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.167.255.255",
            "192.169.0.0",
            "169.253.255.255",
            "100.63.255.255",
            "100.128.0.0",
            "223.255.255.255",
            "192.0.1.1",
            "198.17.255.255",
            "198.20.0.0",
            "8.8.8.8")) {
      assertEquals(Optional.empty(), guard.blockedReason(address(literal)), literal);
    }
  }

  @Test
  void blocks_ipv6_loopback_unspecified_unique_local_link_local_and_multicast() {
    assertBlocked("::1", "loopback");
    assertBlocked("::", "unspecified");
    assertBlocked("fc00::1", "unique local");
    assertBlocked("fd12:3456:789a::1", "unique local");
    assertBlocked("fe80::1", "link-local");
    assertBlocked("febf:ffff::1", "link-local");
    assertBlocked("fec0::1", "site-local");
    assertBlocked("ff02::1", "multicast");
    assertBlocked("64:ff9b:1::a", "local-use NAT64");
    assertTrue(rejection("http://[::1]:8080/").contains("::1, a loopback address"));
    assertTrue(rejection("http://[fd00::5]/").contains("unique local"));
    assertTrue(rejection("http://[FE80::1]/").contains("fe80::1, a link-local address"));
  }

  @Test
  void rejects_ipv4_mapped_ipv6_urls() {
    assertTrue(rejection("http://[::ffff:127.0.0.1]/").contains("127.0.0.1, a loopback"));
    assertTrue(rejection("http://[::ffff:a9fe:a9fe]/").contains("169.254.169.254, a link-local"));
    assertTrue(rejection("http://[0:0:0:0:0:ffff:10.0.0.5]:8080/x").contains("private"));
  }

  @Test
  void judges_an_ipv4_mapped_inet6_address_by_its_ipv4_address() throws Exception {
    byte[] mapped = address("::ffff:7f00:1").getAddress(); // the JDK hands back 127.0.0.1
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    System.arraycopy(mapped, 0, bytes, 12, 4);
    InetAddress inet6 = Inet6Address.getByAddress(null, bytes, -1);
    assertTrue(inet6 instanceof Inet6Address);
    assertEquals(
        Optional.of(
            "::ffff:7f00:1, an IPv4-mapped address embedding 127.0.0.1, a loopback address"),
        guard.blockedReason(inet6));
    bytes[12] = 93;
    bytes[13] = (byte) 184;
    assertEquals(Optional.empty(), guard.blockedReason(Inet6Address.getByAddress(null, bytes, -1)));
  }

  @Test
  void judges_nat64_6to4_and_ipv4_compatible_addresses_by_the_embedded_ipv4() {
    assertBlocked("64:ff9b::a00:5", "NAT64 address embedding 10.0.0.5, a private");
    assertBlocked("2002:a9fe:a9fe::1", "6to4 address embedding 169.254.169.254");
    assertBlocked("2002:c0a8:101::", "6to4 address embedding 192.168.1.1");
    assertBlocked("::7f00:1", "IPv4-compatible address embedding 127.0.0.1");
    assertTrue(rejection("http://[64:ff9b::127.0.0.1]/").contains("NAT64"));
    assertTrue(rejection("http://[2002:0a00:0005::1]/").contains("10.0.0.5"));
    for (String literal : List.of("64:ff9b::5db8:d822", "2002:5db8:d822::1", "::808:808")) {
      assertEquals(Optional.empty(), guard.blockedReason(address(literal)), literal);
    }
  }

  @Test
  void accepts_public_addresses_and_names() {
    assertEquals("http://93.184.216.34/hook", guard.check("http://93.184.216.34/hook").toString());
    assertEquals(
        "https://[2606:2800:220:1::1]:8443/hook",
        guard.check("https://[2606:2800:220:1::1]:8443/hook").toString());
    assertEquals("https://example.com/hook", guard.check("https://example.com/hook").toString());
  }

  @Test
  void normalizes_scheme_host_and_dot_segments() {
    assertEquals(
        "https://example.com/b/c?x=1&y=%2F",
        guard.check("HTTPS://Example.COM/a/../b/./c?x=1&y=%2F").toString());
    assertEquals("http://example.com/", guard.check("http://example.com").toString());
  }

  @Test
  void rejects_non_http_schemes() {
    for (String url :
        List.of(
            "ftp://example.com/file",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "gopher://example.com:70/_",
            "jar:http://example.com/x.jar!/")) {
      assertEquals("the URL must use http or https", rejection(url), url);
    }
    assertTrue(rejection("example.com/hook").contains("must be absolute"));
    assertTrue(rejection("http://exa mple.com/").contains("not valid"));
    assertEquals("the URL is empty", rejection(" "));
  }

  @Test
  void rejects_credentials_in_the_url() {
    for (String url :
        List.of(
            "https://user:pw@example.com/",
            "https://user@example.com/",
            "https://user:pw@exa_mple.com/")) {
      assertEquals("the URL must not contain credentials", rejection(url), url);
    }
  }

  @Test
  void rejects_a_url_without_a_host() {
    assertEquals("the URL has no host", rejection("http:///hook"));
    assertEquals("the URL has no host", rejection("https:example.com"));
    assertTrue(rejection("http://my_host.example.com/").contains("are not valid"));
  }

  @Test
  void rejects_a_fragment_and_bad_ports() {
    assertTrue(rejection("https://example.com/hook#x").contains("fragment"));
    assertTrue(rejection("https://example.com:0/").contains("port must be 1-65535"));
    assertTrue(rejection("https://example.com:65536/").contains("port must be 1-65535"));
    assertTrue(rejection("https://example.com:99999999999/").contains("are not valid"));
    assertEquals(
        "https://example.com:65535/", guard.check("https://example.com:65535/").toString());
  }

  @Test
  void rejects_ambiguous_numeric_hosts_without_a_lookup() {
    for (String url :
        List.of("http://2130706433/", "http://0/", "http://017700000001/", "http://127.1/")) {
      String reason = rejection(url);
      assertTrue(reason.contains("not a valid IP address") || reason.contains("not valid"), url);
    }
    assertEquals(0, lookups.get());
  }

  @Test
  void reports_a_host_that_does_not_resolve() {
    assertEquals(
        "the host example.invalid does not resolve", rejection("https://example.invalid/hook"));
  }

  @Test
  void allow_list_lets_loopback_through() {
    UrlGuard allowing = guard(List.of("127.0.0.0/8", " fd00::/8 ", ""));
    assertEquals(
        "http://127.0.0.1:8080/hook", allowing.check("http://127.0.0.1:8080/hook").toString());
    allowing.check("http://[::ffff:127.0.0.2]/");
    allowing.check("http://[fd00::1]/");
    assertThrows(UrlGuard.Rejected.class, () -> allowing.check("http://10.0.0.5/"));
    assertThrows(UrlGuard.Rejected.class, () -> allowing.check("http://[::1]/"));
  }

  @Test
  void bad_cidr_in_configuration_fails_naming_it() {
    for (String bad :
        List.of("10.0.0.0/33", "not-a-cidr", "example.com", "::1/129", "1.2.3.4/-1", "10.0/8")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> new UrlGuard(List.of("10.0.0.0/8", bad)), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("claimwatch.webhooks.allowed-cidrs"), e.getMessage());
    }
    assertEquals(0, lookups.get());
  }

  @Test
  void cidr_matches_its_own_family_and_treats_mapped_addresses_as_ipv4() {
    Cidr ten = Cidr.parse("10.0.0.0/8");
    assertTrue(ten.contains(address("10.255.255.255")));
    assertFalse(ten.contains(address("11.0.0.0")));
    assertFalse(ten.contains(address("::a00:1")));
    assertTrue(ten.contains(address("::ffff:10.1.2.3")));
    assertFalse(Cidr.parse("::/0").contains(address("10.0.0.1")));
    assertTrue(Cidr.parse("127.0.0.1").contains(address("127.0.0.1")));
    assertFalse(Cidr.parse("127.0.0.1").contains(address("127.0.0.2")));
    assertTrue(Cidr.parse("::1").contains(address("[::1]")));
    assertTrue(Cidr.parse("::ffff:10.0.0.0/104").contains(address("10.9.9.9")));
    assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
    assertEquals("fe80::/10", Cidr.parse("FE80:0:0::/10").toString());
  }

  @Test
  void rejects_a_name_when_any_of_its_addresses_is_blocked() {
    assertTrue(
        rejection("https://split.attacker.test/")
            .startsWith("the host split.attacker.test resolves to an address that is not public"));
    assertThrows(
        UrlGuard.BlockedAddressException.class, () -> guard.resolve("split.attacker.test"));
  }

  @Test
  void resolve_returns_exactly_the_checked_addresses_after_one_lookup() throws Exception {
    InetAddress[] resolved = guard.resolve("example.com");
    assertArrayEquals(dns.get("example.com"), resolved);
    assertEquals(1, lookups.get());
  }

  @Test
  void a_name_that_rebinds_to_a_private_address_is_refused_at_connect_time() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    UrlGuard rebinding =
        new UrlGuard(
            List.of(),
            host ->
                calls.incrementAndGet() == 1 ? addresses("93.184.216.34") : addresses("127.0.0.1"));
    rebinding.check("https://rebind.attacker.test/hook");
    UnknownHostException e =
        assertThrows(
            UrlGuard.BlockedAddressException.class,
            () -> rebinding.resolve("rebind.attacker.test"));
    assertTrue(
        e.getMessage().contains("resolves to an address that is not public"), e.getMessage());
    assertEquals(2, calls.get());
  }

  @Test
  void resolves_ip_literals_without_dns() throws Exception {
    assertArrayEquals(addresses("93.184.216.34"), guard.resolve("93.184.216.34"));
    assertArrayEquals(addresses("2606:2800:220:1::1"), guard.resolve("[2606:2800:220:1::1]"));
    assertThrows(UrlGuard.BlockedAddressException.class, () -> guard.resolve("[::1]"));
    assertThrows(UnknownHostException.class, () -> guard.resolve("[fe80::1%eth0]"));
    assertThrows(UnknownHostException.class, () -> guard.resolve("[zz::1]"));
    assertEquals(0, lookups.get());
    assertEquals("example.com", guard.resolveCanonicalHostname("example.com"));
    assertEquals(0, lookups.get());
  }
}
