package org.claimwatch.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * One piece of evidence a verdict rests on (table {@code verdict_evidence}); {@code factId} is a
 * fact as {@code GET /api/v1/entities/{id}/facts} lists it.
 */
@MappedEntity("verdict_evidence")
public record Evidence(
    @Id @GeneratedValue @Nullable Long id,
    long verdictId,
    int position,
    Kind kind,
    @Nullable Long factId,
    @Nullable Long reportId,
    @Nullable String url,
    String note,
    @Nullable String label,
    @Nullable LocalDate filedOn) {

  /** This item as evidence of the verdict {@code id}. */
  Evidence of(long verdict) {
    return new Evidence(id, verdict, position, kind, factId, reportId, url, note, label, filedOn);
  }

  public enum Kind {
    FACT,
    REPORT,
    URL
  }
}
