package org.claimwatch.review;

import java.util.Arrays;
import java.util.List;
import org.claimwatch.system.ProblemException;

/** The review queues. Each lists claims by priority (highest first), then age (oldest first). */
public enum Queue {
  /** UNVERIFIED claims nobody holds. */
  UNREVIEWED("unreviewed"),
  /** Claims with an open re-check flag (other than a due forecast), CONTRADICTS first. */
  RECHECKS("rechecks"),
  /** What the caller holds, including proposals an editor sent back. */
  MINE("mine"),
  /** FORECAST claims whose resolvesOn has come (an open FORECAST_DUE flag). */
  FORECASTS_DUE("forecasts-due"),
  /** Verdicts proposed under two-person review, waiting for an EDITOR. */
  PROPOSALS("proposals"),
  /**
   * Rates stated as current that a later period no longer matches (an open OUTDATED note; only with
   * {@code claimwatch.rechecks.outdated.enabled}).
   */
  OUTDATED("outdated");

  private final String path;

  Queue(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** Whether the queue is ordered by open re-check flags (and its cursor by their outcome). */
  boolean byFlags() {
    return this == RECHECKS || this == FORECASTS_DUE || this == OUTDATED;
  }

  static Queue of(String name) {
    return Arrays.stream(values())
        .filter(q -> q.path.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "No queue '"
                        + name
                        + "'; the queues are "
                        + List.of(values()).stream().map(Queue::path).toList()));
  }
}
