package org.claimwatch.claim;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.system.Sql;

/**
 * Pages of {@code GET /api/v1/claims}, newest first. Only the filters given become SQL, so each can
 * use its (column, id) index; the check filter's condition comes from the re-check feature, which
 * owns the checks.
 */
@Singleton
class ClaimPages {
  private final ClaimStore claims;
  private final ClaimChecks checks;

  ClaimPages(ClaimStore claims, ClaimChecks checks) {
    this.claims = claims;
    this.checks = checks;
  }

  /** What a page is filtered by; null members filter nothing. */
  record Filter(
      Long before,
      String status,
      Long entityId,
      String metric,
      String statementLike,
      Instant statedFrom,
      Instant statedBefore,
      String check) {}

  @Connectable
  List<Claim> page(Filter f, int limit) {
    StringBuilder sql = new StringBuilder("SELECT c.* FROM claims c WHERE TRUE");
    List<Object> params = new ArrayList<>();
    where(sql, params, "c.id < ?", f.before());
    where(sql, params, "c.status = ?", f.status());
    where(sql, params, "c.entity_id = ?", f.entityId());
    where(sql, params, "c.metric = ?", f.metric());
    where(sql, params, "c.statement LIKE ?", f.statementLike());
    where(sql, params, "c.stated_at >= ?", f.statedFrom() == null ? null : Sql.utc(f.statedFrom()));
    where(
        sql,
        params,
        "c.stated_at < ?",
        f.statedBefore() == null ? null : Sql.utc(f.statedBefore()));
    if (f.check() != null) {
      sql.append(" AND ").append(checks.condition(f.check()));
    }
    sql.append(" ORDER BY c.id DESC LIMIT ?");
    params.add(limit);
    return claims.select(sql.toString(), params);
  }

  private static void where(StringBuilder sql, List<Object> params, String condition, Object v) {
    if (v != null) {
      sql.append(" AND ").append(condition);
      params.add(v);
    }
  }
}
