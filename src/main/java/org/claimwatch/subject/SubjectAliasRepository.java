package org.claimwatch.subject;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubjectAliasRepository extends CrudRepository<SubjectAlias, Long> {
  List<SubjectAlias> findBySubjectIdInOrderById(Collection<Long> subjectIds);

  List<SubjectAlias> findByAliasIn(Collection<String> aliases);

  Optional<SubjectAlias> findByAlias(String alias);

  void deleteBySubjectId(long subjectId);
}
