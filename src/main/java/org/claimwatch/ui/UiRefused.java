package org.claimwatch.ui;

import io.micronaut.http.HttpStatus;

/**
 * A page action the signed-in user may not take (role, or a form from another session); {@code key}
 * names the sentence that says why (an {@code error.} key of the page texts).
 */
class UiRefused extends RuntimeException {
  final HttpStatus status;
  final String key;

  UiRefused(HttpStatus status, String key) {
    super(key, null, false, false);
    this.status = status;
    this.key = key;
  }
}
