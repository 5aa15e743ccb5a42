package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimwatch.system.Numbers;

/**
 * The checked, typed contents of a claim: what a create sets and a patch changes, and what a {@link
 * Claim} holds. The source a create or patch names ({@link SourceData}) is checked alongside but
 * stored apart, in a row of sources the claim refers to by id.
 */
public record ClaimData(
    String statement,
    @Nullable String language,
    @Nullable String claimant,
    @Nullable Long entityId,
    @Nullable String metric,
    ClaimedNumber number,
    ClaimPeriod period,
    ClaimKind kind,
    @Nullable LocalDate resolvesOn,
    @Nullable Instant statedAt,
    int priority) {

  /** What a claim cites, as a create or patch gives it. */
  record SourceData(
      String url,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable Instant publishedAt) {}

  /**
   * The fields, with the source the claim cites, under their API names, as the text the API shows;
   * the base of history diffs.
   */
  Map<String, Object> snapshot(@Nullable SourceData source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statement", statement);
    m.put("language", language);
    m.put("claimant", claimant);
    m.put("entityId", entityId);
    m.put("metric", metric);
    m.put("value", Numbers.plain(number.value()));
    m.put("valueHigh", Numbers.plain(number.valueHigh()));
    m.put("unit", number.unit());
    m.put("qualifier", number.qualifier() == null ? null : number.qualifier().name());
    m.put("periodStart", period.start() == null ? null : period.start().toString());
    m.put("periodEnd", period.end() == null ? null : period.end().toString());
    m.put("periodicity", period.periodicity().name());
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
