package org.claimwatch.auth;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
  private final AuthThrottle throttle;

  BearerTokenValidator(
      TokenService tokens,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
      AuthThrottle throttle) {
    this.tokens = tokens;
    this.blocking = blocking;
    this.throttle = throttle;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    String address = AuthThrottle.address(request);
    return Publishers.fromCompletableFuture(
        () ->
            CompletableFuture.supplyAsync(
                () ->
                    lookUp(token, address)
                        .map(
                            t ->
                                Authentication.build(
                                    t.name(),
                                    t.role().grantedRoles(),
                                    Map.of("role", t.role().name(), "tokenId", t.id())))
                        .orElse(null),
                blocking));
  }

  /** The token, if valid; an address over its limit of failures is not let near the database. */
  private java.util.Optional<ApiToken> lookUp(String token, String address) {
    java.util.Optional<ApiToken> t =
        throttle.blockedFor(address) > 0
            ? tokens.authenticateCached(token)
            : tokens.authenticate(token);
    return t;
  }
}
