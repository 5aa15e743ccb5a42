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

  /**
   * {@code t.toString()} (ISO-8601 in UTC, {@code 2024-07-27T08:00:00Z}, with 3, 6 or 9 digits of
   * fraction as needed), written without {@code DateTimeFormatter}: a queue page writes about 250
   * of these, and the formatter was a sixth of the page's own CPU in a profile. Outside the years
   * 1970 to 9999 it is {@code toString()} itself.
   */
  public static String iso(Instant t) {
    long s = t.getEpochSecond();
    if (s < 0 || s >= MAX_FAST_SECOND) {
      return t.toString();
    }
    long days = s / 86_400;
    int secondOfDay = (int) (s % 86_400);
    LocalDate d = LocalDate.ofEpochDay(days);
    int nanos = t.getNano();
    char[] out = new char[30];
    digits(out, 0, d.getYear(), 4);
    out[4] = '-';
    digits(out, 5, d.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, d.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int n = 19;
    if (nanos != 0) {
      out[n++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(out, n, nanos / 1_000_000, 3);
        n += 3;
      } else if (nanos % 1_000 == 0) {
        digits(out, n, nanos / 1_000, 6);
        n += 6;
      } else {
        digits(out, n, nanos, 9);
        n += 9;
      }
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  /** 10000-01-01T00:00:00Z: from here on {@link #iso} leaves it to {@code Instant.toString}. */
  private static final long MAX_FAST_SECOND = 253_402_300_800L;

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static LocalDate inRange(LocalDate d, String text) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new DateTimeParseException("year outside 0001..9999", text, 0);
    }
    return d;
  }
}
