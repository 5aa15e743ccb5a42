package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;

/** {@code refused.html}: why a page action was not allowed. */
@Introspected
record RefusedPage(String why) {}
