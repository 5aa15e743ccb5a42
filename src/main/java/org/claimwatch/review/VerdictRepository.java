package org.claimwatch.review;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface VerdictRepository extends CrudRepository<Verdict, Long> {
  List<Verdict> findByClaimIdOrderById(long claimId);

  Optional<Verdict> findFirstByClaimIdAndStateOrderByIdDesc(long claimId, Verdict.State state);
}
