package org.claimwatch.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Turns {@code Authorization: Bearer <token>} into an authentication carrying the token's roles.
 * The security filter runs on the event loop, so the database lookup runs on the blocking pool.
 */
@Singleton
class BearerTokenValidator implements TokenValidator<HttpRequest<?>> {
  private final TokenService tokens;
  private final ExecutorService blocking;

  BearerTokenValidator(
      TokenService tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.tokens = tokens;
    this.blocking = blocking;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    return RoleAuthentication.lookedUp(
        () -> lookUp(token).map(t -> RoleAuthentication.of(t.name(), t.role(), "tokenId", t.id())),
        blocking);
  }

  /**
   * The token, if valid, wherever it comes from: a throttled address (a newsroom's whole NAT) still
   * gets in with a real token; only its unknown tokens are answered 429 ({@link
   * AuthThrottleFilter}), and repeated ones come from the cache of misses, not the database.
   */
  private java.util.Optional<ApiToken> lookUp(String token) {
    return tokens.authenticate(token);
  }
}
