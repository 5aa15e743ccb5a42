package org.claimwatch.ui;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.UriRouteMatch;
import org.claimwatch.system.Problem;

/**
 * A reader of the pages never sees a JSON problem: what the service refuses under {@code /ui}
 * before a page handler runs (an address that names no page, "?entityId=abc", a wrong method, a
 * form too large) is answered with a page in the reader's language, same status. The API's problems
 * are the one place errors are rendered ({@code ProblemResponses}); this only dresses them for a
 * browser.
 */
@ServerFilter("/ui/**")
class ProblemPages {
  private final RenderedPages pages;
  private final PageLanguage language;

  ProblemPages(RenderedPages pages, PageLanguage language) {
    this.pages = pages;
    this.language = language;
  }

  @ResponseFilter
  MutableHttpResponse<?> asPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getPath().startsWith("/ui/static/") || !isProblem(response)) {
      return response;
    }
    Texts texts = language.texts(request);
    int code = response.code();
    String field = response.body() instanceof Problem p ? firstField(p) : null;
    ProblemPage page;
    if (code == HttpStatus.NOT_FOUND.getCode()) {
      page = new ProblemPage(texts.get("notFound.title"), texts.get("problem.noPage"));
    } else if (code == HttpStatus.BAD_REQUEST.getCode()
        && field != null
        && inAddress(request, field)) {
      page =
          new ProblemPage(
              texts.get("problem.badAddress.title"), texts.get("problem.badAddress", field));
    } else if (code == HttpStatus.BAD_REQUEST.getCode()) {
      page = new ProblemPage(texts.get("problem.refused.title"), texts.get("problem.badForm"));
    } else if (code == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
      page = new ProblemPage(texts.get("problem.ours.title"), texts.get("problem.busy"));
    } else if (code >= 500) {
      page = new ProblemPage(texts.get("problem.ours.title"), texts.get("problem.ours"));
    } else {
      page =
          new ProblemPage(
              texts.get("problem.refused.title"),
              texts.get("problem.refused", code, HttpStatus.valueOf(code).getReason()));
    }
    // the same response, dressed: its headers (Allow, Retry-After, Connection: close) and what
    // the metrics read of it (the route, the error) stay as they are
    @SuppressWarnings("unchecked")
    MutableHttpResponse<Object> same = (MutableHttpResponse<Object>) response;
    same.getHeaders().remove("Content-Length");
    return same.body(pages.render(request, "problem", page)).contentType(MediaType.TEXT_HTML_TYPE);
  }

  /** A problem as the API writes it (a HEAD request's body is already gone: its type tells). */
  private static boolean isProblem(MutableHttpResponse<?> response) {
    return response.body() instanceof Problem
        || response
            .getContentType()
            .map(t -> t.toString().startsWith(Problem.CONTENT_TYPE))
            .orElse(false);
  }

  private static String firstField(Problem problem) {
    return problem.errors() == null || problem.errors().isEmpty()
        ? null
        : problem.errors().get(0).field();
  }

  /** Whether {@code field} is a query parameter or a path variable of this request's route. */
  private static boolean inAddress(HttpRequest<?> request, String field) {
    if (request.getParameters().contains(field)) {
      return true;
    }
    return request
        .getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class)
        .map(m -> m.getVariableValues().containsKey(field))
        .orElse(false);
  }
}
