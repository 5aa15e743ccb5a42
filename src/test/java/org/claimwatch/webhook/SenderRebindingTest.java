package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.Receiver;
import org.junit.jupiter.api.Test;

/**
 * At send time a host is resolved again; only a subscription an ADMIN saved may reach the
 * allow-listed ranges. A name that resolves inside by the time of the delivery (DNS rebinding) is
 * refused for any other subscription.
 */
class SenderRebindingTest {
  private static WebhookConfig config() {
    return new WebhookConfig(
        List.of("127.0.0.0/8"),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofHours(24),
        Duration.ofDays(5),
        List.of(Duration.ofSeconds(5)),
        0.2,
        20480,
        Duration.ofSeconds(1),
        true,
        200,
        1000,
        16,
        4,
        "http://localhost:8080",
        Duration.ofDays(30),
        Duration.ofHours(1));
  }

  @Test
  void a_name_rebound_to_an_allowed_range_is_reached_only_for_an_admins_subscription()
      throws Exception {
    try (Receiver receiver = new Receiver()) {
      // "rebound.test" resolves to the receiver on loopback, an allow-listed range.
      UrlGuard guard =
          new UrlGuard(
              List.of("127.0.0.0/8"),
              host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
      Sender sender = new Sender(config(), guard);
      try {
        URI url = URI.create(receiver.url("/rebound").replace("127.0.0.1", "rebound.test"));
        Sender.Response publicOnly = sender.post(url, Map.of(), "{}", false).get();
        assertNull(publicOnly.status(), "refused at connect time: " + publicOnly);
        assertTrue(publicOnly.error().contains("not public"), publicOnly.error());
        assertTrue(receiver.at("/rebound").isEmpty());

        Sender.Response admins = sender.post(url, Map.of(), "{}", true).get();
        assertEquals(200, admins.status(), admins.toString());
        assertEquals(1, receiver.at("/rebound").size());
      } finally {
        sender.close();
      }
    }
  }
}
