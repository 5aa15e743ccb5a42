package org.claimwatch.ui;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.claimwatch.system.RequestPaths;

/**
 * Headers every reviewer page carries. The pages run no script and load nothing from elsewhere, so
 * the policy allows only this service's own style sheets and images; no site may frame them
 * (clickjacking a verdict form); no browser guesses a type; and no cache keeps a page, since pages
 * carry a form's CSRF token and one of them shows a new API token once. Pages also say their
 * language, and that it follows the reader's Accept-Language and language cookie. The filter sees
 * every request and decides on the decoded path ({@link RequestPaths}): the static files are served
 * for {@code /%75i/static/...} too.
 */
@ServerFilter("/**")
class SecurityHeaders {
  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " script-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  @ResponseFilter
  void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = RequestPaths.decoded(request);
    if (!RequestPaths.under(path, "/ui")) {
      return;
    }
    response.header("Content-Security-Policy", POLICY);
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "same-origin");
    if (RequestPaths.under(path, "/ui/static")) {
      return;
    }
    if (!response.getHeaders().contains("Cache-Control")) {
      response.header("Cache-Control", "no-store");
    }
    response.header(HttpHeaders.CONTENT_LANGUAGE, PageLanguage.of(request).getLanguage());
    response.header(HttpHeaders.VARY, "Accept-Language, Cookie");
  }
}
