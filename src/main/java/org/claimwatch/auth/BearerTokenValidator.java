package org.claimwatch.auth;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
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

  /**
   * A token looked up within the last seconds is answered here, on the event loop (no database, so
   * no hop to the blocking pool and back for every request of a busy client); any other goes to the
   * database on the blocking pool.
   */
  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    Optional<ApiToken> known = tokens.authenticateIfCached(token);
    if (known != null) {
      return known.map(t -> Publishers.just(authentication(t))).orElseGet(Publishers::empty);
    }
    return RoleAuthentication.lookedUp(() -> lookUp(token).map(this::authentication), blocking);
  }

  private Authentication authentication(ApiToken t) {
    return RoleAuthentication.of(t.name(), t.role(), "tokenId", t.id());
  }

  /**
   * The token, if valid, wherever it comes from: a throttled address (a newsroom's whole NAT) still
   * gets in with a real token; only its unknown tokens are answered 429 ({@link
   * AuthThrottleFilter}), and repeated ones come from the cache of misses, not the database.
   */
  private Optional<ApiToken> lookUp(String token) {
    return tokens.authenticate(token);
  }
}
