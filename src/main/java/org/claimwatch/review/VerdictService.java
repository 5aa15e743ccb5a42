package org.claimwatch.review;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimWork;
import org.claimwatch.claim.ClaimWork.Entry;
import org.claimwatch.claim.ClaimWork.State;
import org.claimwatch.recheck.RecheckService;
import org.claimwatch.report.EvidenceLookup;
import org.claimwatch.report.EvidenceLookup.Described;
import org.claimwatch.review.Evidence.Kind;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.review.VerdictView.EvidenceView;
import org.claimwatch.system.ETags;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;

/**
 * Verdicts: recorded by the claim's holder (or an EDITOR), published at once or, under two-person
 * review, proposed by a CHECKER until an EDITOR approves or returns it. Publishing sets the claim's
 * status, closes its open re-check flags and notes when the verdict was given.
 */
@Singleton
public class VerdictService {
  static final int MAX_EVIDENCE = 50;
  static final int MAX_RATIONALE = 20_000;

  /** Verdicts about a number that must point at what they rest on. */
  private static final Set<ClaimStatus> NEED_EVIDENCE =
      EnumSet.of(ClaimStatus.ACCURATE, ClaimStatus.MOSTLY_ACCURATE, ClaimStatus.INACCURATE);

  private final VerdictRepository verdicts;
  private final EvidenceRepository evidence;
  private final ClaimWork work;
  private final RecheckService rechecks;
  private final EvidenceLookup lookup;
  private final ReviewConfig config;
  private final Outbox outbox;
  private final Clock clock;

  VerdictService(
      VerdictRepository verdicts,
      EvidenceRepository evidence,
      ClaimWork work,
      RecheckService rechecks,
      EvidenceLookup lookup,
      ReviewConfig config,
      Outbox outbox,
      Clock clock) {
    this.verdicts = verdicts;
    this.outbox = outbox;
    this.evidence = evidence;
    this.work = work;
    this.rechecks = rechecks;
    this.lookup = lookup;
    this.config = config;
    this.clock = clock;
  }

  /** A verdict and the claim's version after it (the claim's new ETag). */
  public record Recorded(VerdictView verdict, int claimVersion) {}

  /**
   * Records a verdict on the claim at the version If-Match names. 428 without If-Match, 400 for a
   * bad body, 412 when the claim moved on, 403 for a caller who neither holds it nor is an EDITOR,
   * 409 for a transition the workflow forbids.
   */
  @Transactional
  public Recorded record(long claimId, String ifMatch, VerdictRequest body, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    Parsed p = parse(body);
    Claim c = work.lock(claimId);
    Instant now = clock.instant();
    requireVersion(c, expected);
    boolean editor = actor.has(Role.R_EDITOR);
    boolean holder = AssignmentService.held(c, now) && actor.name().equals(c.assignee());
    if (!holder && !editor) {
      throw ProblemException.forbidden(
          AssignmentService.held(c, now)
              ? "Claim "
                  + claimId
                  + " is held by "
                  + c.assignee()
                  + "; only they or an editor"
                  + " can record its verdict"
              : "Take claim "
                  + claimId
                  + " first (POST /api/v1/claims/"
                  + claimId
                  + "/assignment); only its holder or an editor can record a verdict");
    }
    if (AssignmentService.awaitsEditor(c)) {
      throw ProblemException.conflict(
          "Claim " + claimId + " has a proposed verdict waiting: approve it or send it back first");
    }
    if (p.status() == ClaimStatus.UNVERIFIED || p.status() == ClaimStatus.IN_REVIEW) {
      throw ProblemException.conflict(
          "A verdict cannot move a claim to "
              + p.status()
              + "; release the claim (DELETE /api/v1/claims/"
              + claimId
              + "/assignment) instead");
    }
    if (NEED_EVIDENCE.contains(p.status()) && c.value() != null && p.evidence().isEmpty()) {
      throw ProblemException.invalidField(
          "evidence",
          "a verdict of " + p.status() + " on a claimed number needs at least one evidence item");
    }
    Cited cited = describe(p.evidence());
    List<Evidence> items = cited.items();
    boolean proposal = config.twoPerson() && !editor;
    Verdict v =
        verdicts.save(
            new Verdict(
                null,
                claimId,
                c.version(),
                p.status(),
                p.rationale(),
                proposal ? Verdict.State.PROPOSED : Verdict.State.PUBLISHED,
                cited.asOf(),
                actor.name(),
                now,
                proposal ? null : actor.name(),
                proposal ? null : now,
                null));
    List<Evidence> saved = new ArrayList<>();
    for (Evidence e : items) {
      saved.add(
          evidence.save(
              new Evidence(
                  null,
                  v.id(),
                  e.position(),
                  e.kind(),
                  e.factId(),
                  e.reportId(),
                  e.url(),
                  e.note(),
                  e.label(),
                  e.filedOn())));
    }
    Claim after;
    if (proposal) {
      after =
          work.change(
              c,
              new State(ClaimStatus.IN_REVIEW, null, null, c.priorStatus(), c.lastVerdictAt()),
              new Entry(
                  "VERDICT_PROPOSED",
                  actor.name(),
                  details(v, List.of()),
                  p.rationale(),
                  v.status() + " proposed" + (v.asOf() == null ? "" : " as of " + v.asOf())),
              now);
    } else {
      String over =
          AssignmentService.held(c, now) && !holder
              ? " (over the lease of " + c.assignee() + ")"
              : "";
      after = publish(c, v, saved, "VERDICT", actor, v.summary() + over, p.rationale(), now);
    }
    return new Recorded(view(v, saved), after.version());
  }

