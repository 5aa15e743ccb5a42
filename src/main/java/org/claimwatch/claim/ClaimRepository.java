package org.claimwatch.claim;

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
   * Other claims citing the source that a change of its description must not reach: rated ones (a
   * published verdict, also while re-reviewed, or a proposal) and, for an integration, others'.
   */
  @Query(
      value =
          "SELECT COUNT(*) FROM claims WHERE source_id = :sourceId AND id <> :claimId AND (status"
              + " NOT IN ('UNVERIFIED', 'IN_REVIEW') OR (status = 'IN_REVIEW' AND (assignee IS NULL"
              + " OR COALESCE(prior_status, 'UNVERIFIED') NOT IN ('UNVERIFIED', 'IN_REVIEW')))"
              + " OR (:integration AND submitted_by <> :actor))",
      nativeQuery = true)
  long countBlockingSourceEdit(long sourceId, long claimId, boolean integration, String actor);

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
