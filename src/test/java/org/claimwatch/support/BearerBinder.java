package org.claimwatch.support;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.bind.AnnotatedClientArgumentRequestBinder;
import io.micronaut.http.client.bind.ClientRequestUriContext;
import jakarta.inject.Singleton;

/** Sends a typed client's {@link Bearer} argument as the request's bearer token. */
@Singleton
class BearerBinder implements AnnotatedClientArgumentRequestBinder<Bearer> {
  @Override
  @NonNull
  public Class<Bearer> getAnnotationType() {
    return Bearer.class;
  }

  @Override
  public void bind(
      @NonNull ArgumentConversionContext<Object> context,
      @NonNull ClientRequestUriContext uriContext,
      @NonNull Object token,
      @NonNull MutableHttpRequest<?> request) {
    request.bearerAuth(token.toString());
  }
}
