package org.claimwatch.extract;

import java.util.Locale;

/**
 * Cheap tests run before the costly period patterns, which most sentences do not need: whether a
 * text may name a calendar day, a period before or a fiscal period. A test may say yes when no
 * pattern matches, never no when one would ({@code HintsTest} holds each against the regular
 * expression it stands for). Plain {@link String#indexOf} on a lower-case copy: a regular
 * expression tries every position of the text, about as costly as the pattern it guards.
 */
final class Hints {
  private Hints() {}

  /** The first letters of the months' names in English and German ("Sept.", "Jänner", "Mai"). */
  private static final String[] MONTH_STARTS = {
    "jan",
    "j\u00e4n",
    "feb",
    "m\u00e4r",
    "mar",
    "apr",
    "mai",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez"
  };

  private static final String[] BEFORE = {
    "vor", "year", "month", "quarter", "jahr", "(", "same" // "the same period of 2023"
  };

  private static final String[] FISCAL = {
    "fiscal", "financial", "gesch\u00e4fts", "wirtschaftsjahr"
  };

  /** A month's first letters at the start of a word, or an ISO date ("2024-06"). */
  static boolean mayNameADay(String text) {
    return monthStart(lower(text)) || isoDate(text);
  }

  /**
   * A word of a period before ("Vorjahr", "year earlier", "Quartal", "the same period"), "(", or a
   * month.
   */
  static boolean mayBeBefore(String text) {
    String lower = lower(text);
    return anyOf(lower, BEFORE) || monthStart(lower);
  }

  /** A fiscal word ("fiscal", "Geschäftsjahr"), or "FY" or "GJ" at the start of a word. */
  static boolean mayBeFiscal(String text) {
    String lower = lower(text);
    return anyOf(lower, FISCAL) || atWordStart(lower, "fy") || atWordStart(lower, "gj");
  }

  /** Whether the text holds any of {@code words} (lower case), in any case. */
  static boolean mentions(String text, String... words) {
    return anyOf(lower(text), words);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static boolean anyOf(String lower, String[] words) {
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean monthStart(String lower) {
    for (String m : MONTH_STARTS) {
      if (atWordStart(lower, m)) {
        return true;
      }
    }
    return false;
  }

  private static boolean atWordStart(String lower, String word) {
    for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
      if (i == 0 || !Guarded.isWord(lower.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Four digits, a hyphen and a digit. */
  private static boolean isoDate(String text) {
    for (int i = text.indexOf('-', 4);
        i >= 0 && i + 1 < text.length();
        i = text.indexOf('-', i + 1)) {
      if (isDigit(text.charAt(i + 1))
          && isDigit(text.charAt(i - 1))
          && isDigit(text.charAt(i - 2))
          && isDigit(text.charAt(i - 3))
          && isDigit(text.charAt(i - 4))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
