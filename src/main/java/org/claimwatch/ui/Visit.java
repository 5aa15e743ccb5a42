package org.claimwatch.ui;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.auth.Actor;

/**
 * A signed-in reviewer looking at a page: the actor the services act for, the layout the page shows
 * around its content, and the page's sentences in the reader's language ({@code texts}).
 */
record Visit(Actor actor, Layout layout, Texts texts) {

  /** The signed-in reviewer's visit, or on to sign-in with this page remembered. */
  static Visit of(Authentication auth, HttpRequest<?> request, PageLanguage language) {
    return of(auth, actor(auth, request), request, language);
  }

  static Visit of(Authentication auth, Actor actor, HttpRequest<?> request, PageLanguage language) {
    Texts texts = language.texts(request);
    return new Visit(actor, Layout.of(auth, actor, texts.locale(), pageOf(request)), texts);
  }

  /** The signed-in actor, or on to sign-in with this page remembered. */
  static Actor actor(Authentication auth, HttpRequest<?> request) {
    if (auth == null) {
      throw new SignInRequired(pageOf(request));
    }
    return Actor.of(auth);
  }

  /**
   * The page to come back to after sign-in: the page itself, or for a form sent from a page (a
   * POST, which cannot be repeated by a redirect) the page the form is on.
   */
  static String pageOf(HttpRequest<?> request) {
    String path = request.getPath();
    if (request.getMethod() == HttpMethod.GET) {
      String uri = request.getUri().toString();
      return uri.startsWith("/ui") ? uri : "/ui";
    }
    if (path.startsWith("/ui/admin/tokens")) {
      return "/ui/admin/tokens";
    }
    Matcher m = FORM_PAGE.matcher(path);
    return m.matches() ? m.group(1) : "/ui/queue/unreviewed";
  }

  /** A form's URL and the page it is on: /ui/claims/7/verdict is on /ui/claims/7. */
  private static final Pattern FORM_PAGE =
      Pattern.compile("(/ui/(?:claims|queue|admin/webhooks)/[^/]{1,100})/.*");
}
