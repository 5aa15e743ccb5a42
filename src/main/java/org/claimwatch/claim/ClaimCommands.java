package org.claimwatch.claim;

import com.fasterxml.jackson.core.JsonFactory;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimData.SourceData;
import org.claimwatch.system.ETags;
import org.claimwatch.system.JsonPatch;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * Changing claims: create (one or a batch, idempotent by externalRef) and patch (JSON merge patch
 * at a version). Reads are {@link ClaimQueries}, the history {@link ClaimHistoryReader}.
 */
@Singleton
public class ClaimCommands {
  public static final int MAX_BATCH = 1000;
  private static final JsonFactory JSON = new JsonFactory();

  /** The queues' order is the checkers' to set: a newsroom tool cannot move its claims ahead. */
  private static final String INTEGRATION_PRIORITY =
      "is set by checkers and editors; an integration token cannot set it";

  /** Whether a claim repeats another is a checker's judgment. */
  private static final String INTEGRATION_DUPLICATE =
      "is set by checkers and editors; an integration token cannot link claims";

  private final ClaimStore claims;
  private final ClaimLookup lookup;
  private final ClaimSources sources;
  private final ClaimWriter writer;
  private final ClaimValidator validator;
  private final Transactions transactions;
  private final Clock clock;
  private final OpenRechecks openRechecks;
  private final ClaimChecks checks;
  private final ClaimViews views;
  private final ClaimLinks links;

  ClaimCommands(
      ClaimStore claims,
      ClaimLookup lookup,
      ClaimSources sources,
      ClaimWriter writer,
      ClaimValidator validator,
      Transactions transactions,
      Clock clock,
      OpenRechecks openRechecks,
      ClaimChecks checks,
      ClaimViews views,
      ClaimLinks links) {
    this.claims = claims;
    this.lookup = lookup;
    this.sources = sources;
    this.writer = writer;
    this.validator = validator;
    this.transactions = transactions;
    this.clock = clock;
    this.openRechecks = openRechecks;
    this.checks = checks;
    this.views = views;
    this.links = links;
  }

  public record Saved(ClaimView claim, boolean created) {}

  public Saved create(ClaimInput input, Actor actor) {
    Inserted in = createAll(List.of(input), null, actor);
    Claim c = in.ordered().get(0);
    ClaimView view = views.views(in.ordered(), in.storedBefore(), in.freshChecks()).get(0);
    List<SimilarClaim> same =
        claims.similar(
            c.entityId(),
            c.metric(),
            c.unit(),
            c.value(),
            c.tolerance(),
            c.periodStart(),
            c.periodEnd(),
            c.id(),
            5);
    return new Saved(view.withDuplicates(same), in.created() == 1);
  }

  /** Stores all the claims or none; items whose externalRef is already stored come back as is. */
  public BatchResult createBatch(BatchRequest request, Actor actor) {
    Inserted in = insertBatch(request, actor);
    return new BatchResult(
        in.created(),
        in.existing(),
        views.views(in.ordered(), in.storedBefore(), in.freshChecks()));
  }

  /** {@link #createBatch}, answering with ids only (Prefer: return=minimal): no views built. */
  public BatchResult.Minimal createBatchMinimal(BatchRequest request, Actor actor) {
    Inserted in = insertBatch(request, actor);
    return new BatchResult.Minimal(
        in.created(),
        in.existing(),
        in.ordered().stream()
            .map(c -> new BatchResult.Ref(c.id(), c.externalRef(), c.version()))
            .toList());
  }

