package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A refused page action is a page saying why, not a JSON problem. Rendered here: the views filter
 * does not render the bodies of exception handlers' responses.
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
class UiRefusedHandler implements ExceptionHandler<UiRefused, HttpResponse<?>> {
  private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

  UiRefusedHandler(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
    this.views = views;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, UiRefused e) {
    @SuppressWarnings("unchecked")
    HttpRequest<?> r = request;
    return HttpResponse.status(e.status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(views.render("refused", Map.of("why", e.getMessage()), r));
  }
}
