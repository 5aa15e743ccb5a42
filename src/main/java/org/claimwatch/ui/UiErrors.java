package org.claimwatch.ui;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An expired or missing session sends the browser to sign-in, remembering the page. */
@Singleton
@Produces
@Requires(classes = SignInRequired.class)
class UiErrors implements ExceptionHandler<SignInRequired, HttpResponse<?>> {
  @Override
  public HttpResponse<?> handle(HttpRequest request, SignInRequired e) {
    return HttpResponse.seeOther(
        URI.create("/ui/sign-in?next=" + URLEncoder.encode(e.next, StandardCharsets.UTF_8)));
  }
}
