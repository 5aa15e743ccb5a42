package org.claimwatch.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals webhook secrets at rest with AES-256-GCM (the JDK's own), under keys from {@code
 * claimwatch.webhooks.secret-keys} ({@code CLAIMWATCH_WEBHOOKS_SECRET_KEYS}): a comma-separated
 * list of {@code id:base64-of-32-bytes}, the first seals, every one opens. To rotate, put a new key
 * first and keep the old ones until every instance has restarted (each start seals again what an
 * older key sealed); then drop them. With no key, secrets are stored as issued, and a warning says
 * so at start.
 */
@Singleton
class SecretBox {
  private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
  static final String PREFIX = "enc:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String current;

  SecretBox(@Value("${claimwatch.webhooks.secret-keys:}") List<String> configured) {
    for (String entry : configured == null ? List.<String>of() : configured) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      byte[] key;
      try {
        key = colon <= 0 ? null : Base64.getDecoder().decode(entry.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        key = null;
      }
      if (key == null || key.length != 32) {
        throw new IllegalStateException(
            "claimwatch.webhooks.secret-keys: each entry is id:base64 of 32 bytes (make one with"
                + " `echo k1:$(openssl rand -base64 32)`)");
      }
      keys.put(entry.substring(0, colon).strip(), new SecretKeySpec(key, "AES"));
    }
    current = keys.isEmpty() ? null : keys.keySet().iterator().next();
    if (current == null) {
      LOG.warn(
          "No claimwatch.webhooks.secret-keys: webhook secrets are stored as issued, not sealed");
    }
  }

  /** The secret as it is stored: sealed under the current key (as it is, with no key). */
  String seal(String secret) {
    if (secret == null || current == null) {
      return secret;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(current.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + current + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a webhook secret", e);
    }
  }

  /** The secret from what is stored (a secret stored before any key is returned as it is). */
  String open(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    String id = stored.substring(PREFIX.length(), colon);
    SecretKeySpec key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException(
          "A webhook secret is sealed with key '" + id + "', which is not configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(id.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A webhook secret sealed with key '" + id + "' is damaged", e);
    }
  }

  /** Whether a stored value should be sealed again (as issued, or under an older key). */
  boolean stale(String stored) {
    return stored != null && current != null && !stored.startsWith(PREFIX + current + ":");
  }
}
