package org.claimwatch.review;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimWork;
import org.claimwatch.claim.ClaimWork.Entry;
import org.claimwatch.claim.HistoryAction;
import org.claimwatch.claim.ReviewState;
import org.claimwatch.recheck.RecheckService;
import org.claimwatch.review.VerdictView.EvidenceView;
import org.claimwatch.system.ETags;
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
  private final VerdictRepository verdicts;
  private final EvidenceRepository evidence;
  private final ClaimWork work;
  private final RecheckService rechecks;
  private final CitedEvidence citing;
  private final ReviewConfig config;
  private final Outbox outbox;
  private final Clock clock;
  private final VerdictMetrics metrics;

  VerdictService(
      VerdictRepository verdicts,
      EvidenceRepository evidence,
      ClaimWork work,
      RecheckService rechecks,
      CitedEvidence citing,
      ReviewConfig config,
      Outbox outbox,
      Clock clock,
      VerdictMetrics metrics) {
    this.metrics = metrics;
    this.verdicts = verdicts;
    this.outbox = outbox;
    this.evidence = evidence;
    this.work = work;
    this.rechecks = rechecks;
    this.citing = citing;
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
    VerdictRules.Parsed p = VerdictRules.parse(body);
    Claim c = work.lock(claimId);
    Instant now = clock.instant();
    VerdictRules.requireVersion(c, expected);
    boolean editor = actor.has(Role.R_EDITOR);
    boolean holder = VerdictRules.requireMayRecord(c, actor, now);
    VerdictRules.requireRecordable(c, p);
    CitedEvidence.Cited cited = citing.describe(p.evidence());
    List<Evidence> items = cited.items();
    boolean proposal = config.twoPerson() && !editor;
    Verdict v =
        verdicts.save(
            proposal
                ? Verdict.proposed(c, p.status(), p.rationale(), cited.asOf(), actor.name(), now)
                : Verdict.published(c, p.status(), p.rationale(), cited.asOf(), actor.name(), now));
    List<Evidence> saved = items.stream().map(e -> evidence.save(e.of(v.id()))).toList();
    Claim after;
    if (proposal) {
      after =
          work.change(
              c,
              new ReviewState(
                  ClaimStatus.IN_REVIEW, null, null, c.priorStatus(), c.lastVerdictAt()),
              new Entry(
                  HistoryAction.VERDICT_PROPOSED,
                  actor.name(),
                  VerdictRules.details(v, List.of()),
                  p.rationale(),
                  v.status() + " proposed" + (v.asOf() == null ? "" : " as of " + v.asOf())),
              now);
    } else {
      String over =
          AssignmentService.held(c, now) && !holder
              ? " (over the lease of " + c.assignee() + ")"
              : "";
      after =
          publish(
              c, v, saved, HistoryAction.VERDICT, actor, v.summary() + over, p.rationale(), now);
    }
    metrics.recorded(v.status(), proposal ? VerdictMetrics.PROPOSED : VerdictMetrics.PUBLISHED);
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
    VerdictRules.requireVersion(c, expected);
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
            HistoryAction.VERDICT_APPROVED,
            actor,
            published.summary() + " (proposed by " + v.recordedBy() + ", approved)",
            null,
            now);
    metrics.recorded(published.status(), VerdictMetrics.APPROVED);
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
            new ReviewState(
                ClaimStatus.IN_REVIEW,
                v.recordedBy(),
                now.plus(config.lease()),
                c.priorStatus(),
                c.lastVerdictAt()),
            new Entry(
                HistoryAction.VERDICT_RETURNED,
                actor.name(),
                VerdictRules.details(v, List.of()),
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
      HistoryAction action,
      Actor actor,
      String summary,
      String note,
      Instant now) {
    List<Long> closed = rechecks.resolveOpen(c.id(), actor.name(), now, "VERDICT:" + v.id());
    Claim after =
        work.change(
            c,
            new ReviewState(v.status(), null, null, null, now),
            new Entry(action, actor.name(), VerdictRules.details(v, closed), note, summary),
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
