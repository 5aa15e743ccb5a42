package org.claimwatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.function.Supplier;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.Problem;

/**
 * A refused call to a typed client ({@link ClaimsApi}, {@link ReviewApi}, {@link ReportsApi},
 * {@link WebhooksApi}) as a test reads it: the status, the problem+json body, its content type.
 *
 * <pre>{@code
 * Refusal r = refused(() -> claims.create(ADMIN_TOKEN, claim));
 * assertEquals(HttpStatus.BAD_REQUEST, r.status());
 * assertEquals(List.of("value"), r.fields());
 * }</pre>
 *
 * <p>The one way tests read errors: a declarative client throws {@link HttpClientResponseException}
 * on 4xx/5xx, except that a 404 comes back as the response (Micronaut's rule for methods returning
 * {@code HttpResponse}); {@link #refused} takes either and fails the test if the call succeeded.
 */
public record Refusal(
    HttpStatus status, @Nullable Problem problem, @Nullable String contentType, String body) {

  /** Makes the call and returns its refusal; a successful answer fails the test. */
  public static Refusal refused(Supplier<? extends HttpResponse<?>> call) {
    HttpResponse<?> r;
    try {
      r = call.get();
    } catch (HttpClientResponseException e) {
      return of(e.getResponse());
    }
    if (r.getStatus().getCode() >= 400) {
      return of(r);
    }
    throw new AssertionError(
        "expected a refusal, got " + r.getStatus().getCode() + ": " + r.getBody().orElse(null));
  }

  /** The status of the call's answer, whether it succeeded or was refused (races, role tables). */
  public static HttpStatus statusOf(Supplier<? extends HttpResponse<?>> call) {
    try {
      return call.get().getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  private static Refusal of(HttpResponse<?> r) {
    return new Refusal(
        r.getStatus(),
        r.getBody(Problem.class).orElse(null),
        r.getHeaders().get(HttpHeaders.CONTENT_TYPE),
        r.getBody(String.class).orElse(""));
  }

  /** The JSON paths of the fields at fault, in the order the problem lists them. */
  public List<String> fields() {
    return problem == null || problem.errors() == null
        ? List.of()
        : problem.errors().stream().map(FieldError::field).toList();
  }

  /** The problem's detail (empty if none). */
  public String detail() {
    return problem == null || problem.detail() == null ? "" : problem.detail();
  }
}
