package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RecheckRepository extends CrudRepository<Recheck, Long> {
  List<Recheck> findByClaimIdInAndOpenSlotIsNotNull(Collection<Long> claimIds);

  List<Recheck> findByClaimIdOrderById(long claimId);

  List<Recheck> findByIdIn(Collection<Long> ids);

  @Query(
      value =
          """
          SELECT r.* FROM rechecks r
          WHERE (:before IS NULL OR r.id < :before)
            AND (:open IS NULL OR (:open = TRUE AND r.open_slot IS NOT NULL)
                 OR (:open = FALSE AND r.open_slot IS NULL))
            AND (:reason IS NULL OR r.reason = :reason)
            AND (:entityId IS NULL OR r.entity_id = :entityId)
            AND (:claimId IS NULL OR r.claim_id = :claimId)
          ORDER BY r.id DESC LIMIT :limit""",
      nativeQuery = true)
  List<Recheck> page(
      @Nullable Long before,
      @Nullable Boolean open,
      @Nullable String reason,
      @Nullable Long entityId,
      @Nullable Long claimId,
      int limit);
}
