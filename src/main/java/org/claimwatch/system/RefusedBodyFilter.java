package org.claimwatch.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Closes the connection after refusing a request that carried a body. A refusal can come before the
 * body is read (a bad query value, a missing token, a wrong content type on a streamed upload), and
 * the rest of that body would then wait on a kept-alive connection to be read as the next request:
 * the client's next request hung (seen by the fuzz suite). A refused client opens a new connection;
 * an accepted one keeps its own. The close lingers ({@link LingeringClose}): a client still sending
 * the body reads the answer instead of a reset.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RefusedBodyFilter {
  @ResponseFilter
  void closeAfterRefusal(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() >= 400 && hasBody(request)) {
      response.header("Connection", "close");
      LingeringClose.after(request);
    }
  }

  private static boolean hasBody(HttpRequest<?> request) {
    return request.getContentLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
  }
}
