package org.claimwatch.recheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;
import org.claimwatch.webhook.OutboxExpander;

/**
 * claim.recheck_flagged events for flags raised in set-based SQL. The flagging transaction notes
 * the newest flag id before its flags go in ({@link #mark}) and commits one deferred outbox row
 * with them ({@link #announceImport}, {@link #announceReason}); the dispatcher then expands it
 * ({@link #expand}) into one event per flag of this kind made at that time after the mark,
 * set-based. A filing that flags 100,000 claims so commits as fast as before the webhooks
 * (FanOutBenchmark), and its events still cannot be lost: the deferred row commits with the flags.
 */
@Singleton
class FlagEvents implements OutboxExpander {
  /**
   * What a deferred row says: the flags after {@code mark}, made {@code at}, of an import or
   * reason.
   */
  @Serdeable
  record Deferred(
      long mark,
      String at,
      @Nullable Long importId,
      @Nullable Long entityId,
      @Nullable String reason) {}

  /**
   * The flags' event data, built in SQL. Numbers travel as the API writes them, decimal strings:
   * {@code JSON_OBJECT} would write a DECIMAL as a JSON number ({@code 100.000000}), so each is
   * cast to text, a value without its trailing zeros ({@code "100"}), a deviation with its one
   * decimal ({@code "20.0"}), as the flag's own view shows them. Both servers agree on this.
   */
  private static final String SELECT =
      "SELECT r.claim_id AS subject_id, JSON_OBJECT('claimId', r.claim_id, 'recheckId', r.id,"
          + " 'reason', r.reason, 'outcome', r.outcome, 'metric', r.metric,"
          + " 'claimedValue', "
          + plain("r.claimed_value")
          + ", 'claimedUnit', r.claimed_unit,"
          + " 'reportedValue', "
          + plain("r.reported_value")
          + ", 'reportedUnit', r.reported_unit,"
          + " 'periodStart', r.period_start, 'periodEnd', r.period_end, 'form', r.form,"
          + " 'filedOn', r.filed_on, 'deviationPct', CAST(r.deviation_pct AS CHAR), 'note', r.note,"
          + " 'claimVersion', r.claim_version, 'periods', r.periods,"
          + " 'periodsOutside', r.periods_outside,"
          + " 'href', CONCAT('/api/v1/rechecks?claimId=', r.claim_id)) AS data"
          + " FROM rechecks r WHERE ";

  /** Flags this service raised after the mark, at this time. */
  private static final String RAISED =
      SELECT + "r.id > ? AND r.created_at = ? AND r.created_by = 'claimwatch' AND ";

  /** A DECIMAL column as the API's decimal string: no trailing zeros, no trailing point. */
  private static String plain(String column) {
    return "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(" + column + " AS CHAR)))";
  }

  private final JdbcOperations jdbc;
  private final Outbox outbox;
  private final JsonMapper json;

  FlagEvents(JdbcOperations jdbc, Outbox outbox, JsonMapper json) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public String name() {
    return "recheck-flags";
  }

  /** The newest flag id now. */
  long mark() {
    return jdbc.prepareStatement(
        "SELECT COALESCE(MAX(id), 0) FROM rechecks", ps -> JdbcRows.one(ps, rs -> rs.getLong(1)));
  }

  /** The flags of an import (raised by reports of its figures), announced once it commits. */
  void announceImport(long mark, LocalDateTime at, long importId, long entityId) {
    outbox.appendDeferred(name(), new Deferred(mark, at.toString(), importId, entityId, null));
  }

  /** The flags a scheduled job raised for {@code reason}, announced once it commits. */
  void announceReason(long mark, LocalDateTime at, String reason) {
    outbox.appendDeferred(name(), new Deferred(mark, at.toString(), null, null, reason));
  }

  @Override
  public void expand(String dataJson) {
    Deferred d;
    try {
      d = json.readValue(dataJson, Deferred.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalDateTime at = LocalDateTime.parse(d.at());
    if (d.importId() != null) {
      outbox.appendSelected(
          EventTypes.CLAIM_RECHECK_FLAGGED,
          RAISED
              + "r.report_id IN (SELECT f.report_id FROM figures f WHERE f.import_id = ?"
              + " AND f.entity_id = ?)",
          ps -> {
            ps.setLong(3, d.mark());
            ps.setObject(4, at);
            ps.setLong(5, d.importId());
            ps.setLong(6, d.entityId());
          });
    } else {
      outbox.appendSelected(
          EventTypes.CLAIM_RECHECK_FLAGGED,
          RAISED + "r.reason = ?",
          ps -> {
            ps.setLong(3, d.mark());
            ps.setObject(4, at);
            ps.setString(5, d.reason());
          });
    }
  }

  /** One flag (raised by hand), announced in its own transaction. */
  void announce(long recheckId) {
    outbox.appendSelected(
        EventTypes.CLAIM_RECHECK_FLAGGED, SELECT + "r.id = ?", ps -> ps.setLong(3, recheckId));
  }
}
