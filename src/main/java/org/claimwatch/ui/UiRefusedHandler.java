package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused page action is a page saying why, not a JSON problem. */
@Singleton
@Produces(MediaType.TEXT_HTML)
class UiRefusedHandler implements ExceptionHandler<UiRefused, HttpResponse<?>> {
  private final RenderedPages pages;
  private final PageLanguage language;

  UiRefusedHandler(RenderedPages pages, PageLanguage language) {
    this.pages = pages;
    this.language = language;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, UiRefused e) {
    Texts texts = language.texts(request);
    return pages.page(
        request,
        e.status,
        "problem",
        new ProblemPage(texts.get("refused.title"), texts.get(e.key)));
  }
}
