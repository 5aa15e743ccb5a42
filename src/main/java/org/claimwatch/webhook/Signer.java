package org.claimwatch.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs deliveries with the Standard Webhooks reference library: {@code v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}, one signature per active secret (two while a rotation overlaps), separated
 * by spaces as the spec says.
 */
final class Signer {
  private final Map<String, Webhook> bySecret = new ConcurrentHashMap<>();

  String signatures(
      String msgId,
      long timestampSeconds,
      String body,
      String secret,
      String previousSecret,
      Instant previousUntil,
      Instant now) {
    if (bySecret.size() > 10_000) {
      // Rotations and deleted subscriptions leave old keys behind; start over now and then.
      bySecret.clear();
    }
    List<String> secrets = new ArrayList<>(2);
    secrets.add(secret);
    if (previousSecret != null && previousUntil != null && now.isBefore(previousUntil)) {
      secrets.add(previousSecret);
    }
    StringBuilder out = new StringBuilder();
    for (String s : secrets) {
      if (out.length() > 0) {
        out.append(' ');
      }
      try {
        out.append(bySecret.computeIfAbsent(s, Webhook::new).sign(msgId, timestampSeconds, body));
      } catch (WebhookSigningException e) {
        throw new IllegalStateException("cannot sign webhook " + msgId, e);
      }
    }
    return out.toString();
  }
}
