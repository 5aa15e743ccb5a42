package org.claimwatch.ui;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An expired or missing session sends the browser to sign-in, remembering the page. */
@Singleton
@Produces(MediaType.TEXT_HTML)
@Requires(classes = SignInRequired.class)
class UiErrors implements ExceptionHandler<SignInRequired, HttpResponse<?>> {
  private final RenderedPages pages;
  private final PageLanguage language;

  UiErrors(RenderedPages pages, PageLanguage language) {
    this.pages = pages;
    this.language = language;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, SignInRequired e) {
    Map<String, String> carried = UiController.carried(e.form);
    if (carried.isEmpty()) {
      return HttpResponse.seeOther(
          URI.create("/ui/sign-in?next=" + URLEncoder.encode(e.next, StandardCharsets.UTF_8)));
    }
    // A form sent after the session ended: sign-in here (401), with what was typed kept in the
    // page.
    SignInPage page =
        SignInPage.fresh(e.next, language.texts(request).get("error.sessionEnded"), carried);
    return pages
        .page(request, HttpStatus.UNAUTHORIZED, "sign-in", page)
        .cookie(UiController.signInCookie(page.check(), request));
  }
}
