package org.claimwatch.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SecPollingRepository extends CrudRepository<SecPolling, Long> {
  List<SecPolling> findByEnabledOrderByEntityId(boolean enabled);
}
