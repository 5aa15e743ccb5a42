package org.claimwatch.extract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sentence whose figure is named by a pronoun, so by the sentence before: "Im Vorjahresquartal
 * waren es 4 Milliarden Euro gewesen", "A year earlier, it was $4 billion", "Im Vormonat lag sie
 * bei 6,1 Prozent". Such a figure, with no metric word of its own, is of the metric of the last
 * figure before it, when both are in the same unit.
 */
final class Pronouns {
  private static final Pattern BACK_EN =
      Pattern.compile(
          "(?i)\\b(?:it|they|that|this|the\\s+(?:figure|total|number))\\s+(?:was|were|had\\s+been"
              + "|has\\s+been|stood|came\\s+in|totaled|totalled|amounted|reached|compares)\\b");

  private static final Pattern BACK_DE =
      Pattern.compile(
          "(?i)\\b(?:(?:waren|war|wären|seien|sind|ist)\\s+es|(?:es|das)\\s+(?:waren|war|sind|ist)"
              + "|(?:lag|lagen|liegt|betrug|betrugen|beträgt|hatte|hat|belief|beliefen|erreichte)"
              + "\\s+(?:er|sie|es)|(?:er|sie)\\s+(?:lag|betrug|belief|erreichte|hatte))\\b");

  private Pronouns() {}

  /** Whether {@code sentence} names its figure by a pronoun of the figure before it. */
  static boolean referBack(String sentence, String language) {
    return ("de".equals(language) ? BACK_DE : BACK_EN).matcher(sentence).find();
  }

  /**
   * {@code c} with the metric of {@code before} (the last figure before its sentence), when it
   * names none and both are in the same unit. Not of a figure below zero (a loss: "waren es 3
   * Milliarden" would be a profit of 3 billion where the loss was meant).
   */
  static Candidate metricOf(Candidate c, Candidate before) {
    if (c.metric() != null
        || before == null
        || before.metric() == null
        || !Objects.equals(c.unit(), before.unit())
        || before.value().startsWith("-")) {
      return c;
    }
    return c.withMetric(before.metric());
  }
}
