package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook secrets sealed at rest, and the key rotation that keeps them readable. */
class SecretBoxTest {
  private static final String K1 = "k1:" + "A".repeat(43) + "=";
  private static final String K2 = "k2:" + "B".repeat(43) + "=";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void a_sealed_secret_opens_and_does_not_show_the_secret() {
    SecretBox box = new SecretBox(List.of(K1));
    String sealed = box.seal(SECRET);
    assertTrue(sealed.startsWith("enc:v1:k1:"), sealed);
    assertFalse(sealed.contains("MfKQ9r8"), sealed);
    assertNotEquals(sealed, box.seal(SECRET), "a fresh nonce each time");
    assertEquals(SECRET, box.open(sealed));
    assertTrue(sealed.length() <= 255, "fits the column (V31)");
  }

  @Test
  void a_new_key_first_still_opens_the_old_ones_and_marks_them_for_sealing_again() {
    String underOld = new SecretBox(List.of(K1)).seal(SECRET);
    SecretBox rotated = new SecretBox(List.of(K2, K1));
    assertEquals(SECRET, rotated.open(underOld));
    assertTrue(rotated.stale(underOld));
    assertFalse(rotated.stale(rotated.seal(SECRET)));
    assertTrue(rotated.stale(SECRET), "stored as issued before keys were configured");
    IllegalStateException dropped =
        assertThrows(IllegalStateException.class, () -> new SecretBox(List.of(K2)).open(underOld));
    assertTrue(dropped.getMessage().contains("'k1'"), dropped.getMessage());
  }

  @Test
  void a_tampered_value_is_refused_and_no_key_stores_as_issued() {
    SecretBox box = new SecretBox(List.of(K1));
    String sealed = box.seal(SECRET);
    String tampered =
        sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
    assertThrows(IllegalStateException.class, () -> box.open(tampered));
    SecretBox none = new SecretBox(List.of());
    assertEquals(SECRET, none.seal(SECRET));
    assertFalse(none.stale(SECRET));
    assertThrows(IllegalStateException.class, () -> new SecretBox(List.of("k1:short")));
  }
}
