package org.claimwatch.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Guessing tokens gets 429 after a few misses; a real token from the same address still works. */
@MicronautTest(transactional = false)
class AuthThrottleTest extends ApiTest {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.auth.max-failures-per-minute", "5");
    return p;
  }

  @Test
  void an_address_that_keeps_sending_unknown_tokens_is_answered_429_with_retry_after() {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, get("/api/v1/claims", "cw_guess_" + i).status(), "guess " + i);
    }
    Res throttled = get("/api/v1/claims", "cw_guess_again");
    assertEquals(429, throttled.status(), throttled.toString());
    assertEquals("application/problem+json", throttled.header("Content-Type"));
    assertNotNull(throttled.header("Retry-After"));
    assertEquals(
        200,
        get("/api/v1/claims", ADMIN_TOKEN).status(),
        "a real token still gets in from the same address (a newsroom behind one NAT)");
  }
}
