package org.claimwatch.claim;

import static org.claimwatch.system.Sql.marks;
import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.ProblemException;

/**
 * Every statement on the {@code claims} table, from one list of its columns: the insert and the
 * update are derived from {@link #COLUMNS}, rows are read by {@link ClaimRows}. A new claim field
 * is a component of {@link ClaimData}, a column here and a line in {@link ClaimRows} (with its
 * place in {@link ClaimRows.Columns}); {@code ClaimStoreTest} fails when the table has a column
 * this list lacks, or a field does not come back as it was stored.
 */
@Singleton
class ClaimStore {
  /**
   * A column of {@code claims}: its name, the claim's value for it, and whether an edit of the
   * claim's contents writes it (the review state has statements of its own, so an edit racing a
   * lease renewal never writes the old lease back).
   */
  record Column(String name, Function<Claim, Object> value, boolean edited) {}

  /** Every column but the generated id, in the order statements bind them. */
  static final List<Column> COLUMNS =
      List.of(
          new Column("submitted_by", Claim::submittedBy, false),
          new Column("external_ref", Claim::externalRef, false),
          new Column("statement", Claim::statement, true),
          new Column("language", Claim::language, true),
          new Column("claimant", Claim::claimant, true),
          new Column("entity_id", Claim::entityId, true),
          new Column("metric", Claim::metric, true),
          new Column("value", Claim::value, true),
          new Column("value_high", Claim::valueHigh, true),
          new Column("unit", Claim::unit, true),
          new Column("qualifier", Claim::qualifier, true),
          new Column("period_start", Claim::periodStart, true),
          new Column("period_end", Claim::periodEnd, true),
          new Column("periodicity", Claim::periodicity, true),
          new Column("kind", Claim::kind, true),
          new Column("resolves_on", Claim::resolvesOn, true),
          new Column("stated_at", Claim::statedAt, true),
          new Column("source_id", Claim::sourceId, true),
          new Column("status", Claim::status, false),
          new Column("priority", Claim::priority, true),
          new Column("version", c -> 1, false),
          new Column("created_at", Claim::createdAt, false),
          new Column("updated_at", Claim::updatedAt, true),
          new Column("tolerance", Claim::tolerance, true),
          new Column("tolerance_high", Claim::toleranceHigh, true),
          new Column("last_verdict_at", Claim::lastVerdictAt, false),
          new Column("assignee", Claim::assignee, false),
          new Column("lease_until", Claim::leaseUntil, false),
          new Column("prior_status", Claim::priorStatus, false),
          new Column("duplicate_of", Claim::duplicateOf, false));

  private static final List<Column> EDITED = COLUMNS.stream().filter(Column::edited).toList();

  static final String INSERT =
      "INSERT INTO claims ("
          + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
          + ") VALUES ("
          + marks(COLUMNS.size())
          + ")";

  /** An edit at a version: every edited column, the version moved on (0 rows: it moved first). */
  static final String UPDATE =
      "UPDATE claims SET "
          + EDITED.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
          + ", version = version + 1 WHERE id = ? AND version = ?";

  private static final String UPDATE_STATE =
      "UPDATE claims SET status = ?, assignee = ?, lease_until = ?, prior_status = ?,"
          + " last_verdict_at = ?, updated_at = ?, version = version + 1"
          + " WHERE id = ? AND version = ?";

  private final JdbcOperations jdbc;

  ClaimStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts new claims (version 1); returns them with their ids, in order. */
  @Connectable
  public List<Claim> insert(List<Claim> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return jdbc.execute((Connection conn) -> insert(conn, claims));
  }

  /**
   * The insert on a connection of the caller's, in its transaction: one JDBC batch (benchmarks load
   * claims with it over a connection of their own).
   */
  static List<Claim> insert(Connection conn, List<Claim> claims) throws SQLException {
    return JdbcRows.insertAll(
        conn, INSERT, claims, (ps, c) -> bind(ps, 1, COLUMNS, c), Claim::stored);
  }

  /**
   * Writes an edited claim at its version; returns it at the next version. A claim changed since it
   * was read is an {@link OptimisticLockException} (a 412 to the caller).
   */
  @Connectable
  public Claim update(Claim c) {
    int n =
        jdbc.prepareStatement(
            UPDATE,
            ps -> {
              int next = bind(ps, 1, EDITED, c);
              ps.setLong(next, c.id());
              ps.setInt(next + 1, c.version());
              return ps.executeUpdate();
            });
    if (n != 1) {
      throw new OptimisticLockException("Claim " + c.id() + " was changed at the same moment");
    }
    return c.withVersion(c.version() + 1);
  }

