package org.claimwatch.ui;

import io.micronaut.http.HttpStatus;

/** A page action the signed-in user may not take (role, or a form from another session). */
class UiRefused extends RuntimeException {
  final HttpStatus status;

  UiRefused(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}
