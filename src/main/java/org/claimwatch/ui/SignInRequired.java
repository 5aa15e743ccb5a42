package org.claimwatch.ui;

import java.util.Map;

/**
 * A page needs a session: the browser goes to sign-in, which sends it back here afterwards. A form
 * that was sent when the session had ended travels with it ({@code form}, empty for a plain visit),
 * so what the reviewer typed is shown again after sign-in, not lost.
 */
class SignInRequired extends RuntimeException {
  final String next;
  final Map<String, String> form;

  SignInRequired(String next) {
    this(next, Map.of());
  }

  SignInRequired(String next, Map<String, String> form) {
    super(null, null, false, false);
    this.next = next;
    this.form = form;
  }
}
