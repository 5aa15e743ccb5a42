package org.claimwatch.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A claim's check: the claim beside every reported figure of its own period that the system holds,
 * whatever its filing date. {@code outcome} is CONTRADICTS if any figure is outside the claim, else
 * INCONCLUSIVE if one cannot be compared (another unit), else SUPPORTS; {@code reportedValue} and
 * {@code deviationPct} are those of the figure that decides ({@code decides}). {@code asOf}: when
 * it was last computed.
 */
@Serdeable
public record CheckView(
    String outcome,
    @Nullable String reportedValue,
    @Nullable String deviationPct,
    String explanation,
    String asOf,
    List<Figure> figures) {

  /** One judged figure; {@code factId} is what a verdict cites as evidence. */
  @Serdeable
  public record Figure(
      long factId,
      long reportId,
      String periodStart,
      String periodEnd,
      String periodType,
      String label,
      String value,
      String unit,
      String kind,
      @Nullable String derivation,
      String form,
      String filedOn,
      String outcome,
      @Nullable String deviationPct,
      boolean decides) {}
}
