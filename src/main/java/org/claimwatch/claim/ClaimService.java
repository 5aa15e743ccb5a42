package org.claimwatch.claim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimData.SourceData;
import org.claimwatch.claim.ClaimView.SourceView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.ETags;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.Hashing;
import org.claimwatch.system.JsonPatch;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Sql;
import org.claimwatch.system.Transactions;

/** Claims: create (one or a batch, idempotent by externalRef), read, list, patch, history. */
@Singleton
public class ClaimService {
  public static final int MAX_BATCH = 1000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> PATCHABLE =
      Set.of(
          "statement",
          "language",
          "claimant",
          "entityId",
          "entityName",
          "metric",
          "value",
          "valueHigh",
          "unit",
          "qualifier",
          "periodStart",
          "periodEnd",
          "periodicity",
          "kind",
          "resolvesOn",
          "statedAt",
          "source",
          "priority");

  /** The queues' order is the checkers' to set: a newsroom tool cannot move its claims ahead. */
  private static final String INTEGRATION_PRIORITY =
      "is set by checkers and editors; an integration token cannot set it";

  private static final Set<String> SOURCE_FIELDS =
      Set.of("url", "title", "publisher", "publishedAt");

  private final ClaimRepository claims;
  private final SourceRepository sources;
  private final ClaimHistoryRepository history;
  private final ClaimWriter writer;
  private final ClaimValidator validator;
  private final SubjectService subjects;
  private final Transactions transactions;
  private final JsonMapper json;
  private final Clock clock;
  private final OpenRechecks openRechecks;
  private final ClaimChecks checks;
  private final ClaimPages pages;

  ClaimService(
      ClaimRepository claims,
      SourceRepository sources,
      ClaimHistoryRepository history,
      ClaimWriter writer,
      ClaimValidator validator,
      SubjectService subjects,
      Transactions transactions,
      JsonMapper json,
      Clock clock,
      OpenRechecks openRechecks,
      ClaimChecks checks,
      ClaimPages pages) {
    this.claims = claims;
    this.sources = sources;
    this.history = history;
    this.writer = writer;
    this.validator = validator;
    this.subjects = subjects;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.openRechecks = openRechecks;
    this.checks = checks;
    this.pages = pages;
  }

  /** The stored claim, and whether this call created it (false: its externalRef existed). */
  public record Saved(ClaimView claim, boolean created) {}

  public Saved create(ClaimInput input, Actor actor) {
    Inserted in = createAll(List.of(input), null, actor);
    return new Saved(
        views(in.ordered(), in.storedBefore(), in.freshChecks()).get(0), in.created() == 1);
  }

  /** Stores all the claims or none; items whose externalRef is already stored come back as is. */
  public BatchResult createBatch(BatchRequest request, Actor actor) {
    Inserted in = insertBatch(request, actor);
    return new BatchResult(
        in.created(), in.existing(), views(in.ordered(), in.storedBefore(), in.freshChecks()));
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

  public ClaimView get(long id) {
    return views(List.of(find(id))).get(0);
  }

  public Page<ClaimView> list(ClaimFilter f) {
    int limit = Cursors.limit(f.limit());
    String status = null;
    if (f.status() != null && !f.status().isBlank()) {
      try {
        status = ClaimStatus.valueOf(f.status().strip()).name();
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "status", "must be one of " + List.of(ClaimStatus.values()));
      }
    }
    String like =
        f.q() == null || f.q().isBlank() ? null : "%" + Sql.likeLiteral(f.q().strip()) + "%";
    Instant from = boundary("statedFrom", f.statedFrom(), false);
    Instant before = boundary("statedTo", f.statedTo(), true);
    List<Claim> rows =
        pages.page(
            new ClaimPages.Filter(
                Cursors.decode(f.cursor()),
                status,
                f.entityId(),
                blankToNull(f.metric()),
                like,
                from,
                before,
                blankToNull(f.check())),
            limit + 1);
    return Cursors.page(rows, limit, Claim::id, this::views);
  }

