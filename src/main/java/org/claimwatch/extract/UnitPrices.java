package org.claimwatch.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prices per unit that a sentence says once: "Der Strompreis sank auf 7,8 Cent je Kilowattstunde,
 * nach mehr als 9 Cent im Vorjahr" (both EUR/kWh), "Brent crude fell 2% to $72.50" and "Ein Barrel
 * der Nordseesorte Brent kostete 63,20 Dollar" (USD/barrel: oil is priced per barrel). An amount of
 * the same currency is a price of the same unit only when it is of the same order (a tenth to ten
 * times the price): "$80 a barrel, lifting Exxon's value by $10 billion" leaves the $10 billion.
 */
final class UnitPrices {
  private UnitPrices() {}

  /** A barrel named as what is priced: "ein Barrel", "a barrel", "je Fass", "per barrel". */
  private static final Pattern A_BARREL =
      Pattern.compile("(?iu)\\b(?:ein|einen|a|one|per|je|pro)\\s+(?:barrel|fass)\\b");

  /** Oil quoted by its benchmark (not "crude steel", "as crude prices fell"). */
  private static final Pattern BENCHMARK =
      Pattern.compile("(?u)\\b(?:Brent|WTI|West Texas Intermediate|Nordseesorte|US-Sorte)\\b");

  /** What an amount is per, other than a barrel: "a gallon", "per mmBtu", "pro Flug", "an hour". */
  private static final Pattern PER_OTHER =
      Pattern.compile("(?iu)\\s*(?:a|an|per|pro|je)\\s+(?!barrel|fass)\\p{L}");

  /** Words that compare one price with another: "nach", "from", "than", "von ... auf". */
  private static final Pattern COMPARED =
      Pattern.compile(
          "(?iu)\\b(?:nach|from|von|than|als|after|compared|gegenüber|auf|to|vs\\.?|versus)\\b");

  /** Words that open a clause about something else. */
  private static final Pattern OTHER_CLAUSE =
      Pattern.compile("(?iu)\\b(?:while|whereas|während|and|und|but|aber|wobei)\\b|[;:]");

  /** Below this an amount in dollars beside oil's name is a price per barrel. */
  private static final BigDecimal BARREL_PRICE_BELOW = new BigDecimal(1000);

  /**
   * {@code read}, the candidates of one sentence in order (the sentence starting at {@code at} in
   * the text their offsets are of), with the units of their prices.
   */
  static List<Candidate> of(List<Candidate> read, String sentence, int at) {
    if (read.isEmpty()) {
      return read;
    }
    List<Candidate> perUnit =
        read.stream().filter(p -> p.unit() != null && p.unit().contains("/")).toList();
    boolean oil =
        perUnit.isEmpty()
            && (A_BARREL.matcher(sentence).find() || BENCHMARK.matcher(sentence).find());
    if (perUnit.isEmpty() && !oil) {
      return read;
    }
    List<Candidate> out = new ArrayList<>(read.size());
    for (Candidate c : read) {
      out.add(priced(c, perUnit, oil, sentence, at));
    }
    return out;
  }

  /**
   * {@code c} as a price per unit: of the per-unit price {@code perUnit} holds of its order,
   * compared with it and in its clause; else, where the sentence prices {@code oil}, per barrel.
   * Only an amount with no metric of its own and no other "per" after it.
   */
  private static Candidate priced(
      Candidate c, List<Candidate> perUnit, boolean oil, String sentence, int at) {
    if (c.unit() == null
        || !NumberFinder.isCurrency(c.unit())
        || c.value().startsWith("-")
        || c.metric() != null
        || PER_OTHER.matcher(sentence).region(c.end() - at, sentence.length()).lookingAt()) {
      return c;
    }
    BigDecimal value = new BigDecimal(c.value());
    for (Candidate p : perUnit) {
      if (p.unit().startsWith(c.unit() + "/") && sameOrder(value, new BigDecimal(p.value()))) {
        int from = Math.min(p.end(), c.end());
        int to = Math.max(p.start(), c.start());
        String between = from < to ? sentence.substring(from - at, to - at) : "";
        if (COMPARED.matcher(between).find() && !OTHER_CLAUSE.matcher(between).find()) {
          return c.withUnit(p.unit());
        }
      }
    }
    return oil && "USD".equals(c.unit()) && value.compareTo(BARREL_PRICE_BELOW) < 0
        ? c.withUnit("USD/barrel")
        : c;
  }

  /** Whether {@code a} is at least a tenth of {@code b} and at most ten times it. */
  private static boolean sameOrder(BigDecimal a, BigDecimal b) {
    if (b.signum() <= 0 || a.signum() <= 0) {
      return false;
    }
    BigDecimal ten = BigDecimal.TEN;
    return a.multiply(ten).compareTo(b) >= 0 && a.compareTo(b.multiply(ten)) <= 0;
  }
}
