package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReportRepository extends CrudRepository<Report, Long> {
  List<Report> findByReportKeyIn(Collection<String> keys);

  @Query(
      value =
          """
          SELECT r.* FROM reports r
          WHERE (:entityId IS NULL OR r.entity_id = :entityId)
            AND (:before IS NULL OR r.id < :before)
          ORDER BY r.id DESC LIMIT :limit""",
      nativeQuery = true)
  List<Report> page(@Nullable Long entityId, @Nullable Long before, int limit);
}
