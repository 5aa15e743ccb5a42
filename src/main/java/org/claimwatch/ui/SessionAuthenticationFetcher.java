package org.claimwatch.ui;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.claimwatch.auth.PageSessions;
import org.claimwatch.auth.RoleAuthentication;
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
    return RoleAuthentication.lookedUp(
        () -> sessions.find(value).map(SessionAuthenticationFetcher::authentication), blocking);
  }

  /** A page session's authentication: its token's name and role, and the session's CSRF token. */
  static Authentication authentication(PageSessions.Session s) {
    return RoleAuthentication.of(s.name(), s.role(), CSRF, s.csrf());
  }
}
