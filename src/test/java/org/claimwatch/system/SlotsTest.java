package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlotsTest {

  @Test
  void a_full_set_of_slots_refuses_with_503_until_one_is_given_back() {
    Slots one = new Slots(1, Duration.ZERO, "extractions-busy", "Extractions busy", "later");
    one.acquire();

    ProblemException busy = assertThrows(ProblemException.class, one::acquire);

    assertEquals(503, busy.status().getCode());
    assertEquals("extractions-busy", busy.slug());
    one.release();
    assertTrue(one.tryAcquire(), "free again once given back");
  }
}
