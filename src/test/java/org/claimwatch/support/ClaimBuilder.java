package org.claimwatch.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.claimwatch.claim.ClaimInput;
import org.claimwatch.claim.SourceInput;

/**
 * A claim for a test to post, saying only what the test is about:
 *
 * <pre>{@code
 * ClaimBuilder.about(alphabet)
 *     .metric("capex").value("12000000000").approx()
 *     .perQuarter("2024-04-01", "2024-06-30")
 *     .statedAt("2024-07-27")
 * }</pre>
 *
 * <p>{@link #about} starts a claim about a number of the entity with defaults the test need not
 * think about: metric revenue, value 100 USD, exact, one period (periodicity NONE) unless given, a
 * unique statement naming the metric, and nothing else (no kind, date, priority or source: the
 * service's own defaults). {@link #saying} starts a bare claim: the statement and nothing else.
 * Build it as the service's {@link ClaimInput} ({@link #build}) for the typed client, or as a
 * mutable map ({@link #toMap}) for tests that send it untyped or add odd fields.
 */
public final class ClaimBuilder {
  private String externalRef;
  private String statement;
  private String language;
  private String claimant;
  private Long entityId;
  private String entityName;
  private String metric;
  private String value;
  private String valueHigh;
  private String unit;
  private String qualifier;
  private String periodStart;
  private String periodEnd;
  private String periodicity;
  private String kind;
  private String resolvesOn;
  private String statedAt;
  private SourceInput source;
  private Integer priority;
  private Long duplicateOf;

  private ClaimBuilder() {}

  /** A claim about a number of the entity: revenue, 100 USD, exact, no period yet. */
  public static ClaimBuilder about(long entityId) {
    ClaimBuilder c = new ClaimBuilder();
    c.entityId = entityId;
    c.metric = "revenue";
    c.value = "100";
    c.unit = "USD";
    c.qualifier = "EXACT";
    c.periodicity = "NONE";
    return c;
  }

  /** A bare claim: this statement, nothing else. */
  public static ClaimBuilder saying(String statement) {
    ClaimBuilder c = new ClaimBuilder();
    c.statement = statement;
    return c;
  }

  /** An independent copy, to vary one claim into another. */
  public ClaimBuilder copy() {
    ClaimBuilder c = new ClaimBuilder();
    c.externalRef = externalRef;
    c.statement = statement;
    c.language = language;
    c.claimant = claimant;
    c.entityId = entityId;
    c.entityName = entityName;
    c.metric = metric;
    c.value = value;
    c.valueHigh = valueHigh;
    c.unit = unit;
    c.qualifier = qualifier;
    c.periodStart = periodStart;
    c.periodEnd = periodEnd;
    c.periodicity = periodicity;
    c.kind = kind;
    c.resolvesOn = resolvesOn;
    c.statedAt = statedAt;
    c.source = source;
    c.priority = priority;
    c.duplicateOf = duplicateOf;
    return c;
  }

  public ClaimBuilder statement(String statement) {
    this.statement = statement;
    return this;
  }

  public ClaimBuilder externalRef(String externalRef) {
    this.externalRef = externalRef;
    return this;
  }

  public ClaimBuilder language(String language) {
    this.language = language;
    return this;
  }

  public ClaimBuilder claimant(String claimant) {
    this.claimant = claimant;
    return this;
  }

  public ClaimBuilder entityId(Long entityId) {
    this.entityId = entityId;
    return this;
  }

  /** Names the entity by name or alias instead of its id. */
  public ClaimBuilder entityName(String entityName) {
    this.entityName = entityName;
    return this;
  }

  public ClaimBuilder metric(String metric) {
    this.metric = metric;
    return this;
  }

  public ClaimBuilder value(String value) {
    this.value = value;
    return this;
  }

  public ClaimBuilder valueHigh(String valueHigh) {
    this.valueHigh = valueHigh;
    return this;
  }

  public ClaimBuilder unit(String unit) {
    this.unit = unit;
    return this;
  }

  /** EXACT, APPROX, AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN or RANGE (or anything, to refuse). */
  public ClaimBuilder qualifier(String qualifier) {
    this.qualifier = qualifier;
    return this;
  }

  public ClaimBuilder approx() {
    return qualifier("APPROX");
  }

