package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The best value of a metric for one period: reported as is, or derived from reported facts ({@code
 * derivation} says how). {@code reportId}, {@code form} and {@code filed} name the newest filing it
 * rests on. {@code restated}: that filing changed a value an earlier one gave. {@code firstFiled}:
 * when a value for the period was first reported at all (for a derived figure, when the last of its
 * parts was), which a restatement does not move.
 */
public record Figure(
    String metric,
    String unit,
    LocalDate start,
    LocalDate end,
    PeriodType type,
    @Nullable Integer fiscalYear,
    @Nullable String fiscalPeriod,
    BigDecimal value,
    boolean derived,
    @Nullable String derivation,
    String concept,
    long reportId,
    String form,
    LocalDate filed,
    boolean restated,
    LocalDate firstFiled) {

  /** The same figure with its place in the company's fiscal calendar. */
  Figure inFiscal(Integer year, String period) {
    return new Figure(
        metric,
        unit,
        start,
        end,
        type,
        year,
        period,
        value,
        derived,
        derivation,
        concept,
        reportId,
        form,
        filed,
        restated,
        firstFiled);
  }
}
