package org.claimwatch.recheck;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimwatch.auth.Actor;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimLookup;
import org.claimwatch.claim.OpenRechecks;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.claim.RecheckView.ComparisonView;
import org.claimwatch.recheck.Recheck.Reason;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Numbers;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;

/** Re-check flags: reading them, manual re-checks, and the open flag shown on each claim. */
@Singleton
public class RecheckService implements OpenRechecks {

  private final RecheckRepository rechecks;
  private final ClaimLookup claims;
  private final JdbcOperations jdbc;
  private final FlagEvents flagEvents;
  private final Clock clock;

  RecheckService(
      RecheckRepository rechecks,
      ClaimLookup claims,
      JdbcOperations jdbc,
      FlagEvents flagEvents,
      Clock clock) {
    this.claims = claims;
    this.flagEvents = flagEvents;
    this.rechecks = rechecks;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Filters of {@code GET /api/v1/rechecks}. */
  public record Filter(
      String state, String reason, Long entityId, Long claimId, String cursor, Integer limit) {}

  @Transactional
  public Page<RecheckView> list(Filter f) {
    int limit = Cursors.limit(f.limit());
    Boolean open = null;
    if (f.state() != null && !f.state().isBlank()) {
      switch (f.state().strip()) {
        case "OPEN" -> open = true;
        case "RESOLVED" -> open = false;
        default -> throw ProblemException.invalidField("state", "must be OPEN or RESOLVED");
      }
    }
    String reason = null;
    if (f.reason() != null && !f.reason().isBlank()) {
      try {
        reason = Reason.valueOf(f.reason().strip()).name();
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("reason", "must be one of " + List.of(Reason.values()));
      }
    }
    List<Recheck> rows =
        rechecks.page(
            Cursors.decode(f.cursor()), open, reason, f.entityId(), f.claimId(), limit + 1);
    return Cursors.page(
        rows, limit, Recheck::id, list -> list.stream().map(RecheckService::view).toList());
  }

  /**
   * Re-checks a claim now against the newest figure that bears on it, as a MANUAL flag (replacing
   * an open MANUAL flag). Without a matching figure the flag says so and is INCONCLUSIVE.
   */
  @Transactional
  public RecheckView manual(long claimId, String note, Actor actor) {
    if (note != null && note.strip().length() > 2000) {
      throw ProblemException.invalidField("note", "at most 2000 characters");
    }
    // one manual re-check of a claim at a time: two that both replaced the same open flag made
    // a duplicate key or a deadlock
    ClaimSide claim = claimSide(claims.lock(claimId));
    Instant now = clock.instant();
    for (Recheck open : rechecks.findByClaimIdInAndOpenSlotIsNotNull(List.of(claimId))) {
      if (open.reason() == Reason.MANUAL) {
        rechecks.update(open.superseded(actor.name(), now));
      }
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    Recheck flag = manualFlag(claimId, claim, judged(claimId).orElse(null), text, actor, now);
    Recheck saved = rechecks.save(flag);
    flagEvents.announce(saved.id());
    return view(saved);
  }

  /**
   * Open flags by reason, every reason (0 when none): for the gauges. Reads the (resolved_at,
   * reason, id) index only.
   */
  @Connectable
  public Map<Reason, Long> openByReason() {
    Map<Reason, Long> out = new java.util.EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      out.put(r, 0L);
    }
    jdbc.prepareStatement(
        "SELECT reason, COUNT(*) FROM rechecks WHERE resolved_at IS NULL GROUP BY reason",
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(Reason.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          return null;
        });
    return out;
  }

  /**
   * Views of open flags by id. A flag's comparison never changes once raised, and only open flags
   * are looked up here, so a cached view is never stale; rendering the explanation (decimal
   * division and formatting) was a tenth of a queue page's CPU.
   */
  private final Map<Long, RecheckView> openViews = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_CACHED_VIEWS = 50_000;

  @Override
  @Connectable
  public Map<Long, RecheckView> openFor(Collection<Long> claimIds) {
    Map<Long, RecheckView> out = new HashMap<>();
    if (claimIds.isEmpty()) {
      return out;
    }
    Map<Long, OpenFlag> best = new HashMap<>();
    String marks = org.claimwatch.system.Sql.marks(claimIds.size());
    jdbc.prepareStatement(
        "SELECT id, claim_id, outcome FROM rechecks WHERE open_slot IS NOT NULL AND claim_id IN ("
            + marks
            + ")",
        ps -> {
          int i = 1;
          for (Long id : claimIds) {
            ps.setLong(i++, id);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              OpenFlag flag = new OpenFlag(rs.getLong(1), "CONTRADICTS".equals(rs.getString(3)));
              best.merge(rs.getLong(2), flag, OpenFlag::moreUrgent);
            }
          }
          return null;
        });
    Map<Long, RecheckView> views = flagViews(best.values().stream().map(OpenFlag::id).toList());
    best.forEach(
        (claimId, f) -> {
          RecheckView v = views.get(f.id());
          if (v != null) {
            out.put(claimId, v);
          }
        });
    return out;
  }

