package org.claimwatch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * Reads an SEC EDGAR XBRL companyfacts document ({@code {cik, entityName, facts: {taxonomy:
 * {Concept: {units: {UNIT: [{start?, end, val, accn, fy, fp, form, filed, frame?}]}}}}}}) with a
 * streaming parser: the document is never held as a tree, only the compact facts it holds.
 *
 * <p>A document that is not JSON is a 400; one that is JSON but not companyfacts (a missing cik, a
 * date or value that does not parse) is a 422 naming the place, e.g. {@code
 * facts.us-gaap.Revenues.units.USD[12].end}.
 */
public final class SecCompanyFacts {
  /** The parser leaves the stream open: a refused document's rest is read off by the caller. */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private static final Pattern ACCESSION = Pattern.compile("\\d{10}-\\d{2}-\\d{6}");
  private static final int MAX_INTEGER_DIGITS = 32;

  private SecCompanyFacts() {}

  /** One fact as the document states it. */
  public record SecFact(
      String concept,
      String unit,
      @Nullable LocalDate start,
      LocalDate end,
      BigDecimal value,
      String accession,
      @Nullable Integer fiscalYear,
      @Nullable String fiscalPeriod,
      String form,
      LocalDate filed,
      @Nullable String frame) {}

  public record Document(long cik, String entityName, List<SecFact> facts) {}

