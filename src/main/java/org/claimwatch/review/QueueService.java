package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimChecks;
import org.claimwatch.claim.ClaimRows;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.ClaimWork;
import org.claimwatch.system.CachedGauges;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * The review queues. Each is one keyset query whose order an index holds (see V16), so a page reads
 * about as many index entries as it returns, however many claims are stored. The query names that
 * index (FORCE INDEX): left to itself the optimizer (MariaDB 10.11 at least) walks the unfiltered
 * (status, priority, id) index and filters, reading 100 times the rows when an entity filter keeps
 * 1% of them. Claims someone holds are IN_REVIEW and so in nobody's queue but their holder's {@code
 * mine}.
 */
@Singleton
public class QueueService {
  /** How many candidates {@link #next} tries to lock per round. */
  private static final int NEXT_BATCH = 10;

  private static final int NEXT_ROUNDS = 20;

  private static final String CLAIM_ORDER = " ORDER BY c.priority DESC, c.id LIMIT ?";
  private static final String CLAIM_AFTER =
      " AND (c.priority < ? OR (c.priority = ? AND c.id > ?))";

  /**
   * Open flags of one queue, one per claim: the flag the claim shows (CONTRADICTS first, then the
   * newest), on claims nobody holds.
   */
  private static final String FLAGS =
      "SELECT "
          + ClaimRows.JOINED_COLUMNS
          + ", r.outcome AS q_outcome, r.priority AS q_priority"
          + " FROM rechecks r FORCE INDEX (%s) JOIN claims c ON c.id = r.claim_id"
          + ClaimRows.JOINS
          + " WHERE r.queue = ? AND c.status <> 'IN_REVIEW'"
          + " AND NOT EXISTS (SELECT 1 FROM rechecks r2 WHERE r2.claim_id = r.claim_id"
          + " AND r2.queue = r.queue AND r2.id <> r.id"
          + " AND ((r2.outcome = 'CONTRADICTS') > (r.outcome = 'CONTRADICTS')"
          + " OR ((r2.outcome = 'CONTRADICTS') = (r.outcome = 'CONTRADICTS') AND r2.id > r.id)))";

  private static final String FLAG_AFTER =
      " AND (r.outcome > ? OR (r.outcome = ? AND (r.priority < ?"
          + " OR (r.priority = ? AND r.claim_id > ?))))";
  private static final String FLAG_ORDER =
      " ORDER BY r.outcome, r.priority DESC, r.claim_id LIMIT ?";

  /** Who counts for the gauges (a name only {@code mine} would use). */
  private static final Actor GAUGES = new Actor("claimwatch-gauges", Set.of());

  /** Claim ids a gauge's count covers in one statement: a few milliseconds of index range. */
  static final long GAUGE_IDS_PER_COUNT = 50_000;

  private final JdbcOperations jdbc;
  private final ClaimWork work;
  private final AssignmentService assignments;
  private final ClaimChecks checks;
  private final Clock clock;
  private final Duration countsMaxAge;
  private final Transactions transactions;
  private final CachedGauges gauges;

  /** The last exact lengths of the shared queues, and when they were counted. */
  private record Depths(Instant at, Map<Queue, Long> lengths) {}

  private volatile Depths lastDepths;
  private final Object counting = new Object();

  /** How many filters' counts are kept (the least recently asked for goes first). */
  static final int FILTERS_KEPT = 256;

