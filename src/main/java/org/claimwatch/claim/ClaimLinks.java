package org.claimwatch.claim;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.claimwatch.auth.Actor;
import org.claimwatch.system.ETags;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * A checker's link from a claim to the stored claim it repeats ({@code duplicateOf}). The link
 * points at the original, and an original is never itself a duplicate: one level, so no chain and
 * no cycle can form, also when two checkers link at the same moment (both claims' rows are locked
 * in id order, and a claim about to become a duplicate is checked, once its row is locked, to have
 * none of its own). Linking is review work, not an edit: it is allowed under a verdict, moves the
 * version on, and history records it (with a {@code claim.updated} event).
 */
@Singleton
public class ClaimLinks {
  /** How many duplicates of one original a page lists. */
  public static final int MAX_LISTED = 50;

  private final ClaimStore claims;
  private final ClaimWriter writer;
  private final ClaimViews views;
  private final Transactions transactions;
  private final Clock clock;

  ClaimLinks(
      ClaimStore claims,
      ClaimWriter writer,
      ClaimViews views,
      Transactions transactions,
      Clock clock) {
    this.claims = claims;
    this.writer = writer;
    this.views = views;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The claim a claim repeats (if it is linked) and the claims linked to it as its duplicates. */
  public record Links(Claim original, List<Claim> duplicates) {}

  /** Links claim {@code id}, at the version {@code ifMatch} names, to {@code originalId}. */
  public ClaimView link(long id, Long originalId, String ifMatch, String note, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    if (originalId == null) {
      throw ProblemException.invalidField("claimId", "required: the id of the claim this repeats");
    }
    if (note != null && note.length() > 2000) {
      throw ProblemException.invalidField("note", "at most 2000 characters");
    }
    if (originalId == id) {
      throw ProblemException.invalidField("claimId", "a claim cannot be a duplicate of itself");
    }
    return transactions.write(
        () -> {
          Map<Long, Claim> locked = lockInOrder(id, originalId);
          Claim current = locked.get(id);
          Claim original = locked.get(originalId);
          if (current == null) {
            throw ProblemException.notFound("No claim " + id);
          }
          if (original == null) {
            throw ProblemException.invalidField("claimId", "no claim " + originalId);
          }
          requireVersion(current, expected);
          if (original.duplicateOf() != null) {
            throw ProblemException.conflict(
                "Claim "
                    + originalId
                    + " is itself a duplicate of claim "
                    + original.duplicateOf()
                    + "; link to that one");
          }
          claims
              .oneDuplicateOf(id)
              .ifPresent(
                  d -> {
                    throw ProblemException.conflict(
                        "Claim "
                            + d
                            + " is linked to claim "
                            + id
                            + " as its duplicate; a claim others repeat cannot become a duplicate."
                            + " Link claim "
                            + originalId
                            + " to this one instead, or unlink "
                            + d
                            + " first");
                  });
          if (originalId.equals(current.duplicateOf())) {
            return views.views(List.of(current)).get(0);
          }
          return write(
              current,
              originalId,
              HistoryAction.DUPLICATE_LINKED,
              "linked as a duplicate of claim " + originalId,
              note,
              actor);
        });
  }

  /** Takes the claim's link away, at the version {@code ifMatch} names. */
  public ClaimView unlink(long id, String ifMatch, String note, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    if (note != null && note.length() > 2000) {
      throw ProblemException.invalidField("note", "at most 2000 characters");
    }
    return transactions.write(
        () -> {
          Claim current =
              claims.lock(id).orElseThrow(() -> ProblemException.notFound("No claim " + id));
          requireVersion(current, expected);
          if (current.duplicateOf() == null) {
            return views.views(List.of(current)).get(0);
          }
          return write(
              current,
              null,
              HistoryAction.DUPLICATE_UNLINKED,
              "no longer a duplicate of claim " + current.duplicateOf(),
              note,
              actor);
        });
  }

  /** The claim's links: the claim it repeats and the claims that repeat it (at most 50). */
  public Links links(long id, Long duplicateOf) {
    return transactions.read(
        () ->
            new Links(
                duplicateOf == null ? null : claims.find(duplicateOf),
                claims.duplicatesOf(id, MAX_LISTED)));
  }

  /**
   * For claims about to be created: each {@code duplicateOf} must name a stored claim that is not
   * itself a duplicate (its row locked until the transaction ends, so it cannot become one). The
   * keys are the items' positions; a refused one is reported under {@code
   * listField[i].duplicateOf}.
   */
  void requireOriginals(Map<Integer, Long> originals, String listField) {
    List<FieldError> errors = new ArrayList<>();
    Map<Long, Claim> locked = lockInOrder(originals.values().toArray(Long[]::new));
    for (Map.Entry<Integer, Long> e : originals.entrySet()) {
      String field = (listField == null ? "" : listField + "[" + e.getKey() + "].") + "duplicateOf";
      Claim original = locked.get(e.getValue());
      if (original == null) {
        errors.add(new FieldError(field, "no claim " + e.getValue()));
      } else if (original.duplicateOf() != null) {
        errors.add(
            new FieldError(
                field,
                "claim "
                    + e.getValue()
                    + " is itself a duplicate of claim "
                    + original.duplicateOf()
                    + "; name that one"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
  }

  private ClaimView write(
      Claim current,
      Long original,
      HistoryAction action,
      String summary,
      String note,
      Actor actor) {
    Instant now = clock.instant();
    if (!claims.setDuplicateOf(current.id(), current.version(), original, now)) {
      throw ProblemException.staleVersion(
          "Claim " + current.id() + " was changed by someone else; reload it and try again");
    }
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("from", current.duplicateOf());
    change.put("to", original);
    Claim linked = current.withDuplicateOf(original, current.version() + 1, now);
    writer.appendHistory(
        List.of(
            new ClaimHistory(
                null,
                current.id(),
                linked.version(),
                action.name(),
                actor.name(),
                now,
                HistoryJson.toJson(Map.<String, Object>of("duplicateOf", change)),
                note == null || note.isBlank() ? null : note.strip(),
                summary)));
    return views.views(List.of(linked)).get(0);
  }

  /** The claims locked in id order (two linkers never wait for each other in a cycle). */
  private Map<Long, Claim> lockInOrder(Long... ids) {
    Map<Long, Claim> locked = new TreeMap<>();
    for (Long id : new java.util.TreeSet<>(List.of(ids))) {
      claims.lock(id).ifPresent(c -> locked.put(id, c));
    }
    return locked;
  }

  private static void requireVersion(Claim current, int expected) {
    if (!Objects.equals(current.version(), expected)) {
      throw ClaimCommands.stale(current.id(), current.version());
    }
  }
}
