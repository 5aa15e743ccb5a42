package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.Map;
import org.claimwatch.auth.PageSessions;

/**
 * {@code sign-in.html}: the page to go on to ({@code next}, a page of this service only), why the
 * last try failed, the form's double-submit {@code check} (also in a cookie), and the fields of a
 * form typed before the session ended ({@code carry}), to be shown again after sign-in.
 */
@Introspected
record SignInPage(String next, String error, String check, Map<String, String> carry) {

  static SignInPage of(String next, String error, String check, Map<String, String> carry) {
    return new SignInPage(UiController.safeNext(next), error, check, carry);
  }

  /** The form with a new check, which goes out in a cookie with it. */
  static SignInPage fresh(String next, String error, Map<String, String> carry) {
    return of(next, error, PageSessions.randomToken(), carry);
  }
}
