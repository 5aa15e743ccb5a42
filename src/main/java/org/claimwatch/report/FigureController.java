package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.claimwatch.auth.Role;
import org.claimwatch.system.ProblemException;

@Controller("/api/v1/entities/{id}/facts")
@Secured(Role.R_VIEWER)
class FigureController {
  private final ReportService service;

  FigureController(ReportService service) {
    this.service = service;
  }

  /**
   * The entity's figures, reported and derived (quarters from year-to-date spans, trailing twelve
   * months), each saying how it was obtained and which filing it rests on.
   */
  @Get
  List<FigureView> facts(
      long id,
      @Nullable @QueryValue String metric,
      @Nullable @QueryValue String periodStart,
      @Nullable @QueryValue String periodEnd) {
    return service.figures(
        id, metric, date("periodStart", periodStart), date("periodEnd", periodEnd));
  }

  private static LocalDate date(String field, String text) {
    try {
      return text == null || text.isBlank() ? null : org.claimwatch.system.Dates.date(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD");
    }
  }
}
