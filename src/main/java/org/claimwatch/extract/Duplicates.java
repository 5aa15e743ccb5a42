package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.claimwatch.claim.ClaimQueries;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.claim.SimilarClaim;

/** The stored claims a candidate duplicates, in numbers (at most five, closest first). */
@Singleton
class Duplicates implements DuplicateFinder {
  private final ClaimQueries claims;

  Duplicates(ClaimQueries claims) {
    this.claims = claims;
  }

  @Override
  public List<Duplicate> of(Candidate c) {
    BigDecimal value = new BigDecimal(c.value());
    List<SimilarClaim> found =
        claims.similar(
            c.entityId(),
            c.metric(),
            c.unit(),
            value,
            c.qualifier() == null ? null : Qualifier.valueOf(c.qualifier()),
            c.periodStart() == null ? null : LocalDate.parse(c.periodStart()),
            c.periodEnd() == null ? null : LocalDate.parse(c.periodEnd()),
            5);
    return found.stream()
        .map(
            s ->
                new Duplicate(
                    s.claimId(), s.statement(), s.status().name(), similarity(value, s.value())))
        .toList();
  }

  private static double similarity(BigDecimal a, BigDecimal b) {
    BigDecimal larger = a.abs().max(b.abs());
    if (larger.signum() == 0) {
      return 1;
    }
    double apart = a.subtract(b).abs().divide(larger, MathContext.DECIMAL64).doubleValue();
    return Math.round((1 - Math.min(1, apart)) * 1000) / 1000.0;
  }
}
