package org.claimwatch.review;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface EvidenceRepository extends CrudRepository<Evidence, Long> {
  List<Evidence> findByVerdictIdInOrderByVerdictIdAndPosition(Collection<Long> verdictIds);
}
