package org.claimwatch.claim;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.ProblemException;

/**
 * The one way review work changes a claim: its status, who holds it and until when, and when its
 * last verdict was published; every change bumps the version and appends a history entry. Callers
 * run inside their own transaction and lock the row first ({@link #lock}).
 */
@Singleton
public class ClaimWork {
  private final ClaimStore claims;
  private final ClaimWriter writer;
  private final ClaimViews views;
  private final io.micronaut.json.JsonMapper json;
  private final JdbcOperations jdbc;

  ClaimWork(
      ClaimStore claims,
      ClaimWriter writer,
      ClaimViews views,
      JdbcOperations jdbc,
      io.micronaut.json.JsonMapper json) {
    this.json = json;
    this.claims = claims;
    this.writer = writer;
    this.views = views;
    this.jdbc = jdbc;
  }

  /** The claim as stored (not locked); 404 if there is none. */
  public Claim find(long id) {
    return claims.find(id);
  }

  /** The claim, locked until the transaction ends; 404 if there is none. */
  public Claim lock(long id) {
    return claims.lock(id).orElseThrow(() -> ProblemException.notFound("No claim " + id));
  }

  /** The claim locked, or empty when another transaction holds its row (or it is gone). */
  public Optional<Claim> tryLock(long id) {
    return claims.tryLock(id);
  }

  /** A history line: what was done, by whom, its details, why, and a readable summary. */
  public record Entry(
      HistoryAction action,
      String actor,
      Map<String, Object> details,
      String note,
      String summary) {}

  /**
   * Moves a locked claim to {@code next}, at version + 1, and appends the entry to its history with
   * the status and holder changes added to its details.
   */
  public Claim change(Claim current, ReviewState next, Entry entry, Instant now) {
    if (!claims.changeState(current.id(), current.version(), next, now)) {
      throw ProblemException.staleVersion(
          "Claim " + current.id() + " was changed by someone else; reload it and try again");
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    put(changes, "status", current.status(), next.status());
    put(changes, "assignee", current.assignee(), next.assignee());
    changes.putAll(entry.details());
    int version = current.version() + 1;
    writer.appendHistory(
        List.of(
            new ClaimHistory(
                null,
                current.id(),
                version,
                entry.action().name(),
                entry.actor(),
                now,
                HistoryJson.toJson(changes),
                entry.note() == null ? null : truncate(entry.note(), 2000),
                truncate(entry.summary(), 500))));
    return current.withState(next, version, now);
  }

  /**
   * Whether the claim's words or numbers were edited after {@code version} (an edit of its priority
   * alone does not count).
   */
  public boolean contentChangedSince(long claimId, int version) {
    List<String> edits =
        JdbcRows.list(
            jdbc,
            "SELECT changes FROM claim_history WHERE claim_id = ? AND claim_version > ?"
                + " AND action = 'UPDATED'",
            rs -> rs.getString(1),
            claimId,
            version);
    return edits.stream()
        .map(text -> HistoryJson.read(json, text))
        .anyMatch(
            changes -> changes == null || !changes.keySet().equals(java.util.Set.of("priority")));
  }

  /** Extends the holder's lease; not a new version (what was judged has not changed). */
  public Claim renew(Claim current, Instant until) {
    claims.renewLease(current.id(), until);
    return current.withState(
        current.review().withLease(current.assignee(), until),
        current.version(),
        current.updatedAt());
  }

  /**
   * Returns claims whose lease ran out to the status they had before (at most {@code max} per
   * call), with a LEASE_EXPIRED history entry each. Rows another transaction holds are skipped, so
   * several instances can run this at once.
   */
  public int releaseExpired(Instant now, int max) {
    // Found by a plain read, then locked by id: a locking scan would lock every held claim it
    // passes, not just the expired ones.
    List<Long> ids = claims.expiredIds(now, max);
    if (ids.isEmpty()) {
      return 0;
    }
    List<Claim> expired = claims.lockExpired(ids, now);
    List<ClaimHistory> entries = new ArrayList<>(expired.size());
    if (expired.isEmpty()) {
      return 0;
    }
    // One statement for the batch: each claim goes back to the status it had before it was taken.
    claims.releaseLeases(expired.stream().map(Claim::id).toList(), now);
    for (Claim c : expired) {
      ClaimStatus back = c.priorStatus() == null ? ClaimStatus.UNVERIFIED : c.priorStatus();
      Map<String, Object> changes = new LinkedHashMap<>();
      put(changes, "status", c.status(), back);
      put(changes, "assignee", c.assignee(), null);
      changes.put("leaseUntil", c.leaseUntil().toString());
      entries.add(
          new ClaimHistory(
              null,
              c.id(),
              c.version() + 1,
              HistoryAction.LEASE_EXPIRED.name(),
              "claimwatch",
              now,
              HistoryJson.toJson(changes),
              null,
              truncate("lease of " + c.assignee() + " ran out; back to " + back, 500)));
    }
    writer.appendHistory(entries);
    return expired.size();
  }

  public List<ClaimView> views(List<Claim> rows) {
    return views.views(rows);
  }

  /** Views of rows read with {@link ClaimRows#JOINED_COLUMNS}. */
  public List<ClaimView> viewsOfJoined(List<ClaimRows.Joined> rows) {
    return views.viewsOfJoined(rows);
  }

  public ClaimView view(Claim row) {
    return views.views(List.of(row)).get(0);
  }

  private static void put(Map<String, Object> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("from", from == null ? null : from.toString());
      change.put("to", to == null ? null : to.toString());
      changes.put(field, change);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