  /** The last counts of the shared queues under each of the last filters asked for. */
  private final Map<QueueFilter, Depths> filteredDepths =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<QueueFilter, Depths> eldest) {
              return size() > FILTERS_KEPT;
            }
          });

  QueueService(
      JdbcOperations jdbc,
      ClaimWork work,
      AssignmentService assignments,
      ClaimChecks checks,
      Clock clock,
      ReviewConfig config,
      Transactions transactions,
      CachedGauges gauges) {
    this.jdbc = jdbc;
    this.work = work;
    this.assignments = assignments;
    this.checks = checks;
    this.clock = clock;
    this.countsMaxAge = config.countsMaxAge();
    this.transactions = transactions;
    this.gauges = gauges;
  }

  /** The SQL condition of the filter's {@code check}, from the feature that owns the checks. */
  private String checkCondition(QueueFilter f) {
    return f.check() == null || f.check().isBlank() ? null : checks.condition(f.check());
  }

  /** A claim in a queue (with what its view needs), and its place in the queue's order. */
  private record Row(ClaimRows.Joined joined, QueueCursor position) {
    Claim claim() {
      return joined.claim();
    }
  }

  /** Reads on one connection in autocommit: no transaction to begin and commit per page. */
  @Connectable
  public Page<ClaimView> page(String name, QueueFilter f, Actor actor) {
    Queue queue = Queue.of(name);
    int limit = Cursors.limit(f.limit());
    List<Row> rows = rows(queue, f, actor, limit + 1);
    boolean more = rows.size() > limit;
    List<Row> shown = more ? rows.subList(0, limit) : rows;
    return new Page<>(
        work.viewsOfJoined(shown.stream().map(Row::joined).toList()),
        more ? shown.get(shown.size() - 1).position().encode() : null);
  }

  /**
   * How many claims wait in each queue. Unfiltered, the shared queues' lengths are at most {@code
   * claimwatch.review.counts-max-age} old: one caller counts them (the others wait for its answer)
   * and every caller until then gets that count, so asking often costs the database nothing more;
   * where the instance that counts the gauges counted them within that age, every instance answers
   * with its count instead. Filtered, they are as old at most too: each filter's count is kept that
   * long (for the last {@value #FILTERS_KEPT} filters asked for). {@code mine} is the caller's own
   * and counted on the spot.
   */
  public List<QueueCount> counts(QueueFilter f, Actor actor) {
    // No connection is held while waiting for another caller's count.
    Map<Queue, Long> shared = unfiltered(f) ? recentDepths() : recentDepths(f);
    long mine = transactions.read(() -> count(Queue.MINE, f, actor, 0, null));
    List<QueueCount> out = new ArrayList<>();
    for (Queue q : Queue.values()) {
      out.add(new QueueCount(q.path(), q == Queue.MINE ? mine : shared.get(q)));
    }
    return out;
  }

  private static boolean unfiltered(QueueFilter f) {
    return f.entityId() == null
        && blank(f.metric())
        && blank(f.language())
        && blank(f.status())
        && blank(f.check());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The shared queues' lengths: this instance's last count if it is younger than the maximum age,
   * else the gauges' count if that is (the instance that counts the gauges for every instance
   * counts these lengths, so the others need not), else counted now.
   */
  private Map<Queue, Long> recentDepths() {
    Depths last = lastDepths;
    if (fresh(last)) {
      return last.lengths();
    }
    synchronized (counting) {
      last = lastDepths;
      if (fresh(last)) {
        return last.lengths();
      }
      Depths counted = gaugesCount();
      if (fresh(counted)) {
        // Unless this instance's own count (for the gauges) came in meanwhile.
        Depths own = lastDepths;
        if (own == null || counted.at().isAfter(own.at())) {
          lastDepths = counted;
        }
        return counted.lengths();
      }
      return transactions.read(() -> depthsNow(GAUGE_IDS_PER_COUNT));
    }
  }

  /** The queue lengths as the gauges last counted them; null unless every shared queue has one. */
  private Depths gaugesCount() {
    CachedGauges.Shared shared =
        gauges.shared(ReviewGauges.DEPTH, ReviewGauges.QUEUE_TAG).orElse(null);
    if (shared == null || shared.newest().isAfter(clock.instant())) {
      return null; // none, or a series counted "in the future" (this clock behind the writer's)
    }
    Map<Queue, Long> lengths = new EnumMap<>(Queue.class);
    for (Queue q : Queue.values()) {
      Long length = shared.values().get(q.path());
      if (q != Queue.MINE && length != null) {
        lengths.put(q, length);
      }
    }
    // Every series counted within the maximum age: fresh() checks the oldest.
    return lengths.size() == Queue.values().length - 1
        ? new Depths(shared.oldest(), Map.copyOf(lengths))
        : null;
  }

  /**
   * The shared queues' lengths under a filter: counted now unless counted within the maximum age.
   */
  private Map<Queue, Long> recentDepths(QueueFilter f) {
    QueueFilter key =
        new QueueFilter(f.entityId(), f.metric(), f.language(), f.status(), f.check(), null, null);
    Depths last = filteredDepths.get(key);
    if (fresh(last)) {
      return last.lengths();
    }
    Instant at = clock.instant();
    Map<Queue, Long> lengths = new EnumMap<>(Queue.class);
    transactions.read(
        () -> {
          for (Queue q : Queue.values()) {
            if (q != Queue.MINE) {
              lengths.put(q, count(q, key, GAUGES, 0, null));
            }
          }
          return null;
        });
    filteredDepths.put(key, new Depths(at, Map.copyOf(lengths)));
    return lengths;
  }

  /** Counted within the maximum age; a count "from the future" (the clock went back) is not. */
  private boolean fresh(Depths d) {
    Instant now = clock.instant();
    return d != null && !d.at().isAfter(now) && d.at().plus(countsMaxAge).isAfter(now);
  }

  /**
   * Counts that stop at {@code cap} (a count above it comes back as cap + 1, "more than cap"), so a
   * page showing them costs a bounded read however long the queues are; 0: exact counts.
   */
  @Connectable
  public List<QueueCount> countsUpTo(QueueFilter f, Actor actor, int cap) {
    List<QueueCount> out = new ArrayList<>();
    for (Queue q : Queue.values()) {
      out.add(new QueueCount(q.path(), count(q, f, actor, cap, null)));
    }
    return out;
  }

  /**
   * Every shared queue's length, exact and unfiltered (not {@code mine}, which is each checker's
   * own): the same counts as {@link #counts}, for the gauges. Each is summed over ranges of {@link
   * #GAUGE_IDS_PER_COUNT} claim ids, one short statement per range: one COUNT over a million claims
   * holds a database core for a quarter of a second every refresh, and the queue pages served
   * meanwhile waited behind it (their p99, see BENCHMARKS.md).
   */
  @Transactional(readOnly = true)
  public Map<Queue, Long> depths() {
    return depths(GAUGE_IDS_PER_COUNT);
  }

  /**
   * {@link #depths()}, counting {@code idsPerCount} claim ids a statement, all in one read-only
   * transaction: one snapshot, so a claim moving between queues meanwhile is counted once.
   */
  @Transactional(readOnly = true)
  Map<Queue, Long> depths(long idsPerCount) {
    return depthsNow(idsPerCount);
  }

  /** {@link #depths(long)} on the caller's connection; remembered for {@link #counts}. */
  private Map<Queue, Long> depthsNow(long idsPerCount) {
    if (idsPerCount < 1) {
      throw new IllegalArgumentException("idsPerCount " + idsPerCount);
    }
    Instant at = clock.instant();
    long[] ids =
        JdbcRows.one(
            jdbc,
            "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM claims",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    Map<Queue, Long> out = new EnumMap<>(Queue.class);
    for (Queue q : Queue.values()) {
      if (q != Queue.MINE) {
        long total = 0;
        for (long from = ids[0]; from <= ids[1]; from += idsPerCount) {
          long to = Math.min(ids[1], from + idsPerCount - 1);
          total += count(q, QueueFilter.none(), GAUGES, 0, new long[] {from, to});
        }
        out.put(q, total);
      }
    }
    lastDepths = new Depths(at, Map.copyOf(out));
    return out;
  }

  /**
   * Takes the first claim of the queue the caller can have, atomically: candidates are locked with
   * SKIP LOCKED and checked again under the lock, so two checkers asking at the same moment get
   * different claims. Empty when the queue has nothing left.
   */
  @Transactional
  public Optional<ClaimView> next(String name, QueueFilter f, Actor actor) {
    Queue queue = Queue.of(name);
    if (queue != Queue.UNREVIEWED && !queue.byFlags()) {
      throw ProblemException.invalidField(
          "name", "next works on the unreviewed, rechecks and forecasts-due queues");
    }
    QueueFilter page = f.after(null, NEXT_BATCH);
    for (int round = 0; round < NEXT_ROUNDS; round++) {
      List<Row> candidates = rows(queue, page, actor, NEXT_BATCH);
      for (Row row : candidates) {
        Optional<Claim> locked = work.tryLock(row.claim().id());
        if (locked.isPresent() && stillIn(queue, locked.get())) {
          return Optional.of(work.view(assignments.take(locked.get(), actor)));
        }
      }
      if (candidates.size() < NEXT_BATCH) {
        return Optional.empty();
      }
      page = f.after(candidates.get(candidates.size() - 1).position().encode(), NEXT_BATCH);
    }
    return Optional.empty();
  }

  /** Whether a claim read under its row lock still belongs to the queue (nobody took it). */
  private static boolean stillIn(Queue queue, Claim c) {
    return queue == Queue.UNREVIEWED
        ? c.status() == ClaimStatus.UNVERIFIED
        : c.status() != ClaimStatus.IN_REVIEW;
  }

  /** A queue page's SQL and its parameters, in order. */
  record Query(String sql, List<Object> params) {}

  /** The SQL of one page of a queue (shared with the queue benchmark's raw JDBC side). */
  static Query pageQuery(
      Queue queue, QueueFilter f, String checkCondition, String actorName, int limit) {
    QueueCursor after = QueueCursor.decode(f.cursor(), queue.byFlags());
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    if (queue.byFlags()) {
      sql.append(
          FLAGS.formatted(f.entityId() != null ? "ix_rechecks_queue_entity" : "ix_rechecks_queue"));
      params.add(queue.path());
      if (f.entityId() != null) {
        sql.append(" AND r.entity_id = ?");
        params.add(f.entityId());
      }
    } else {
      sql.append("SELECT ")
          .append(ClaimRows.JOINED_COLUMNS)
          .append(" FROM claims c")
          .append(claimIndex(queue, f))
          .append(ClaimRows.JOINS)
          .append(" WHERE ")
          .append(claimsOf(queue, actorName, params));
    }
    filters(f, checkCondition, sql, params, queue.byFlags());
    if (after != null) {
      if (queue.byFlags()) {
        sql.append(FLAG_AFTER);
        params.addAll(
            List.of(
                after.outcome(),
                after.outcome(),
                after.priority(),
                after.priority(),
                after.claimId()));
      } else {
        sql.append(CLAIM_AFTER);
        params.addAll(List.of(after.priority(), after.priority(), after.claimId()));
      }
    }
    sql.append(queue.byFlags() ? FLAG_ORDER : CLAIM_ORDER);
    params.add(limit);
    return new Query(sql.toString(), params);
  }

  private List<Row> rows(Queue queue, QueueFilter f, Actor actor, int limit) {
    Query q = pageQuery(queue, f, checkCondition(f), actor.name(), limit);
    return jdbc.prepareStatement(
        q.sql(),
        ps -> {
          JdbcRows.bind(ps, 1, q.params());
          List<Row> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            ClaimRows.Columns at = new ClaimRows.Columns(rs);
            while (rs.next()) {
              ClaimRows.Joined j = ClaimRows.readJoined(rs, at);
              Claim c = j.claim();
              out.add(
                  new Row(
                      j,
                      queue.byFlags()
                          ? new QueueCursor(
                              rs.getString("q_outcome"), rs.getInt("q_priority"), c.id())
                          : new QueueCursor(null, c.priority(), c.id())));
            }
          }
          return out;
        });
  }

  /** The index that holds a queue of claims in order, with its filters as leading columns. */
  private static String claimIndex(Queue queue, QueueFilter f) {
    return switch (queue) {
      case UNREVIEWED -> {
        boolean metric = f.metric() != null && !f.metric().isBlank();
        if (f.entityId() != null) {
          yield metric
              ? " FORCE INDEX (ix_claims_queue_entity_metric)"
              : " FORCE INDEX (ix_claims_queue_entity)";
        }
        yield metric ? " FORCE INDEX (ix_claims_queue_metric)" : " FORCE INDEX (ix_claims_queue)";
      }
      case MINE, PROPOSALS -> " FORCE INDEX (ix_claims_queue)";
      default -> "";
    };
  }

  /** The WHERE condition of a queue of claims. */
  private static String claimsOf(Queue queue, String actorName, List<Object> params) {
    return switch (queue) {
      case UNREVIEWED -> "c.status = 'UNVERIFIED'";
      case MINE -> {
        params.add(actorName);
        yield "c.assignee = ? AND c.status = 'IN_REVIEW'";
      }
      case PROPOSALS ->
          "c.status = 'IN_REVIEW' AND c.assignee IS NULL AND EXISTS (SELECT 1 FROM verdicts v"
              + " WHERE v.claim_id = c.id AND v.state = 'PROPOSED')";
      default -> throw new IllegalArgumentException(queue.name());
    };
  }

  /** A queue's length, up to {@code cap} (0: exact), of the claims with ids in {@code ids}. */
  private long count(Queue queue, QueueFilter f, Actor actor, int cap, @Nullable long[] ids) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    if (queue.byFlags()) {
      sql.append(
          cap > 0
              ? "SELECT DISTINCT r.claim_id FROM rechecks r JOIN claims c ON c.id = r.claim_id"
              : "SELECT COUNT(DISTINCT r.claim_id) FROM rechecks r JOIN claims c ON c.id = r.claim_id");
      sql.append(" WHERE r.queue = ? AND c.status <> 'IN_REVIEW'");
      params.add(queue.path());
      if (f.entityId() != null) {
        sql.append(" AND r.entity_id = ?");
        params.add(f.entityId());
      }
    } else {
      sql.append(cap > 0 ? "SELECT 1 FROM claims c WHERE " : "SELECT COUNT(*) FROM claims c WHERE ")
          .append(claimsOf(queue, actor.name(), params));
    }
    filters(f, checkCondition(f), sql, params, queue.byFlags());
    if (ids != null) {
      sql.append(queue.byFlags() ? " AND r.claim_id BETWEEN ? AND ?" : " AND c.id BETWEEN ? AND ?");
      params.add(ids[0]);
      params.add(ids[1]);
    }
    String text = sql.toString();
    if (cap > 0) {
      text = "SELECT COUNT(*) FROM (" + text + " LIMIT " + (cap + 1) + ") x";
    }
    return JdbcRows.one(jdbc, text, rs -> rs.getLong(1), params.toArray());
  }

  /** Filters on the claim; a flag queue filters the entity on the flag's copy (indexed). */
  private static void filters(
      QueueFilter f,
      String checkCondition,
      StringBuilder sql,
      List<Object> params,
      boolean entityOnFlag) {
    if (checkCondition != null) {
      sql.append(" AND ").append(checkCondition);
    }
    if (f.entityId() != null && !entityOnFlag) {
      sql.append(" AND c.entity_id = ?");
      params.add(f.entityId());
    }
    if (f.metric() != null && !f.metric().isBlank()) {
      sql.append(" AND c.metric = ?");
      params.add(f.metric().strip());
    }
    if (f.status() != null && !f.status().isBlank()) {
      sql.append(" AND c.status = ?");
      params.add(status(f.status()));
    }
    if (f.language() != null && !f.language().isBlank()) {
      sql.append(" AND (c.language = ? OR c.language LIKE ?)");
      params.add(f.language().strip());
      params.add(f.language().strip().replace("%", "").replace("_", "") + "-%");
    }
  }

  private static String status(String text) {
    try {
      return ClaimStatus.valueOf(text.strip()).name();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "status", "must be one of " + java.util.Arrays.toString(ClaimStatus.values()));
    }
  }
}
