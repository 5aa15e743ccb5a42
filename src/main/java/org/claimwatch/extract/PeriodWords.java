package org.claimwatch.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Period words beside the ones {@link SentenceReader} reads itself: calendar dates (which name a
 * day, not a period: "WASHINGTON, 6 September 2024 -"), "the quarter ended June 30, 2024", a month
 * named without its year ("in August"), fiscal periods ("fiscal 2024", "FY24", "im vierten Quartal
 * seines Geschäftsjahres", "Geschäftsjahr 2023/24", "its fiscal year ending in June") and the year
 * before ("nach 5,9 % im Vorjahr", "from $4 billion a year earlier").
 */
final class PeriodWords {
  private PeriodWords() {}

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("januar", 1),
          Map.entry("jänner", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("februar", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("märz", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("mai", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("juni", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("juli", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("october", 10),
          Map.entry("oct", 10),
          Map.entry("oktober", 10),
          Map.entry("okt", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("december", 12),
          Map.entry("dec", 12),
          Map.entry("dezember", 12),
          Map.entry("dez", 12));

  /** A month's name, whole or shortened ("Sept."), in English or German. */
  private static final String MONTH =
      "(?:january|february|march|april|may|june|july|august|september|october|november|december"
          + "|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
          + "|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|okt\\.?"
          + "|nov\\.?|dec\\.?|dez\\.?)";

  /** "June 30, 2024", "30 June 2024", "30. Juni 2024": group 1..3 or 4..6 is month, day, year. */
  private static final String DATE =
      "(?:("
          + MONTH
          + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?("
          + MONTH
          + ")\\s+(\\d{4}))";

  /**
   * A calendar day, with or without its year: "6 September 2024", "July 23, 2025", "am 29.
   * November", "on September 18", "2024-09-06".
   */
  private static final Pattern DAY =
      Pattern.compile(
          "(?i)\\b(?:"
              + DATE
              + "|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?"
              + MONTH
              + "(?![\\p{L}])|"
              + MONTH
              + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?![.,]?\\d)|\\d{4}-\\d{2}-\\d{2})");

  /** "the quarter ended June 30, 2024", "for the three months ended March 31, 2024". */
  private static final Pattern ENDED =
      Pattern.compile(
          "(?i)\\b(quarter|three months|3 months|six months|6 months|half[- ]year|nine months"
              + "|9 months|(?:fiscal |financial )?year|twelve months|12 months)\\s+(?:ended|ending)"
              + "\\s+(?:on\\s+)?"
              + DATE);

  /** "in August", "im Oktober", "for May": a month named without a year (capitalised). */
  private static final Pattern BARE_MONTH =
      Pattern.compile(
          "\\b(?:[Ii]n|[Ii]m|[Ff]or|[Ff]ür|[Dd]uring|[Ii]m Monat)\\s+"
              + "(January|February|March|April|May|June|July|August|September|October|November"
              + "|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\\b(?!\\s*\\d)");

  /** A fiscal year with its number: "fiscal 2024", "FY24", "Geschäftsjahr 2023/24". */
  private static final Pattern FISCAL_YEAR =
      Pattern.compile(
          "(?i)(?:\\b(?:fiscal|financial)(?:[\\s-]+year)?|\\bgeschäftsjahr(?:es|s)?"
              + "|\\bwirtschaftsjahr(?:es|s)?)\\s+'?(20\\d{2}|\\d{2})(?:\\s?/\\s?(20\\d{2}|\\d{2}))?\\b"
              + "|\\b(?:FY|GJ)\\s?'?(20\\d{2}|\\d{2})(?:\\s?/\\s?(20\\d{2}|\\d{2}))?\\b"
              + "|\\b(20\\d{2})(?:\\s?/\\s?(20\\d{2}|\\d{2}))?\\s+fiscal(?:[\\s-]+year)?\\b");

  /** A fiscal year by its month of ending: "its fiscal year ending in June". */
  private static final Pattern FISCAL_ENDING =
      Pattern.compile(
          "(?i)\\b(?:fiscal|financial)\\s+year,?\\s+(?:that\\s+|which\\s+)?(?:ending|ended|ends)"
              + "\\s+(?:in\\s+|on\\s+)?(?:\\d{1,2}\\s+)?("
              + MONTH
              + ")(?:\\s+\\d{1,2})?,?(?:\\s+(20\\d{2}))?");

  /** "this fiscal year", "im laufenden Geschäftsjahr", "last fiscal year", "next fiscal year". */
  private static final Pattern FISCAL_RELATIVE =
      Pattern.compile(
          "(?i)\\b(this|current|next|coming|last|previous|prior|new|dieses|diesem|laufende[nm]?"
              + "|aktuelle[nm]?|kommende[nm]?|nächste[nm]?|neue[nm]?|vergangene[nm]?"
              + "|abgelaufene[nm]?|letzte[nm]?|vorige[nm]?)\\s+(?:fiscal(?:[\\s-]+year)?|financial"
              + "\\s+year|geschäftsjahr(?:es|s)?)\\b");

  /** Any fiscal period: a fiscal year or quarter, with or without its number. */
  private static final Pattern FISCAL_ANY =
      Pattern.compile(
          "(?i)\\b(?:fiscal[\\s-]+(?:year|quarter|first|second|third|fourth|q[1-4]|'?\\d{2})"
              + "|financial year|geschäftsjahr\\w*|geschäftsquartal\\w*|wirtschaftsjahr\\w*)"
              + "|\\bFY\\s?'?\\d{2}");

  /**
   * The year before the period spoken of, written after the figure it dates: "5,9 % im Vorjahr",
   * "$4 billion a year earlier", "from 4.3 percent in the prior year".
   */
  private static final Pattern YEAR_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:(?:im|in the|des|dem)\\s+)?(?:vorjahr\\w*|previous year|prior year"
              + "|year before|year earlier|year ago|jahr zuvor|vor einem jahr)\\b");

  /** {@code text} with every calendar day blanked out (same length: offsets stay). */
  static String withoutDays(String text) {
    Matcher m = DAY.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    do {
      for (int i = m.start(); i < m.end(); i++) {
        out.setCharAt(i, ' ');
      }
    } while (m.find());
    return out.toString();
  }

  /** "the quarter ended June 30, 2024": that span, or null. */
  static LocalDate[] ended(String text) {
    Matcher m = ENDED.matcher(text);
    if (!m.find()) {
      return null;
    }
    LocalDate end = date(m, 2);
    if (end == null) {
      return null;
    }
    String span = m.group(1).toLowerCase(Locale.ROOT);
    int months =
        span.contains("quarter") || span.startsWith("three") || span.startsWith("3 ")
            ? 3
            : span.startsWith("six") || span.startsWith("6 ") || span.startsWith("half")
                ? 6
                : span.startsWith("nine") || span.startsWith("9 ") ? 9 : 12;
    LocalDate start =
        end.equals(YearMonth.from(end).atEndOfMonth())
            ? YearMonth.from(end).minusMonths(months - 1L).atDay(1)
            : end.minusMonths(months).plusDays(1);
    return new LocalDate[] {start, end};
  }

  /** The date of {@link #DATE} whose first group is {@code first}, or null if there is none. */
  private static LocalDate date(Matcher m, int first) {
    boolean monthFirst = m.group(first) != null;
    String month = monthFirst ? m.group(first) : m.group(first + 4);
    String day = monthFirst ? m.group(first + 1) : m.group(first + 3);
    String year = monthFirst ? m.group(first + 2) : m.group(first + 5);
    try {
      return LocalDate.of(Integer.parseInt(year), month(month), Integer.parseInt(day));
    } catch (DateTimeException | NullPointerException e) {
      return null;
    }
  }

  private static Integer month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  /**
   * "in August": the latest August begun by {@code statedOn} (a forecast: the next one not yet
   * ended); null if no month is named.
   */
  static LocalDate[] bareMonth(String text, LocalDate statedOn, boolean forecast) {
    Matcher m = BARE_MONTH.matcher(text);
    while (m.find()) {
      if (!comparedWith(text, m.start())) { // "from 4.3 percent in July" dates the 4.3 only
        return month(m.group(1), statedOn, forecast);
      }
    }
    return null;
  }

  private static LocalDate[] month(String name, LocalDate statedOn, boolean forecast) {
    YearMonth ym = YearMonth.of(statedOn.getYear(), month(name));
    if (forecast) {
      ym = ym.atEndOfMonth().isBefore(statedOn) ? ym.plusYears(1) : ym;
    } else {
      ym = ym.atDay(1).isAfter(statedOn) ? ym.minusYears(1) : ym;
    }
    return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
  }

  /**
   * A fiscal period named in the sentence: its year (named by the calendar year it ends in; "FY
   * 2023/24" is 2024) or its place relative to the current one, its quarter (0: the whole year) and
   * the month it ends in when the text says so. Null when the sentence names none.
   */
  static FiscalRef fiscal(String text, Integer quarter, Integer quarterYear) {
    if (!FISCAL_ANY.matcher(text).find() && !FISCAL_ENDING.matcher(text).find()) {
      return null;
    }
    Integer year = null;
    Matcher y = FISCAL_YEAR.matcher(text);
    if (y.find()) {
      String first = y.group(1) != null ? y.group(1) : y.group(3) != null ? y.group(3) : y.group(5);
      String second =
          y.group(1) != null ? y.group(2) : y.group(3) != null ? y.group(4) : y.group(6);
      year = year(second != null ? second : first);
    }
    Integer endMonth = null;
    Matcher e = FISCAL_ENDING.matcher(text);
    if (e.find()) {
      endMonth = month(e.group(1));
      if (e.group(2) != null && year == null) {
        year = Integer.parseInt(e.group(2));
      }
    }
    Integer relative = null;
    Matcher r = FISCAL_RELATIVE.matcher(text);
    if (year == null && r.find()) {
      String w = r.group(1).toLowerCase(Locale.ROOT);
      relative =
          w.startsWith("new") || w.startsWith("neue")
              ? FiscalRef.NEW
              : w.startsWith("next")
                      || w.startsWith("coming")
                      || w.startsWith("kommend")
                      || w.startsWith("nächst")
                  ? 1
                  : w.startsWith("last")
                          || w.startsWith("previous")
                          || w.startsWith("prior")
                          || w.startsWith("vergangen")
                          || w.startsWith("abgelaufen")
                          || w.startsWith("letzt")
                          || w.startsWith("vorig")
                      ? -1
                      : 0;
    }
    if (year == null && relative == null && quarterYear != null) {
      year = quarterYear;
    }
    return new FiscalRef(year, quarter == null ? 0 : quarter, relative, endMonth);
  }

  /**
   * A period a figure is compared with, written right after that figure: the year before ("5,9 % im
   * Vorjahr": {@code period} null) or a month after "from" ("from 4.3 percent in July").
   */
  record Base(int start, LocalDate[] period) {}

  /** The text's periods of comparison, in order. */
  static java.util.List<Base> bases(String text, LocalDate statedOn, boolean forecast) {
    java.util.List<Base> out = new java.util.ArrayList<>();
    Matcher m = YEAR_BEFORE.matcher(text);
    while (m.find()) {
      out.add(new Base(m.start(), null));
    }
    Matcher b = BARE_MONTH.matcher(text);
    while (b.find()) {
      if (comparedWith(text, b.start())) {
        out.add(new Base(b.start(), month(b.group(1), statedOn, forecast)));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Base::start));
    return out;
  }

  /** "from 4.3 percent" / "nach 5,9 %" / "than $4 billion" ends right before {@code at}. */
  private static boolean comparedWith(String text, int at) {
    return COMPARED_WITH.matcher(text.substring(Math.max(0, at - 40), at)).find();
  }

  private static final Pattern COMPARED_WITH =
      Pattern.compile(
          "(?i)\\b(?:from|von|nach|than|als|compared with|gegenüber)\\s+\\S*\\d\\S*"
              + "(?:\\s+[\\p{L}%]+)?\\s*$");

  private static int year(String text) {
    int y = Integer.parseInt(text);
    return text.length() == 2 ? 2000 + y : y;
  }

  /**
   * A fiscal period as the text names it; {@link FiscalPeriods} places it in an entity's calendar.
   *
   * @param year the fiscal year, named by the calendar year it ends in; null if not named
   * @param quarter 1-4, or 0 for the whole year
   * @param relative with no year: 0 the current fiscal year, -1 the last, 1 the next, {@link #NEW}
   *     the one begun most recently or about to begin; null if not said
   * @param endMonth the month the fiscal year ends in, when the text says ("ending in June")
   */
  record FiscalRef(Integer year, int quarter, Integer relative, Integer endMonth) {
    static final int NEW = 2;
  }
}