  /** Moves the claim's review state on at {@code version}; false when it had moved on already. */
  @Connectable
  public boolean changeState(long id, int version, ReviewState next, Instant now) {
    return JdbcRows.update(
            jdbc,
            UPDATE_STATE,
            next.status().name(),
            next.assignee(),
            utc(next.leaseUntil()),
            next.priorStatus() == null ? null : next.priorStatus().name(),
            utc(next.lastVerdictAt()),
            utc(now),
            id,
            version)
        == 1;
  }

  /**
   * Links the claim to the claim it repeats (null: unlinks it) at {@code version}, moving the
   * version on; false when it had moved on already.
   */
  @Connectable
  public boolean setDuplicateOf(long id, int version, Long original, Instant now) {
    return JdbcRows.update(
            jdbc,
            "UPDATE claims SET duplicate_of = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            original,
            utc(now),
            id,
            version)
        == 1;
  }

  /**
   * A claim linked to this one as its duplicate; empty when there is none. Read by the caller that
   * holds this claim's row lock: every writer of a link to it (a link, a new claim naming it) locks
   * that row first, so none can be between its lock and its commit, and this plain read, the
   * transaction's first, sees each committed one. A locking read here would also lock the index gap
   * new claims' rows go into, making every insert wait for the link to commit.
   */
  @Connectable
  public Optional<Long> oneDuplicateOf(long original) {
    return JdbcRows.list(
            jdbc,
            "SELECT id FROM claims WHERE duplicate_of = ? ORDER BY id LIMIT 1",
            rs -> rs.getLong(1),
            original)
        .stream()
        .findFirst();
  }

  /** The claims linked to this one as its duplicates, oldest first, at most {@code max}. */
  @Connectable
  public List<Claim> duplicatesOf(long original, int max) {
    return select(
        "SELECT * FROM claims WHERE duplicate_of = ? ORDER BY id LIMIT ?", List.of(original, max));
  }

  /** Extends a lease: not a new version (what was judged has not changed). */
  @Connectable
  public void renewLease(long id, Instant until) {
    JdbcRows.update(jdbc, "UPDATE claims SET lease_until = ? WHERE id = ?", utc(until), id);
  }

  /** Each claim back to the status it had before it was taken, at its next version. */
  @Connectable
  public void releaseLeases(List<Long> ids, Instant now) {
    jdbc.prepareStatement(
        "UPDATE claims SET status = COALESCE(prior_status, 'UNVERIFIED'), assignee = NULL,"
            + " lease_until = NULL, prior_status = NULL, updated_at = ?, version = version + 1"
            + " WHERE id IN ("
            + marks(ids.size())
            + ")",
        ps -> {
          ps.setObject(1, utc(now));
          JdbcRows.bind(ps, 2, ids);
          return ps.executeUpdate();
        });
  }

  /** How many claims someone holds (IN_REVIEW with a holder): for the gauges. */
  @Connectable
  public long countHeld() {
    return JdbcRows.one(
        jdbc,
        "SELECT COUNT(*) FROM claims WHERE status = 'IN_REVIEW' AND assignee IS NOT NULL",
        rs -> rs.getLong(1));
  }

  /** The claim, or 404. */
  @Connectable
  public Claim find(long id) {
    return one("SELECT * FROM claims WHERE id = ?", id)
        .orElseThrow(() -> ProblemException.notFound("No claim " + id));
  }

  /** The claim locked until the transaction ends, or empty. */
  @Connectable
  public Optional<Claim> lock(long id) {
    return one("SELECT * FROM claims WHERE id = ? FOR UPDATE", id);
  }

  /** The claim locked, or empty when another transaction holds its row (or it is gone). */
  @Connectable
  public Optional<Claim> tryLock(long id) {
    return one("SELECT * FROM claims WHERE id = ? FOR UPDATE SKIP LOCKED", id);
  }

  /** The caller's claims under these externalRefs. */
  @Connectable
  public List<Claim> byExternalRefs(String submittedBy, Collection<String> refs) {
    List<Object> args = new ArrayList<>(refs.size() + 1);
    args.add(submittedBy);
    args.addAll(refs);
    return select(
        "SELECT * FROM claims WHERE submitted_by = ? AND external_ref IN ("
            + marks(refs.size())
            + ")",
        args);
  }

