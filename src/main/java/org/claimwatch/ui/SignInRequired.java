package org.claimwatch.ui;

/** A page needs a session: the browser goes to sign-in, which sends it back here afterwards. */
class SignInRequired extends RuntimeException {
  final String next;

  SignInRequired(String next) {
    super(null, null, false, false);
    this.next = next;
  }
}