  /** Views of open flags by id, from the cache; the ones not cached yet are read in one query. */
  @Override
  @Connectable
  public Map<Long, RecheckView> flagViews(Collection<Long> flagIds) {
    Map<Long, RecheckView> out = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (Long id : flagIds) {
      RecheckView v = openViews.get(id);
      if (v != null) {
        out.put(id, v);
      } else {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      if (openViews.size() + missing.size() > MAX_CACHED_VIEWS) {
        openViews.clear();
      }
      for (Recheck r : rechecks.findByIdIn(missing)) {
        RecheckView v = view(r);
        if (r.openSlot() != null) {
          openViews.put(r.id(), v);
        }
        out.put(r.id(), v);
      }
    }
    return out;
  }

  @Override
  @Transactional
  public void claimChanged(long claimId, int priority, Long entityId) {
    JdbcRows.update(
        jdbc,
        // Every flag follows the claim's entity (GET /rechecks?entityId filters on it); open ones
        // also take its priority (the queue's order).
        "UPDATE rechecks SET priority = IF(open_slot IS NULL, priority, ?), entity_id = ?"
            + " WHERE claim_id = ?",
        priority,
        entityId,
        claimId);
  }

  @Override
  @Transactional
  public List<FlagEvent> historyOf(long claimId) {
    List<FlagEvent> out = new ArrayList<>();
    for (Recheck r : rechecks.findByClaimIdOrderById(claimId)) {
      String what = describe(r);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("reason", r.reason().name());
      details.put("outcome", r.outcome().name());
      if (r.reportId() != null) {
        details.put("reportId", r.reportId());
      }
      if (r.reportedValue() != null) {
        details.put("reportedValue", Numbers.plain(r.reportedValue()));
      }
      if (r.deviationPct() != null) {
        details.put("deviationPct", r.deviationPct().toPlainString());
      }
      if (r.resolution() != null) {
        details.put("resolution", r.resolution());
      }
      out.add(
          new FlagEvent(
              r.id(), r.claimVersion(), r.createdAt(), r.createdBy(), "flagged " + what, details));
    }
    return out;
  }

  /** "NEW_FILING (10-Q filed 2024-07-24): CONTRADICTS" */
  private static String describe(Recheck r) {
    StringBuilder b = new StringBuilder(r.reason().name());
    if (r.form() != null && r.filedOn() != null) {
      b.append(" (").append(r.form()).append(" filed ").append(r.filedOn()).append(')');
    }
    return b.append(": ").append(r.outcome().name()).toString();
  }

  /** Closes the claim's open flags: a verdict answered them. Returns the ids closed. */
  @Transactional
  public List<Long> resolveOpen(long claimId, String by, Instant at, String resolution) {
    List<Long> closed = new ArrayList<>();
    for (Recheck open : rechecks.findByClaimIdInAndOpenSlotIsNotNull(List.of(claimId))) {
      rechecks.update(open.resolved(by, at, resolution));
      closed.add(open.id());
    }
    return closed;
  }

  /** An open flag, as far as choosing the one a claim shows goes. */
  private record OpenFlag(long id, boolean contradicts) {
    /** Of two open flags, the one a checker should see: CONTRADICTS first, then the newest. */
    static OpenFlag moreUrgent(OpenFlag a, OpenFlag b) {
      if (a.contradicts() != b.contradicts()) {
        return a.contradicts() ? a : b;
      }
      return a.id() > b.id() ? a : b;
    }
  }

  private record ClaimSide(
      BigDecimal value,
      BigDecimal valueHigh,
      Qualifier qualifier,
      String unit,
      String metric,
      int priority,
      int version,
      Long entityId) {}

  /** The deciding figure of a claim's judged figures, with how many were judged and outside. */
  private record Judged(
      long figureId,
      long reportId,
      BigDecimal value,
      String unit,
      LocalDate start,
      LocalDate end,
      String derivation,
      String form,
      LocalDate filed,
      Outcome outcome,
      BigDecimal deviationPct,
      int periods,
      int outside) {}

  /**
   * A MANUAL flag: the claim beside its deciding figure ({@code j}), or, with none held yet, an
   * INCONCLUSIVE flag that says so.
   */
  private static Recheck manualFlag(
      long claimId, ClaimSide c, Judged j, String note, Actor actor, Instant now) {
    boolean none = j == null;
    return new Recheck(
        null,
        claimId,
        Reason.MANUAL,
        none ? null : j.reportId(),
        none ? null : j.figureId(),
        c.value(),
        c.valueHigh(),
        c.qualifier(),
        c.unit(),
        c.metric(),
        none ? null : j.value(),
        none ? null : j.unit(),
        none ? null : j.start(),
        none ? null : j.end(),
        none ? null : j.derivation(),
        none ? null : j.form(),
        none ? null : j.filed(),
        none ? null : j.deviationPct(),
        none ? Outcome.INCONCLUSIVE : j.outcome(),
        none && note == null
            ? "No reported figure of this claim's own period (entity, metric and period) is held"
                + " yet."
            : note,
        actor.name(),
        now,
        Reason.MANUAL.name(),
        null,
        null,
        null,
        "manual:" + UUID.randomUUID(),
        c.priority(),
        c.version(),
        c.entityId(),
        none ? null : j.periods(),
        none ? null : j.outside());
  }

  private static ClaimSide claimSide(Claim c) {
    return new ClaimSide(
        c.value(),
        c.valueHigh(),
        c.qualifier(),
        c.unit(),
        c.metric(),
        c.priority(),
        c.version(),
        c.entityId());
  }

  /** The claim judged on every figure of its own period that is held, whatever its filing. */
  private java.util.Optional<Judged> judged(long claimId) {
    return jdbc.prepareStatement(
        RecheckPlanner.MANUAL_CANDIDATE,
        ps -> {
          ps.setLong(1, claimId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                new Judged(
                    rs.getLong("figure_id"),
                    rs.getLong("report_id"),
                    rs.getBigDecimal("rv"),
                    rs.getString("ru"),
                    rs.getObject("period_start", LocalDate.class),
                    rs.getObject("period_end", LocalDate.class),
                    rs.getString("derivation"),
                    rs.getString("form"),
                    rs.getObject("filed_on", LocalDate.class),
                    Outcome.valueOf(rs.getString("o")),
                    rs.getBigDecimal("dev"),
                    rs.getInt("periods"),
                    rs.getInt("outside")));
          }
        });
  }

  static RecheckView view(Recheck r) {
    Comparison c = r.comparison();
    return new RecheckView(
        r.id(),
        r.claimId(),
        r.reason().name(),
        r.reportId(),
        r.figureId(),
        r.createdAt().toString(),
        new ComparisonView(
            Numbers.plain(c.reportedValue()),
            Numbers.plain(c.claimedValue()),
            c.deviationPct() == null ? null : c.deviationPct().toPlainString(),
            c.outcome().name(),
            c.explanation()),
        r.periodStart() == null ? null : r.periodStart().toString(),
        r.periodEnd() == null ? null : r.periodEnd().toString(),
        r.form(),
        r.filedOn() == null ? null : r.filedOn().toString(),
        r.periods(),
        r.periodsOutside(),
        r.resolvedAt() == null ? null : r.resolvedAt().toString(),
        r.resolvedBy(),
        r.resolution());
  }
}
