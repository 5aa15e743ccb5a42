package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void parses_plain_decimals_that_fit_decimal_38_6() {
    assertEquals(new BigDecimal("5000000000"), Decimals.parse("5000000000"));
    assertEquals(new BigDecimal("-8.5"), Decimals.parse("-8.5"));
    assertEquals(new BigDecimal("0.000001"), Decimals.parse("0.000001"));
    assertEquals(
        new BigDecimal("99999999999999999999999999999999.999999"),
        Decimals.parse("99999999999999999999999999999999.999999"));
  }

  @Test
  void refuses_what_would_be_rounded_or_misread() {
    for (String bad :
        new String[] {
          "1e9", "1E9", "1,000", "0.0000001", "+5", ".5", "5.", "007", "", " 5", "NaN"
        }) {
      assertNull(Decimals.parse(bad), bad);
    }
    assertNull(Decimals.parse("123456789012345678901234567890123"));
  }

  @Test
  void explains_why_a_number_is_refused() {
    assertTrue(Decimals.problem("0.0000001").contains("6 decimal places"));
    assertTrue(Decimals.problem("123456789012345678901234567890123").contains("too large"));
    assertTrue(Decimals.problem("12 billion").contains("plain decimal"));
  }
}
