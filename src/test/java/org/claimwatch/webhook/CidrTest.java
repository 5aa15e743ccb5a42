package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Cidr keeps of its hand-written days now that the IPAddress library does the work;
 * UrlGuardTest covers the rest. The library accepts much more by default (ranges, wildcards, masks,
 * zones, 127.1), so most of these pin down what it must refuse.
 */
class CidrTest {
  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text), text).getMessage();
  }

  private static void assertNotAnAddress(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parseAddress(text), text);
    assertEquals("'" + text + "' is not an IP address", e.getMessage());
  }

  private static byte[] mapped(int a, int b, int c, int d) {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    bytes[12] = (byte) a;
    bytes[13] = (byte) b;
    bytes[14] = (byte) c;
    bytes[15] = (byte) d;
    return bytes;
  }

  @Test
  void errors_say_what_is_wrong() {
    assertEquals("'' is not a CIDR: it is empty", error(""));
    assertEquals("'null' is not a CIDR: it is empty", error(null));
    assertEquals(
        "'10.0.0.0/33' is not a CIDR: the prefix length must be 0-32", error("10.0.0.0/33"));
    assertEquals("'::/129' is not a CIDR: the prefix length must be 0-128", error("::/129"));
    assertEquals(
        "'::ffff:10.0.0.0/95' is not a CIDR: the prefix length must be 96-128",
        error("::ffff:10.0.0.0/95"));
    assertEquals(
        "'10.0/8' is not a CIDR: '10.0' is not an IP address", error("10.0/8"), "no short forms");
  }

  @Test
  void prefix_is_one_to_three_digits_and_nothing_else() {
    assertEquals("10.0.0.0/8", Cidr.parse("10.0.0.0/08").toString());
    assertEquals("10.0.0.0/8", Cidr.parse("10.0.0.0/008").toString());
    for (String bad :
        List.of(
            "10.0.0.0/",
            "10.0.0.0/0008",
            "10.0.0.0/+8",
            "10.0.0.0/ 8",
            "10.0.0.0/8/8",
            "10.0.0.0/255.0.0.0",
            "10.0.0.0/ff")) {
      assertTrue(error(bad).endsWith("the prefix length must be 0-32"), bad);
    }
    assertTrue(error("10.0.0.0 /8").contains("'10.0.0.0 ' is not an IP address"));
  }

  @Test
  void a_bare_address_is_a_single_address_block() {
    assertEquals("127.0.0.1/32", Cidr.parse("127.0.0.1").toString());
    assertEquals("::1/128", Cidr.parse("::1").toString());
    assertEquals("0.0.0.0/0", Cidr.parse("1.2.3.4/0").toString());
    assertTrue(Cidr.parse("1.2.3.4/0").contains(Cidr.parseAddress("255.255.255.255")));
    assertEquals("::1/128", Cidr.parse(" [::1]/128 ").toString(), "brackets and blanks around");
  }

  @Test
  void a_mapped_block_is_the_ipv4_block_it_maps() {
    assertEquals("10.0.0.0/8", Cidr.parse("::ffff:10.0.0.0/104").toString());
    assertEquals("10.0.0.0/8", Cidr.parse("::ffff:a00:0/104").toString());
    assertEquals("0.0.0.0/0", Cidr.parse("::ffff:0:0/96").toString());
    assertEquals("1.2.3.4/32", Cidr.parse("::ffff:1.2.3.4").toString());
    assertTrue(error("::ffff:1.2.3.4/129").endsWith("the prefix length must be 96-128"));
    assertFalse(Cidr.parse("::ffff:0:0/96").contains(Cidr.parseAddress("::1")));
  }

  @Test
  void a_mapped_or_scoped_inet6_address_is_matched_by_its_bytes() throws Exception {
    Inet6Address mapped = Inet6Address.getByAddress(null, mapped(10, 1, 2, 3), -1);
    assertTrue(Cidr.parse("10.0.0.0/8").contains(mapped));
    assertFalse(Cidr.parse("::/0").contains(mapped), "a mapped address is IPv4");
    Inet6Address scoped =
        Inet6Address.getByAddress(null, Cidr.parseAddress("fe80::1").getAddress(), 2);
    assertTrue(Cidr.parse("fe80::/10").contains(scoped), "a scope id does not hide the address");
    assertEquals(
        Optional.of("fe80::1, a link-local address"),
        new UrlGuard(List.of()).blockedReason(scoped));
    assertEquals(
        Optional.empty(), new UrlGuard(List.of("10.0.0.0/8")).blockedReason(mapped), "allowed");
  }

  @Test
  void a_mapped_literal_becomes_the_jdks_ipv4_address() {
    InetAddress address = Cidr.parseAddress("[::ffff:127.0.0.1]");
    assertInstanceOf(Inet4Address.class, address);
    assertArrayEquals(new byte[] {127, 0, 0, 1}, address.getAddress());
    assertInstanceOf(Inet6Address.class, Cidr.parseAddress("::7f00:1"), "IPv4-compatible stays");
  }

  @Test
  void ipv6_is_written_in_its_usual_short_form() {
    assertEquals("2001:db8:0:1:1:1:1:1/128", Cidr.parse("2001:DB8:0:1:1:1:1:1").toString());
    assertEquals("1:0:0:2::3/128", Cidr.parse("1:0:0:2:0:0:0:3").toString(), "longest run");
    assertEquals("1::2:0:0:3:4/128", Cidr.parse("1:0:0:2:0:0:3:4").toString(), "first run");
    assertEquals("::/0", Cidr.parse("1::/0").toString());
  }

  @Test
  void ipv6_groups_may_have_leading_zeros_as_the_jdk_allows() {
    assertArrayEquals(
        Cidr.parseAddress("::1").getAddress(), Cidr.parseAddress("00000::0001").getAddress());
    assertArrayEquals(
        Cidr.parseAddress("d1::fd7a:ef3").getAddress(),
        Cidr.parseAddress("d1::0fd7A:EF3").getAddress());
    assertNotAnAddress("1ffff::");
  }

  @Test
  void a_dotted_quad_inside_ipv6_has_no_leading_zeros_either() {
    // The JDK read these as decimal (the one change from the hand-written parser): now the same
    // rule holds for a dotted quad wherever it stands.
    assertNotAnAddress("::ffff:01.2.3.4");
    assertNotAnAddress("::ffff:1.2.3.04");
    assertNotAnAddress("64:ff9b::010.0.0.1");
    assertArrayEquals(new byte[] {10, 0, 0, 1}, Cidr.parseAddress("::ffff:10.0.0.1").getAddress());
  }

  @Test
  void only_strict_literals_are_addresses() {
    for (String bad :
        List.of(
            "",
            "127.1",
            "2130706433",
            "0x7f.0.0.1",
            "017.0.0.1",
            "01.2.3.4",
            "1.2.3.4.",
            "256.0.0.0",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1.2.3.*",
            "*",
            "1-2.0.0.0",
            "10.0.0.0/8",
            "fe80::1%eth0",
            "fe80::1%",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "::ffff:1.2.3",
            "1:2:3:4:5:6:7:1.2.3.4",
            "[]",
            "[::1",
            "example.com")) {
      assertNotAnAddress(bad);
    }
    assertArrayEquals(
        new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1},
        Cidr.parseAddress("64:ff9b::127.0.0.1").getAddress());
    assertArrayEquals(new byte[4], Cidr.parseAddress("0.0.0.0").getAddress());
    assertArrayEquals(new byte[16], Cidr.parseAddress("[::]").getAddress());
  }
}