  /**
   * An EDITOR publishes a proposed verdict, at the claim version If-Match names (428 without it,
   * 412 when the claim moved on); 409 if the claim's content changed after the proposal was
   * written.
   */
  @Transactional
  public Recorded approve(long claimId, long verdictId, String ifMatch, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    Claim c = work.lock(claimId);
    requireVersion(c, expected);
    Verdict v = proposed(claimId, verdictId);
    if (work.contentChangedSince(claimId, v.claimVersion())) {
      throw ProblemException.conflict(
          "Claim "
              + claimId
              + " was edited after verdict "
              + verdictId
              + " was proposed (at version "
              + v.claimVersion()
              + "); send it back so the checker judges the claim as it is now");
    }
    Instant now = clock.instant();
    Verdict published =
        verdicts.update(v.decided(Verdict.State.PUBLISHED, actor.name(), now, null));
    Claim after =
        publish(
            c,
            published,
            evidenceOf(List.of(verdictId)).getOrDefault(verdictId, List.of()),
            "VERDICT_APPROVED",
            actor,
            published.summary() + " (proposed by " + v.recordedBy() + ", approved)",
            null,
            now);
    return new Recorded(
        view(published, evidenceOf(List.of(verdictId)).get(verdictId)), after.version());
  }

  /** An EDITOR sends a proposed verdict back: its checker holds the claim again to rework it. */
  @Transactional
  public Recorded sendBack(long claimId, long verdictId, ReturnRequest body, Actor actor) {
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw ProblemException.invalidField(
          "reason", "required: say what the checker should look at again (up to 2000 characters)");
    }
    Claim c = work.lock(claimId);
    Verdict v = proposed(claimId, verdictId);
    Instant now = clock.instant();
    Verdict returned =
        verdicts.update(v.decided(Verdict.State.RETURNED, actor.name(), now, reason));
    Claim after =
        work.change(
            c,
            new State(
                ClaimStatus.IN_REVIEW,
                v.recordedBy(),
                now.plus(config.lease()),
                c.priorStatus(),
                c.lastVerdictAt()),
            new Entry(
                "VERDICT_RETURNED",
                actor.name(),
                details(v, List.of()),
                reason,
                "proposal " + v.status() + " sent back to " + v.recordedBy() + ": " + reason),
            now);
    return new Recorded(
        view(returned, evidenceOf(List.of(verdictId)).get(verdictId)), after.version());
  }

  @Transactional
  public List<VerdictView> list(long claimId) {
    work.find(claimId);
    List<Verdict> all = verdicts.findByClaimIdOrderById(claimId);
    Map<Long, List<Evidence>> ev = evidenceOf(all.stream().map(Verdict::id).toList());
    return all.stream().map(v -> view(v, ev.getOrDefault(v.id(), List.of()))).toList();
  }

  /** The claim's latest published verdict, if any. */
  @Transactional
  public Optional<VerdictView> published(long claimId) {
    return verdicts
        .findFirstByClaimIdAndStateOrderByIdDesc(claimId, Verdict.State.PUBLISHED)
        .map(v -> view(v, evidenceOf(List.of(v.id())).getOrDefault(v.id(), List.of())));
  }

  /**
   * Publishes: the claim takes the verdict's status, its open flags are resolved, and newsroom
   * tools hear claim.verdict_published (with the verdict and its evidence) in the same transaction.
   */
  private Claim publish(
      Claim c,
      Verdict v,
      List<Evidence> items,
      String action,
      Actor actor,
      String summary,
      String note,
      Instant now) {
    List<Long> closed = rechecks.resolveOpen(c.id(), actor.name(), now, "VERDICT:" + v.id());
    Claim after =
        work.change(
            c,
            new State(v.status(), null, null, null, now),
            new Entry(action, actor.name(), details(v, closed), note, summary),
            now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("claimId", c.id());
    data.put("version", after.version());
    data.put("verdict", view(v, items));
    data.put("resolvedFlags", closed);
    data.put("href", "/api/v1/claims/" + c.id() + "/verdicts");
    outbox.append(EventTypes.CLAIM_VERDICT_PUBLISHED, c.id(), data);
    return after;
  }

  private static Map<String, Object> details(Verdict v, List<Long> closedFlags) {
    Map<String, Object> verdict = new LinkedHashMap<>();
    verdict.put("id", v.id());
    verdict.put("status", v.status().name());
    verdict.put("state", v.state().name());
    if (v.asOf() != null) {
      verdict.put("asOf", v.asOf());
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("verdict", verdict);
    if (!closedFlags.isEmpty()) {
      d.put("resolvedFlags", closedFlags);
    }
    return d;
  }

  private Verdict proposed(long claimId, long verdictId) {
    Verdict v =
        verdicts
            .findById(verdictId)
            .filter(x -> x.claimId() == claimId)
            .orElseThrow(
                () ->
                    ProblemException.notFound("No verdict " + verdictId + " on claim " + claimId));
    if (v.state() != Verdict.State.PROPOSED) {
      throw ProblemException.conflict(
          "Verdict " + verdictId + " is " + v.state() + ", not a proposal waiting for approval");
    }
    return v;
  }

  private static void requireVersion(Claim c, int expected) {
    if (c.version() != expected) {
      throw ProblemException.staleVersion(
          "Claim "
              + c.id()
              + " is at version "
              + c.version()
              + " (ETag \""
              + c.version()
              + "\"), not "
              + expected
              + "; reload it and judge it again");
    }
  }

  /** A request checked for shape: every problem is reported at once, by field. */
  private record Parsed(ClaimStatus status, String rationale, List<EvidenceInput> evidence) {}

  private static Parsed parse(VerdictRequest body) {
    if (body == null) {
      throw ProblemException.invalidField("status", "required: the body is empty");
    }
    List<FieldError> errors = new ArrayList<>();
    ClaimStatus status = null;
    if (body.status() == null || body.status().isBlank()) {
      errors.add(new FieldError("status", "required"));
    } else {
      try {
        status = ClaimStatus.valueOf(body.status().strip());
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "status",
                "must be one of ACCURATE, MOSTLY_ACCURATE, MISLEADING, INACCURATE, UNVERIFIABLE"));
      }
    }
    String rationale = body.rationale() == null ? "" : body.rationale().strip();
    if (rationale.isEmpty()) {
      errors.add(new FieldError("rationale", "required: say why"));
    } else if (rationale.length() > MAX_RATIONALE) {
      errors.add(new FieldError("rationale", "at most " + MAX_RATIONALE + " characters"));
    }
    List<EvidenceInput> items = body.evidence() == null ? List.of() : body.evidence();
    if (items.size() > MAX_EVIDENCE) {
      errors.add(new FieldError("evidence", "at most " + MAX_EVIDENCE + " items"));
    }
    for (int i = 0; i < items.size() && i < MAX_EVIDENCE; i++) {
      EvidenceInput e = items.get(i);
      String at = "evidence[" + i + "]";
      if (e == null) {
        errors.add(new FieldError(at, "must be an object"));
        continue;
      }
      int refs =
          (e.factId() != null ? 1 : 0) + (e.reportId() != null ? 1 : 0) + (e.url() != null ? 1 : 0);
      if (refs != 1) {
        errors.add(new FieldError(at, "name exactly one of factId, reportId or url"));
      }
      if (e.url() != null && !org.claimwatch.system.WebUrls.isWebUrl(e.url().strip())) {
        errors.add(new FieldError(at + ".url", "must be an absolute http(s) URL"));
      }
      if (e.note() == null || e.note().isBlank()) {
        errors.add(new FieldError(at + ".note", "required: what this evidence shows"));
      } else if (e.note().length() > 2000) {
        errors.add(new FieldError(at + ".note", "at most 2000 characters"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Parsed(status, rationale, items);
  }

  /** Evidence as it will be stored, and the newest filing it cites ("10-Q filed 2024-04-26"). */
  private record Cited(List<Evidence> items, String asOf) {}

  /** Looks every reference up; unknown ones are 400s naming the item. */
  private Cited describe(List<EvidenceInput> inputs) {
    List<FieldError> errors = new ArrayList<>();
    List<Evidence> out = new ArrayList<>();
    LocalDate newest = null;
    String asOf = null;
    for (int i = 0; i < inputs.size(); i++) {
      EvidenceInput e = inputs.get(i);
      String at = "evidence[" + i + "]";
      Kind kind;
      Optional<Described> d;
      if (e.factId() != null) {
        kind = Kind.FACT;
        d = lookup.fact(e.factId());
        at += ".factId";
      } else if (e.reportId() != null) {
        kind = Kind.REPORT;
        d = lookup.report(e.reportId());
        at += ".reportId";
      } else {
        out.add(
            new Evidence(
                null, 0, i, Kind.URL, null, null, e.url().strip(), e.note().strip(), null, null));
        continue;
      }
      if (d.isEmpty()) {
        errors.add(new FieldError(at, "no such " + kind.name().toLowerCase() + " is stored"));
        continue;
      }
      out.add(
          new Evidence(
              null,
              0,
              i,
              kind,
              e.factId(),
              d.get().reportId(),
              null,
              e.note().strip(),
              d.get().label(),
              d.get().filedOn()));
      if (newest == null || d.get().filedOn().isAfter(newest)) {
        newest = d.get().filedOn();
        asOf = d.get().filing();
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Cited(out, asOf);
  }

  private Map<Long, List<Evidence>> evidenceOf(List<Long> verdictIds) {
    Map<Long, List<Evidence>> out = new HashMap<>();
    if (verdictIds.isEmpty()) {
      return out;
    }
    for (Evidence e : evidence.findByVerdictIdInOrderByVerdictIdAndPosition(verdictIds)) {
      out.computeIfAbsent(e.verdictId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  static VerdictView view(Verdict v, List<Evidence> items) {
    return new VerdictView(
        v.id(),
        v.claimId(),
        v.claimVersion(),
        v.status().name(),
        v.state().name(),
        v.rationale(),
        v.asOf(),
        v.summary(),
        (items == null ? List.<Evidence>of() : items)
            .stream()
                .map(
                    e ->
                        new EvidenceView(
                            e.kind().name(),
                            e.factId(),
                            e.reportId(),
                            e.url(),
                            e.note(),
                            e.label()))
                .toList(),
        v.recordedBy(),
        v.recordedAt().toString(),
        v.decidedBy(),
        v.decidedAt() == null ? null : v.decidedAt().toString(),
        v.decisionNote());
  }
}
