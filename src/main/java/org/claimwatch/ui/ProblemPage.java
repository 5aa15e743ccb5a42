package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;

/** {@code problem.html}: a request the service refused before any page handled it, for a reader. */
@Introspected
record ProblemPage(String title, String why) {}
