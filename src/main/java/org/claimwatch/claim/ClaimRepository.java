package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ClaimRepository extends CrudRepository<Claim, Long> {
  List<Claim> findBySubmittedByAndExternalRefIn(
      String submittedBy, Collection<String> externalRefs);

  /**
   * A page of claims, newest first. Absent filters are NULL literals (Connector/J sends the values
   * inline), which the optimizer folds away, so each filter can use its (column, id) index.
   */
  @Query(
      value =
          """
          SELECT c.* FROM claims c
          WHERE (:before IS NULL OR c.id < :before)
            AND (:status IS NULL OR c.status = :status)
            AND (:entityId IS NULL OR c.entity_id = :entityId)
            AND (:metric IS NULL OR c.metric = :metric)
            AND (:statementLike IS NULL OR c.statement LIKE :statementLike)
            AND (:statedFrom IS NULL OR c.stated_at >= :statedFrom)
            AND (:statedBefore IS NULL OR c.stated_at < :statedBefore)
          ORDER BY c.id DESC
          LIMIT :limit""",
      nativeQuery = true)
  List<Claim> page(
      @Nullable Long before,
      @Nullable String status,
      @Nullable Long entityId,
      @Nullable String metric,
      @Nullable String statementLike,
      @Nullable Instant statedFrom,
      @Nullable Instant statedBefore,
      int limit);

  @Query(value = "SELECT * FROM claims WHERE id = :id FOR UPDATE", nativeQuery = true)
  Optional<Claim> lock(long id);

  @Query(value = "SELECT * FROM claims WHERE id = :id FOR UPDATE SKIP LOCKED", nativeQuery = true)
  Optional<Claim> tryLock(long id);

  /** Ids of claims whose lease has run out (a plain read: nothing locked). */
  @Query(
      value =
          "SELECT id FROM claims FORCE INDEX (ix_claims_queue)"
              + " WHERE status = 'IN_REVIEW' AND lease_until <= :now LIMIT :max",
      nativeQuery = true)
  List<Long> expiredIds(Instant now, int max);

  /** Those of the claims whose lease has still run out, locked; rows others hold are skipped. */
  @Query(
      value =
          "SELECT * FROM claims WHERE id IN (:ids) AND status = 'IN_REVIEW' AND lease_until <= :now"
              + " FOR UPDATE SKIP LOCKED",
      nativeQuery = true)
  List<Claim> lockExpired(Collection<Long> ids, Instant now);
}
