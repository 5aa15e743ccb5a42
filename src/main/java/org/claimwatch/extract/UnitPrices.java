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

  /** Oil quoted by its benchmark: its price is per barrel. */
  private static final Pattern CRUDE =
      Pattern.compile(
          "(?iu)\\b(?:brent|wti|west texas|crude|rohöl\\p{L}*|ölpreis\\p{L}*|oil prices?"
              + "|nordseesorte|us-sorte|opec-korb\\p{L}*)\\b");

  /** Below this an amount in dollars beside oil's name is a price per barrel. */
  private static final BigDecimal BARREL_PRICE_BELOW = new BigDecimal(1000);

  /** {@code read}, the candidates of one sentence in order, with the units of their prices. */
  static List<Candidate> of(List<Candidate> read, String sentence) {
    if (read.isEmpty()) {
      return read;
    }
    List<Candidate> out = new ArrayList<>(read.size());
    for (Candidate c : read) {
      out.add(priced(c, read, sentence));
    }
    return out;
  }

  private static Candidate priced(Candidate c, List<Candidate> read, String sentence) {
    if (c.unit() == null || !NumberFinder.isCurrency(c.unit()) || c.value().startsWith("-")) {
      return c;
    }
    BigDecimal value = new BigDecimal(c.value());
    for (Candidate p : read) {
      if (p != c
          && p.unit() != null
          && p.unit().startsWith(c.unit() + "/")
          && sameOrder(value, new BigDecimal(p.value()))) {
        return c.withUnit(p.unit());
      }
    }
    if ("USD".equals(c.unit())
        && value.compareTo(BARREL_PRICE_BELOW) < 0
        && (A_BARREL.matcher(sentence).find() || CRUDE.matcher(sentence).find())
        && read.stream().noneMatch(p -> p.unit() != null && p.unit().contains("/"))) {
      return c.withUnit("USD/barrel");
    }
    return c;
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
