package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;

/**
 * {@code problem.html}: why a request was refused, for a reader (a page action not allowed, or what
 * the service refused before any page handled it).
 */
@Introspected
record ProblemPage(String title, String why) {}
