package org.claimwatch.claim;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimwatch.claim.ClaimData.SourceData;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * The rules a claim's contents must meet, for create, batch and patch alike. Reports every field at
 * fault (prefixed by {@code claims[i].} in a batch), never just the first.
 */
@Singleton
class ClaimValidator {
  /** The longest name or alias an entity can have (subjects.name, VARCHAR(255)). */
  private static final int MAX_ENTITY_NAME = 255;

  static final int MAX_STATEMENT = 4000;
  private static final Pattern LANGUAGE_SUBTAG = Pattern.compile("[a-zA-Z]{2,3}");

  private final SubjectService subjects;

  ClaimValidator(SubjectService subjects) {
    this.subjects = subjects;
  }

  /** Claims' checked contents, and the source each cites (null where it cites none), in order. */
  record Checked(List<ClaimData> data, List<SourceData> sources) {}

  /** Checks every input; throws one 400 listing all faults, or returns the typed contents. */
  Checked validate(List<ClaimInput> inputs, String listField) {
    List<FieldError> errors = new ArrayList<>();
    Set<Long> knownIds = knownEntityIds(inputs);
    Map<String, Optional<Long>> byName = new HashMap<>();
    Map<String, Integer> refIndex = new HashMap<>();
    List<ClaimData> out = new ArrayList<>(inputs.size());
    List<SourceData> sources = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      String prefix = listField == null ? "" : listField + "[" + i + "].";
      ClaimInput in = inputs.get(i);
      if (in == null) {
        errors.add(new FieldError(listField + "[" + i + "]", "must be a claim object"));
        out.add(null);
        sources.add(null);
        continue;
      }
      Checks c = new Checks(prefix, errors);
      out.add(fields(in, c, entity(in, knownIds, byName, c), sources));
      Integer first = in.externalRef() == null ? null : refIndex.putIfAbsent(in.externalRef(), i);
      if (first != null) {
        c.fail("externalRef", "repeats " + listField + "[" + first + "].externalRef");
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Checked(out, sources);
  }

  /** The ids among the inputs' entityIds that exist, in one query. */
  private Set<Long> knownEntityIds(List<ClaimInput> inputs) {
    Set<Long> ids = new HashSet<>();
    for (ClaimInput in : inputs) {
      if (in != null && in.entityId() != null) {
        ids.add(in.entityId());
      }
    }
    return subjects.names(ids).keySet();
  }

  /**
   * The claim's entity: {@code entityId} must exist; {@code entityName} must resolve (by name or
   * alias) and agree with {@code entityId} when both are given.
   */
  private Long entity(
      ClaimInput in, Set<Long> knownIds, Map<String, Optional<Long>> byName, Checks c) {
    Long entityId = in.entityId();
    if (entityId != null && entityId < 1) {
      c.fail("entityId", "must be the id of an entity");
    } else if (entityId != null && !knownIds.contains(entityId)) {
      c.fail("entityId", "no entity with id " + entityId);
    }
    String name = blankToNull(in.entityName());
    if (name == null) {
      return entityId;
    }
    if (name.length() > MAX_ENTITY_NAME) {
      // no name or alias is longer; nor is the whole of it echoed back
      c.fail(
          "entityName", "at most " + MAX_ENTITY_NAME + " characters (no entity has a longer name)");
      return entityId;
    }
    Optional<Long> resolved =
        byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> subjects.resolve(name));
    if (resolved.isEmpty()) {
      c.fail("entityName", "no entity has the name or alias '" + name + "'");
      return entityId;
    }
    if (entityId != null && !entityId.equals(resolved.get())) {
      c.fail("entityName", "names entity " + resolved.get() + " but entityId is " + entityId);
      return entityId;
    }
    return resolved.get();
  }

  /** Field rules that need no database; the checked source is added to {@code sources}. */
  private ClaimData fields(ClaimInput in, Checks c, Long entityId, List<SourceData> sources) {
    String statement = in.statement() == null ? "" : in.statement().strip();
    if (statement.isEmpty() || statement.length() > MAX_STATEMENT) {
      c.fail("statement", "required, 1 to " + MAX_STATEMENT + " characters");
    }
    String language = language(in.language(), c);
    String claimant = c.maxLength("claimant", blankToNull(in.claimant()), 500);
    String metric = blankToNull(in.metric());
    if (metric != null && !Claim.isMetric(metric)) {
      c.fail("metric", "must be a lower-case key such as capex, revenue, net_income, market_share");
    }
    ClaimedNumber number = number(in, c);
    ClaimPeriod period = period(in, c);
    ClaimKind kind = c.enumValue("kind", in.kind(), ClaimKind.class, ClaimKind.REPORTED);
    LocalDate resolvesOn = c.date("resolvesOn", in.resolvesOn());
    if (resolvesOn != null && kind != null && kind != ClaimKind.FORECAST) {
      c.fail("resolvesOn", "only a FORECAST resolves on a date");
    }
    Instant statedAt = c.instant("statedAt", in.statedAt());
    sources.add(source(in.source(), c));
    int priority = in.priority() == null ? 50 : in.priority();
    if (priority < 0 || priority > 100) {
      c.fail("priority", "must be between 0 and 100");
    }
    if (in.externalRef() != null
        && (in.externalRef().isBlank() || in.externalRef().length() > 200)) {
      c.fail("externalRef", "must be 1 to 200 characters");
    }
    return new ClaimData(
        statement,
        language,
        claimant,
        entityId,
        metric,
        number,
        period,
        kind,
        resolvesOn,
        statedAt,
        priority);
  }