  /**
   * Applies a JSON merge patch to the claim at the version {@code ifMatch} names (412 if it moved
   * on). The whole result is checked by the same rules as a new claim; {@code source} is replaced
   * as a whole. An INTEGRATION token may patch only the claims it submitted.
   */
  public ClaimView patch(long id, JsonNode body, String ifMatch, Actor actor) {
    int expected = ETags.requireVersion(ifMatch);
    JsonPatch patch = JsonPatch.of(body, PATCHABLE);
    if (!actor.has(Role.R_CHECKER) && patch.has("priority")) {
      throw ProblemException.invalidField("priority", INTEGRATION_PRIORITY);
    }
    ClaimView view =
        retrying(
            () ->
                transactions.writeRacing(
                    () -> {
                      Claim current = find(id);
                      if (!actor.has(Role.R_CHECKER)
                          && !current.submittedBy().equals(actor.name())) {
                        throw ProblemException.forbidden(
                            "An integration token may change only the claims it submitted");
                      }
                      if (!Objects.equals(current.version(), expected)) {
                        throw stale(id, current.version());
                      }
                      ClaimData before = ClaimData.of(current, sourceOf(current.sourceId()));
                      ClaimData after =
                          validator.validate(List.of(merge(before, patch)), null).get(0);
                      Map<String, Object> changes = diff(before.snapshot(), after.snapshot());
                      if (changes.isEmpty()) {
                        return views(List.of(current)).get(0);
                      }
                      if (!changes.keySet().equals(Set.of("priority"))) {
                        requireUnrated(current);
                      }
                      Instant now = now();
                      Long sourceId = sourceIds(List.of(after), now).get(urlOf(after));
                      if (sourceId != null
                          && !changes.containsKey("source.url")
                          && changes.keySet().stream().anyMatch(k -> k.startsWith("source."))) {
                        // The same URL described anew (its title, publisher or date).
                        requireSourceEditable(sourceId, id, actor);
                        SourceData s = after.source();
                        sources.update(sourceId, s.title(), s.publisher(), s.publishedAt());
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
                                  "UPDATED",
                                  actor.name(),
                                  now,
                                  toJson(changes),
                                  null,
                                  "edited " + String.join(", ", changes.keySet()))));
                      return views(List.of(updated), List.of(id), checked).get(0);
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

  /**
   * The claim's history, oldest first: its own entries and its re-check flags, each flag right
   * after the entry that made the version it was raised at.
   */
  public List<HistoryEntry> history(long id) {
    find(id);
    List<ClaimHistory> rows = history.findByClaimIdOrderById(id);
    List<OpenRechecks.FlagEvent> flags = new ArrayList<>(openRechecks.historyOf(id));
    flags.sort(java.util.Comparator.comparingLong(OpenRechecks.FlagEvent::recheckId));
    List<HistoryEntry> out = new ArrayList<>(rows.size() + flags.size());
    int f = 0;
    int version = 1;
    for (ClaimHistory h : rows) {
      Map<String, Object> changes = h.changes() == null ? null : fromJson(h.changes());
      while (f < flags.size() && flagComesFirst(flags.get(f), h, changes)) {
        out.add(flagEntry(flags.get(f++), version));
      }
      version = h.claimVersion();
      out.add(
          new HistoryEntry(
              h.id(),
              h.claimVersion(),
              h.action(),
              h.actor(),
              h.occurredAt().toString(),
              changes,
              h.note(),
              h.summary() != null ? h.summary() : h.action().toLowerCase(java.util.Locale.ROOT),
              null));
    }
    while (f < flags.size()) {
      out.add(flagEntry(flags.get(f++), version));
    }
    return out;
  }

  private static boolean flagComesFirst(
      OpenRechecks.FlagEvent flag, ClaimHistory h, Map<String, Object> changes) {
    if (flag.claimVersion() != null) {
      return flag.claimVersion() < h.claimVersion();
    }
    // Flags raised before versions were recorded: by time, then before the entry that resolved it.
    int c = flag.at().compareTo(h.occurredAt());
    if (c != 0) {
      return c < 0;
    }
    return changes != null
        && changes.get("resolvedFlags") instanceof List<?> resolved
        && resolved.stream()
            .anyMatch(r -> r instanceof Number n && n.longValue() == flag.recheckId());
  }

  private static HistoryEntry flagEntry(OpenRechecks.FlagEvent e, int version) {
    return new HistoryEntry(
        null,
        e.claimVersion() != null ? e.claimVersion() : version,
        "FLAGGED",
        e.actor(),
        e.at().toString(),
        e.details(),
        null,
        e.summary(),
        e.recheckId());
  }

  private Inserted createAll(List<ClaimInput> inputs, String listField, Actor actor) {
    if (!actor.has(Role.R_CHECKER)) {
      List<org.claimwatch.system.FieldError> errors = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i) != null && inputs.get(i).priority() != null) {
          String prefix = listField == null ? "" : listField + "[" + i + "].";
          errors.add(
              new org.claimwatch.system.FieldError(prefix + "priority", INTEGRATION_PRIORITY));
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
                () -> insert(inputs, validator.validate(inputs, listField), actor)));
  }