  /**
   * Other claims citing the source that a change of its description must not reach: rated ones (a
   * published verdict, also while re-reviewed, or a proposal) and, for an integration, others'.
   */
  @Connectable
  public long countBlockingSourceEdit(
      long sourceId, long claimId, boolean integration, String actor) {
    return JdbcRows.one(
        jdbc,
        "SELECT COUNT(*) FROM claims WHERE source_id = ? AND id <> ? AND (status"
            + " NOT IN ('UNVERIFIED', 'IN_REVIEW') OR (status = 'IN_REVIEW' AND (assignee IS NULL"
            + " OR COALESCE(prior_status, 'UNVERIFIED') NOT IN ('UNVERIFIED', 'IN_REVIEW')))"
            + " OR (? AND submitted_by <> ?))",
        rs -> rs.getLong(1),
        sourceId,
        claimId,
        integration,
        actor);
  }

  /**
   * Claims about the same entity (or both about none) and metric (or, with none, unit) whose value
   * is within either side's tolerance and whose period overlaps, closest value first. Uses the
   * (entity_id, metric) index; a lookup with neither entity nor metric finds nothing (too broad).
   */
  @Connectable
  public List<SimilarClaim> similar(
      Long entityId,
      String metric,
      String unit,
      BigDecimal value,
      BigDecimal tolerance,
      java.time.LocalDate start,
      java.time.LocalDate end,
      Long exceptId,
      int limit) {
    if ((entityId == null && metric == null) || value == null) {
      return List.of();
    }
    return JdbcRows.list(
        jdbc,
        "SELECT id, statement, status, value FROM claims"
            + " WHERE entity_id <=> ? AND value IS NOT NULL AND id <> ?"
            + " AND (metric = ? OR (? IS NULL AND metric IS NULL AND unit <=> ?))"
            + " AND ABS(value - ?) <= GREATEST(COALESCE(tolerance, 0), ?)"
            + " AND (? IS NULL OR period_end IS NULL OR period_end >= ?)"
            + " AND (? IS NULL OR period_start IS NULL OR period_start <= ?)"
            + " ORDER BY ABS(value - ?), id DESC LIMIT ?",
        rs ->
            new SimilarClaim(
                rs.getLong(1),
                rs.getString(2),
                ClaimStatus.valueOf(rs.getString(3)),
                rs.getBigDecimal(4)),
        entityId,
        exceptId == null ? -1L : exceptId,
        metric,
        metric,
        unit,
        value,
        tolerance == null ? BigDecimal.ZERO : tolerance,
        start,
        start,
        end,
        end,
        value,
        limit);
  }

  /** Ids of claims whose lease has run out (a plain read: nothing locked). */
  @Connectable
  public List<Long> expiredIds(Instant now, int max) {
    return JdbcRows.list(
        jdbc,
        "SELECT id FROM claims FORCE INDEX (ix_claims_queue)"
            + " WHERE status = 'IN_REVIEW' AND lease_until <= ? LIMIT ?",
        rs -> rs.getLong(1),
        utc(now),
        max);
  }

  /** Those of the claims whose lease has still run out, locked; rows others hold are skipped. */
  @Connectable
  public List<Claim> lockExpired(List<Long> ids, Instant now) {
    List<Object> args = new ArrayList<Object>(ids);
    args.add(utc(now));
    return select(
        "SELECT * FROM claims WHERE id IN ("
            + marks(ids.size())
            + ") AND status = 'IN_REVIEW' AND lease_until <= ? FOR UPDATE SKIP LOCKED",
        args);
  }

  private Optional<Claim> one(String sql, long id) {
    return select(sql, List.of(id)).stream().findFirst();
  }

  /** The claims a query over {@code claims} selects (every column), with these parameters. */
  List<Claim> select(String sql, List<Object> args) {
    return JdbcRows.list(jdbc, sql, ClaimRows.reader(), args.toArray());
  }

  /** Binds the columns' values of the claim from parameter {@code first}; returns the next one. */
  private static int bind(PreparedStatement ps, int first, List<Column> columns, Claim c)
      throws SQLException {
    int i = first;
    for (Column col : columns) {
      Object v = col.value().apply(c);
      if (v == null) {
        ps.setNull(i++, Types.NULL);
      } else if (v instanceof Enum<?> e) {
        ps.setString(i++, e.name());
      } else if (v instanceof Instant t) {
        ps.setObject(i++, utc(t)); // DATETIME columns hold UTC
      } else {
        ps.setObject(i++, v);
      }
    }
    return i;
  }
}
