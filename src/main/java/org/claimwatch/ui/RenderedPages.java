package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

/**
 * Pages that exception handlers answer with, rendered here: the views filter does not render the
 * bodies of exception handlers' responses.
 */
@Singleton
class RenderedPages {
  private final ViewsRenderer<Object, HttpRequest<?>> views;

  RenderedPages(ViewsRenderer<Object, HttpRequest<?>> views) {
    this.views = views;
  }

  /** The page {@code view} shows of {@code page}, rendered. */
  io.micronaut.core.io.Writable render(HttpRequest<?> request, String view, Object page) {
    return views.render(view, page, request);
  }

  MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String view, Object page) {
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(views.render(view, page, request));
  }
}
