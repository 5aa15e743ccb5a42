package org.claimwatch.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {
  Optional<ApiToken> findByTokenHash(String tokenHash);

  Optional<ApiToken> findByName(String name);

  boolean existsByName(String name);

  List<ApiToken> findAllOrderById();

  /** Locks the token's row until the transaction ends; empty when there is none. */
  @Query("SELECT id FROM api_tokens WHERE name = :name FOR UPDATE")
  Optional<Long> lockIdByName(String name);
}
