package org.claimwatch.claim;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: it can insert and read history, never update or delete it. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ClaimHistoryRepository extends GenericRepository<ClaimHistory, Long> {
  ClaimHistory save(ClaimHistory entry);

  List<ClaimHistory> saveAll(Iterable<ClaimHistory> entries);

  List<ClaimHistory> findByClaimIdOrderById(long claimId);
}
