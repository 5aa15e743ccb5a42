package org.claimwatch.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every API answer carries: no cache may keep one (a new token's secret, a webhook's
 * signing secret, claims a token may read and another may not), and no browser guesses a type. An
 * answer that sets its own Cache-Control keeps it.
 */
@ServerFilter("/api/**")
class ApiHeaders implements Ordered {
  /** First in, so last out: it sees the security filter's 401 and 403 too. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @ResponseFilter
  void headers(MutableHttpResponse<?> response) {
    if (!response.getHeaders().contains("Cache-Control")) {
      response.header("Cache-Control", "no-store");
    }
    response.header("X-Content-Type-Options", "nosniff");
  }
}
