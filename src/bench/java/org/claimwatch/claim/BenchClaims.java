package org.claimwatch.claim;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims stored by the production {@link ClaimStore} over a benchmark's own JDBC connection, for
 * benchmarks that load many claims before they measure (ClaimStore, {@link Claim#create} and {@link
 * ClaimData} are package-private). The rows are what the service stores for a new claim: its
 * statement, its binding, the tolerances of {@link Precision}; so a loaded claim cannot drift from
 * the schema. No history rows and no events: a set-up, not a measured write.
 */
public final class BenchClaims {
  private BenchClaims() {}

  /** What a benchmark says of a claim; {@code status} other than UNVERIFIED: a reviewed claim. */
  public record Spec(
      String externalRef,
      String statement,
      String language,
      String claimant,
      long entityId,
      String metric,
      BigDecimal value,
      BigDecimal valueHigh,
      String unit,
      Qualifier qualifier,
      LocalDate periodStart,
      LocalDate periodEnd,
      Periodicity periodicity,
      Instant statedAt,
      long sourceId,
      ClaimStatus status,
      int priority) {}

  /**
   * Inserts the claims with {@link ClaimStore#insert} (one JDBC batch), in the connection's current
   * transaction; returns their ids, in order.
   */
  public static List<Long> insert(Connection c, String submittedBy, List<Spec> specs, Instant now) {
    List<Claim> claims = new ArrayList<>(specs.size());
    for (Spec s : specs) {
      ClaimData d =
          new ClaimData(
              s.statement(),
              s.language(),
              s.claimant(),
              s.entityId(),
              s.metric(),
              ClaimedNumber.of(s.value(), s.valueHigh(), s.unit(), s.qualifier()),
              new ClaimPeriod(s.periodStart(), s.periodEnd(), s.periodicity()),
              ClaimKind.REPORTED,
              null,
              s.statedAt(),
              s.priority());
      Claim claim = Claim.create(submittedBy, s.externalRef(), d, s.sourceId(), null, now);
      if (s.status() != ClaimStatus.UNVERIFIED) {
        claim = claim.withState(new ReviewState(s.status(), null, null, null, null), 1, now);
      }
      claims.add(claim);
    }
    try {
      return ClaimStore.insert(c, claims).stream().map(Claim::id).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("loading claims failed", e);
    }
  }
}
