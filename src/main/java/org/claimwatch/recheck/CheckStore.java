package org.claimwatch.recheck;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimChecks;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Sql;

/**
 * The {@code claim_checks} table: every claim's judged figures with their outcomes, kept in step
 * with claims and figures by set-based statements in the transaction that changes them, so reading
 * a check is one indexed lookup. All statements on the table are here.
 */
@Singleton
class CheckStore implements ClaimChecks {
  /**
   * Stores the pairs of the figures an import changed (new, restated or re-derived); a pair stored
   * before is brought up to date. Parameters: checked_at, import id, import id, entity id.
   */
  private static final String UPSERT_IMPORT =
      "INSERT INTO claim_checks (claim_id, figure_id, outcome, deviation_pct, checked_at, latest,"
          + " import_id) SELECT p.claim_id, p.figure_id, p.o, p.dev, ?, p.latest, ? FROM ("
          + Judging.pairs("f.import_id = ? AND f.entity_id = ?")
          + ") p ON DUPLICATE KEY UPDATE outcome = p.o, deviation_pct = p.dev,"
          + " checked_at = VALUES(checked_at), import_id = VALUES(import_id)";

  /**
   * Claims judged on "the latest period reported when said" move on to a newer period when an
   * import brings one: the rows of the old one go. Found from the import's figures through the
   * (figure_id, latest) key, so a filing that bears on 100,000 other claims reads none of them.
   */
  private static final String PRUNE_LATEST =
      "DELETE k FROM figures nf"
          + " JOIN claim_checks n ON n.figure_id = nf.id AND n.latest = 1"
          + " JOIN claim_checks k ON k.claim_id = n.claim_id"
          + " JOIN claims c ON c.id = k.claim_id"
          + " JOIN figures f ON f.id = k.figure_id"
          + " WHERE nf.import_id = ? AND nf.entity_id = ? AND NOT COALESCE(("
          + Judging.JUDGES
          + "), FALSE)";

  /**
   * A figure in a claim's unit now judges its period alone: the rows of the same period in other
   * units (INCONCLUSIVE, not comparable) go, for claims in the unit of one of the import's figures
   * ({@link Judging#JUDGES}). Through the figures' period key and the checks' figure key.
   */
  private static final String PRUNE_OTHER_UNITS =
      "DELETE k FROM figures nf"
          + " JOIN figures f ON f.entity_id = nf.entity_id AND f.metric = nf.metric"
          + " AND f.period_start = nf.period_start AND f.period_end = nf.period_end"
          + " AND f.unit <> nf.unit"
          + " JOIN claim_checks k ON k.figure_id = f.id"
          + " JOIN claims c ON c.id = k.claim_id AND c.unit = nf.unit"
          + " WHERE nf.import_id = ? AND nf.entity_id = ?";

  /** Every check view of the entity's claims may have changed. Parameter: entity id. */
  private static final String BUMP_EPOCH =
      "UPDATE subjects SET check_epoch = check_epoch + 1 WHERE id = ?";

  private final JdbcOperations jdbc;
  private final Clock clock;
  private final io.micronaut.context.BeanProvider<ClaimChecks> self;

