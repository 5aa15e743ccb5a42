package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({
    "5000000000.000000, 5000000000",
    "8.500000, 8.5",
    "0.000000, 0",
    "-0.000001, -0.000001"
  })
  void stored_values_are_written_without_exponent_or_trailing_zeros(String stored, String text) {
    assertEquals(text, Numbers.plain(new BigDecimal(stored)));
  }

  @Test
  void no_value_is_no_text() {
    assertNull(Numbers.plain(null));
  }

  @ParameterizedTest
  @CsvSource({
    "13186000000, 13.186B",
    "600000000, 600M",
    "1000000000000, 1T",
    "-5000000000, -5B",
    "82, 82",
    "7.500000, 7.5"
  })
  void amounts_are_short_and_exact_to_three_decimals(String value, String text) {
    assertEquals(text, Numbers.amount(new BigDecimal(value)));
  }

  @ParameterizedTest
  @CsvSource({"12000000000, USD, $12B", "300000000, jobs, 300M jobs", "82, %, 82%"})
  void amounts_carry_their_unit_as_people_write_it(String value, String unit, String text) {
    assertEquals(text, Numbers.withUnit(new BigDecimal(value), unit));
  }
}
