package org.claimwatch.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * The verdict workflow's rules, apart from what stores it: the shape of a request, who may record a
 * verdict on a claim, which verdicts a claim can take and what evidence they need. No database:
 * each rule is a function of the claim, the caller and the request.
 */
final class VerdictRules {
  static final int MAX_EVIDENCE = 50;
  static final int MAX_RATIONALE = 20_000;

  /** Verdicts about a number that must point at what they rest on. */
  private static final Set<ClaimStatus> NEED_EVIDENCE =
      EnumSet.of(ClaimStatus.ACCURATE, ClaimStatus.MOSTLY_ACCURATE, ClaimStatus.INACCURATE);

  private VerdictRules() {}

  /** A request checked for shape: every problem is reported at once, by field. */
  record Parsed(ClaimStatus status, String rationale, List<EvidenceInput> evidence) {}

  static Parsed parse(VerdictRequest body) {
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

  /**
   * Whether the caller holds the claim; refuses (403) a caller who neither holds it nor is an
   * EDITOR.
   */
  static boolean requireMayRecord(Claim c, Actor actor, Instant now) {
    boolean editor = actor.has(Role.R_EDITOR);
    boolean holder = AssignmentService.held(c, now) && actor.name().equals(c.assignee());
    if (!holder && !editor) {
      long claimId = c.id();
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
    return holder;
  }

  /**
   * Refuses (409) a verdict while a proposal waits or one that would move the claim back into the
   * queue, and (400) a verdict on a claimed number that rests on no evidence.
   */
  static void requireRecordable(Claim c, Parsed p) {
    long claimId = c.id();
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
  }

  static void requireVersion(Claim c, int expected) {
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

  /** What a history entry records of a verdict, with the flags it closed. */
  static Map<String, Object> details(Verdict v, List<Long> closedFlags) {
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
}
