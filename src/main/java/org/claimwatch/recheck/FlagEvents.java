package org.claimwatch.recheck;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;

/**
 * claim.recheck_flagged events for flags raised in set-based SQL, written set-based in the same
 * transaction: note the newest flag id before the flags go in ({@link #mark}), then announce the
 * flags of this kind made at this time after it ({@link #announce}).
 */
@Singleton
class FlagEvents {
  private static final String SELECT =
      "SELECT r.claim_id AS subject_id, JSON_OBJECT('claimId', r.claim_id, 'recheckId', r.id,"
          + " 'reason', r.reason, 'outcome', r.outcome, 'metric', r.metric,"
          + " 'claimedValue', r.claimed_value, 'claimedUnit', r.claimed_unit,"
          + " 'reportedValue', r.reported_value, 'reportedUnit', r.reported_unit,"
          + " 'periodStart', r.period_start, 'periodEnd', r.period_end, 'form', r.form,"
          + " 'filedOn', r.filed_on, 'deviationPct', r.deviation_pct, 'note', r.note,"
          + " 'claimVersion', r.claim_version,"
          + " 'href', CONCAT('/api/v1/rechecks?claimId=', r.claim_id)) AS data"
          + " FROM rechecks r WHERE ";

  /** Flags this service raised after the mark, at this time. */
  private static final String RAISED =
      SELECT + "r.id > ? AND r.created_at = ? AND r.created_by = 'claimwatch' AND ";

  private final JdbcOperations jdbc;
  private final Outbox outbox;

  FlagEvents(JdbcOperations jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /** The newest flag id now. */
  long mark() {
    return jdbc.prepareStatement(
        "SELECT COALESCE(MAX(id), 0) FROM rechecks",
        ps -> {
          try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Flags of an import: those resting on the import's figures. */
  int announceImport(long mark, LocalDateTime at, long importId, long entityId) {
    return outbox.appendSelected(
        EventTypes.CLAIM_RECHECK_FLAGGED,
        RAISED
            + "r.figure_id IN (SELECT f.id FROM figures f WHERE f.import_id = ? AND f.entity_id = ?)"
            + " ORDER BY r.id",
        ps -> {
          ps.setLong(3, mark);
          ps.setObject(4, at);
          ps.setLong(5, importId);
          ps.setLong(6, entityId);
        });
  }

  /** Flags a scheduled job raised for {@code reason}. */
  int announceReason(long mark, LocalDateTime at, String reason) {
    return outbox.appendSelected(
        EventTypes.CLAIM_RECHECK_FLAGGED,
        RAISED + "r.reason = ? ORDER BY r.id",
        ps -> {
          ps.setLong(3, mark);
          ps.setObject(4, at);
          ps.setString(5, reason);
        });
  }

  /** One flag (raised by hand). */
  void announce(long recheckId) {
    outbox.appendSelected(
        EventTypes.CLAIM_RECHECK_FLAGGED, SELECT + "r.id = ?", ps -> ps.setLong(3, recheckId));
  }
}
