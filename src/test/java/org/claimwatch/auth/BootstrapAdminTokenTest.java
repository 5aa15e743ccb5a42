package org.claimwatch.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap admin token follows CLAIMWATCH_ADMIN_TOKEN: a new value ends the old token, a
 * revoked one stays revoked at every start, and a placeholder is refused. Each start is a {@link
 * TokenService#onStartup} with that value; the test's own token is put back after each test.
 */
@MicronautTest(transactional = false)
class BootstrapAdminTokenTest extends ApiTest {
  /** A value of this run only: the database outlives runs, and a revoked value stays revoked. */
  private String other;

  @org.junit.jupiter.api.BeforeEach
  void aValueOfThisTest() {
    other = "another-admin-token-" + java.util.UUID.randomUUID();
  }

  @Inject ApiTokenRepository repository;
  @Inject TokenCache cache;
  @Inject Clock clock;
  @Inject org.claimwatch.system.Transactions tx;

  private void start(String value) {
    new TokenService(repository, new AuthConfig(value), clock, cache, tx).onStartup(null);
    cache.evictAll();
  }

  @AfterEach
  void putTheTestTokenBack() {
    start(ADMIN_TOKEN);
  }

  @Test
  void a_new_value_ends_the_old_token_and_the_old_value_comes_back_only_as_configured() {
    start(other);
    assertEquals(401, get("/api/v1/tokens", ADMIN_TOKEN).status(), "the old value is retired");
    assertEquals(200, get("/api/v1/tokens", other).status());
    start(ADMIN_TOKEN);
    assertEquals(200, get("/api/v1/tokens", ADMIN_TOKEN).status());
    assertEquals(401, get("/api/v1/tokens", other).status());
  }

  @Test
  void a_revoked_bootstrap_token_stays_revoked_at_the_next_start() {
    start(other);
    ApiToken live = repository.findByName(TokenService.BOOTSTRAP_ADMIN_NAME).orElseThrow();
    repository.update(live.revoked(clock.instant()));
    cache.evictAll();
    start(other);
    assertEquals(401, get("/api/v1/tokens", other).status(), "not brought back by a restart");
    start(ADMIN_TOKEN);
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> start(other));
    assertTrue(again.getMessage().contains("choose a new value"), again.getMessage());
  }

  @Test
  void the_readmes_placeholder_is_not_a_secret() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> start("change-me-to-a-long-secret"));
    assertTrue(e.getMessage().contains("placeholder"), e.getMessage());
  }
}
