package org.claimwatch.extract;

/** The metric keywords a text's sentences are read with, per language. */
interface MetricWords {
  /** The keywords of {@code language} ("en" or "de"), compiled. */
  MetricKeywords of(String language);
}
