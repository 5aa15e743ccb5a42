package org.claimwatch.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one way dates from callers are read: ISO-8601, in the years 0001 to 9999 that the database
 * stores ({@code "+10000-01-01"} parses in Java but no DATE column holds it).
 */
public final class Dates {
  private Dates() {}

  /** A date {@code YYYY-MM-DD}. */
  public static LocalDate date(String text) {
    return inRange(LocalDate.parse(text.strip()), text);
  }

  /** A date-time with an offset ({@code 2024-07-27T08:00:00Z}) or a date, read as midnight UTC. */
  public static Instant instant(String text) {
    String t = text.strip();
    if (t.length() == 10) {
      return date(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    OffsetDateTime odt = OffsetDateTime.parse(t);
    inRange(odt.toLocalDate(), t);
    Instant i = odt.toInstant();
    inRange(i.atOffset(ZoneOffset.UTC).toLocalDate(), t);
    return i;
  }

  private static LocalDate inRange(LocalDate d, String text) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new DateTimeParseException("year outside 0001..9999", text, 0);
    }
    return d;
  }
}
