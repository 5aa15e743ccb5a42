package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.claimwatch.claim.Decimals;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * Body of {@code POST /api/v1/reports}: figures that are not an SEC filing (a press release, a
 * private company's numbers). Values are decimal strings; {@code filedAt} is the date published.
 */
@Serdeable
public record ReportInput(
    @Nullable Long entityId,
    @Nullable String title,
    @Nullable String form,
    @Nullable String url,
    @Nullable String filedAt,
    @Nullable List<FactInput> facts) {

  private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  @Serdeable
  public record FactInput(
      @Nullable String metric,
      @Nullable String value,
      @Nullable String unit,
      @Nullable String periodStart,
      @Nullable String periodEnd) {}

  record CheckedFact(
      String metric, BigDecimal value, String unit, LocalDate periodStart, LocalDate periodEnd) {}

  record Checked(
      long entityId,
      String title,
      String form,
      String url,
      LocalDate filedOn,
      List<CheckedFact> facts) {}

  /** Every rule at once; a 400 listing each field at fault. */
  Checked check(LongPredicate entityExists) {
    List<FieldError> errors = new ArrayList<>();
    if (entityId == null || !entityExists.test(entityId)) {
      errors.add(new FieldError("entityId", "required: the id of an existing entity"));
    }
    if (title == null || title.isBlank() || title.length() > 500) {
      errors.add(new FieldError("title", "required, 1 to 500 characters"));
    }
    String f = form == null || form.isBlank() ? "press release" : form.strip();
    if (f.length() > 32) {
      errors.add(new FieldError("form", "at most 32 characters"));
    }
    if (url != null && !org.claimwatch.system.WebUrls.isWebUrl(url)) {
      errors.add(
          new FieldError(
              "url", "must be an absolute http or https URL of at most 2048 characters"));
    }
    LocalDate filed = date(filedAt, "filedAt", true, errors);
    List<CheckedFact> out = new ArrayList<>();
    if (facts == null || facts.isEmpty() || facts.size() > 10_000) {
      errors.add(new FieldError("facts", "required: 1 to 10,000 facts"));
    } else {
      for (int i = 0; i < facts.size(); i++) {
        FactInput in = facts.get(i);
        String p = "facts[" + i + "].";
        if (in == null) {
          errors.add(new FieldError("facts[" + i + "]", "must be an object"));
          continue;
        }
        int before = errors.size();
        if (in.metric() == null || !METRIC.matcher(in.metric()).matches()) {
          errors.add(new FieldError(p + "metric", "must be a lower-case key such as net_income"));
        }
        BigDecimal v = in.value() == null ? null : Decimals.parse(in.value().strip());
        if (v == null) {
          errors.add(
              new FieldError(
                  p + "value", in.value() == null ? "required" : Decimals.problem(in.value())));
        }
        if (in.unit() == null || in.unit().isBlank() || in.unit().length() > 32) {
          errors.add(new FieldError(p + "unit", "required: USD, %, or what is counted"));
        }
        LocalDate start = date(in.periodStart(), p + "periodStart", false, errors);
        LocalDate end = date(in.periodEnd(), p + "periodEnd", true, errors);
        if (start != null && end != null && start.isAfter(end)) {
          errors.add(new FieldError(p + "periodEnd", "must be on or after periodStart"));
        }
        if (errors.size() == before) {
          out.add(new CheckedFact(in.metric(), v, in.unit().strip(), start, end));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Checked(entityId, title.strip(), f, url, filed, out);
  }

  private static LocalDate date(
      String text, String field, boolean required, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "required: a date YYYY-MM-DD"));
      }
      return null;
    }
    try {
      return org.claimwatch.system.Dates.date(
          text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}
