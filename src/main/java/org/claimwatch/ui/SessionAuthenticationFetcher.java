package org.claimwatch.ui;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.claimwatch.auth.PageSessions;
import org.reactivestreams.Publisher;

/**
 * Turns the session cookie of the reviewer pages into an authentication with the token's roles (and
 * the session's CSRF token). Only under {@code /ui}: the API takes bearer tokens, so a page's
 * cookie can never be used to call the API from another site.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  static final String CSRF = "csrf";

  private final PageSessions sessions;
  private final ExecutorService blocking;

  SessionAuthenticationFetcher(
      PageSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.sessions = sessions;
    this.blocking = blocking;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    if (!request.getPath().startsWith("/ui")) {
      return Publishers.empty();
    }
    Cookie cookie = request.getCookies().get(PageSessions.COOKIE);
    if (cookie == null) {
      return Publishers.empty();
    }
    String value = cookie.getValue();
    return Publishers.fromCompletableFuture(
        () ->
            CompletableFuture.supplyAsync(
                () ->
                    sessions
                        .find(value)
                        .map(
                            s ->
                                Authentication.build(
                                    s.name(),
                                    s.role().grantedRoles(),
                                    Map.of("role", s.role().name(), CSRF, s.csrf())))
                        .orElse(null),
                blocking));
  }
}
