package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.extract.NumberFinder.Found;
import org.junit.jupiter.api.Test;

/** A loss word turns an amount of money into the net income it claims, bounds included. */
class LossAmountsTest {
  private static Found money(String value, String high, Qualifier q) {
    return new Found(
        0, 5, new BigDecimal(value), high == null ? null : new BigDecimal(high), "USD", q);
  }

  @Test
  void a_loss_of_more_than_an_amount_is_a_net_income_below_its_negative() {
    Found f = ExtractionService.asLoss(money("700000000", null, Qualifier.MORE_THAN));
    assertEquals(new BigDecimal("-700000000"), f.value());
    assertEquals(Qualifier.LESS_THAN, f.qualifier());
    assertEquals(
        Qualifier.AT_MOST,
        ExtractionService.asLoss(money("5", null, Qualifier.AT_LEAST)).qualifier());
    assertEquals(
        Qualifier.AT_LEAST,
        ExtractionService.asLoss(money("5", null, Qualifier.AT_MOST)).qualifier());
    assertEquals(
        Qualifier.MORE_THAN,
        ExtractionService.asLoss(money("5", null, Qualifier.LESS_THAN)).qualifier());
    assertEquals(
        Qualifier.APPROX, ExtractionService.asLoss(money("5", null, Qualifier.APPROX)).qualifier());
  }

  @Test
  void a_loss_range_runs_from_the_larger_loss_to_the_smaller() {
    Found f = ExtractionService.asLoss(money("4000000000", "5000000000", Qualifier.RANGE));
    assertEquals(new BigDecimal("-5000000000"), f.value());
    assertEquals(new BigDecimal("-4000000000"), f.valueHigh());
    assertEquals(Qualifier.RANGE, f.qualifier());
  }

  @Test
  void a_loss_word_before_a_share_or_a_count_leaves_the_number_as_written() {
    Found share = new Found(0, 2, new BigDecimal("3"), null, "%", null);
    Found jobs = new Found(0, 2, new BigDecimal("500"), null, "jobs", null);
    Found bare = new Found(0, 2, new BigDecimal("500"), null, null, null);
    assertSame(share, ExtractionService.asLoss(share));
    assertSame(jobs, ExtractionService.asLoss(jobs));
    assertSame(bare, ExtractionService.asLoss(bare));
  }
}
