package org.claimwatch.claim;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.ConnectionCallback;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

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
              null,
              s.priority());
      Claim claim = Claim.create(submittedBy, s.externalRef(), d, s.sourceId(), now);
      if (s.status() != ClaimStatus.UNVERIFIED) {
        claim = claim.withState(new ReviewState(s.status(), null, null, null, null), 1, now);
      }
      claims.add(claim);
    }
    return new ClaimStore(new OneConnection(c)).insert(claims).stream().map(Claim::id).toList();
  }

  /** Micronaut Data's JDBC operations over one connection, as far as ClaimStore uses them. */
  private record OneConnection(Connection c) implements JdbcOperations {
    @Override
    public DataSource getDataSource() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Connection getConnection() {
      return c;
    }

    @Override
    public <R> R execute(ConnectionCallback<R> callback) {
      try {
        return callback.call(c);
      } catch (SQLException e) {
        throw new DataAccessException(e.getMessage(), e);
      }
    }

    @Override
    public <R> R prepareStatement(String sql, PreparedStatementCallback<R> callback) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return callback.call(ps);
      } catch (SQLException e) {
        throw new DataAccessException(e.getMessage(), e);
      }
    }

    @Override
    public <T> Stream<T> entityStream(ResultSet rs, String prefix, Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Stream<T> entityStream(ResultSet rs, Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <E> E readEntity(String prefix, ResultSet rs, Class<E> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <E, D> D readDTO(String prefix, ResultSet rs, Class<E> rootEntity, Class<D> dtoType) {
      throw new UnsupportedOperationException();
    }
  }
}
