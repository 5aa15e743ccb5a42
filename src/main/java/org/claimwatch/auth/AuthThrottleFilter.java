package org.claimwatch.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.claimwatch.system.Problem;

/**
 * Answers 429 (with Retry-After) instead of 401 to an address that failed to authenticate too often
 * ({@link AuthThrottle}). Runs before the security filter, so its response side sees the 401 that
 * filter answered.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AuthThrottleFilter implements Ordered {
  private final AuthThrottle throttle;

  AuthThrottleFilter(AuthThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @ResponseFilter
  void tooMany(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() != HttpStatus.UNAUTHORIZED.getCode()) {
      return;
    }
    String address = AuthThrottle.address(request);
    long wait = throttle.blockedFor(address);
    if (wait == 0) {
      if (request.getHeaders().contains("Authorization")
          || request.getPath().equals("/ui/sign-in")) {
        throttle.failed(address); // a token was sent and refused
      }
      return;
    }
    response.status(HttpStatus.TOO_MANY_REQUESTS);
    response.header("Retry-After", String.valueOf(wait));
    response.body(
        new Problem(
            "urn:problem:claimwatch:too-many-failed-authentications",
            "Too many failed authentications",
            429,
            "This address sent too many unknown tokens; try again in " + wait + " s",
            request.getPath(),
            null));
    response.contentType(Problem.CONTENT_TYPE);
  }
}