  private Inserted insertBatch(BatchRequest request, Actor actor) {
    List<ClaimInput> items = request == null ? null : request.claims();
    if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
      throw ProblemException.invalidField(
          "claims", "required: an array of 1 to " + MAX_BATCH + " claims");
    }
    return createAll(items, "claims", actor);
  }

  /**
   * What a batch stored: every claim in request order, how many were new, and the ids of those
   * already stored before (only they can have a re-check flag).
   */
  private record Inserted(
      int created,
      int existing,
      List<Claim> ordered,
      List<Long> storedBefore,
      Map<Long, CheckView> freshChecks) {}

  /**
   * Applies a JSON merge patch to the claim at the version {@code ifMatch} names (412 if it moved
   * on). The whole result is checked by the same rules as a new claim; {@code source} is replaced
   * as a whole. An INTEGRATION token may patch only the claims it submitted.
   */
  public ClaimView patch(long id, JsonNode body, String ifMatch, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    JsonPatch patch = ClaimMerge.patch(body);
    if (!actor.has(Role.R_CHECKER) && patch.has("priority")) {
      throw ProblemException.invalidField("priority", INTEGRATION_PRIORITY);
    }
    ClaimView view =
        retrying(
            () ->
                transactions.writeRacing(
                    () -> {
                      Claim current = lookup.find(id);
                      if (!actor.has(Role.R_CHECKER)
                          && !current.submittedBy().equals(actor.name())) {
                        throw ProblemException.forbidden(
                            "An integration token may change only the claims it submitted");
                      }
                      if (!Objects.equals(current.version(), expected)) {
                        throw stale(id, current.version());
                      }
                      SourceData cited = sources.of(current.sourceId());
                      ClaimValidator.Checked valid =
                          validator.validate(
                              List.of(ClaimMerge.merge(current.data(), cited, patch)), null);
                      ClaimData after = valid.data().get(0);
                      SourceData afterSource = valid.sources().get(0);
                      Map<String, Object> changes =
                          HistoryJson.diff(
                              current.data().snapshot(cited), after.snapshot(afterSource));
                      if (changes.isEmpty()) {
                        return views.views(List.of(current)).get(0);
                      }
                      if (!changes.keySet().equals(Set.of("priority"))) {
                        requireUnrated(current);
                      }
                      Instant now = now();
                      Long sourceId =
                          afterSource == null
                              ? null
                              : sources.ids(List.of(afterSource), now).get(afterSource.url());
                      if (sourceId != null
                          && !changes.containsKey("source.url")
                          && changes.keySet().stream().anyMatch(k -> k.startsWith("source."))) {
                        // The same URL described anew (its title, publisher or date).
                        requireSourceEditable(sourceId, id, actor);
                        sources.update(
                            sourceId,
                            afterSource.title(),
                            afterSource.publisher(),
                            afterSource.publishedAt());
                      }
                      Claim updated = claims.update(current.withData(after, sourceId, now));
                      Map<Long, CheckView> checked = checks.refresh(List.of(updated), false);
                      if (updated.priority() != current.priority()
                          || !Objects.equals(updated.entityId(), current.entityId())) {
                        openRechecks.claimChanged(id, updated.priority(), updated.entityId());
                      }
                      writer.appendHistory(
                          List.of(
                              new ClaimHistory(
                                  null,
                                  id,
                                  updated.version(),
                                  HistoryAction.UPDATED.name(),
                                  actor.name(),
                                  now,
                                  HistoryJson.toJson(changes),
                                  null,
                                  "edited " + String.join(", ", changes.keySet()))));
                      return views.views(List.of(updated), List.of(id), checked).get(0);
                    }));
    return view;
  }

  /**
   * A source is one row per URL, shared by every claim citing it: its description may change only
   * while no other claim citing it is rated (a ClaimReview shows it) and, for an integration, none
   * is another submitter's (409).
   */
  private void requireSourceEditable(long sourceId, long claimId, Actor actor) {
    if (claims.countBlockingSourceEdit(sourceId, claimId, !actor.has(Role.R_CHECKER), actor.name())
        > 0) {
      throw ProblemException.conflict(
          "The source is cited by other claims that are rated or not yours; its title, publisher"
              + " and date cannot change from this claim");
    }
  }

  /**
   * A verdict rates the words it was given: a claim's content may not change under a published
   * verdict (also while it is re-reviewed) or a proposed one (409). Its priority may.
   */
  private static void requireUnrated(Claim c) {
    if (c.status() == ClaimStatus.IN_REVIEW && c.assignee() == null) {
      throw ProblemException.conflict(
          "Claim "
              + c.id()
              + " has a proposed verdict waiting for an editor; its content cannot change until"
              + " the proposal is approved or sent back");
    }
    ClaimStatus rated = c.status() == ClaimStatus.IN_REVIEW ? c.priorStatus() : c.status();
    if (rated != null && rated.isVerdict()) {
      throw ProblemException.conflict(
          "Claim "
              + c.id()
              + " has a published verdict ("
              + rated
              + ") that rates these words and numbers; they cannot change under it. Submit the"
              + " corrected claim as a new claim");
    }
  }

  private Inserted createAll(List<ClaimInput> inputs, String listField, Actor actor) {
    if (!actor.has(Role.R_CHECKER)) {
      List<org.claimwatch.system.FieldError> errors = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        String prefix = listField == null ? "" : listField + "[" + i + "].";
        if (inputs.get(i) != null && inputs.get(i).priority() != null) {
          errors.add(
              new org.claimwatch.system.FieldError(prefix + "priority", INTEGRATION_PRIORITY));
        }
        if (inputs.get(i) != null && inputs.get(i).duplicateOf() != null) {
          errors.add(
              new org.claimwatch.system.FieldError(prefix + "duplicateOf", INTEGRATION_DUPLICATE));
        }
      }
      if (!errors.isEmpty()) {
        throw ProblemException.validation(errors);
      }
    }
    // Validation reads entities; doing it in the write transaction saves a connection round trip.
    return retrying(
        () ->
            transactions.writeRacing(
                () -> insert(inputs, validator.validate(inputs, listField), listField, actor)));
  }

  private Inserted insert(
      List<ClaimInput> inputs, ClaimValidator.Checked checked, String listField, Actor actor) {
    Set<String> refs = new HashSet<>();
    for (ClaimInput in : inputs) {
      if (in.externalRef() != null) {
        refs.add(in.externalRef());
      }
    }
    Map<String, Claim> existing = new HashMap<>();
    if (!refs.isEmpty()) {
      for (Claim c : claims.byExternalRefs(actor.name(), refs)) {
        existing.put(c.externalRef(), c);
      }
    }
    Instant now = now();
    List<Integer> freshIndex = new ArrayList<>();
    List<ClaimData> freshData = new ArrayList<>();
    List<SourceData> freshSources = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!existing.containsKey(inputs.get(i).externalRef())) {
        freshIndex.add(i);
        freshData.add(checked.data().get(i));
        freshSources.add(checked.sources().get(i));
      }
    }
    Map<Integer, Long> originals = new java.util.TreeMap<>();
    for (int i : freshIndex) {
      if (inputs.get(i).duplicateOf() != null) {
        originals.put(i, inputs.get(i).duplicateOf());
      }
    }
    if (!originals.isEmpty()) {
      links.requireOriginals(originals, listField);
    }
    Map<String, Long> sourceIds = sources.ids(freshSources, now);
    List<Claim> fresh = new ArrayList<>(freshIndex.size());
    for (int k = 0; k < freshIndex.size(); k++) {
      fresh.add(
          Claim.create(
              actor.name(),
              inputs.get(freshIndex.get(k)).externalRef(),
              freshData.get(k),
              sourceIds.get(urlOf(freshSources.get(k))),
              inputs.get(freshIndex.get(k)).duplicateOf(),
              now));
    }
    List<Claim> saved = claims.insert(fresh);
    Map<Long, CheckView> freshChecks = checks.refresh(saved, true);
    List<ClaimHistory> entries = new ArrayList<>(saved.size());
    for (int k = 0; k < saved.size(); k++) {
      Claim c = saved.get(k);
      entries.add(
          new ClaimHistory(
              null,
              c.id(),
              1,
              HistoryAction.CREATED.name(),
              actor.name(),
              now,
              HistoryJson.created(freshData.get(k).snapshot(freshSources.get(k)), c.duplicateOf()),
              null,
              "created"));
    }
    writer.appendHistory(entries);

    List<Claim> ordered = new ArrayList<>(inputs.size());
    int k = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Claim stored = existing.get(inputs.get(i).externalRef());
      ordered.add(stored != null ? stored : saved.get(k++));
    }
    List<Long> stored = existing.values().stream().map(Claim::id).toList();
    return new Inserted(saved.size(), inputs.size() - saved.size(), ordered, stored, freshChecks);
  }

  /** A concurrent update of the same claim (optimistic lock) is a stale version: 412. */
  private static <T> T retrying(Supplier<T> work) {
    try {
      return work.get();
    } catch (OptimisticLockException e) {
      throw ProblemException.staleVersion(
          "The claim was changed by someone else; reload it and try again");
    }
  }

  /** A 412 naming the version the claim is at (for a change sent at another). */
  static ProblemException stale(long id, Integer version) {
    return ProblemException.staleVersion(
        "Claim "
            + id
            + " is at version "
            + version
            + " (ETag \""
            + version
            + "\"); reload it and try again");
  }

  private Instant now() {
    return clock.instant();
  }

  private static String urlOf(SourceData s) {
    return s == null ? null : s.url();
  }
}
