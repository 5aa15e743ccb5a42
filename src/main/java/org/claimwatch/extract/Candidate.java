package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.claimwatch.system.Hashing;

/**
 * A number found in the text that could be a claim: where it stands ({@code start}, {@code end},
 * {@code quote} = the text between them, and its sentence) and what it says, with the same field
 * names and value rules as a claim (values are decimal strings), and the stored claims that say the
 * same thing in numbers.
 */
@Serdeable
public record Candidate(
    int start,
    int end,
    String quote,
    String sentence,
    String value,
    @Nullable String valueHigh,
    @Nullable String unit,
    @Nullable String qualifier,
    @Nullable Long entityId,
    @Nullable String entityName,
    @Nullable String metric,
    @Nullable String periodStart,
    @Nullable String periodEnd,
    String periodicity,
    String kind,
    @Nullable String resolvesOn,
    List<Duplicate> duplicates) {

  /**
   * The externalRef a candidate is saved under: the article (its source URL and text) and the
   * candidate's place in it, so the same text from the same source saves each claim once.
   */
  public static String externalRef(String sourceUrl, String text, String place) {
    String article =
        Hashing.sha256Hex((sourceUrl == null ? "" : sourceUrl.strip()) + "\n" + text)
            .substring(0, 24);
    return "text:" + article + ":" + place;
  }

  /** This candidate in {@code unit}. */
  Candidate withUnit(String unit) {
    return with(unit, metric, periodStart, periodEnd, duplicates);
  }

  /** This candidate with {@code metric}. */
  Candidate withMetric(String metric) {
    return with(unit, metric, periodStart, periodEnd, duplicates);
  }

  /** This candidate with the stored claims it duplicates. */
  Candidate withDuplicates(List<Duplicate> found) {
    return with(unit, metric, periodStart, periodEnd, found);
  }

  /** This candidate of the period from {@code from} to {@code to}. */
  Candidate withPeriod(String from, String to) {
    return with(unit, metric, from, to, duplicates);
  }

  private Candidate with(
      String unit, String metric, String from, String to, List<Duplicate> duplicates) {
    return new Candidate(
        start,
        end,
        quote,
        sentence,
        value,
        valueHigh,
        unit,
        qualifier,
        entityId,
        entityName,
        metric,
        from,
        to,
        periodicity,
        kind,
        resolvesOn,
        duplicates);
  }
}
