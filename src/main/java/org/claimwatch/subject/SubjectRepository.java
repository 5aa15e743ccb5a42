package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubjectRepository extends CrudRepository<Subject, Long> {
  Optional<Subject> findByName(String name);

  Optional<Subject> findBySecCik(long secCik);

  List<Subject> findByIdIn(Collection<Long> ids);

  /** A page of entities, newest id first, optionally matching a name or alias prefix. */
  @Query(
      value =
          """
          SELECT s.* FROM subjects s
          WHERE (:before IS NULL OR s.id < :before)
            AND (:prefix IS NULL OR s.name LIKE :prefix
                 OR s.id IN (SELECT a.subject_id FROM subject_aliases a WHERE a.alias LIKE :prefix))
          ORDER BY s.id DESC LIMIT :limit""",
      nativeQuery = true)
  List<Subject> page(@Nullable Long before, @Nullable String prefix, int limit);

  /**
   * Changes whenever a name or alias may have changed: counts, newest ids and the sum of the
   * versions (an entity's version moves with every edit, its aliases included).
   */
  @Query(
      value =
          "SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', COALESCE(SUM(version), 0), ':',"
              + " (SELECT COUNT(*) FROM subject_aliases), ':',"
              + " (SELECT COALESCE(MAX(id), 0) FROM subject_aliases)) FROM subjects",
      nativeQuery = true)
  String namesVersion();
}
