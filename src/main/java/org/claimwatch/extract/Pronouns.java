package org.claimwatch.extract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A figure named by a pronoun right before it, so by the sentence before: "Im Vorjahresquartal
 * waren es 4 Milliarden Euro gewesen", "A year earlier, it was $4 billion", "Im Vormonat lag sie
 * bei 6,1 Prozent". Such a figure, with no metric word of its own, is of the metric of the last
 * figure before its sentence, when both are in the same unit.
 */
final class Pronouns {
  /** Words that may stand between the pronoun's verb and the figure: "lag sie bei rund". */
  private static final String BETWEEN =
      "\\s*(?:(?:bei|noch|nur|rund|etwa|knapp|gut|fast|about|around|roughly|nearly|almost|just"
          + "|only|some|still|at)\\s+)*$";

  /** "it was $4 billion", "the figure was $4 billion", right before the figure. */
  private static final Pattern BACK_EN =
      Pattern.compile(
          "(?i)\\b(?:it|they|the\\s+(?:figure|total|number))\\s+(?:was|were|had\\s+been"
              + "|has\\s+been|stood\\s+at|came\\s+in\\s+at|totaled|totalled|amounted\\s+to)"
              + BETWEEN);

  /** "waren es 4 Milliarden", "lag sie bei 6,1 Prozent", "hatte er 4 Milliarden", right before. */
  private static final Pattern BACK_DE =
      Pattern.compile(
          "(?i)\\b(?:(?:waren|war|wären|seien|sind)\\s+es|es\\s+(?:waren|war|sind)"
              + "|(?:lag|lagen|liegt|betrug|betrugen|beträgt|hatte|belief|beliefen)"
              + "\\s+(?:er|sie|es)(?:\\s+sich\\s+auf)?|(?:er|sie)\\s+(?:lag|betrug))"
              + BETWEEN);

  private Pronouns() {}

  /**
   * Whether the figure at {@code start} of {@code sentence} is named by a pronoun right before it
   * (only hedges between): "Im Vorjahresquartal waren es 4 Milliarden", not "It was fined $2.7
   * billion" nor "That was despite a $2 billion charge".
   */
  static boolean refersBack(String sentence, int start, String language) {
    return ("de".equals(language) ? BACK_DE : BACK_EN)
        .matcher(sentence)
        .region(Math.max(0, start - 48), start)
        .find();
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