  CheckStore(
      JdbcOperations jdbc, Clock clock, io.micronaut.context.BeanProvider<ClaimChecks> self) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.self = self;
  }

  /**
   * Brings the checks up to date with what an import changed in the entity's figures (called for
   * every change, including a figure that only cites another filing now).
   */
  void importChanged(long importId, long entityId) {
    JdbcRows.update(jdbc, UPSERT_IMPORT, Sql.utc(clock.instant()), importId, importId, entityId);
    JdbcRows.update(jdbc, PRUNE_LATEST, importId, entityId);
    JdbcRows.update(jdbc, PRUNE_OTHER_UNITS, importId, entityId);
  }

  /** The import is done with the entity's figures: pages read its claims' checks anew. */
  void figuresSettled(long entityId) {
    JdbcRows.update(jdbc, BUMP_EPOCH, entityId);
  }

  /**
   * The pairs of the claims a refresh names, with what a check view shows of each figure, so the
   * rows are stored and the views built from one read.
   */
  private static String refreshSelect(int claims) {
    return Judging.pairsOfClaims(
        "c.id IN (" + Sql.marks(claims) + ")",
        "f.value AS fv, f.unit AS fu, f.period_start AS fps, f.period_type AS fpt, f.kind AS fk,"
            + " f.derivation AS fd, f.form AS ff");
  }

  private static final String INSERT_ROW =
      "INSERT INTO claim_checks (claim_id, figure_id, outcome, deviation_pct, checked_at, latest)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  @Override
  public Map<Long, CheckView> refresh(List<Claim> claims, boolean created) {
    Map<Long, CheckView> out = new HashMap<>();
    if (claims.isEmpty()) {
      return out;
    }
    List<Long> ids = claims.stream().map(Claim::id).toList();
    if (!created) {
      JdbcRows.update(
          jdbc,
          "DELETE FROM claim_checks WHERE claim_id IN (" + Sql.marks(ids.size()) + ")",
          ids.toArray());
    }
    LocalDateTime now = Sql.utc(clock.instant());
    List<Row> rows = new ArrayList<>();
    List<Boolean> latest = new ArrayList<>();
    jdbc.prepareStatement(
        refreshSelect(ids.size()),
        ps -> {
          JdbcRows.bind(ps, 1, ids);
          JdbcRows.forEach(
              ps,
              rs -> {
                rows.add(
                    new Row(
                        rs.getLong("claim_id"),
                        rs.getLong("figure_id"),
                        rs.getLong("report_id"),
                        rs.getBigDecimal("fv"),
                        rs.getString("fu"),
                        rs.getObject("fps", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getString("fpt"),
                        rs.getString("fk"),
                        rs.getString("fd"),
                        rs.getString("ff"),
                        rs.getObject("filed_on", LocalDate.class),
                        Outcome.valueOf(rs.getString("o")),
                        rs.getBigDecimal("dev"),
                        now));
                latest.add(rs.getBoolean("latest"));
              });
          return null;
        });
    if (rows.isEmpty()) {
      return out;
    }
    jdbc.prepareStatement(
        INSERT_ROW,
        ps -> {
          for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ps.setLong(1, r.claimId());
            ps.setLong(2, r.figureId());
            ps.setString(3, r.outcome().name());
            ps.setBigDecimal(4, r.deviationPct());
            ps.setObject(5, now);
            ps.setBoolean(6, latest.get(i));
            ps.addBatch();
          }
          return ps.executeBatch();
        });
    return views(claims, byClaim(rows));
  }

  private static Map<Long, List<Row>> byClaim(List<Row> rows) {
    Map<Long, List<Row>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.claimId(), k -> new ArrayList<>()).add(r);
    }
    // Oldest period first, as a stored check is read.
    out.values()
        .forEach(
            l ->
                l.sort(
                    java.util.Comparator.comparing(Row::periodEnd)
                        .thenComparing(Row::periodStart, java.util.Comparator.reverseOrder())));
    return out;
  }

  private static Map<Long, CheckView> views(List<Claim> claims, Map<Long, List<Row>> rows) {
    Map<Long, CheckView> out = new HashMap<>();
    for (Claim c : claims) {
      List<Row> judged = rows.get(c.id());
      if (judged != null) {
        out.put(c.id(), Checks.view(c, judged));
      }
    }
    return out;
  }

  /** A stored row: one judged figure of a claim. */
  record Row(
      long claimId,
      long figureId,
      long reportId,
      BigDecimal value,
      String unit,
      LocalDate periodStart,
      LocalDate periodEnd,
      String periodType,
      String kind,
      String derivation,
      String form,
      LocalDate filedOn,
      Outcome outcome,
      BigDecimal deviationPct,
      LocalDateTime checkedAt) {}

  /** A check view and the key it was read at ({@link ClaimChecks#KEY_COLUMN}). */
  private record Cached(String key, CheckView view) {}

  private static final int MAX_CACHED_VIEWS = 50_000;

  /**
   * Check views by claim (null: none), with the key they were read at: a page whose rows carry the
   * same key (the claim's version and its entity's check epoch) shows them without reading the
   * check again. Keys come from the database on every read, and a view is read after its key, so it
   * is never older than the key it is kept at; instances never serve each other stale views.
   */
  private final Map<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Not {@code @Connectable}: a page whose checks are all known takes no connection (a second one
   * per page, after the page's own, doubled the service's CPU on busy queue pages); the misses are
   * read through the bean's proxy, which takes one.
   */
  @Override
  public Map<Long, CheckView> checksFor(List<Claim> claims, List<String> keys) {
    Map<Long, CheckView> out = new HashMap<>();
    List<Claim> missing = new ArrayList<>();
    Map<Long, String> keyOf = new HashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      String key = keys.get(i);
      if (key == null) {
        continue;
      }
      String full = c.version() + ":" + key;
      Cached hit = cache.get(c.id());
      if (hit != null && hit.key().equals(full)) {
        if (hit.view() != null) {
          out.put(c.id(), hit.view());
        }
      } else {
        missing.add(c);
        keyOf.put(c.id(), full);
      }
    }
    if (!missing.isEmpty()) {
      if (cache.size() + missing.size() > MAX_CACHED_VIEWS) {
        cache.clear();
      }
      Map<Long, CheckView> read = self.get().checksFor(missing);
      for (Claim c : missing) {
        // A claim with no check is kept too (null), so it is not read again at this key.
        CheckView view = read.get(c.id());
        cache.put(c.id(), new Cached(keyOf.get(c.id()), view));
        if (view != null) {
          out.put(c.id(), view);
        }
      }
    }
    return out;
  }

  @Override
  @Connectable
  public Map<Long, CheckView> checksFor(List<Claim> claims) {
    if (claims.isEmpty()) {
      return new HashMap<>();
    }
    return views(claims, rows(claims.stream().map(Claim::id).toList()));
  }

  /** The stored rows of these claims, by claim, oldest period first. */
  Map<Long, List<Row>> rows(Collection<Long> claimIds) {
    Map<Long, List<Row>> out = new HashMap<>();
    jdbc.prepareStatement(
        "SELECT k.claim_id, k.figure_id, f.report_id, f.value, f.unit, f.period_start,"
            + " f.period_end, f.period_type, f.kind, f.derivation, f.form, f.filed_on,"
            + " k.outcome, k.deviation_pct, k.checked_at"
            + " FROM claim_checks k JOIN figures f ON f.id = k.figure_id"
            + " WHERE k.claim_id IN ("
            + Sql.marks(claimIds.size())
            + ") ORDER BY k.claim_id, f.period_end, f.period_start DESC",
        ps -> {
          JdbcRows.bind(ps, 1, claimIds);
          JdbcRows.forEach(
              ps,
              rs -> {
                Row r =
                    new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getObject(12, LocalDate.class),
                        Outcome.valueOf(rs.getString(13)),
                        rs.getBigDecimal(14),
                        rs.getObject(15, LocalDateTime.class));
                out.computeIfAbsent(r.claimId(), k -> new ArrayList<>()).add(r);
              });
          return null;
        });
    return out;
  }

  @Override
  public String condition(String outcome) {
    String sql = outcome == null ? null : conditionSql(outcome.strip());
    if (sql == null) {
      throw ProblemException.invalidField(
          "check", "must be one of SUPPORTS, CONTRADICTS, INCONCLUSIVE, NONE");
    }
    return sql;
  }

  private static String conditionSql(String outcome) {
    String has = "EXISTS (SELECT 1 FROM claim_checks k WHERE k.claim_id = c.id AND k.outcome = ";
    return switch (outcome) {
      case "CONTRADICTS" -> has + "'CONTRADICTS')";
      case "SUPPORTS" ->
          has + "'SUPPORTS') AND NOT " + has + "'CONTRADICTS') AND NOT " + has + "'INCONCLUSIVE')";
      case "INCONCLUSIVE" -> has + "'INCONCLUSIVE') AND NOT " + has + "'CONTRADICTS')";
      case "NONE" -> "NOT EXISTS (SELECT 1 FROM claim_checks k WHERE k.claim_id = c.id)";
      default -> null;
    };
  }
}
