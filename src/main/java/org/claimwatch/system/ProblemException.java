package org.claimwatch.system;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A failure the client can act on. Services throw it; {@link ProblemResponses} renders it as
 * problem+json. {@code slug} becomes the problem type ({@code urn:problem:claimwatch:<slug>}).
 */
public class ProblemException extends RuntimeException {
  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final List<FieldError> errors;

  public ProblemException(
      HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /**
   * The problem a failure means to a caller: itself, or what a database failure means ({@link
   * DatabaseFailures}); anything else is a bug and is thrown on as it is.
   */
  public static ProblemException from(RuntimeException failure) {
    if (failure instanceof ProblemException p) {
      return p;
    }
    ProblemException known = DatabaseFailures.problem(failure);
    if (known == null) {
      throw failure;
    }
    return known;
  }

  /** Whether the failure is the database's (away, deadlock, lock wait), not the work's. */
  public static boolean isDatabaseFailure(Throwable failure) {
    return DatabaseFailures.problem(failure) != null;
  }

  public static ProblemException validation(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid; see errors.";
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors);
  }

  public static ProblemException invalidField(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what, List.of());
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
  }

  public static ProblemException preconditionRequired(String detail) {
    return new ProblemException(
        HttpStatus.PRECONDITION_REQUIRED,
        "precondition-required",
        "If-Match header required",
        detail,
        List.of());
  }

  public static ProblemException staleVersion(String detail) {
    return new ProblemException(
        HttpStatus.PRECONDITION_FAILED, "stale-version", "Version is stale", detail, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
