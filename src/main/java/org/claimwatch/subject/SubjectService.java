package org.claimwatch.subject;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.ETags;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.JsonPatch;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Sql;

/** Entities (the subjects of claims), their aliases and identifiers. */
@Singleton
public class SubjectService {
  private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,15}");
  private static final long MAX_CIK = 9_999_999_999L;
  private static final Set<String> PATCHABLE =
      Set.of("name", "kind", "aliases", "secCik", "ticker", "fiscalYearEnd");

  private final SubjectRepository subjects;
  private final SubjectAliasRepository aliases;
  private final Clock clock;

  SubjectService(SubjectRepository subjects, SubjectAliasRepository aliases, Clock clock) {
    this.subjects = subjects;
    this.aliases = aliases;
    this.clock = clock;
  }

  @Transactional
  public EntityView create(EntityCreate in) {
    List<FieldError> errors = new ArrayList<>();
    String name = name(in.name(), errors);
    SubjectKind kind = kind(in.kind(), errors);
    List<String> aliasList = aliases(in.aliases(), errors);
    Long cik = cik(in.secCik(), errors);
    String ticker = ticker(in.ticker(), errors);
    String yearEnd = fiscalYearEnd(in.fiscalYearEnd(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    Instant now = clock.instant();
    checkUnique(null, name, cik, aliasList);
    try {
      Subject saved =
          subjects.save(new Subject(null, name, kind, cik, ticker, yearEnd, null, now, now));
      saveAliases(saved.id(), aliasList);
      // Re-read: Micronaut Data sets the initial @Version itself and the record does not show it.
      return view(find(saved.id()), aliasList);
    } catch (DataAccessException e) {
      throw conflictOrRethrow(e);
    }
  }

  @Transactional
  public EntityView get(long id) {
    Subject s = find(id);
    return view(s, aliasesOf(List.of(id)).getOrDefault(id, List.of()));
  }

  @Transactional
  public Page<EntityView> list(String q, String cursor, Integer limit) {
    int n = Cursors.limit(limit);
    String prefix = q == null || q.isBlank() ? null : Sql.likeLiteral(q.strip()) + "%";
    List<Subject> rows = subjects.page(Cursors.decode(cursor), prefix, n + 1);
    return Cursors.page(rows, n, Subject::id, this::views);
  }

  /**
   * Applies a JSON merge patch at the version If-Match names (428 without it, 412 when the entity
   * moved on): an entity's name and aliases decide which claims match it.
   */
  @Transactional
  public EntityView patch(long id, JsonNode body, String ifMatch) {
    int expected = ETags.requireVersion(ifMatch);
    Subject s = find(id);
    if (expected != s.version()) {
      throw ProblemException.staleVersion(
          "Entity " + id + " is at version " + s.version() + "; reload it and try again");
    }
    JsonPatch patch = JsonPatch.of(body, PATCHABLE);
    List<FieldError> errors = new ArrayList<>();
    String name = patch.has("name") ? name(patch.text("name"), errors) : s.name();
    SubjectKind kind = patch.has("kind") ? kind(patch.text("kind"), errors) : s.kind();
    Long cik = patch.has("secCik") ? cik(patch.longValue("secCik"), errors) : s.secCik();
    String ticker = patch.has("ticker") ? ticker(patch.text("ticker"), errors) : s.ticker();
    String yearEnd =
        patch.has("fiscalYearEnd")
            ? fiscalYearEnd(patch.text("fiscalYearEnd"), errors)
            : s.fiscalYearEnd();
    List<String> newAliases =
        patch.has("aliases") ? aliases(patch.strings("aliases"), errors) : null;
    errors.addAll(0, patch.errors());
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    checkUnique(id, name, cik, newAliases == null ? List.of() : newAliases);
    try {
      subjects.update(
          new Subject(
              id, name, kind, cik, ticker, yearEnd, s.version(), s.createdAt(), clock.instant()));
      if (newAliases != null) {
        aliases.deleteBySubjectId(id);
        saveAliases(id, newAliases);
      }
      return get(id);
    } catch (DataAccessException e) {
      throw conflictOrRethrow(e);
    }
  }

  /**
   * The entity with this SEC CIK; an unknown CIK creates a COMPANY named {@code name} ("name (CIK
   * n)" if the name is taken). An uploaded CIK is never given to an existing entity because the
   * names match: an editor links a CIK to an entity by setting its {@code secCik}.
   */
  @Transactional
  public long ensureByCik(long cik, String name) {
    Optional<Subject> byCik = subjects.findBySecCik(cik);
    if (byCik.isPresent()) {
      return byCik.get().id();
    }
    String unique = subjects.findByName(name).isPresent() ? name + " (CIK " + cik + ")" : name;
    Instant now = clock.instant();
    return subjects
        .save(new Subject(null, unique, SubjectKind.COMPANY, cik, null, null, null, now, now))
        .id();
  }

  /** True when an entity with this id exists. */
  @Transactional
  public boolean exists(long id) {
    return subjects.existsById(id);
  }

  /** The id of the entity with this name or alias (case-insensitive), if any. */
  @Transactional
  public Optional<Long> resolve(String nameOrAlias) {
    String n = nameOrAlias.strip();
    return subjects
        .findByName(n)
        .map(Subject::id)
        .or(() -> aliases.findByAlias(n).map(SubjectAlias::subjectId));
  }

  /**
   * Every entity's name and aliases, each with its entity's id and display name: what a text can
   * call an entity (claims from text look names up in it).
   */
  @Transactional
  public List<NamedEntity> everyName() {
    Map<Long, Subject> byId = new java.util.HashMap<>();
    List<NamedEntity> out = new java.util.ArrayList<>();
    for (Subject s : subjects.findAll()) {
      byId.put(s.id(), s);
      out.add(new NamedEntity(s.name(), s.id(), s.name(), s.kind()));
    }
    for (SubjectAlias a : aliases.findAll()) {
      Subject s = byId.get(a.subjectId());
      if (s != null) {
        out.add(new NamedEntity(a.alias(), a.subjectId(), s.name(), s.kind()));
      }
    }
    return out;
  }

  /** Changes whenever {@link #everyName} may answer differently (one cheap query). */
  @Transactional
  public String namesVersion() {
    return subjects.namesVersion();
  }

  /**
   * A name or alias {@code said} of entity {@code id} (display name {@code name}, of {@code kind}).
   */
  public record NamedEntity(String said, long id, String name, SubjectKind kind) {}

  /** Display names of these entities, by id (absent ids are missing from the map). */
  @Transactional
  public Map<Long, String> names(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return subjects.findByIdIn(ids).stream().collect(Collectors.toMap(Subject::id, Subject::name));
  }

  private Subject find(long id) {
    return subjects.findById(id).orElseThrow(() -> ProblemException.notFound("No entity " + id));
  }

  private void checkUnique(Long self, String name, Long cik, List<String> aliasList) {
    refuseOther(
        subjects.findByName(name),
        self,
        o -> "An entity named '" + o.name() + "' already exists (id " + o.id() + ")");
    if (cik != null) {
      refuseOther(
          subjects.findBySecCik(cik),
          self,
          o -> "SEC CIK " + cik + " already belongs to '" + o.name() + "' (id " + o.id() + ")");
    }
    if (!aliasList.isEmpty()) {
      for (SubjectAlias a : aliases.findByAliasIn(aliasList)) {
        if (self == null || a.subjectId() != self) {
          throw ProblemException.conflict(
              "Alias '" + a.alias() + "' already belongs to entity " + a.subjectId());
        }
      }
    }
  }

  /** A 409 with {@code message} when {@code found} is an entity other than {@code self}. */
  private static void refuseOther(
      Optional<Subject> found, Long self, Function<Subject, String> message) {
    found
        .filter(o -> !o.id().equals(self))
        .ifPresent(
            o -> {
              throw ProblemException.conflict(message.apply(o));
            });
  }

  private RuntimeException conflictOrRethrow(DataAccessException e) {
    // A concurrent request took the same name, CIK or alias between our check and our insert.
    return Sql.isDuplicateKey(e)
        ? ProblemException.conflict("An entity with this name, SEC CIK or alias already exists")
        : e;
  }

  private void saveAliases(long subjectId, List<String> aliasList) {
    if (!aliasList.isEmpty()) {
      aliases.saveAll(aliasList.stream().map(a -> new SubjectAlias(null, subjectId, a)).toList());
    }
  }

  private Map<Long, List<String>> aliasesOf(Collection<Long> ids) {
    Map<Long, List<String>> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      for (SubjectAlias a : aliases.findBySubjectIdInOrderById(ids)) {
        byId.computeIfAbsent(a.subjectId(), k -> new ArrayList<>()).add(a.alias());
      }
    }
    return byId;
  }

  private List<EntityView> views(List<Subject> rows) {
    Map<Long, List<String>> byId = aliasesOf(rows.stream().map(Subject::id).toList());
    return rows.stream().map(s -> view(s, byId.getOrDefault(s.id(), List.of()))).toList();
  }

  private static EntityView view(Subject s, List<String> aliasList) {
    return new EntityView(
        s.id(),
        s.name(),
        s.kind(),
        aliasList,
        s.secCik(),
        s.ticker(),
        s.fiscalYearEnd(),
        s.version(),
        s.createdAt(),
        s.updatedAt());
  }

  private static String name(String name, List<FieldError> errors) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 255) {
      errors.add(new FieldError("name", "required, 1 to 255 characters"));
    }
    return n;
  }

  private static SubjectKind kind(String kind, List<FieldError> errors) {
    try {
      if (kind != null) {
        return SubjectKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(
        new FieldError("kind", "required: one of COMPANY, ORGANIZATION, PERSON, MARKET, OTHER"));
    return null;
  }

  private static List<String> aliases(List<String> in, List<FieldError> errors) {
    if (in == null) {
      return List.of();
    }
    Map<String, String> unique = new LinkedHashMap<>();
    for (int i = 0; i < in.size(); i++) {
      String a = in.get(i) == null ? "" : in.get(i).strip();
      if (a.isEmpty() || a.length() > 255) {
        errors.add(new FieldError("aliases[" + i + "]", "must be 1 to 255 characters"));
      } else if (unique.putIfAbsent(a.toLowerCase(Locale.ROOT), a) != null) {
        errors.add(new FieldError("aliases[" + i + "]", "repeats an earlier alias"));
      }
    }
    return new ArrayList<>(unique.values());
  }

  private static Long cik(Long cik, List<FieldError> errors) {
    if (cik != null && (cik < 1 || cik > MAX_CIK)) {
      errors.add(new FieldError("secCik", "must be an SEC CIK: 1 to 10 digits"));
    }
    return cik;
  }

  /** "09-30": the day a fiscal year ends (null or blank: the calendar year's). */
  private static String fiscalYearEnd(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.matches("\\d{2}-\\d{2}")) {
        return MonthDay.parse("--" + t).toString().substring(2);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(
        new FieldError("fiscalYearEnd", "must be the day the fiscal year ends, MM-DD (09-30)"));
    return null;
  }

  /** The day the entity's fiscal year ends, if it was told; empty for an unknown entity too. */
  public Optional<MonthDay> fiscalYearEnd(long id) {
    return subjects.findById(id).map(Subject::fiscalYearEnd).map(t -> MonthDay.parse("--" + t));
  }

  private static String ticker(String ticker, List<FieldError> errors) {
    if (ticker == null || ticker.isBlank()) {
      return null;
    }
    String t = ticker.strip().toUpperCase(Locale.ROOT);
    if (!TICKER.matcher(t).matches()) {
      errors.add(new FieldError("ticker", "must be 1 to 16 letters, digits, '.' or '-'"));
    }
    return t;
  }
}