  public ClaimBuilder atLeast() {
    return qualifier("AT_LEAST");
  }

  public ClaimBuilder moreThan() {
    return qualifier("MORE_THAN");
  }

  /** Between {@code low} and {@code high}. */
  public ClaimBuilder range(String low, String high) {
    return qualifier("RANGE").value(low).valueHigh(high);
  }

  /** One period, start to end (periodicity NONE): "revenue in Q1 2024 was ...". */
  public ClaimBuilder period(String start, String end) {
    return periodicity("NONE").periodStart(start).periodEnd(end);
  }

  /** A rate per quarter over start..end (either may be null): "capex of $2B a quarter". */
  public ClaimBuilder perQuarter(String start, String end) {
    return periodicity("PER_QUARTER").periodStart(start).periodEnd(end);
  }

  /** A rate per quarter from {@code start}, with no end. */
  public ClaimBuilder perQuarterSince(String start) {
    return perQuarter(start, null);
  }

  /** A rate per year over start..end (either may be null). */
  public ClaimBuilder perYear(String start, String end) {
    return periodicity("PER_YEAR").periodStart(start).periodEnd(end);
  }

  public ClaimBuilder periodicity(String periodicity) {
    this.periodicity = periodicity;
    return this;
  }

  public ClaimBuilder periodStart(String periodStart) {
    this.periodStart = periodStart;
    return this;
  }

  public ClaimBuilder periodEnd(String periodEnd) {
    this.periodEnd = periodEnd;
    return this;
  }

  /** A forecast, resolving on that date. */
  public ClaimBuilder forecast(String resolvesOn) {
    return kind("FORECAST").resolvesOn(resolvesOn);
  }

  public ClaimBuilder kind(String kind) {
    this.kind = kind;
    return this;
  }

  public ClaimBuilder resolvesOn(String resolvesOn) {
    this.resolvesOn = resolvesOn;
    return this;
  }

  /** When it was said: a date or a UTC date-time. */
  public ClaimBuilder statedAt(String statedAt) {
    this.statedAt = statedAt;
    return this;
  }

  public ClaimBuilder source(String url, String title, String publisher, String publishedAt) {
    this.source = new SourceInput(url, title, publisher, publishedAt);
    return this;
  }

  public ClaimBuilder source(String url) {
    return source(url, null, null, null);
  }

  public ClaimBuilder priority(Integer priority) {
    this.priority = priority;
    return this;
  }

  /** Linked, as it is created, to the stored claim it repeats. */
  public ClaimBuilder duplicateOf(Long original) {
    this.duplicateOf = original;
    return this;
  }

  /** The statement as it will be sent (made up now if the test gave none). */
  public String statement() {
    if (statement == null) {
      statement = metric + " claim " + UUID.randomUUID().toString().substring(0, 8);
    }
    return statement;
  }

  /** The claim as the service's request record. */
  public ClaimInput build() {
    return new ClaimInput(
        externalRef,
        statement(),
        language,
        claimant,
        entityId,
        entityName,
        metric,
        value,
        valueHigh,
        unit,
        qualifier,
        periodStart,
        periodEnd,
        periodicity,
        kind,
        resolvesOn,
        statedAt,
        source,
        priority,
        duplicateOf);
  }

  /** The claim as a mutable JSON map, with only the fields set. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new HashMap<>();
    put(m, "externalRef", externalRef);
    put(m, "statement", statement());
    put(m, "language", language);
    put(m, "claimant", claimant);
    put(m, "entityId", entityId);
    put(m, "entityName", entityName);
    put(m, "metric", metric);
    put(m, "value", value);
    put(m, "valueHigh", valueHigh);
    put(m, "unit", unit);
    put(m, "qualifier", qualifier);
    put(m, "periodStart", periodStart);
    put(m, "periodEnd", periodEnd);
    put(m, "periodicity", periodicity);
    put(m, "kind", kind);
    put(m, "resolvesOn", resolvesOn);
    put(m, "statedAt", statedAt);
    if (source != null) {
      Map<String, Object> s = new HashMap<>();
      put(s, "url", source.url());
      put(s, "title", source.title());
      put(s, "publisher", source.publisher());
      put(s, "publishedAt", source.publishedAt());
      m.put("source", s);
    }
    put(m, "priority", priority);
    put(m, "duplicateOf", duplicateOf);
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
