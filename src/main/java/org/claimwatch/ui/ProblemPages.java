package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.claimwatch.system.FieldError;
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
    if (!(response.body() instanceof Problem problem)) {
      return response;
    }
    Texts texts = language.texts(request);
    int code = problem.status();
    ProblemPage page;
    if (code == HttpStatus.NOT_FOUND.getCode()) {
      page = new ProblemPage(texts.get("notFound.title"), texts.get("problem.noPage"));
    } else if (code == HttpStatus.BAD_REQUEST.getCode() && hasField(problem)) {
      page =
          new ProblemPage(
              texts.get("problem.badAddress.title"),
              texts.get("problem.badAddress", problem.errors().get(0).field()));
    } else if (code >= 500) {
      page = new ProblemPage(texts.get("problem.ours.title"), texts.get("problem.ours"));
    } else {
      page =
          new ProblemPage(
              texts.get("problem.refused.title"),
              texts.get("problem.refused", code, HttpStatus.valueOf(code).getReason()));
    }
    MutableHttpResponse<?> answer = pages.page(request, HttpStatus.valueOf(code), "problem", page);
    response.getHeaders().forEach((name, values) -> copy(answer, name, values));
    return answer;
  }

  private static boolean hasField(Problem problem) {
    return problem.errors() != null
        && !problem.errors().isEmpty()
        && problem.errors().get(0) instanceof FieldError;
  }

  /** Headers set before this filter (Retry-After, Connection: close, Allow) stay; the type goes. */
  private static void copy(
      MutableHttpResponse<?> answer, String name, java.util.List<String> values) {
    if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
      return;
    }
    values.forEach(v -> answer.getHeaders().add(name, v));
  }
}
