package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimwatch.system.Numbers;

/** The checked, typed contents of a claim: what a create sets and a patch changes. */
record ClaimData(
    String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String metric,
    @Nullable BigDecimal value,
    @Nullable BigDecimal valueHigh,
    @Nullable String unit,
    @Nullable Qualifier qualifier,
    @Nullable LocalDate periodStart,
    @Nullable LocalDate periodEnd,
    Periodicity periodicity,
    ClaimKind kind,
    @Nullable LocalDate resolvesOn,
    @Nullable Instant statedAt,
    @Nullable SourceData source,
    int priority) {

  record SourceData(
      String url,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable Instant publishedAt) {}

  static ClaimData of(Claim c, @Nullable SourceData source) {
    return new ClaimData(
        c.statement(),
        c.language(),
        c.claimant(),
        c.entityId(),
        c.metric(),
        c.value(),
        c.valueHigh(),
        c.unit(),
        c.qualifier(),
        c.periodStart(),
        c.periodEnd(),
        c.periodicity(),
        c.kind(),
        c.resolvesOn(),
        c.statedAt(),
        source,
        c.priority());
  }

  /** The fields under their API names, as the text the API shows; the base of history diffs. */
  Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statement", statement);
    m.put("language", language);
    m.put("claimant", claimant);
    m.put("entityId", entityId);
    m.put("metric", metric);
    m.put("value", Numbers.plain(value));
    m.put("valueHigh", Numbers.plain(valueHigh));
    m.put("unit", unit);
    m.put("qualifier", qualifier == null ? null : qualifier.name());
    m.put("periodStart", periodStart == null ? null : periodStart.toString());
    m.put("periodEnd", periodEnd == null ? null : periodEnd.toString());
    m.put("periodicity", periodicity.name());
    m.put("kind", kind.name());
    m.put("resolvesOn", resolvesOn == null ? null : resolvesOn.toString());
    m.put("statedAt", statedAt == null ? null : statedAt.toString());
    m.put("source.url", source == null ? null : source.url());
    m.put("source.title", source == null ? null : source.title());
    m.put("source.publisher", source == null ? null : source.publisher());
    m.put(
        "source.publishedAt",
        source == null || source.publishedAt() == null ? null : source.publishedAt().toString());
    m.put("priority", priority);
    return m;
  }
}
