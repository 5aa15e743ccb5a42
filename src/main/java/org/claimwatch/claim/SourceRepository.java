package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SourceRepository extends CrudRepository<Source, Long> {
  List<Source> findByUrlHashIn(Collection<String> urlHashes);

  List<Source> findByIdIn(Collection<Long> ids);

  /** Describes the URL anew: a source is one row per URL, so every claim citing it sees this. */
  void update(
      @Id Long id,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable Instant publishedAt);
}
