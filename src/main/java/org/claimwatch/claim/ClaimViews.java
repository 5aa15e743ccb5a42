package org.claimwatch.claim;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.claim.ClaimView.SourceView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Dates;
import org.claimwatch.system.Numbers;

/**
 * Claims as the API shows them: each row with its source, entity name, check and open re-check
 * flag, each looked up once per page.
 */
@Singleton
public class ClaimViews {
  private final SourceRepository sources;
  private final SubjectService subjects;
  private final OpenRechecks openRechecks;
  private final ClaimChecks checks;

  ClaimViews(
      SourceRepository sources,
      SubjectService subjects,
      OpenRechecks openRechecks,
      ClaimChecks checks) {
    this.sources = sources;
    this.subjects = subjects;
    this.openRechecks = openRechecks;
    this.checks = checks;
  }

  public List<ClaimView> views(List<Claim> rows) {
    return views(rows, rows.stream().map(Claim::id).toList(), Map.of());
  }

  /**
   * Views of the rows; only the claims in {@code flagged} are looked up for re-check flags, and for
   * checks unless {@code knownChecks} (just computed) holds theirs.
   */
  List<ClaimView> views(List<Claim> rows, List<Long> flagged, Map<Long, CheckView> knownChecks) {
    Set<Long> sourceIdSet = new HashSet<>();
    Set<Long> entityIds = new HashSet<>();
    for (Claim c : rows) {
      if (c.sourceId() != null) {
        sourceIdSet.add(c.sourceId());
      }
      if (c.entityId() != null) {
        entityIds.add(c.entityId());
      }
    }
    Map<Long, Source> sourceById = new HashMap<>();
    if (!sourceIdSet.isEmpty()) {
      sources.findByIdIn(sourceIdSet).forEach(s -> sourceById.put(s.id(), s));
    }
    Map<Long, String> names = subjects.names(entityIds);
    Map<Long, RecheckView> flags = openRechecks.openFor(flagged);
    Set<Long> lookUp = new HashSet<>(flagged);
    lookUp.removeAll(knownChecks.keySet());
    Map<Long, CheckView> checked =
        new HashMap<>(
            checks.checksFor(rows.stream().filter(c -> lookUp.contains(c.id())).toList()));
    checked.putAll(knownChecks);
    List<ClaimView> out = new ArrayList<>(rows.size());
    for (Claim c : rows) {
      Source s = c.sourceId() == null ? null : sourceById.get(c.sourceId());
      out.add(
          view(
              c,
              s == null
                  ? null
                  : new SourceView(s.url(), s.title(), s.publisher(), text(s.publishedAt())),
              c.entityId() == null ? null : names.get(c.entityId()),
              checked.get(c.id()),
              flags.get(c.id())));
    }
    return out;
  }

  /**
   * Views of rows read with their source, entity name and open flag's id ({@link
   * ClaimRows#JOINED_COLUMNS}): only the flags' views are looked up, and those mostly come from a
   * cache.
   */
  public List<ClaimView> viewsOfJoined(List<ClaimRows.Joined> rows) {
    List<Long> flagIds = new ArrayList<>();
    for (ClaimRows.Joined r : rows) {
      if (r.openFlagId() != null) {
        flagIds.add(r.openFlagId());
      }
    }
    Map<Long, RecheckView> flags = flagIds.isEmpty() ? Map.of() : openRechecks.flagViews(flagIds);
    Map<Long, CheckView> checked =
        checks.checksFor(
            rows.stream().map(ClaimRows.Joined::claim).toList(),
            rows.stream().map(ClaimRows.Joined::checkKey).toList());
    List<ClaimView> out = new ArrayList<>(rows.size());
    for (ClaimRows.Joined r : rows) {
      out.add(
          view(
              r.claim(),
              r.source(),
              r.entityName(),
              checked.get(r.claim().id()),
              r.openFlagId() == null ? null : flags.get(r.openFlagId())));
    }
    return out;
  }

  private static ClaimView view(
      Claim c, SourceView source, String entityName, CheckView check, RecheckView openFlag) {
    return new ClaimView(
        c.id(),
        c.externalRef(),
        c.statement(),
        c.language(),
        c.claimant(),
        c.entityId(),
        entityName,
        c.metric(),
        Numbers.plain(c.value()),
        Numbers.plain(c.valueHigh()),
        c.unit(),
        c.qualifier(),
        text(c.periodStart()),
        text(c.periodEnd()),
        c.periodicity(),
        c.kind(),
        text(c.resolvesOn()),
        iso(c.statedAt()),
        source,
        c.status(),
        check,
        openFlag,
        c.assignee() == null || c.leaseUntil() == null
            ? null
            : new ClaimView.AssignmentView(c.assignee(), Dates.iso(c.leaseUntil())),
        iso(c.lastVerdictAt()),
        c.priority(),
        c.version(),
        c.submittedBy(),
        Dates.iso(c.createdAt()),
        Dates.iso(c.updatedAt()),
        c.duplicateOf(),
        null);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String iso(Instant t) {
    return t == null ? null : Dates.iso(t);
  }
}