  /** The claimed number: a value with its unit, qualifier and (for a RANGE) upper end. */
  private static ClaimedNumber number(ClaimInput in, Checks c) {
    BigDecimal value = c.decimal("value", in.value());
    BigDecimal valueHigh = c.decimal("valueHigh", in.valueHigh());
    String unit = c.maxLength("unit", blankToNull(in.unit()), 32);
    Qualifier qualifier = c.enumValue("qualifier", in.qualifier(), Qualifier.class, null);
    if (qualifier == null && in.qualifier() == null && value != null) {
      qualifier = Qualifier.EXACT;
    }
    if (value == null && in.value() == null) {
      if (valueHigh != null) {
        c.fail("value", "required when valueHigh is given");
      }
      if (unit != null) {
        c.fail("value", "required when a unit is given");
      }
    }
    if (qualifier == Qualifier.RANGE) {
      if (in.valueHigh() == null) {
        c.fail("valueHigh", "required when qualifier is RANGE");
      } else if (value != null && valueHigh != null && valueHigh.compareTo(value) < 0) {
        c.fail("valueHigh", "must be greater than or equal to value");
      }
    } else if (in.valueHigh() != null && qualifier != null) {
      c.fail("valueHigh", "only a RANGE has a valueHigh; set qualifier to RANGE");
    }
    return ClaimedNumber.of(value, valueHigh, unit, qualifier);
  }

  /** The period the claim speaks of: its days (either may be open) and periodicity. */
  private static ClaimPeriod period(ClaimInput in, Checks c) {
    LocalDate periodStart = c.date("periodStart", in.periodStart());
    LocalDate periodEnd = c.date("periodEnd", in.periodEnd());
    if (periodStart != null && periodEnd != null && periodStart.isAfter(periodEnd)) {
      c.fail("periodEnd", "must be on or after periodStart");
    }
    Periodicity periodicity =
        c.enumValue("periodicity", in.periodicity(), Periodicity.class, Periodicity.NONE);
    return new ClaimPeriod(periodStart, periodEnd, periodicity);
  }

  /** Checked language tags: a batch repeats the same few thousands of times. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> LANGUAGES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String language(String tag, Checks c) {
    String t = blankToNull(tag);
    if (t == null) {
      return null;
    }
    if (t.length() > 35) {
      c.fail("language", "must be a BCP-47 language tag of at most 35 characters, such as de");
      return null;
    }
    String known = LANGUAGES.get(t);
    if (known != null) {
      return known;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(t).build();
      if (LANGUAGE_SUBTAG.matcher(locale.getLanguage()).matches()) {
        if (LANGUAGES.size() < 10_000) {
          LANGUAGES.put(t, locale.toLanguageTag());
        }
        return locale.toLanguageTag();
      }
    } catch (IllformedLocaleException e) {
      // reported below
    }
    c.fail("language", "must be a BCP-47 language tag such as en, de or pt-BR");
    return null;
  }

  private static SourceData source(SourceInput s, Checks c) {
    if (s == null) {
      return null;
    }
    String url = blankToNull(s.url());
    if (url == null) {
      c.fail("source.url", "required when a source is given");
      return null;
    }
    if (!org.claimwatch.system.WebUrls.isWebUrl(url)) {
      c.fail("source.url", "must be an absolute http or https URL of at most 2048 characters");
    }
    return new SourceData(
        url,
        c.maxLength("source.title", blankToNull(s.title()), 1000),
        c.maxLength("source.publisher", blankToNull(s.publisher()), 255),
        c.instant("source.publishedAt", s.publishedAt()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Collects field errors under one prefix and parses the common field types. */
  private record Checks(String prefix, List<FieldError> errors) {
    void fail(String field, String message) {
      errors.add(new FieldError(prefix + field, message));
    }

    String maxLength(String field, String value, int max) {
      if (value != null && value.length() > max) {
        fail(field, "must be at most " + max + " characters");
      }
      return value;
    }

    BigDecimal decimal(String field, String text) {
      if (text == null) {
        return null;
      }
      BigDecimal v = Decimals.parse(text.strip());
      if (v == null) {
        fail(field, Decimals.problem(text));
      }
      return v;
    }

    LocalDate date(String field, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return org.claimwatch.system.Dates.date(text);
      } catch (DateTimeParseException e) {
        fail(field, "must be a date YYYY-MM-DD");
        return null;
      }
    }

    /** A UTC date-time ({@code 2024-07-27T08:00:00Z}) or a date, read as midnight UTC. */
    Instant instant(String field, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String t = text.strip();
      try {
        return org.claimwatch.system.Dates.instant(t);
      } catch (DateTimeParseException e) {
        fail(field, "must be a date YYYY-MM-DD or a date-time such as 2024-07-27T08:00:00Z");
        return null;
      }
    }

    <E extends Enum<E>> E enumValue(String field, String text, Class<E> type, E fallback) {
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
          names.add(constant.name());
        }
        fail(field, "must be one of " + String.join(", ", names));
        return fallback;
      }
    }
  }
}
