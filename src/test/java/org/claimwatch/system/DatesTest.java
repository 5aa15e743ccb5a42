package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59Z",
        "2024-07-27T08:00:00.100Z",
        "2024-07-27T08:00:00.000100Z",
        "2024-07-27T08:00:00.000000001Z",
        "2024-07-27T08:00:00.123456789Z",
        "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z",
        "1969-12-31T23:59:59.500Z",
        "0001-01-01T00:00:00Z"
      })
  void iso_writes_what_toString_writes(String text) {
    Instant t = Instant.parse(text);
    assertEquals(text, t.toString());
    assertEquals(text, Dates.iso(t));
  }

  @Test
  void iso_agrees_with_toString_on_random_instants_of_every_precision() {
    SplittableRandom random = new SplittableRandom(20261201);
    for (int i = 0; i < 200_000; i++) {
      long second = random.nextLong(-62_135_596_800L, 253_402_300_800L + 86_400L * 400);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(second, nanos);
      assertEquals(t.toString(), Dates.iso(t), () -> "epoch second " + second + ", nanos " + nanos);
    }
  }
}