  private Inserted insert(List<ClaimInput> inputs, List<ClaimData> data, Actor actor) {
    Set<String> refs = new HashSet<>();
    for (ClaimInput in : inputs) {
      if (in.externalRef() != null) {
        refs.add(in.externalRef());
      }
    }
    Map<String, Claim> existing = new HashMap<>();
    if (!refs.isEmpty()) {
      for (Claim c : claims.findBySubmittedByAndExternalRefIn(actor.name(), refs)) {
        existing.put(c.externalRef(), c);
      }
    }
    Instant now = now();
    List<Integer> freshIndex = new ArrayList<>();
    List<ClaimData> freshData = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!existing.containsKey(inputs.get(i).externalRef())) {
        freshIndex.add(i);
        freshData.add(data.get(i));
      }
    }
    Map<String, Long> sourceIds = sourceIds(freshData, now);
    List<Claim> fresh = new ArrayList<>(freshIndex.size());
    for (int k = 0; k < freshIndex.size(); k++) {
      ClaimData d = freshData.get(k);
      fresh.add(
          Claim.create(
              actor.name(),
              inputs.get(freshIndex.get(k)).externalRef(),
              d,
              sourceIds.get(urlOf(d)),
              now));
    }
    List<Claim> saved = writer.insertClaims(fresh);
    Map<Long, CheckView> freshChecks = checks.refresh(saved, true);
    List<ClaimHistory> entries = new ArrayList<>(saved.size());
    for (int k = 0; k < saved.size(); k++) {
      Claim c = saved.get(k);
      entries.add(
          new ClaimHistory(
              null,
              c.id(),
              1,
              "CREATED",
              actor.name(),
              now,
              toJson(diff(Map.of(), freshData.get(k).snapshot())),
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

  /** Ids of the sources these claims cite, inserting the URLs not yet stored. */
  private Map<String, Long> sourceIds(List<ClaimData> data, Instant now) {
    Map<String, SourceData> byHash = new LinkedHashMap<>();
    for (ClaimData d : data) {
      if (d.source() != null) {
        byHash.putIfAbsent(Hashing.sha256Hex(d.source().url()), d.source());
      }
    }
    Map<String, Long> ids = new HashMap<>();
    if (byHash.isEmpty()) {
      return ids;
    }
    for (Source s : sources.findByUrlHashIn(byHash.keySet())) {
      ids.put(s.url(), s.id());
      byHash.remove(s.urlHash());
    }
    for (Map.Entry<String, SourceData> e : byHash.entrySet()) {
      SourceData s = e.getValue();
      Source saved =
          sources.save(
              new Source(
                  null, s.url(), e.getKey(), s.title(), s.publisher(), s.publishedAt(), now));
      ids.put(saved.url(), saved.id());
    }
    return ids;
  }

  private SourceData sourceOf(Long sourceId) {
    return sourceId == null
        ? null
        : sources
            .findById(sourceId)
            .map(s -> new SourceData(s.url(), s.title(), s.publisher(), s.publishedAt()))
            .orElse(null);
  }

  public List<ClaimView> views(List<Claim> rows) {
    return views(rows, rows.stream().map(Claim::id).toList(), Map.of());
  }

  /**
   * Views of the rows; only the claims in {@code flagged} are looked up for re-check flags, and for
   * checks unless {@code knownChecks} (just computed) holds theirs.
   */
  private List<ClaimView> views(
      List<Claim> rows, List<Long> flagged, Map<Long, CheckView> knownChecks) {
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
    Map<Long, Object> flags = openRechecks.openFor(flagged);
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
    Map<Long, Object> flags = flagIds.isEmpty() ? Map.of() : openRechecks.flagViews(flagIds);
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
      Claim c, SourceView source, String entityName, CheckView check, Object openFlag) {
    return new ClaimView(
        c.id(),
        c.externalRef(),
        c.statement(),
        c.language(),
        c.claimant(),
        c.entityId(),
        entityName,
        c.metric(),
        Decimals.format(c.value()),
        Decimals.format(c.valueHigh()),
        c.unit(),
        c.qualifier(),
        text(c.periodStart()),
        text(c.periodEnd()),
        c.periodicity(),
        c.kind(),
        text(c.resolvesOn()),
        text(c.statedAt()),
        source,
        c.status(),
        check,
        openFlag,
        c.assignee() == null || c.leaseUntil() == null
            ? null
            : new ClaimView.AssignmentView(c.assignee(), c.leaseUntil().toString()),
        text(c.lastVerdictAt()),
        c.priority(),
        c.version(),
        c.submittedBy(),
        c.createdAt().toString(),
        c.updatedAt().toString());
  }

  /** The claim's current contents as input text, with the patch's members laid over them. */
  private ClaimInput merge(ClaimData d, JsonPatch p) {
    SourceInput source =
        d.source() == null
            ? null
            : new SourceInput(
                d.source().url(),
                d.source().title(),
                d.source().publisher(),
                text(d.source().publishedAt()));
    if (p.has("source")) {
      JsonNode s = p.node("source");
      if (s == null) {
        source = null;
      } else {
        JsonPatch sp = JsonPatch.of(s, SOURCE_FIELDS);
        source =
            new SourceInput(
                sp.text("url"), sp.text("title"), sp.text("publisher"), sp.text("publishedAt"));
        sp.errors()
            .forEach(e -> p.errors().add(new FieldError("source." + e.field(), e.message())));
      }
    }
    ClaimInput merged =
        new ClaimInput(
            null,
            p.has("statement") ? p.text("statement") : d.statement(),
            p.has("language") ? p.text("language") : d.language(),
            p.has("claimant") ? p.text("claimant") : d.claimant(),
            p.has("entityId")
                ? p.longValue("entityId")
                : (p.has("entityName") ? null : d.entityId()),
            p.has("entityName") ? p.text("entityName") : null,
            p.has("metric") ? p.text("metric") : d.metric(),
            p.has("value") ? p.text("value") : Decimals.format(d.value()),
            p.has("valueHigh") ? p.text("valueHigh") : Decimals.format(d.valueHigh()),
            p.has("unit") ? p.text("unit") : d.unit(),
            p.has("qualifier") ? p.text("qualifier") : name(d.qualifier()),
            p.has("periodStart") ? p.text("periodStart") : text(d.periodStart()),
            p.has("periodEnd") ? p.text("periodEnd") : text(d.periodEnd()),
            p.has("periodicity") ? p.text("periodicity") : name(d.periodicity()),
            p.has("kind") ? p.text("kind") : name(d.kind()),
            p.has("resolvesOn") ? p.text("resolvesOn") : text(d.resolvesOn()),
            p.has("statedAt") ? p.text("statedAt") : text(d.statedAt()),
            source,
            p.has("priority") ? p.integer("priority") : Integer.valueOf(d.priority()));
    if (!p.errors().isEmpty()) {
      throw ProblemException.validation(p.errors());
    }
    return merged;
  }

  private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : after.entrySet()) {
      Object old = before.get(e.getKey());
      if (!Objects.equals(old, e.getValue())) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", old);
        change.put("to", e.getValue());
        changes.put(e.getKey(), change);
      }
    }
    return changes;
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

  private Claim find(long id) {
    return claims.findById(id).orElseThrow(() -> ProblemException.notFound("No claim " + id));
  }

  private static ProblemException stale(long id, Integer version) {
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

  private static Instant boundary(String field, String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.length() == 10) {
        LocalDate d = org.claimwatch.system.Dates.date(t);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      Instant i = org.claimwatch.system.Dates.instant(t);
      return endOfDay ? i.plusSeconds(1) : i;
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD or a UTC date-time");
    }
  }

  private static String urlOf(ClaimData d) {
    return d.source() == null ? null : d.source().url();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  /**
   * History changes as JSON text, written with Jackson's streaming generator: a batch writes a
   * thousand of these, and the generic serializer's per-value type lookups cost more than the rest.
   */
  static String toJson(Map<String, Object> changes) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else {
      g.writeString(v.toString());
    }
  }

  Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
