package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A price per unit said once in a sentence is the unit of the prices of the same order beside it,
 * and oil in dollars is priced per barrel; other amounts keep their currency.
 */
class UnitPricesTest {
  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Der Großhandelspreis für Strom sank auf 7,8 Cent je Kilowattstunde, nach mehr als 9 Cent"
            + " im Vorjahr.|9 Cent|EUR/kWh",
        "Der Strompreis sank von 9 Cent auf 7,8 Cent je Kilowattstunde.|9 Cent|EUR/kWh",
        "Ein Barrel der Nordseesorte Brent kostete am Montag 63,20 Dollar.|63,20 Dollar"
            + "|USD/barrel",
        "Brent crude fell 2% to $72.50 on Monday.|$72.50|USD/barrel",
        "Brent crude rose to $80.50 a barrel, up from $78.|$78|USD/barrel",
        "Brent crude rose to $80 a barrel, lifting Exxon's market value by $10 billion."
            + "|$10 billion|USD",
        "Exxon earned $8.6 billion as crude prices fell.|$8.6 billion|USD",
        "Apple's shares rose to $230 on Monday.|$230|USD",
        // not an amount with a metric, one per something else, or of another clause
        "Exxon shares rose $3.50 to $112.40 as Brent climbed.|$112.40|USD",
        "U.S. gasoline prices averaged $3.10 a gallon as Brent fell.|$3.10|USD",
        "Brent rose to $80 a barrel, while Exxon shares gained $12 to $115.|$115|USD",
        "Diesel kostete 1,65 Euro je Liter, die Parkgebühr stieg auf 2 Euro pro Stunde.|2 Euro"
            + "|EUR",
        "Der Strompreis sank auf 7,8 Cent je Kilowattstunde; der Konzern verdiente 2 Milliarden"
            + " Euro.|2 Milliarden Euro|EUR",
      })
  void a_price_per_unit_is_said_once_for_the_sentence(String text, String quote, String unit) {
    assertEquals(unit, SeededKeywords.candidate(text, null, "2024-11-14", quote).unit(), text);
  }
}
