package org.claimwatch.extract;

import java.util.List;
import org.claimwatch.extract.NumberFinder.Found;

/**
 * A bare count that goes on counting what the sentence before counted: "Tesla delivered 1.8 million
 * cars. BYD delivered 3 million.", "Die Zahl der Arbeitslosen stieg auf 2,9 Millionen. Das waren
 * 27.000 mehr als vor einem Jahr.", "Payrolls rose by 142,000. The two months before were revised
 * down by a combined 86,000." Within a sentence, NumberFinder reads such counts.
 */
final class ContinuedCounts {
  private ContinuedCounts() {}

  /**
   * {@code c} (found as {@code f} in {@code sentence}, after the figures {@code before} in it) in
   * the count unit of {@code previous}, the last figure of the sentence before, and with its metric
   * when it names none: when {@code c} has no unit and no word of its own after it ("3 brands"), is
   * a whole number, no figure before it in its sentence has a unit, and it names no other metric
   * ("Its shares rose 3 to 180": share_price).
   */
  static Candidate of(
      Candidate c,
      Found f,
      List<Found> before,
      String sentence,
      String language,
      Candidate previous) {
    if (c.unit() != null
        || previous == null
        || !NumberFinder.isCount(previous.unit())
        || (c.metric() != null && !c.metric().equals(previous.metric()))
        || c.value().contains(".")
        || c.value().startsWith("-")
        || NumberFinder.countsAWordAfter(sentence, f.end(), language)
        || before.stream().anyMatch(o -> o.unit() != null)) {
      return c;
    }
    Candidate counted = c.withUnit(previous.unit());
    return counted.metric() == null && previous.metric() != null
        ? counted.withMetric(previous.metric())
        : counted;
  }
}
