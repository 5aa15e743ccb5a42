package org.claimwatch.system;

import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place error responses are rendered: every failure Micronaut or our code reports (unknown
 * route, wrong method, bad JSON, a {@link ProblemException}, an unexpected exception) leaves as RFC
 * 9457 {@code application/problem+json}. Being an {@link ErrorResponseProcessor} bean, it replaces
 * Micronaut's default JSON error body.
 */
@Singleton
@Produces(Problem.CONTENT_TYPE)
public class ProblemResponses
    implements ErrorResponseProcessor<Problem>,
        ExceptionHandler<ProblemException, HttpResponse<Problem>> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
    return processResponse(
        ErrorContext.builder(request).cause(exception).build(),
        HttpResponse.status(exception.status()));
  }

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    Throwable cause = context.getRootCause().orElse(null);
    if (response.code() >= 500) {
      ProblemException known = DatabaseFailures.problem(cause);
      if (known != null) {
        LOG.warn(
            "{} {}: {} ({})",
            context.getRequest().getMethod(),
            context.getRequest().getPath(),
            known.title(),
            cause.toString());
        response.status(known.status());
        cause = known;
      }
    }
    if (response.code() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
      // Whatever is busy or away (the database, import or extraction slots): come back soon.
      response.header("Retry-After", String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS));
    }
    Problem problem = toProblem(context, cause, response.code());
    return response.body(problem).contentType(Problem.CONTENT_TYPE);
  }

  /** What a query or path parameter of {@code type} must be, in the words of a body's field. */
  private static String mustBe(Class<?> type) {
    String scalar = BodyErrors.scalarRule(type);
    if (scalar != null) {
      return scalar;
    }
    if (type == java.time.LocalDate.class) {
      return "must be a date (YYYY-MM-DD)";
    }
    if (type == java.time.Instant.class) {
      return "must be a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)";
    }
    if (type.isEnum()) {
      return "must be one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    return "has the wrong form";
  }

  private Problem toProblem(ErrorContext context, Throwable cause, int code) {
    String instance = context.getRequest().getPath();
    ProblemException bodyProblem = code == 400 ? BodyErrors.of(cause) : null;
    if (bodyProblem != null) {
      cause = bodyProblem;
    }
    if (code == 400 && cause instanceof ConversionErrorException ce) {
      // "?limit=abc", "/claims/abc": the parameter by name, what it must be, no parser's words
      cause =
          ProblemException.invalidField(
              ce.getArgument().getName(), mustBe(ce.getArgument().getType()));
    } else if (code == 400 && cause instanceof UnsatisfiedArgumentException ue) {
      cause = ProblemException.invalidField(ue.getArgument().getName(), "required");
    }
    if (cause instanceof AuthorizationException ae) {
      cause =
          ae.isForbidden()
              ? ProblemException.forbidden(
                  "This token's role does not allow this request (see the roles in the API guide)")
              : new ProblemException(
                  HttpStatus.UNAUTHORIZED,
                  "unauthorized",
                  "Unauthorized",
                  "Send a valid token: Authorization: Bearer <token>",
                  List.of());
    }
    if (cause instanceof ProblemException pe) {
      return new Problem(
          "urn:problem:claimwatch:" + pe.slug(),
          pe.title(),
          code,
          pe.getMessage(),
          instance,
          pe.errors().isEmpty() ? null : pe.errors());
    }
    String title = HttpStatus.valueOf(code).getReason();
    if (code >= 500) {
      // Never leak internals: the client gets a generic message, the log gets the cause.
      LOG.error(
          "Unexpected error on {} {}",
          context.getRequest().getMethod(),
          instance,
          context.getRootCause().orElse(null));
      return new Problem(
          "about:blank",
          title,
          code,
          "An unexpected error occurred; it has been logged.",
          instance,
          null);
    }
    List<FieldError> fieldErrors = new ArrayList<>();
    for (Error e : context.getErrors()) {
      e.getPath()
          .ifPresent(
              p ->
                  fieldErrors.add(
                      new FieldError(p.startsWith("/") ? p.substring(1) : p, e.getMessage())));
    }
    String detail =
        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    return new Problem(
        "about:blank",
        title,
        code,
        detail.isEmpty() ? null : detail,
        instance,
        fieldErrors.isEmpty() ? null : fieldErrors);
  }
}
