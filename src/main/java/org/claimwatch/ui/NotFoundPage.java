package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;

/** {@code not-found.html}: the friendly page saying {@code what} is not there. */
@Introspected
record NotFoundPage(Layout layout, String what) {}
