package org.claimwatch.claim;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SourceRepository extends CrudRepository<Source, Long> {
  List<Source> findByUrlHashIn(Collection<String> urlHashes);

  List<Source> findByIdIn(Collection<Long> ids);
}
