package org.claimwatch.ui;

import io.micronaut.security.authentication.Authentication;
import java.util.Locale;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;

/**
 * What every signed-in page shows around its content (the header in {@code fragments.html}): who is
 * signed in and in which role, the session's CSRF token for the page's forms, whether the reviewer
 * may review claims ({@code checker}) and decide on proposals ({@code editor}), and numbers written
 * in the reader's language ({@code fmt}), and the page the header's language switch comes back to
 * ({@code here}). Templates read it as {@code ${layout.csrf}}.
 */
record Layout(
    String user,
    String role,
    String csrf,
    boolean checker,
    boolean editor,
    Numbers fmt,
    String here) {

  static Layout of(Authentication auth, Actor actor, Locale locale, String here) {
    return new Layout(
        actor.name(),
        text(auth.getAttributes().get("role")),
        text(auth.getAttributes().get(SessionAuthenticationFetcher.CSRF)),
        actor.has(Role.R_CHECKER),
        actor.has(Role.R_EDITOR),
        new Numbers(locale),
        here);
  }

  private static String text(Object attribute) {
    return attribute == null ? null : attribute.toString();
  }
}
