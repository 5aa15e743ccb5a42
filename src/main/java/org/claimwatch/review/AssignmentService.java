package org.claimwatch.review;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.ClaimWork;
import org.claimwatch.claim.ClaimWork.Entry;
import org.claimwatch.claim.HistoryAction;
import org.claimwatch.claim.ReviewState;
import org.claimwatch.system.ProblemException;

/**
 * Assignments are leases: taking a claim puts it IN_REVIEW for the caller until the lease runs out
 * (the holder renews by taking it again); releasing it, or the lease running out, puts it back
 * where it was.
 */
@Singleton
public class AssignmentService {
  private final ClaimWork work;
  private final ReviewConfig config;
  private final Clock clock;

  AssignmentService(ClaimWork work, ReviewConfig config, Clock clock) {
    this.work = work;
    this.config = config;
    this.clock = clock;
  }

  /** The claim after taking it; {@code created} is false when the holder renewed its lease. */
  public record Taken(ClaimView claim, boolean created) {}

  @Transactional
  public Taken take(long claimId, Actor actor) {
    Claim c = work.lock(claimId);
    Instant now = clock.instant();
    if (held(c, now) && actor.name().equals(c.assignee())) {
      return new Taken(work.view(work.renew(c, now.plus(config.lease()))), false);
    }
    return new Taken(work.view(take(c, actor)), true);
  }

  /**
   * Takes a claim locked by the caller's transaction. 409 when someone else holds it or a proposed
   * verdict on it waits for an editor.
   */
  Claim take(Claim c, Actor actor) {
    Instant now = clock.instant();
    if (awaitsEditor(c)) {
      throw ProblemException.conflict(
          "Claim " + c.id() + " has a proposed verdict waiting for an editor");
    }
    if (held(c, now)) {
      throw ProblemException.conflict(
          "Claim " + c.id() + " is held by " + c.assignee() + " until " + c.leaseUntil());
    }
    boolean lapsed = c.status() == ClaimStatus.IN_REVIEW;
    ReviewState next =
        new ReviewState(
            ClaimStatus.IN_REVIEW,
            actor.name(),
            now.plus(config.lease()),
            lapsed ? c.priorStatus() : c.status(),
            c.lastVerdictAt());
    return work.change(
        c,
        next,
        new Entry(
            HistoryAction.ASSIGNED,
            actor.name(),
            Map.of("leaseUntil", next.leaseUntil().toString()),
            lapsed ? "the lease of " + c.assignee() + " had run out" : null,
            "taken by " + actor.name()),
        now);
  }

  /** Gives the claim back: the holder, or an EDITOR for anyone. */
  @Transactional
  public ClaimView release(long claimId, Actor actor) {
    Claim c = work.lock(claimId);
    Instant now = clock.instant();
    if (c.status() != ClaimStatus.IN_REVIEW || c.assignee() == null) {
      throw ProblemException.conflict("Nobody holds claim " + claimId);
    }
    boolean own = actor.name().equals(c.assignee());
    if (!own && !actor.has(Role.R_EDITOR)) {
      throw ProblemException.forbidden(
          "Claim "
              + claimId
              + " is held by "
              + c.assignee()
              + "; only they or an editor can release it");
    }
    ReviewState back =
        new ReviewState(
            c.priorStatus() == null ? ClaimStatus.UNVERIFIED : c.priorStatus(),
            null,
            null,
            null,
            c.lastVerdictAt());
    return work.view(
        work.change(
            c,
            back,
            new Entry(
                HistoryAction.RELEASED,
                actor.name(),
                Map.of(),
                null,
                own
                    ? "released by " + actor.name()
                    : "released by " + actor.name() + " (held by " + c.assignee() + ")"),
            now));
  }

  /** Whether someone holds the claim now. */
  static boolean held(Claim c, Instant now) {
    return c.status() == ClaimStatus.IN_REVIEW
        && c.assignee() != null
        && c.leaseUntil() != null
        && c.leaseUntil().isAfter(now);
  }

  /** IN_REVIEW with nobody holding it: a proposed verdict waits for an editor. */
  static boolean awaitsEditor(Claim c) {
    return c.status() == ClaimStatus.IN_REVIEW && c.assignee() == null;
  }
}
