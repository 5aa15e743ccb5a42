package org.claimwatch.extract;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a sentence right after a forecast takes from it, when it names nothing of its own:
 *
 * <ul>
 *   <li>a forecast of a metric, with no period, no horizon and no rate, is of the forecast's period
 *       (not a market's size or a price target, which name no metric): "Für das laufende Jahr
 *       stellt Acme einen Umsatz von 43 bis 45 Milliarden Euro in Aussicht. Die Marge soll bei 10
 *       Prozent liegen.", "For the first quarter, Acme forecast revenue of $78 billion. Gross
 *       margin is expected to be 75%." (the same outlook);
 *   <li>what analysts expected, with no metric, an amount (not a percentage: "Economists expect the
 *       central bank to cut rates to 3.25%") in the unit of the figure before, the only one of that
 *       unit in its sentence, and of its order (within a factor of two), is that figure's metric,
 *       and, with no period of its own, of that figure's period when that is a forecast: "Analysten
 *       hatten im Schnitt mit 44,5 Milliarden Euro gerechnet" after the outlook above is the year's
 *       revenue.
 * </ul>
 *
 * Only the last figure of the sentence right before counts, and only for the same entity (or none
 * named).
 */
final class ContinuedForecasts {
  private ContinuedForecasts() {}

  /** Who expects ("analysts", "Volkswirte", "the consensus"). */
  private static final Pattern EXPECTERS =
      Pattern.compile(
          "(?iu)\\b(?:analyst\\w*|economists?|ökonom\\w*|volkswirt\\w*|experten|experts"
              + "|consensus|konsens\\w*|marktbeobachter|beobachter)\\b");

  /** Words of a time of a sentence's own that names no period: "mittelfristig", "long term". */
  private static final Pattern VAGUE_TIME =
      Pattern.compile(
          "(?iu)\\b(?:kurzfristig\\w*|künftig\\w*|zukünftig\\w*"
              + "|perspektivisch|auf\\s+sicht|(?:medium|long|short|near)[- ]term|in\\s+(?:the\\s+)?future"
              + "|eventually|ultimately|over\\s+time|one\\s+day|some\\s+day|someday|annual\\w*"
              + "|jährlich\\w*|each\\s+year|every\\s+year|pro\\s+jahr|im\\s+jahr|following\\s+year"
              + "|year\\s+after|years?\\s+later|subsequent\\w*|folgejahr\\w*|darauf|danach|decade"
              + "|jahrzehnts?|coming\\s+years|(?:kommenden|nächsten|folgenden)\\s+jahren|mid-term"
              + "|longer-term|mittelfrist\\w*|langfrist\\w*)\\b");

  /** A share price has no period to take. */
  private static final String SHARE_PRICE = "share_price";

  /**
   * {@code c} ({@code ownPeriod}: its sentence names its period) with what {@code previous}, the
   * last of {@code before}, the figures of the sentence right before, gives it.
   */
  static Candidate of(
      Candidate c, boolean ownPeriod, Candidate previous, java.util.List<Candidate> before) {
    if (previous == null
        || !"FORECAST".equals(c.kind())
        || !"NONE".equals(c.periodicity())
        || SHARE_PRICE.equals(c.metric())
        || SHARE_PRICE.equals(previous.metric())
        || (c.entityId() != null
            && previous.entityId() != null
            && !c.entityId().equals(previous.entityId()))) {
      return c;
    }
    boolean previousForecast =
        "FORECAST".equals(previous.kind())
            && previous.periodStart() != null
            && previous.periodEnd() != null;
    if (c.metric() == null
        && c.unit() != null
        && !c.unit().equals("%")
        && !c.unit().equals("percentage_points")
        && c.unit().equals(previous.unit())
        && before.stream().filter(b -> c.unit().equals(b.unit())).count() == 1
        && EXPECTERS.matcher(c.sentence()).find()
        && sameOrder(c, previous)) {
      Candidate named = c.withMetric(previous.metric());
      return previousForecast
              && !ownPeriod
              && c.resolvesOn() == null
              && !VAGUE_TIME.matcher(c.sentence()).find()
          ? named.withPeriod(previous.periodStart(), previous.periodEnd())
          : named;
    }
    if (previousForecast
        && c.metric() != null
        && !"dividend".equals(c.metric()) // as often the one for the year before
        && c.periodStart() == null
        && c.periodEnd() == null
        && c.resolvesOn() == null
        && !VAGUE_TIME.matcher(c.sentence()).find()) {
      return c.withPeriod(previous.periodStart(), previous.periodEnd());
    }
    return c;
  }

  /** Whether the two figures are within a factor of two of each other (of a range: its ends). */
  private static boolean sameOrder(Candidate c, Candidate previous) {
    BigDecimal v = new BigDecimal(c.value()).abs();
    BigDecimal low = new BigDecimal(previous.value()).abs();
    BigDecimal high =
        previous.valueHigh() == null ? low : new BigDecimal(previous.valueHigh()).abs();
    BigDecimal two = BigDecimal.valueOf(2);
    return v.signum() > 0
        && v.multiply(two).compareTo(low) >= 0
        && v.compareTo(high.multiply(two)) <= 0;
  }
}