  public static Document read(InputStream in) {
    try (JsonParser p = JSON.createParser(in)) {
      return new Reader(p).document();
    } catch (JsonParseException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          "The document is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")",
          List.of());
    } catch (IOException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          "The document ended early or could not be read: " + e.getMessage(),
          List.of());
    }
  }

  private static final class Reader {
    private final JsonParser p;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<SecFact> facts = new ArrayList<>();
    private Long cik;
    private String entityName;

    Reader(JsonParser p) {
      this.p = p;
    }

    Document document() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("body", "must be a companyfacts JSON object");
      }
      boolean sawFacts = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "cik" -> cik = cik(t);
          case "entityName" ->
              entityName = t == JsonToken.VALUE_STRING ? p.getText().strip() : null;
          case "facts" -> {
            sawFacts = true;
            taxonomies(t);
          }
          default -> p.skipChildren();
        }
      }
      if (cik == null) {
        errors.add(0, new FieldError("cik", "required: the company's SEC CIK, a number"));
      }
      if (entityName == null || entityName.isEmpty()) {
        errors.add(new FieldError("entityName", "required: the company's name"));
      } else if (entityName.length() > 200) {
        // 255 in the database, less room for " (CIK n)" when the name is taken
        errors.add(new FieldError("entityName", "at most 200 characters"));
      }
      if (!sawFacts) {
        errors.add(new FieldError("facts", "required: the facts by taxonomy and concept"));
      }
      if (!errors.isEmpty()) {
        throw new ProblemException(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "invalid-companyfacts",
            "Not a valid companyfacts document",
            errors.size() == 1
                ? shorten(errors.get(0).field()) + ": " + errors.get(0).message()
                : errors.size() + " places are invalid; see errors (the first 50 are listed).",
            shown(errors));
      }
      return new Document(cik, entityName, facts);
    }

    private Long cik(JsonToken t) throws IOException {
      try {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
          return Long.parseLong(p.getText().strip().replaceFirst("^CIK", ""));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      p.skipChildren();
      errors.add(new FieldError("cik", "must be a number such as 320193"));
      return null;
    }

    private void taxonomies(JsonToken t) throws IOException {
      expectObject(t, "facts");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String taxonomy = p.currentName();
        expectObject(p.nextToken(), "facts." + taxonomy);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String concept = p.currentName();
          concept(taxonomy + ":" + concept, "facts." + taxonomy + "." + concept);
        }
      }
    }

    private void concept(String concept, String path) throws IOException {
      expectObject(p.nextToken(), path);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (!name.equals("units")) {
          p.skipChildren();
          continue;
        }
        expectObject(t, path + ".units");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String unit = p.currentName();
          String unitPath = path + ".units." + unit;
          if (p.nextToken() != JsonToken.START_ARRAY) {
            throw invalid(unitPath, "must be an array of facts");
          }
          int i = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            fact(concept, unit, unitPath + "[" + i + "]");
            i++;
          }
        }
      }
    }

    private void fact(String concept, String unit, String path) throws IOException {
      String start = null;
      String end = null;
      String val = null;
      String accn = null;
      Integer fy = null;
      String fp = null;
      String form = null;
      String filed = null;
      String frame = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          p.skipChildren();
          errors.add(new FieldError(path + "." + name, "must be a single value"));
          continue;
        }
        String text = t == JsonToken.VALUE_NULL ? null : p.getText();
        switch (name) {
          case "start" -> start = text;
          case "end" -> end = text;
          case "val" -> val = t.isNumeric() ? text : "\u0000" + text;
          case "accn" -> accn = text;
          case "fy" -> fy = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
          case "fp" -> fp = text;
          case "form" -> form = text;
          case "filed" -> filed = text;
          case "frame" -> frame = text;
          default -> {
            // other members (future additions) are ignored
          }
        }
      }
      int before = errors.size();
      LocalDate startDate = date(start, path + ".start", false);
      LocalDate endDate = date(end, path + ".end", true);
      LocalDate filedDate = date(filed, path + ".filed", true);
      BigDecimal value = value(val, path + ".val");
      if (accn == null || !ACCESSION.matcher(accn).matches()) {
        errors.add(
            new FieldError(
                path + ".accn", "must be an accession number like 0000320193-24-000069"));
      }
      if (form == null || form.isBlank()) {
        errors.add(new FieldError(path + ".form", "required: the form filed, e.g. 10-Q"));
      }
      tooLong(form, 32, path + ".form");
      tooLong(fp, 8, path + ".fp");
      tooLong(frame, 16, path + ".frame");
      tooLong(unit, 32, path);
      tooLong(concept, 255, path);
      if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
        errors.add(new FieldError(path + ".end", "is before start"));
      }
      if (errors.size() == before) {
        facts.add(
            new SecFact(
                concept,
                unit,
                startDate,
                endDate,
                value,
                accn,
                fy,
                fp,
                form.strip(),
                filedDate,
                frame));
      }
    }

    private LocalDate date(String text, String path, boolean required) {
      if (text == null) {
        if (required) {
          errors.add(new FieldError(path, "required: a date YYYY-MM-DD"));
        }
        return null;
      }
      try {
        return org.claimwatch.system.Dates.date(text);
      } catch (DateTimeParseException e) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        errors.add(new FieldError(path, "must be a date YYYY-MM-DD, not '" + shown + "'"));
        return null;
      }
    }

    private BigDecimal value(String text, String path) {
      if (text == null || text.startsWith("\u0000")) {
        errors.add(new FieldError(path, "must be a number"));
        return null;
      }
      BigDecimal v;
      try {
        v = new BigDecimal(text);
      } catch (NumberFormatException e) { // an exponent beyond what a BigDecimal holds
        errors.add(new FieldError(path, "does not fit DECIMAL(38,6) without rounding"));
        return null;
      }
      // In long: with an exponent such as 1e2147483647, precision - scale overflows an int.
      if (v.scale() > 6 || (long) v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
        errors.add(new FieldError(path, "does not fit DECIMAL(38,6) without rounding"));
        return null;
      }
      return v;
    }

    /** The first 50 errors, their places shortened (a concept's name can be megabytes long). */
    private static List<FieldError> shown(List<FieldError> errors) {
      return errors.subList(0, Math.min(50, errors.size())).stream()
          .map(e -> new FieldError(shorten(e.field()), e.message()))
          .toList();
    }

    private static String shorten(String path) {
      return path.length() <= 300 ? path : path.substring(0, 300) + "...";
    }

    /** Longer than the column that stores it: refused, never cut. */
    private void tooLong(String text, int max, String path) {
      if (text != null && text.length() > max) {
        errors.add(new FieldError(shorten(path), "at most " + max + " characters"));
      }
    }

    private void expectObject(JsonToken t, String path) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        throw invalid(path, "must be an object");
      }
    }

    private ProblemException invalid(String path, String message) {
      errors.add(new FieldError(path, message));
      return new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "invalid-companyfacts",
          "Not a valid companyfacts document",
          shorten(path) + ": " + message,
          shown(errors));
    }
  }
}
