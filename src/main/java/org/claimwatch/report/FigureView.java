package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A figure as {@code GET /api/v1/entities/{id}/facts} shows it; {@code id} is what a verdict cites
 * as {@code figureId}.
 */
@Serdeable
public record FigureView(
    long id,
    String metric,
    String unit,
    String periodStart,
    String periodEnd,
    String periodType,
    @Nullable Integer fiscalYear,
    @Nullable String fiscalPeriod,
    String value,
    String kind,
    String derivation,
    String concept,
    Source report,
    boolean restated) {

  @Serdeable
  public record Source(long id, String form, String filedOn, @Nullable String accessionNumber) {}
}
