package org.claimwatch.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
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
  static final String MONTH =
      "(?:january|february|march|april|may|june|july|august|september|october|november|december"
          + "|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
          + "|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|okt\\.?"
          + "|nov\\.?|dec\\.?|dez\\.?)";

  /**
   * A horizon at the end of a month or of a year named without its number: "by the end of March",
   * "bis Ende September 2025" (group 1, the month; group 2, its year), "by the end of next year",
   * "bis Ende nächsten Jahres" (group 3), "by the end of the year", "by year-end", "bis
   * Jahresende", "bis Ende des Jahres" (the year of the news, or the one named after it: groups 4
   * and 5, "by year-end 2025").
   */
  private static final Guarded BY_END =
      Guarded.word(
          "(?i)\\b(?:by|bis)\\s+(?:(?:(?:the\\s+)?end\\s+of\\s+|(?:zum\\s+)?ende\\s+)(?:("
              + MONTH
              + ")(?:\\s+(20\\d{2}))?|(next\\s+year|nächsten\\s+jahres|kommenden\\s+jahres)"
              + "|(?:(?:the|this|des|dieses)\\s+)?(?:year|jahres)(?:\\s+(20\\d{2}))?)"
              + "|(?:(?:the\\s+)?year[- ]end|(?:zum\\s+)?jahresende)(?:\\s+(20\\d{2}))?)\\b");

  /**
   * {@code text} with its horizons at a month's or a year's end blanked out (same length): "by the
   * end of next year" is when a forecast is judged, not the period it is about.
   */
  static String withoutEndHorizons(String text) {
    return Hints.mentions(text, "end", "ende") ? withoutAll(text, BY_END) : text;
  }

  /** {@code text} with every match of {@code words} blanked out (same length: offsets stay). */
  static String withoutAll(String text, Guarded words) {
    StringBuilder out = null;
    Guarded.Finder m = words.finder(text);
    while (m.find()) {
      out = blank(out, text, m.start(), m.end());
    }
    return out == null ? text : out.toString();
  }

  /**
   * A horizon {@link #BY_END} finds: where its words start, where the year it names starts (-1:
   * none), the day it falls on, and whether it names its year ("by the end of March 2026", "by the
   * end of next year"; not "bis Ende September", which in a report is the months so far).
   */
  record EndHorizon(int start, int yearStart, LocalDate on, boolean yearNamed) {}

  /**
   * The horizons at the end of a month or a year in {@code text}, in order: a month named without
   * its year is the next such month's end from {@code statedOn} on.
   */
  static java.util.List<EndHorizon> endHorizons(String text, LocalDate statedOn) {
    if (!Hints.mentions(text, "end", "ende")) {
      return java.util.List.of();
    }
    java.util.List<EndHorizon> out = new java.util.ArrayList<>(1);
    Guarded.Finder m = BY_END.finder(text);
    while (m.find()) {
      LocalDate on;
      int yearStart = -1;
      if (m.group(1) != null) {
        Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT).replace(".", ""));
        if (month == null) {
          continue;
        }
        if (m.group(2) != null) {
          yearStart = m.start(2);
          on = YearMonth.of(Integer.parseInt(m.group(2)), month).atEndOfMonth();
        } else {
          on = YearMonth.of(statedOn.getYear(), month).atEndOfMonth();
          if (on.isBefore(statedOn)) {
            on = YearMonth.of(statedOn.getYear() + 1, month).atEndOfMonth();
          }
        }
      } else {
        int named = m.group(4) != null ? 4 : m.group(5) != null ? 5 : 0;
        if (named > 0) { // "by year-end 2025", "bis Ende des Jahres 2026"
          yearStart = m.start(named);
          on = LocalDate.of(Integer.parseInt(m.group(named)), 12, 31);
        } else {
          on = LocalDate.of(statedOn.getYear() + (m.group(3) != null ? 1 : 0), 12, 31);
        }
      }
      out.add(new EndHorizon(m.start(), yearStart, on, yearStart >= 0 || m.group(3) != null));
    }
    return out;
  }

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
  private static final Guarded DAY =
      Guarded.word(
          "(?i)\\b(?:"
              + DATE
              + "|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?"
              + MONTH
              + "(?![\\p{L}])|"
              + MONTH
              + "\\s+(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b(?![.,]?\\d|\\s\\d{3}\\b)"
              + NotClaims.NO_AMOUNT_AFTER
              + "|\\d{4}-\\d{2}-\\d{2})");

  /** "the quarter ended June 30, 2024", "for the three months ended March 31, 2024". */
  private static final Guarded ENDED =
      Guarded.word(
          "(?i)\\b(quarter|three months|3 months|six months|6 months|half[- ]year|nine months"
              + "|9 months|(?:fiscal |financial )?year|twelve months|12 months|(\\d{1,2}) weeks)"
              + "\\s+(?:ended|ending|to|through)\\s+(?:on\\s+)?"
              + DATE);

  /**
   * A span ending in a month named without its year: "the quarter ended Sept. 30", "the three
   * months to September", "the twelve months to the end of November", "in den neun Monaten bis Ende
   * September", "the fiscal year ended June 30" (a year with its number is {@link #ENDED}'s; a
   * fiscal year by the month it ends in, "its fiscal year ending in June", is {@link
   * #FISCAL_ENDING}'s).
   */
  private static final Guarded ENDED_IN_MONTH =
      Guarded.word(
          "(?i)\\b(quarter|three months|3 months|six months|6 months|half[- ]year|nine months"
              + "|9 months|twelve months|12 months|(?:fiscal |financial )?year(?=\\s+ended\\b)"
              + "|quartal|drei monate\\w*|sechs monate\\w*"
              + "|neun monate\\w*|zwölf monate\\w*|halbjahr)\\s+(?:that\\s+)?(?:ended|ending|ends|to"
              + "|through|bis)\\s+(?:in\\s+|on\\s+|ende\\s+|zum\\s+|(?:the\\s+)?end[\\s-](?:of\\s+)?)?("
              + MONTH
              + ")(?!\\p{L})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?![\\s,.]*\\d)");

  /**
   * Months from one to another: "im Zeitraum Juli bis September", "in den Monaten Juli bis
   * September", "von Juli bis Ende September 2024", "between July and September", "im Oktober und
   * November", "in January and February" (groups 1 to 3: first month, last month, year), "the
   * July-September quarter", "im Juli-September-Quartal" (groups 4 and 5).
   */
  private static final Guarded MONTH_RANGE =
      Guarded.word(
          "(?i)\\b(?:(?:(?:zeitraum|monaten)\\s+(?:von\\s+)?|von\\s+|zwischen\\s+|from\\s+"
              + "|between\\s+|(?:in|im)\\s+(?="
              + MONTH
              + "(?!\\p{L})\\s+(?:und|and)\\s))("
              + MONTH
              + ")(?!\\p{L})\\s*(?:-|–|bis(?:\\s+ende)?|und|and|to|through|until)\\s*("
              + MONTH
              + ")(?!\\p{L})(?:\\s+(20\\d{2})\\b)?|("
              + MONTH
              + ")\\s*(?:-|–|to|through)\\s*("
              + MONTH
              + ")(?:\\s+|-)(?:quarter|period|months|quartal\\w*|zeitraum\\w*|monate\\w*)\\b)");

  /** "first" / "ersten", not someone's ("his first six months", "its first three quarters"). */
  private static final String FIRST =
      "(?i)\\b(?<!\\b(?:his|her|its|their|seine[mn]?|ihre[mn]?)\\s)(?:first|ersten)\\s+";

  /**
   * After {@link #FIRST}'s span: of a year only, not "of the program", "after its launch", "des
   * Geschäftsjahres"; with the year if named (the last group).
   */
  private static final String OF_A_YEAR =
      "(?!\\s+(?:of|after|since|following|from|in|as|at|on|nach|seit|des|der|seines"
          + "|ihres|als|im)\\b(?!\\s+(?:the\\s+year|this\\s+year|20\\d{2}|jahres)\\b))"
          + "(?:\\s+(?:of\\s+|des\\s+jahres\\s+)?(20\\d{2})\\b)?";

  /**
   * The first months of a year: "in the first nine months", "in den ersten sechs Monaten 2025"
   * (group 1: how many, group 2: the year); not those of anything else ("of its fiscal year", "des
   * Geschäftsjahres", "of the program", "after its launch", "his first six months in office", "its
   * first six months as a public company"), which the calendar does not date.
   */
  private static final Guarded FIRST_MONTHS =
      Guarded.word(
          FIRST
              + "(two|three|four|five|six|seven|eight|nine|ten|eleven|zwei|drei|vier|fünf|sechs"
              + "|sieben|acht|neun|zehn|elf|[2-9]|1[01])\\s+(?:months|monaten?)\\b"
              + OF_A_YEAR);

  /**
   * "the first three quarters", "in den ersten beiden Quartalen 2024": the first six or nine months
   * of a year, as {@link #FIRST_MONTHS}.
   */
  private static final Guarded FIRST_QUARTERS =
      Guarded.word(
          FIRST + "(two|three|zwei|beiden|drei|[23])\\s+(?:quarters|quartalen?)\\b" + OF_A_YEAR);

  private static final java.util.List<String> COUNTS =
      java.util.List.of(
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve");
  private static final java.util.List<String> ZAHLEN =
      java.util.List.of(
          "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
          "zwölf");

  /**
   * A horizon so many years or months after the day of the news: "over the next three years", "in
   * the coming 12 months", "within two years", "in den kommenden fünf Jahren", "innerhalb der
   * nächsten zwei Jahre", "binnen drei Jahren" (group 1, the count; group 2, years or months). Not
   * "in three years", as often a span gone by ("the highest in three years"), nor a span from an
   * event ("within 18 months of closing the deal", "innerhalb von drei Jahren nach der Übernahme").
   */
  private static final Guarded NEXT_SPAN =
      Guarded.word(
          "(?i)\\b(?:(?:over|in|within|during)\\s+the\\s+(?:next|coming)|within"
              + "|in\\s+den\\s+(?:kommenden|nächsten)|innerhalb\\s+(?:der\\s+(?:kommenden|nächsten)"
              + "|von)|binnen)\\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zwei"
              + "|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|[1-9]\\d?)\\s+(years|jahren?"
              + "|months|monaten?)\\b(?!\\s+(?:of|after|from|nach|ab)\\b)");

  /**
   * The horizons {@link #NEXT_SPAN} finds in {@code text}, in order: the day so many years or
   * months after {@code statedOn}.
   */
  static java.util.List<EndHorizon> nextSpans(String text, LocalDate statedOn) {
    if (!Hints.mentions(
            text, "next", "coming", "within", "kommenden", "nächsten", "innerhalb", "binnen")
        || EARLIER_YEAR
            .matcher(text)
            .results()
            .anyMatch(y -> Integer.parseInt(y.group()) < statedOn.getYear())) {
      // a span of a plan told of in an earlier year counts from then ("In March 2024, Acme
      // announced plans to cut 5,000 jobs over the next three years")
      return java.util.List.of();
    }
    java.util.List<EndHorizon> out = new java.util.ArrayList<>(1);
    Guarded.Finder m = NEXT_SPAN.finder(text);
    while (m.find()) {
      int n = count(m.group(1));
      boolean years = Character.toLowerCase(m.group(2).charAt(0)) != 'm';
      out.add(
          new EndHorizon(
              m.start(), -1, years ? statedOn.plusYears(n) : statedOn.plusMonths(n), false));
    }
    return out;
  }

  /** A year of this century or the last. */
  private static final Pattern EARLIER_YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");

  /** "nine", "neun", "9": 9. */
  private static int count(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("beiden")) {
      return 2;
    }
    int i = Math.max(COUNTS.indexOf(w), ZAHLEN.indexOf(w));
    return i >= 0 ? i + 2 : Integer.parseInt(w);
  }

  /**
   * Years from one to another: "between 2023 and 2028", "from 2025 to 2029", "zwischen 2023 und
   * 2028", "von 2025 bis Ende 2030", "für die Jahre 2027 bis 2029", "in the years 2025 to 2027" (a
   * figure of them all, not of the first); not numbers that count something ("zwischen 2000 und
   * 2050 Dollar", "between 2000 and 2500 jobs").
   */
  private static final Guarded YEAR_RANGE =
      Guarded.word(
          "(?i)\\b(?:between|from|zwischen|von|(?:the|die|den)\\s+(?:years|jahren?)|im\\s+zeitraum"
              + "|in\\s+the\\s+period)\\s+(?:(?:the\\s+)?(?:start|beginning)\\s+of\\s+"
              + "|anfang\\s+)?(20\\d{2})\\s+(?:and|to|through|until|und|bis)\\s+"
              + "(?:(?:the\\s+)?end\\s+of\\s+|ende\\s+)?(20\\d{2})\\b(?![.,]\\d)(?!\\s*(?:%|\\p{Sc}"
              + "|(?:dollars?|euros?|pounds?|francs?|yen|yuan|prozent|percent|jobs|stellen|menschen"
              + "|people|persons|personen|units|einheiten|tonnen|tons|barrels?|mio|mrd|million\\w*"
              + "|milliard\\w*|billion\\w*|thousand|tausend|arbeitsplätze|mitarbeiter\\w*"
              + "|beschäftigte\\w*|employees|workers|shares|aktien)\\b))");

  /**
   * A point in time named without its year: "as of Sept. 30", "Stand: 30. September" (of a figure
   * reported: the latest such day by the day of the news). Not "zum 1. Januar", as often a change
   * to come.
   */
  private static final Guarded AS_OF_NO_YEAR =
      Guarded.word(
          "(?i)\\b(?:as of|as at|zum stichtag|stichtag|stand:?)\\s+(?:("
              + MONTH
              + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})\\.?\\s+(?:of\\s+)?("
              + MONTH
              + "))(?![\\s,]*\\d)(?!\\p{L})");

  /**
   * Not right after a word that makes an end a start or a deadline: "bis Ende Juni", "seit Ende
   * 2024", "ab", "von", "vor", "nach", "gegen", "bis zum", "spätestens".
   */
  private static final String NOT_FROM_OR_BY =
      "(?<!\\bbis\\s)(?<!\\bseit\\s)(?<!\\bab\\s)(?<!\\bvon\\s)(?<!\\bvor\\s)(?<!\\bnach\\s)"
          + "(?<!\\bgegen\\s)(?<!\\bbis\\szum\\s)(?<!\\bspätestens\\s)";

  /**
   * Not right after words that make an end the base of a comparison: "seit dem Jahresende", "im
   * Vergleich zum", "gegenüber", "mit dem".
   */
  private static final String NOT_COMPARED =
      "(?<!\\bseit\\sdem\\s)(?<!\\bvergleich\\s)(?<!\\bvergleich\\szum\\s)"
          + "(?<!\\bvergleich\\szu\\s)(?<!\\bgegenüber\\s)(?<!\\bgegenüber\\sdem\\s)"
          + "(?<!\\bmit\\sdem\\s)";

  /**
   * The end of a month named without its year, a balance's day: "at the end of June", "as of
   * end-September", "Ende Juni hatte die Bank ...", "per Ende September", "zum 30. September"
   * (groups 1 or 3, the month; group 2 its last day, which "zum" and "per" need: "zum 1. Januar" is
   * as often a change to come). Not a deadline or a start ("by the end of June", "bis Ende Juni",
   * "seit Ende Juni"), and not of a figure's year ("Ende Juni 2024", read with its year).
   */
  private static final Guarded MONTH_END_NO_YEAR =
      Guarded.word(
          "(?i)\\b(?:(?:(?:at|as\\s+of|as\\s+at)\\s+(?:the\\s+)?end(?:\\s+of\\s+|-)"
              + "|"
              + NOT_FROM_OR_BY
              + "(?:(?:per|zum|stand:?)\\s+)?ende\\s+)("
              + MONTH
              + ")|(?<!\\bbis\\s{1,3})(?:zum|per)\\s+(?:stichtag\\s+)?(\\d{1,2})\\.\\s*("
              + MONTH
              + "))(?![\\s,]*(?:(?:1[5-9]|2[01])\\d{2}|\\d{1,2})(?!\\d|[.,]\\d|\\s\\d{3}\\b))(?!\\p{L})"
              + "(?!\\s+(?:des\\s+vorjahres|(?:des\\s+)?(?:vergangenen"
              + "|letzten|vorigen|kommenden|nächsten|folgenden)\\s+jahres|(?:of\\s+)?(?:last"
              + "|next|this|the\\s+(?:previous|prior|following)|a)\\s+year)\\b)");

  /** "at", "as of", "as at" an end, but not a start's ("starting at the end of"). */
  private static final String AT_AN_END =
      "(?<!\\b(?:effective|starting|beginning|from|since)\\s)(?:at|as\\s+of|as\\s+at)\\s+";

  /**
   * "zum / am / per / Stand / mit Ende des", but not a deadline, a start or a base ("bis Ende des",
   * "nach dem Ende des", "gegenüber dem Ende des").
   */
  private static final String AT_THE_END_OF_DE =
      NOT_FROM_OR_BY
          + NOT_COMPARED
          + "(?<!\\bdem\\s)(?:(?:zum|am|per|stand:?|mit)\\s+)?ende\\s+des\\s+";

  /**
   * The end of a month with its year, a balance's day: "Ende Juni 2025", "per Ende September 2025",
   * "at the end of June 2025", "as of end-June 2025" (group 1, the month; group 2, the year). Not a
   * deadline, a start or a base ("by the end of June 2025", "bis Ende Juni 2025", "seit Ende Juni
   * 2025", "starting at the end of June 2025", "gegenüber Ende Juni 2025"), nor a span's first end
   * ("Ende Juni 2024 bis Ende Juni 2025", "Ende Juni 2024 – Ende Juni 2025").
   */
  private static final Guarded MONTH_END_YEAR =
      Guarded.word(
          "(?i)\\b(?:"
              + AT_AN_END
              + "(?:the\\s+)?end(?:\\s+of\\s+|-)"
              + "|"
              + NOT_FROM_OR_BY
              + NOT_COMPARED
              + "(?:(?:per|zum|stand:?)\\s+)?ende\\s+)("
              + MONTH
              + ")\\s+((?:19|20)\\d{2})(?!\\d|[.,]\\d)"
              + "(?!\\s*[-\u2013]|\\s+(?:bis|to|through|and|und|until)\\s)");

  /**
   * The end of a quarter or a half named by its number, a balance's day: "zum Ende des dritten
   * Quartals", "Ende des ersten Halbjahres 2026", "at the end of the second quarter", "as of the
   * end of its fiscal third quarter". Not a deadline, a start or a base ("bis Ende des dritten
   * Quartals", "by the end of", "seit", "nach dem Ende", "gegenüber dem Ende").
   */
  private static final Guarded QUARTER_END =
      Guarded.word(
          "(?iu)\\b(?:"
              + AT_THE_END_OF_DE
              + "(?:ersten|zweiten|dritten|vierten|[1-4]\\.|abgelaufenen|abgeschlossenen)\\s+"
              + "(?:geschäfts)?(?:quartals|halbjahr(?:e)?s)(?:\\s+(?:19|20)\\d{2}(?![.,]?\\d))?"
              + "|"
              + AT_AN_END
              + "the\\s+end\\s+of\\s+(?:the|its|our|their)\\s+(?:fiscal\\s+)?"
              + "(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))[\\s-]+(?:fiscal\\s+)?"
              + "(?:quarter|half)(?:\\s+(?:of\\s+)?(?:19|20)\\d{2}(?![.,]?\\d))?)\\b");

  /**
   * The end of "the quarter", the one the article speaks of: "Zum Ende des Quartals beschäftigte
   * der Konzern 12.000 Mitarbeiter", "At the end of the quarter, ...".
   */
  private static final Guarded THE_QUARTERS_END =
      Guarded.word(
          "(?iu)\\b(?:"
              + AT_THE_END_OF_DE
              + "(?:geschäfts)?quartals"
              + "|(?<!\\bbis\\s)(?:zum|am|per)\\s+quartalsende"
              + "|"
              + AT_AN_END
              + "(?:the\\s+end\\s+of\\s+the\\s+quarter|(?:the\\s+)?quarter[- ]end))\\b"
              + "(?![\\s,]*(?:19|20)\\d{2})");

  /**
   * A base the sentence measures against besides its periods: "nach 13,8 Prozent zum Jahresende",
   * "up from $205 billion at Dec. 31", "gegenüber dem Vormonat", "a year earlier".
   */
  private static final Pattern OTHER_BASE =
      Pattern.compile(
          "(?iu)\\b(?:\\p{L}*jahresende|\\p{L}*ultimo|vormonat\\w*|vorquartal\\w*|vorjahr\\w*"
              + "|year[- ]end|earlier|ago|previous|prior|preceding|zuvor|davor|vorher|zwischen"
              + "|between"
              + "|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+\\d{1,2})\\b");

  /** No end of a quarter ({@link #atQuarterEnd}), one named by its number, "the quarter"'s. */
  static final int NO_END = 0;

  static final int NAMED_END = 1;
  static final int THE_QUARTERS = 2;

  /** What {@link #atQuarterEnd} found ({@code kind}) and where ({@code at}). */
  record QuarterEnd(int kind, int at) {
    static final QuarterEnd NONE = new QuarterEnd(NO_END, -1);
  }

  /**
   * Whether {@code text} dates its figures by the end of the quarter or half it names ({@link
   * #NAMED_END}: "Zum Ende des dritten Quartals lag die Nettoverschuldung bei 4,2 Mrd. Euro", that
   * day, not the quarter's months) or of the article's ({@link #THE_QUARTERS}), and names no other
   * period or base; never in a forecast.
   */
  static QuarterEnd atQuarterEnd(String text, boolean forecast) {
    if (forecast || !Hints.mentions(text, "ende", "end")) {
      return QuarterEnd.NONE;
    }
    int kind = NAMED_END;
    Guarded.Finder q = QUARTER_END.finder(text);
    if (!q.find()) {
      kind = THE_QUARTERS;
      q = THE_QUARTERS_END.finder(text);
      if (!q.find()) {
        return QuarterEnd.NONE;
      }
    }
    int at = q.start();
    String rest = besides(text, at, q.end());
    return q.find()
            || OTHER_PERIOD.matcher(rest).find()
            || MONTH_WORD.matcher(rest).find()
            || OTHER_BASE.matcher(rest).find()
        ? QuarterEnd.NONE
        : new QuarterEnd(kind, at);
  }

  /** A month's name, in full. */
  private static final Pattern MONTH_WORD =
      Pattern.compile(
          "(?iu)\\b(?:january|february|march|april|june|july|august|september|october|november"
              + "|december|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember)\\b");

  /** A fiscal year right before a month's end: "im Geschäftsjahr per Ende September 2026". */
  private static final Pattern FISCAL_YEAR_BEFORE =
      Pattern.compile("(?iu)(?:geschäfts|wirtschafts)jahr\\w*|fiscal|financial\\s+year");

  /**
   * The end of a year, a balance's day: "Ende 2025", "zum Jahresende 2025", "at the end of 2025",
   * "at year-end" (group {@code y}, the year, if named), "Ende vergangenen Jahres" ({@code last}),
   * "am Jahresende", "at the end of the year". Not a deadline or a start ("by the end of 2025",
   * "bis Ende 2025", "seit Ende 2024"), nor a span's first end ("Ende 2020 bis Ende 2025").
   */
  private static final Guarded YEAR_END =
      Guarded.word(
          "(?i)\\b(?:(?:at|as\\s+of|as\\s+at)\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+year\\b"
              + "|(?<y1>20\\d{2}))|year[- ]end(?:\\s+(?<y2>20\\d{2}))?)"
              + "|"
              + NOT_FROM_OR_BY
              + NOT_COMPARED
              + "(?:(?:per|zum|am|stand:?)\\s+)?(?:ende\\s+(?:"
              + "(?<y3>20\\d{2})|des\\s+jahres(?:\\s+(?<y4>20\\d{2}))?|(?<last>(?:des\\s+)?"
              + "(?:vergangenen|letzten|vorigen)\\s+jahres))|jahresende(?:\\s+(?<y5>20\\d{2}))?))"
              + "(?!\\d|[.,]\\d)(?!\\s+(?:bis|to|through|and|und|until)\\s)");

  /**
   * The day {@link #YEAR_END} names: December 31 of the year named, of the year before {@code
   * statedOn} for "vergangenen Jahres", else the latest by {@code statedOn}; null when it comes
   * after {@code statedOn}.
   */
  private static LocalDate yearEnd(Guarded.Finder m, LocalDate statedOn) {
    for (String g : new String[] {"y1", "y2", "y3", "y4", "y5"}) {
      if (m.group(g) != null) {
        LocalDate end = LocalDate.of(Integer.parseInt(m.group(g)), 12, 31);
        return end.isAfter(statedOn) ? null : end;
      }
    }
    // "am Jahresende" with no year is last year's only in the months its results are reported
    // ("Die Bahn stellt Ende des Jahres 200 Züge in Dienst", said in May, is this year's)
    return m.group("last") != null || statedOn.getMonthValue() <= 4
        ? LocalDate.of(statedOn.getYear() - 1, 12, 31)
        : null;
  }

  /**
   * Another period named in a sentence beside a year's end ("Im Jahr 2025 setzte der Konzern 10
   * Mrd. Euro um, Ende des Jahres hatte er 5000 Mitarbeiter"): the end then dates no figure here,
   * as which figure it dates is not known.
   */
  private static final Pattern OTHER_PERIOD =
      Pattern.compile(
          "(?iu)\\b(?:(?:19|20)\\d{2}|\\p{L}*quartal\\p{L}*|quarter\\w*|\\p{L}*halbjahr\\w*|half"
              + "|jahr|jahres|jahren|year|years|monat\\w*|months?|durchschnitt\\w*|average)\\b");

  /** After a month's end, the end of a fiscal year: "Ende September endet", "... abgelaufenen". */
  private static final Pattern OF_A_FISCAL_YEAR =
      Pattern.compile(
          "(?i)\\s+(?:endet|endete|ends|ended|abgelaufenen|abgeschlossenen|beendeten"
              + "|zu\\s+ende)\\b");

  /** Whether a fiscal year's ending ({@link #FISCAL_ENDING}) holds [start, end) of {@code text}. */
  private static boolean inFiscalEnding(String text, int start, int end) {
    if (!Hints.mayBeFiscal(text)) {
      return false;
    }
    Guarded.Finder f = FISCAL_ENDING.finder(text);
    while (f.find()) {
      if (f.start() <= start && end <= f.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The day {@link #MONTH_END_NO_YEAR} names: the latest such month's end on or before {@code
   * statedOn} and no more than half a year before it (a balance is news while it is the latest);
   * null when a day other than the month's last is named.
   */
  private static LocalDate monthEnd(Guarded.Finder m, LocalDate statedOn) {
    Integer month = month(m.group(1) != null ? m.group(1) : m.group(3));
    if (month == null) {
      return null;
    }
    LocalDate end = null;
    for (int year = statedOn.getYear(); year >= statedOn.getYear() - 1 && end == null; year--) {
      LocalDate last = YearMonth.of(year, month).atEndOfMonth();
      if (!last.isAfter(statedOn)) {
        end = last;
      }
    }
    if (end == null
        || end.isBefore(statedOn.minusMonths(6))
        || (m.group(2) != null && Integer.parseInt(m.group(2)) != end.getDayOfMonth())) {
      return null;
    }
    return end;
  }

  /** What {@code text} says besides [start, end): the rest, a space between. */
  private static String besides(String text, int start, int end) {
    return text.substring(0, start) + " " + text.substring(end);
  }

  /** Whether no period of {@code dated} overlaps [start, end). */
  private static boolean free(java.util.List<Dated> dated, int start, int end) {
    return dated.stream().noneMatch(d -> d.start() < end && start < d.end());
  }

  /** The latest {@code month}/{@code day} on or before {@code statedOn}; null if none such. */
  private static LocalDate latestDay(Integer month, int day, LocalDate statedOn) {
    if (month == null) {
      return null;
    }
    for (int year = statedOn.getYear(); year >= statedOn.getYear() - 1; year--) {
      YearMonth ym = YearMonth.of(year, month);
      if (day >= 1 && day <= ym.lengthOfMonth() && !ym.atDay(day).isAfter(statedOn)) {
        return ym.atDay(day);
      }
    }
    return null;
  }

  /** A point in time: "as of Sept. 30, 2024", "zum Stichtag 30. September 2024". */
  private static final Guarded AS_OF =
      Guarded.word(
          "(?i)\\b(?:as of|as at|at the end of|zum stichtag|stichtag|zum|per|stand:?|ende)\\s+"
              + DATE);

  /**
   * "in August", "im Oktober", "for May": a month named without a year (capitalised), with "next
   * year" or "last year" after it if so.
   */
  private static final Guarded BARE_MONTH =
      Guarded.word(
          "\\b(?:[Ii]n|[Ii]m|[Ff]or|[Ff]ür|[Dd]uring|[Ii]m Monat)\\s+"
              + "(January|February|March|April|May|June|July|August|September|October|November"
              + "|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\\b"
              // not a day ("in November 12") nor a year ("im Oktober 2025", read with its year),
              // but an amount may follow ("im November 50 Millionen", "im Oktober 61 000 Autos")
              + "(?!\\s*(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d|[.,]\\d|\\s\\d{3}\\b)"
              + NotClaims.NO_AMOUNT_AFTER
              + "|(?:1[5-9]|2[01])\\d{2}(?!\\d|[.,]\\d|\\s\\d{3}\\b)))"
              + "(?:\\s+(?i:(next year|(?:des )?kommenden jahres|(?:des )?nächsten jahres)|(last year"
              + "|(?:des )?vergangenen jahres|(?:des )?letzten jahres|des vorjahres)))?");

  /**
   * A month after which the month is when something was said or done, not the figure's period: "the
   * company said in a statement in October", "told the Financial Times in May", "announced plans in
   * October", "Apple, which in May announced", "teilte die Behörde im Oktober mit". In English only
   * with whom it was told, how or where between: "The company said sales rose 7% in November",
   * "Acme said revenue in November rose 7%" are November's.
   */
  private static final Pattern NOT_A_PERIOD_BEFORE =
      Pattern.compile(
          "(?:\\b(?i:said|says|announced|told|stated)(?:\\s+(?:\\p{Lu}[\\p{L}'\u2019.&-]*"
              + "|(?i:the|a|an|its|his|her|their|in|on|at|during|to|with|reporters|analysts"
              + "|investors|journalists|lawmakers|legislators|shareholders|employees|staff"
              + "|parliament|congress|statement|interview|memo|letter|filing|release|call"
              + "|conference|note|report|presentation|speech|meeting|plans?|results|earnings"
              + "|figures|data|stock\\s+exchange)\\b)){0,8}\\s*"
              + "|\\b(?i:sagte|erklärte|teilte|kündigte)\\b[^.,;\\d]{0,40}"
              + "|\\b(?i:which|who|that|die|der|das|welche[rs]?),?\\s*"
              + "|\\b(?i:ends?|ending|ended|runs to|endet|endete)\\s*)$");

  /** A fiscal year with its number: "fiscal 2024", "FY24", "Geschäftsjahr 2023/24". */
  private static final Pattern FISCAL_YEAR =
      Pattern.compile(
          "(?i)(?:\\b(?:fiscal|financial)(?:[\\s-]+year)?|\\bgeschäftsjahr(?:es|s)?"
              + "|\\bwirtschaftsjahr(?:es|s)?)\\s+(?:'(?<a1>\\d{2})|(?<a2>20\\d{2}))"
              + "(?:\\s?[/-]\\s?(?<a3>20\\d{2}|\\d{2}))?\\b"
              + "|\\b(?:FY|GJ)\\s?'?(?<b1>20\\d{2}|\\d{2})(?:\\s?[/-]\\s?(?<b2>20\\d{2}|\\d{2}))?\\b"
              + "|\\b(?<c1>20\\d{2})(?:\\s?[/-]\\s?(?<c2>20\\d{2}|\\d{2}))?\\s+fiscal(?:[\\s-]+year)?\\b");

  /**
   * A fiscal year by its month of ending: "its fiscal year ending in June" (groups 1, the month,
   * and 2, a year after it); "im Geschäftsjahr 2026 (bis Ende September)" (3 and 4); "im
   * Geschäftsjahr, das am 30. Juni endete" (5 and 6); "im Ende September abgelaufenen
   * Geschäftsjahr" (7). A calendar day is read here, so {@link #fiscal} is given the text with its
   * days. Read with {@link #endingMonth} and {@link #endingYear}.
   */
  private static final Guarded FISCAL_ENDING =
      Guarded.word(
          "(?i)\\b(?:(?:fiscal|financial)(?:\\s+year)?(?:\\s+20\\d{2})?,?\\s+(?:that\\s+|which\\s+)?"
              + "(?:ending|ended|ends|runs to|running to|through|to)"
              + "\\s+(?:in\\s+|on\\s+)?(?:\\d{1,2}\\s+)?("
              + MONTH
              + ")(?:\\s+\\d{1,2}(?!\\d))?,?(?:\\s+(20\\d{2}))?"
              // "Geschäftsjahr 2025/26 (per Ende Juni)", "Geschäftsjahr (bis 30. September)"
              + "|geschäftsjahr(?:es)?(?:\\s+20\\d{2}(?:\\s?/\\s?(?:20)?\\d{2})?(?:\\s*\\()?"
              + "|\\s*\\()\\s*(?:bis(?:\\s+zum)?|per|zum)\\s+(?:ende\\s+|\\d{1,2}\\.\\s*)?("
              + MONTH
              + ")(?:\\s+(20\\d{2}))?(?!\\p{L})"
              // "Geschäftsjahr, das am 30. Juni endete", "..., das im September endete"
              + "|geschäftsjahr(?:es)?(?:\\s+20\\d{2}(?:\\s?/\\s?(?:20)?\\d{2})?)?,?\\s+"
              + "(?:das|welches)\\s+(?:(?:am|im|zum)\\s+)?(?:ende\\s+|\\d{1,2}\\.\\s*)?("
              + MONTH
              + ")(?:\\s+(20\\d{2}))?\\s+(?:endete|endet|abgeschlossen\\s+wurde|zu\\s+ende\\s+ging)"
              // "im Ende September abgelaufenen Geschäftsjahr", "im per 30. Juni beendeten ..."
              + "|(?:(?:per|zum|am)\\s+)?(?:ende\\s+|\\d{1,2}\\.\\s*)("
              + MONTH
              + ")\\s+(?:abgelaufenen|abgeschlossenen|beendeten|zu\\s+ende\\s+gegangenen)"
              + "\\s+geschäftsjahr)");

  /** The month a fiscal year {@link #FISCAL_ENDING} found ends in. */
  private static Integer endingMonth(Guarded.Finder e) {
    for (int g = 1; g <= 7; g += 2) {
      if (e.group(g) != null) {
        return month(e.group(g));
      }
    }
    return null;
  }

  /** The year written after the month a fiscal year {@link #FISCAL_ENDING} found ends in. */
  private static String endingYear(Guarded.Finder e) {
    return e.group(2) != null ? e.group(2) : e.group(4) != null ? e.group(4) : e.group(6);
  }

  /** "whose fiscal year ends in June": the calendar described, not a period spoken of. */
  private static final Guarded CALENDAR_DESCRIBED =
      Guarded.word("(?i)\\b(?:whose|dessen|deren)\\s+(?:fiscal|financial|geschäftsjahr)");

  /** "this fiscal year", "im laufenden Geschäftsjahr", "last fiscal year", "next fiscal year". */
  private static final Guarded FISCAL_RELATIVE =
      Guarded.word(
          "(?i)\\b(this|current|next|coming|last|previous|prior|new|dieses|diesem|laufende[nm]?"
              + "|aktuelle[nm]?|kommende[nm]?|nächste[nm]?|neue[nm]?|vergangene[nm]?"
              + "|abgelaufene[nm]?|letzte[nm]?|vorige[nm]?)\\s+(?:fiscal(?:[\\s-]+year)?|financial"
              + "\\s+year|geschäftsjahr(?:es|s)?)\\b");

  /**
   * A fiscal quarter or half, or a fiscal year spoken of as a period ("in its fiscal year", "für
   * das gesamte Geschäftsjahr"), with or without its number.
   */
  private static final Guarded FISCAL_ANY =
      Guarded.word(
          "(?i)\\b(?:fiscal[\\s-]+(?:quarter|first|second|third|fourth|q[1-4]|h[12]|half"
              + "|'?\\d{2})|geschäftsquartal\\w*|(?:in|im|for|für|the|das|dem|des|its|seine[ms]?"
              + "|ihre[ms]?|gesamte[nm]?|whole|full|laufende[nm]?)\\s+(?:fiscal year|financial year"
              + "|geschäftsjahr\\w*|wirtschaftsjahr\\w*)|FY\\s?'?\\d{2})");

  /** A half of a fiscal year: "fiscal first half", "first half of fiscal 2024", "H1 FY24". */
  private static final Guarded HALF =
      Guarded.word(
          "(?i)\\b(?:(first|second|erste[mn]?|zweite[mn]?)[\\s-]+(?:fiscal[\\s-]+)?(?:half|halbjahr(?:e?s)?)"
              + "|fiscal[\\s-]+(first|second)[\\s-]+half|H([12])\\s?(?=FY|fiscal|GJ))");

  /**
   * The year before the period spoken of, written after the figure it dates: "5,9 % im Vorjahr",
   * "$4 billion a year earlier", "from 4.3 percent in the prior year", "$89.5 billion in the same
   * quarter of 2023" (taken as the year before, the usual comparison).
   */
  private static final Guarded YEAR_BEFORE =
      Guarded.word(
          "(?i)\\b(?:(?:im|in the|des|dem)\\s+)?(?:vorjahr(?!\\w*(?:vergleich|niveau))\\w*"
              + "|previous[- ]year|prior[- ]year|year before(?!\\s+tax)|year[- ]earlier|year[- ]ago"
              + "|jahr (?:zuvor|davor|vorher)|vor einem jahr|vor jahresfrist"
              // "the same quarter of 2023", "the same period last year"
              + "|same\\s+(?:quarter|period|month|half|time)(?:\\s+(?:of|in))?\\s+(?:last\\s+year"
              + "|the\\s+(?:previous|prior)\\s+year|a\\s+year\\s+(?:earlier|ago)|20\\d{2}))\\b");

  /** A figure (a number, and its unit word) and an article right before a year-before phrase. */
  private static final Pattern FIGURE_BEFORE =
      Pattern.compile(
          "\\d[\\d.,]*(?:\\s*(?:%|[\\p{L}€$]+\\.?)){0,2}\\s+(?:(?i:a|an|the|one|ein|einem)\\s+)?$");

  /**
   * {@code text} with the year-before phrases that follow a figure blanked out ("nach 19 Milliarden
   * Euro im Vorjahr"): they date that figure, not the sentence.
   */
  static String withoutYearBefore(String text) {
    StringBuilder out = null;
    for (MatchResult y : comparedYears(text)) { // "up from 4% in 2023" dates the 4% only
      out = blank(out, text, y.start(), y.end());
    }
    if (!Hints.mayBeBefore(text)) {
      return out == null ? text : out.toString();
    }
    Guarded.Finder m = YEAR_BEFORE.finder(text);
    while (m.find()) {
      if (FIGURE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find()) {
        out = blank(out, text, m.start(), m.end());
      }
    }
    Matcher p = COMPARED_IN_PARENTHESES.matcher(text);
    while (p.find()) {
      out = blank(out, text, p.start(), p.end()); // "£5bn (2023: £4.5bn)" dates the £4.5bn only
    }
    return out == null ? text : out.toString();
  }

  /**
   * {@code text} with the years and years before that a figure is only measured against blanked
   * out: after a comparative and "than" or "als" ("300 Mio. Euro mehr als 2024", "12 Prozent mehr
   * Passagiere als im Vorjahr", "$300 million more than in 2024"), a level of a year ("92 Prozent
   * des Vorkrisenniveaus von 2019", "92% of its 2019 level"), unless a figure of its own follows it
   * ({@link #OWN_FIGURE_AFTER}). The figure is of the period its sentence names otherwise.
   */
  static String withoutMeasuredAgainst(String text) {
    if (!Hints.mentions(
        text, "than", "als", "niveau", "level", "wert", "stand", "peak", "high", "record")) {
      return text;
    }
    StringBuilder out = null;
    for (Pattern pattern : MEASURED_AGAINST) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        out = blank(out, text, m.start(1), m.end(1));
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * After a year measured against, the words that make it the period of a figure of its own: "über
   * dem Niveau von 2019 (495 Millionen)", "than in 2024, when it reached $4.5 billion", "their 2019
   * level of $2.5 trillion".
   */
  private static final String OWN_FIGURE_AFTER =
      "(?!\\s*\\(|\\s*,?\\s*(?:when|als\\s+(?:er|sie|es)|wo|at\\s+which)\\b"
          + "|\\s+(?:levels?\\s+)?(?:of|von)\\s+[$€£\\d])";

  /** A year that a comparison names, group 1: see {@link #withoutMeasuredAgainst}. */
  private static final java.util.List<Pattern> MEASURED_AGAINST =
      java.util.List.of(
          Pattern.compile(
              "(?iu)\\b(?:mehr|weniger|höher|niedriger|größer|geringer|stärker|schwächer|besser"
                  + "|schlechter|more|less|fewer|higher|lower|greater|bigger|smaller|stronger"
                  + "|weaker|better|worse)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:als|than)\\s+"
                  + "((?:(?:im|in)\\s+(?:(?:jahr|jahre|the\\s+year)\\s+)?)?(?:19|20)\\d{2}"
                  + "|(?:im\\s+)?(?:gesamten\\s+)?vorjahr\\w*|last\\s+year|(?:a|one|ein)\\s+(?:year"
                  + "|jahr)\\s+(?:earlier|ago|before|zuvor|davor)|vor\\s+einem\\s+jahr"
                  + "|(?:in\\s+)?the\\s+(?:previous|prior|same)\\s+[\\p{L}-]+(?:\\s+(?:a|last)"
                  + "\\s+year)?)\\b(?![.,]\\d)"
                  + OWN_FIGURE_AFTER),
          Pattern.compile(
              "(?iu)\\b(?:des|dem|of\\s+(?:its|their|the))\\s+[\\p{L}-]*(?:niveaus?|level|levels"
                  + "|stand(?:es)?|wert(?:es)?)\\s+(?:von|aus|of|in)\\s+"
                  + "((?:(?:dem\\s+jahr|the\\s+year)\\s+)?"
                  + "(?:19|20)\\d{2})\\b(?![.,]\\d)"
                  + OWN_FIGURE_AFTER),
          Pattern.compile(
              "(?iu)\\b(?:of|than|unter|über|below|above)\\s+(?:its|their|the)\\s+"
                  + "((?:19|20)\\d{2})\\s+(?:levels?|peak|high|record)\\b"
                  + OWN_FIGURE_AFTER));

  /** "(2023: ", "(Vorjahr: ": the period of the figure that follows, in a comparison. */
  private static final Pattern COMPARED_IN_PARENTHESES =
      Pattern.compile(
          "(?i)\\(\\s*(?:vorjahr|vj\\.?|prior year|previous year|year ago|py|20\\d{2}|19\\d{2})\\s*:");

  /** {@code out} (a copy of {@code text} when null) with {@code from..to} blanked out. */
  static StringBuilder blank(StringBuilder out, String text, int from, int to) {
    StringBuilder b = out == null ? new StringBuilder(text) : out;
    for (int i = from; i < to; i++) {
      b.setCharAt(i, ' ');
    }
    return b;
  }

  /**
   * A period something is counted since, which is not the period of a figure: "the lowest since
   * March 2021", "the first time since 2019", "seit Ende 2020", "seit dem dritten Quartal 2022",
   * "since Q3 2022", "seit der Gründung 2019" (a year with its month or quarter, if any).
   */
  private static final Guarded SINCE =
      Guarded.word(
          "(?i)\\b(?:since|seit)\\s+(?:(?:the\\s+)?(?:end|start|beginning|middle)\\s+of\\s+|early\\s+"
              + "|late\\s+|mid-?\\s*|(?:ende|anfang|mitte|beginn)\\s+|dem\\s+jahre?\\s+"
              // "seit der Gründung 2019", "since its founding in 2019"
              + "|(?:(?:der|ihrer|seiner)\\s+gründung|(?:its|their)\\s+founding|it\\s+was\\s+founded)"
              + "\\s+(?:im\\s+jahre?\\s+|in\\s+)?)?(?:"
              + MONTH
              + "\\s+|(?:the\\s+|dem\\s+)?(?:first|second|third|fourth|ersten|zweiten|dritten|vierten)"
              + "[\\s-]+(?:quarter|quartal)(?:\\s+of)?\\s+|q[1-4]\\s*)?(?:19|20)\\d{2}\\b");

  /**
   * The year a company was founded, set off as an aside, which is not the period of a figure:
   * "Acme, founded in 2019, expects ...", "Founded in March 2015, OpenAI ...", "The bank, which was
   * founded in 1869, ...", "das 2019 gegründete Unternehmen"; not "The fund was established in 2016
   * with $50 billion", nor "the record of 1.3 million established in 2019".
   */
  private static final Guarded FOUNDED =
      Guarded.word(
          "(?i)\\b(?:(?:(?<=^)|(?<=[,(]\\s{0,2})|(?<=\\b(?:which|that|who)\\s{1,2}was\\s{1,2}))"
              + "(?:founded|established|incorporated|gegründet)\\s+(?:in\\s+|im\\s+jahre?\\s+)?"
              + "(?:\\p{L}+\\.?\\s+)?(?:19|20)\\d{2}(?=\\s*[,)])|(?:19|20)\\d{2}\\s+gegründete[mnrs]?)\\b");

  /**
   * {@code text} with every period {@link #SINCE} finds, and every year of a founding ({@link
   * #FOUNDED}), blanked out (same length).
   */
  static String withoutSince(String text) {
    String out = Hints.mentions(text, "since", "seit") ? withoutAll(text, SINCE) : text;
    return Hints.mentions(out, "founded", "established", "incorporated", "gegründet")
        ? withoutAll(out, FOUNDED)
        : out;
  }

  /**
   * A year written across two, "2025/26", "2024-25", "2023/2024": group 1 the first, 2 the second.
   */
  private static final Guarded SPLIT_YEAR =
      Guarded.word("\\b((?:19|20)\\d{2})\\s?[/\u2013-]\\s?((?:19|20)\\d{2}|\\d{2})\\b(?![/.,]\\d)");

  /** A word of a company's fiscal year right before a year: its split year is that fiscal year. */
  private static final Pattern FISCAL_BEFORE =
      Pattern.compile(
          "(?iu)(?:(?:geschäfts|wirtschafts)jahr(?:es)?|fiscal(?:\\s+year)?|financial\\s+year"
              + "|\\b(?:FY|GJ|quartal|halbjahr|quarter|half|Q[1-4]|H[12]))\\s*'?$");

  /** A word of a fiscal year right after a year: "the 2025-26 fiscal year". */
  private static final Pattern FISCAL_AFTER =
      Pattern.compile("(?iu)^\\s*(?:fiscal|financial)\\s+year|^\\s+geschäftsjahr");

  /**
   * {@code text} with every year written across two blanked out (same length), but a fiscal year's
   * ("Geschäftsjahr 2025/26", which {@link #fiscal} reads): a season, a harvest or a budget year
   * ("im Winterhalbjahr 2025/26", "Ernte 2024/25") is of neither calendar year alone, and its
   * months are not known here.
   */
  static String withoutSplitYears(String text) {
    if (!Hints.mentions(text, "/", "-", "\u2013")) {
      return text;
    }
    StringBuilder out = null;
    Guarded.Finder m = SPLIT_YEAR.finder(text);
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(2));
      second = second < 100 ? first / 100 * 100 + second : second;
      if (second == first + 1
          && !FISCAL_BEFORE.matcher(text).region(Math.max(0, m.start() - 30), m.start()).find()
          && !FISCAL_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
        out = blank(out, text, m.start(), m.end());
      }
    }
    return out == null ? text : out.toString();
  }

  /** {@code text} with every calendar day blanked out (same length: offsets stay). */
  static String withoutDays(String text) {
    return Hints.mayNameADay(text) ? withoutAll(text, DAY) : text;
  }

  /**
   * A period a calendar day ends or names, and where it is written; {@code firstMonths}: how many
   * months of the year's start it is when it names no year ("the first nine months", which an
   * entity counts in its fiscal year), else 0.
   */
  record Dated(int start, int end, LocalDate[] period, int firstMonths) {
    Dated(int start, int end, LocalDate[] period) {
      this(start, end, period, 0);
    }
  }

  /**
   * "the quarter ended June 30, 2024", "the 13 weeks ended March 3, 2024" (that span), "as of Sept.
   * 30, 2024" (that day: no start), in order.
   */
  static java.util.List<Dated> dated(String text, LocalDate statedOn, boolean forecast) {
    java.util.List<Dated> out = new java.util.ArrayList<>();
    firstMonths(text, statedOn, out);
    if (!forecast) {
      throughMonth(text, statedOn, out);
    }
    if (Hints.mentions(
        text, "between", "from", "zwischen", "von", "years", "jahre", "zeitraum", "period")) {
      Guarded.Finder y = YEAR_RANGE.finder(text);
      while (y.find()) {
        int first = Integer.parseInt(y.group(1));
        int last = Integer.parseInt(y.group(2));
        if (last > first && last - first <= 50) {
          out.add(
              new Dated(
                  y.start(),
                  y.end(),
                  new LocalDate[] {LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31)}));
        }
      }
    }
    if (!forecast && Hints.mentions(text, "ende", "end")) {
      Guarded.Finder e = MONTH_END_YEAR.finder(text);
      while (e.find()) {
        Integer month = month(e.group(1));
        LocalDate day =
            month == null ? null : YearMonth.of(Integer.parseInt(e.group(2)), month).atEndOfMonth();
        // beside another period it dates no figure, as which it dates is not known
        if (day != null
            && !day.isAfter(statedOn)
            && !OTHER_PERIOD.matcher(besides(text, e.start(), e.end())).find()
            && !OF_A_FISCAL_YEAR.matcher(text).region(e.end(), text.length()).lookingAt()
            && !FISCAL_YEAR_BEFORE.matcher(text).region(0, e.start()).find()
            && !inFiscalEnding(text, e.start(), e.end())
            && free(out, e.start(), e.end())) {
          out.add(new Dated(e.start(), e.end(), new LocalDate[] {null, day}));
        }
      }
      Guarded.Finder y = YEAR_END.finder(text);
      while (y.find()) {
        LocalDate day = yearEnd(y, statedOn);
        int start = y.start();
        int end = y.end();
        if (day != null
            && !OTHER_PERIOD.matcher(besides(text, start, end)).find()
            && free(out, start, end)) {
          out.add(new Dated(start, end, new LocalDate[] {null, day}));
        }
      }
    }
    if (!Hints.mayNameADay(text)) {
      return out;
    }
    if (Hints.mentions(
        text,
        "quart",
        "month",
        "monat",
        "half",
        "halb",
        "period",
        "zeitraum",
        "von",
        "zwischen",
        "from",
        "between",
        "year ended",
        " und ",
        " and ")) {
      yearlessSpans(text, statedOn, forecast, out);
    }
    Guarded.Finder m = ENDED.finder(text);
    while (m.find()) {
      LocalDate[] span = ended(m);
      if (span != null) {
        out.add(new Dated(m.start(), m.end(), span));
      }
    }
    Guarded.Finder a = AS_OF.finder(text);
    while (a.find()) {
      LocalDate day = date(a, 1);
      if (day != null) {
        out.add(new Dated(a.start(), a.end(), new LocalDate[] {null, day}));
      }
    }
    if (!forecast) {
      Guarded.Finder y = AS_OF_NO_YEAR.finder(text);
      while (y.find()) {
        boolean monthFirst = y.group(1) != null;
        LocalDate day =
            latestDay(
                month(monthFirst ? y.group(1) : y.group(4)),
                Integer.parseInt(monthFirst ? y.group(2) : y.group(3)),
                statedOn);
        if (day != null) {
          out.add(new Dated(y.start(), y.end(), new LocalDate[] {null, day}));
        }
      }
      Guarded.Finder e = MONTH_END_NO_YEAR.finder(text);
      while (e.find()) {
        LocalDate day = monthEnd(e, statedOn);
        int start = e.start();
        int end = e.end();
        if (day != null
            && !OF_A_FISCAL_YEAR.matcher(text).region(end, text.length()).lookingAt()
            && !inFiscalEnding(text, start, end)
            && free(out, start, end)) {
          out.add(new Dated(start, end, new LocalDate[] {null, day}));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Dated::start));
    return out;
  }

  /** A month with its year: "September 2024", "im Oktober 2023". */
  static final Guarded MONTH_YEAR =
      Guarded.word(
          "(?i)\\b(january|february|march|april|may|june|july|august|september|october|november|"
              + "december|januar|februar|märz|mai|juni|juli|oktober|dezember)\\s+(20\\d{2}|19\\d{2})\\b");

  /**
   * The months of a sentence that names two or more different ones for its figures ("Im September
   * hatte die Rate noch 2,4 Prozent betragen, im August 2,2 Prozent"; "4.1% in October, unchanged
   * from September, and 3.9% in August"), each where it is written, so that each dates its own
   * figures; none when it names fewer (one month is the sentence's period, read there). Not a month
   * compared with ("after 2.4% in September", a base), nor one of a saying ("said in March"), nor
   * one inside a span of {@code dated}. A month without its year ("in August") is of the one year
   * the sentence names before its first month and not for a figure of its own ({@code named}, of
   * the first month's place: "In 2023, sales rose 5% in March and 3% in April"), else, when it
   * names none, the latest by the day of the news; none when it names several. {@code sentence}:
   * with days and "since ..." blanked out.
   */
  static java.util.List<Dated> monthsApart(
      java.util.List<Dated> dated,
      String sentence,
      LocalDate statedOn,
      boolean forecast,
      java.util.function.IntFunction<java.util.Set<Integer>> named) {
    if (!Hints.mayNameADay(sentence)) {
      return java.util.List.of();
    }
    java.util.List<Dated> months = new java.util.ArrayList<>();
    Guarded.Finder y = MONTH_YEAR.finder(sentence);
    while (y.find()) {
      YearMonth ym = YearMonth.of(Integer.parseInt(y.group(2)), month(y.group(1)));
      addMonth(months, dated, sentence, y.start(), y.end(), ym);
    }
    Guarded.Finder m = BARE_MONTH.finder(sentence);
    java.util.Set<Integer> years = null;
    while (m.find()) {
      if (years == null) {
        int first = months.isEmpty() ? m.start() : Math.min(m.start(), months.get(0).start());
        years = named.apply(first);
      }
      if (years.size() > 1) {
        break;
      }
      YearMonth ym =
          years.isEmpty() || m.group(2) != null || m.group(3) != null
              ? YearMonth.from(month(m, statedOn, forecast)[0])
              : YearMonth.of(years.iterator().next(), month(m.group(1)));
      addMonth(months, dated, sentence, m.start(), m.end(), ym);
    }
    if (months.stream().map(d -> d.period()[0]).distinct().count() == 1
        && Hints.mentions(sentence, "vormonat", "previous month")) {
      // "stieg im Oktober auf 6,1 Prozent, im Vormonat hatte sie 6,0 Prozent betragen"
      YearMonth prior = YearMonth.from(months.get(0).period()[0]).minusMonths(1);
      Guarded.Finder v = PREVIOUS_MONTH.finder(sentence);
      while (v.find()) {
        addMonth(months, dated, sentence, v.start(), v.end(), prior);
      }
    }
    if (months.stream().map(d -> d.period()[0]).distinct().count() < 2) {
      return java.util.List.of();
    }
    months.sort(java.util.Comparator.comparingInt(Dated::start));
    return months;
  }

  /** "im Vormonat", "in the previous month": the month before the one the sentence names. */
  private static final Guarded PREVIOUS_MONTH =
      Guarded.word("(?i)\\b(?:im\\s+vormonat|in\\s+the\\s+previous\\s+month)\\b");

  /** "the same as in September", "wie im September", "from October 2023": a month compared with. */
  private static final Pattern AS_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:as|wie|from|than|als|versus|vs\\.?|gegenüber|compared\\s+(?:with|to))\\s+$");

  private static void addMonth(
      java.util.List<Dated> months,
      java.util.List<Dated> dated,
      String sentence,
      int start,
      int end,
      YearMonth ym) {
    boolean inside = dated.stream().anyMatch(d -> d.start() < end && start < d.end());
    if (!inside
        && !comparedWith(sentence, start)
        && !AS_BEFORE.matcher(sentence).region(Math.max(0, start - 16), start).find()
        && !saidThen(sentence, start, end)
        && months.stream().noneMatch(d -> d.start() < end && start < d.end())) {
      months.add(new Dated(start, end, new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()}));
    }
  }

  /** The spans of {@link #ENDED_IN_MONTH} and {@link #MONTH_RANGE} in {@code text}, into out. */
  private static void yearlessSpans(
      String text, LocalDate statedOn, boolean forecast, java.util.List<Dated> out) {
    Guarded.Finder e = ENDED_IN_MONTH.finder(text);
    while (e.find()) {
      LocalDate end = lastDay(month(e.group(2)), e.group(3), statedOn, forecast);
      if (end != null) {
        out.add(new Dated(e.start(), e.end(), span(end, months(e.group(1)))));
      }
    }
    Guarded.Finder r = MONTH_RANGE.finder(text);
    while (r.find()) {
      boolean from = r.group(1) != null;
      int first = month(r.group(from ? 1 : 4));
      int last = month(r.group(from ? 2 : 5));
      LocalDate end =
          from && r.group(3) != null
              ? YearMonth.of(Integer.parseInt(r.group(3)), last).atEndOfMonth()
              : lastDay(last, null, statedOn, forecast);
      int months = Math.floorMod(last - first, 12) + 1;
      String opening = r.group(0).toLowerCase(Locale.ROOT);
      if (months == 2
          && from
          && !opening.startsWith("zeitraum")
          && !opening.startsWith("in ")
          && !opening.startsWith("im ")) {
        // two months in a row, "from" one "to" the next, are as often a change from one month
        // to the next ("Consumer prices rose 0.3% from April to May") as a span of both
        // ("Between April and May, the airline flew 24 million passengers"): neither is dated
        continue;
      }
      out.add(new Dated(r.start(), r.end(), span(end, months)));
    }
  }

  /**
   * The spans of {@link #FIRST_MONTHS} in {@code text}, into out: from January 1, of the year named
   * or else of the latest such span begun by the day of the news (what is said of the first months
   * of a year is said once they are over, or nearly).
   */
  private static void firstMonths(String text, LocalDate statedOn, java.util.List<Dated> out) {
    if (Hints.mentions(text, "month", "monat")) {
      firstMonths(FIRST_MONTHS.finder(text), 1, statedOn, out);
    }
    if (Hints.mentions(text, "quart")) {
      firstMonths(FIRST_QUARTERS.finder(text), 3, statedOn, out);
    }
  }

  /**
   * The months of a year up to one named, in a report: "Through September, BMW delivered ...", "Bis
   * Ende September lieferte BMW ..." (January to September). Not the end of a span named before
   * ("from April through September", "in the 12 months through September", "the quarter through
   * June": read as such).
   */
  private static final Guarded THROUGH_MONTH =
      Guarded.word(
          "(?i)\\b(?:through|thru|bis\\s+(?:zum\\s+)?ende|bis\\s+einschließlich)\\s+("
              + MONTH
              + ")(?:\\s+(20\\d{2}))?\\b");

  /**
   * What stands right before {@link #THROUGH_MONTH} when it dates the months so far: nothing (it
   * opens the sentence: "Through September, BMW delivered ...", "Bis Ende September lieferte ..."),
   * or a figure ("Sales rose 3% through September"). Not a verb ("the strike, which lasted through
   * September", "after staying flat through September", "dauerte bis Ende Oktober").
   */
  private static final Pattern SO_FAR_BEFORE =
      Pattern.compile("\\d[\\d.,]*\\s*(?:%|[\\p{L}€$]+\\.?)?\\s*$");

  /** Whether only spaces and quotes stand before {@code at}: it opens the text. */
  private static boolean opens(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (!Character.isWhitespace(text.charAt(i)) && "\"'„“»".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static void throughMonth(String text, LocalDate statedOn, java.util.List<Dated> out) {
    if (!Hints.mentions(text, "through", "thru", "bis ")) {
      return;
    }
    Guarded.Finder m = THROUGH_MONTH.finder(text);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT).replace(".", ""));
      if (month == null
          || !(opens(text, m.start())
              || SO_FAR_BEFORE
                  .matcher(text)
                  .region(Math.max(0, m.start() - 40), m.start())
                  .find())) {
        continue;
      }
      LocalDate end =
          m.group(2) != null
              ? YearMonth.of(Integer.parseInt(m.group(2)), month).atEndOfMonth()
              : lastDay(month, null, statedOn, false);
      if (!end.isAfter(statedOn)) { // "a programme that runs through September 2025": ahead
        out.add(new Dated(m.start(), m.end(), new LocalDate[] {end.withDayOfYear(1), end}));
      }
    }
  }

  /** The spans {@code f} finds, each of its count times {@code monthsEach} months, into out. */
  private static void firstMonths(
      Guarded.Finder f, int monthsEach, LocalDate statedOn, java.util.List<Dated> out) {
    while (f.find()) {
      int months = count(f.group(1)) * monthsEach;
      LocalDate end =
          f.group(2) != null
              ? YearMonth.of(Integer.parseInt(f.group(2)), months).atEndOfMonth()
              : lastDay(months, null, statedOn, false);
      // with its year named, the calendar's months; else the entity's fiscal year's
      out.add(
          new Dated(
              f.start(),
              f.end(),
              new LocalDate[] {end.withDayOfYear(1), end},
              f.group(2) == null ? months : 0));
    }
  }

  private static LocalDate[] ended(MatchResult m) {
    LocalDate end = date(m, 3);
    if (end == null) {
      return null;
    }
    if (m.group(2) != null) {
      int weeks = Integer.parseInt(m.group(2));
      return weeks < 1 ? null : new LocalDate[] {end.minusDays(7L * weeks - 1), end};
    }
    return span(end, months(m.group(1)));
  }

  /** How many months a span's words name: a quarter 3, a half 6, nine months 9, else 12. */
  private static int months(String words) {
    String span = words.toLowerCase(Locale.ROOT);
    return span.contains("quart")
            || span.startsWith("three")
            || span.startsWith("drei")
            || span.startsWith("3 ")
        ? 3
        : span.startsWith("six")
                || span.startsWith("sechs")
                || span.startsWith("6 ")
                || span.startsWith("half")
                || span.startsWith("halb")
            ? 6
            : span.startsWith("nine") || span.startsWith("neun") || span.startsWith("9 ") ? 9 : 12;
  }

  /** The {@code months} ending on {@code end} (whole months when it is a month's last day). */
  private static LocalDate[] span(LocalDate end, int months) {
    LocalDate start =
        end.equals(YearMonth.from(end).atEndOfMonth())
            ? YearMonth.from(end).minusMonths(months - 1L).atDay(1)
            : end.minusMonths(months).plusDays(1);
    return new LocalDate[] {start, end};
  }

  /**
   * The day a span named by its last month without a year ends ({@code day}, else the month's last
   * day): in the latest such month begun by {@code statedOn}; of a forecast, in the first not yet
   * ended. Null for a day the month does not have.
   */
  private static LocalDate lastDay(int month, String day, LocalDate statedOn, boolean forecast) {
    YearMonth ym = YearMonth.of(statedOn.getYear(), month);
    if (forecast) {
      ym = ym.atEndOfMonth().isBefore(statedOn) ? ym.plusYears(1) : ym;
    } else {
      ym = ym.atDay(1).isAfter(statedOn) ? ym.minusYears(1) : ym;
    }
    if (day == null) {
      return ym.atEndOfMonth();
    }
    int d = Integer.parseInt(day);
    return d >= 1 && d <= ym.lengthOfMonth() ? ym.atDay(d) : null;
  }

  /** The date of {@link #DATE} whose first group is {@code first}, or null if there is none. */
  private static LocalDate date(MatchResult m, int first) {
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

  /** 1-12 for a month's name or its short form ("Sept."), English or German; null if none. */
  static Integer month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  /**
   * "in August": the latest August begun by {@code statedOn} (a forecast: the next one not yet
   * ended); null if no month is named.
   */
  static LocalDate[] bareMonth(String text, LocalDate statedOn, boolean forecast) {
    if (!Hints.mayNameADay(text)) {
      return null;
    }
    Guarded.Finder m = BARE_MONTH.finder(text);
    while (m.find()) {
      // "from 4.3 percent in July" dates the 4.3 only
      if (!comparedWith(text, m.start()) && !saidThen(text, m.start(), m.end())) {
        return month(m, statedOn, forecast);
      }
    }
    return null;
  }

  /**
   * "last month", "im vergangenen Monat": the month before the one of the news; not "the last month
   * of the year", nor a figure compared with ("up from 4.2% last month"), nor when something was
   * said ("Intel said last month it would cut ...").
   */
  static LocalDate[] lastMonth(String text, LocalDate statedOn) {
    if (!Hints.mentions(text, "month", "monat")) {
      return null;
    }
    Guarded.Finder m = LAST_MONTH.finder(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 40), m.start());
      boolean figureBefore = DIGIT.matcher(text).region(0, m.start()).find();
      Matcher digit = DIGIT.matcher(text).region(m.end(), text.length());
      int upTo = digit.find() ? digit.start() : text.length();
      if (!comparedWith(text, m.start())
          && !saidThen(text, m.start(), m.end())
          && !MONTH_COMPARED.matcher(before).find()
          && !POSSESSIVE.matcher(text).region(m.end(), text.length()).lookingAt()
          && !(!figureBefore
              && SAID_NEAR.matcher(text).region(m.end(), Math.min(upTo, m.end() + 40)).find())) {
        YearMonth ym = YearMonth.from(statedOn).minusMonths(1);
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
    }
    return null;
  }

  private static final Guarded LAST_MONTH =
      Guarded.word(
          "(?i)\\b(?:(?<!\\bthe\\s)last\\s+month(?!\\s+of\\b)|(?:vergangenen|letzten|abgelaufenen"
              + "|zurückliegenden)\\s+monat(?!\\s+des\\b))\\b");

  /**
   * "from last month", "on last month", "gegenüber dem vergangenen Monat": a base, not a period.
   */
  private static final Pattern MONTH_COMPARED =
      Pattern.compile(
          "(?i)\\b(?:from|than|on|over|versus|vs\\.?|compared\\s+(?:with|to)|gegenüber|im\\s+vergleich"
              + "\\s+zum)\\s+(?:the\\s+|dem\\s+|im\\s+)?$");

  private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s\\b");

  /**
   * A verb of reporting after "Last month," with no figure before: when it was said ("Last month,
   * Acme reported quarterly revenue of $4.2 billion").
   */
  private static final Pattern SAID_NEAR =
      Pattern.compile(
          "(?i)\\b(?:said|says|reported|announced|told|disclosed|meldete|teilte|berichtete"
              + "|kündigte|sagte|gab)\\b");

  private static boolean saidThen(String text, int at, int end) {
    String before = text.substring(Math.max(0, at - 40), at);
    Matcher said = SAID_AFTER.matcher(text).region(end, text.length());
    return NOT_A_PERIOD_BEFORE.matcher(before).find()
        || hadThen(text, end)
        || (said.lookingAt() && !attribution(text, at, said.start(), said.end()))
        // "published in March", not "released data for October"
        || (Character.toLowerCase(text.charAt(at)) == 'i' && PUBLISHED.matcher(before).find());
  }

  private static final Pattern PUBLISHED =
      Pattern.compile(
          "(?i)\\b(?:published|released|issued|unveiled|veröffentlicht\\w*|vorgelegt|vorgestellt)"
              + "\\s*$");

  /** "Im Mai hatte die Regierung ...": when it was said. */
  private static final Pattern HAD_AFTER = Pattern.compile("(?i),?\\s+(?:hatte|hatten|had)\\b");

  /**
   * A participle of a figure's own verb, in the clause after "hatte": "Im September hatte die Rate
   * noch 2,4 Prozent betragen" is the rate of September, not when something was said.
   */
  private static final Pattern RESULT_PARTICIPLE =
      Pattern.compile(
          "(?i)\\b(?:betragen|gelegen|erreicht|gestiegen|gesunken|gefallen|geklettert|gewachsen"
              + "|geschrumpft|zugelegt|verloren|eingebüßt|erzielt|verdient|umgesetzt|abgesetzt"
              + "|ausgeliefert|verkauft|verbucht|erwirtschaftet|gesteigert|verzeichnet)\\b");

  /** Whether "hatte" right after a month at {@code end} dates a saying ({@link #HAD_AFTER}). */
  private static boolean hadThen(String text, int end) {
    Matcher had = HAD_AFTER.matcher(text).region(end, text.length());
    if (!had.lookingAt()) {
      return false;
    }
    int clauseEnd = had.end();
    while (clauseEnd < text.length() && !clauseBreak(text, clauseEnd)) {
      clauseEnd++;
    }
    return !RESULT_PARTICIPLE.matcher(text).region(had.end(), clauseEnd).find();
  }

  /**
   * Whether a clause ends at {@code i}: a punctuation mark, not inside a number ("2,4") nor the
   * point of an abbreviation ("1,2 Mrd. Euro").
   */
  private static boolean clauseBreak(String text, int i) {
    return ",;:.".indexOf(text.charAt(i)) >= 0
        && !(i > 0
            && i + 1 < text.length()
            && Character.isDigit(text.charAt(i - 1))
            && Character.isDigit(text.charAt(i + 1)))
        && !(text.charAt(i) == '.'
            && ABBREVIATION
                .matcher(text)
                .region(Math.max(0, i - 6), i)
                .useTransparentBounds(true)
                .find());
  }

  /** The abbreviations of amounts and months that news writes before a point, at the end. */
  private static final Pattern ABBREVIATION =
      Pattern.compile("(?i)\\b(?:mrd|mio|tsd|bn|mn|ca|rd|bzw|jan|feb|aug|sept?|okt|nov|dez)$");

  /** "In April, the IMF forecast ...": when it was said, unless {@link #attribution}. */
  private static final Pattern SAID_AFTER =
      Pattern.compile(
          "(?i),?\\s+(?:the\\s+)?\\p{L}+\\s+(?:forecast|predicted|said|projected|prognostizierte"
              + "|sagte)\\b");

  /**
   * Whether the saying after a month (from {@code saidAt}, a comma, to {@code saidEnd}) only says
   * who gives a figure written before the month: "Inflation rose to 2.3% in November, Eurostat said
   * (on Friday, citing ...)." The month is the figure's. Not when the figures follow the saying
   * ("In April, the IMF forecast growth of 3%") or no comma sets it off ("After a 3% rise, in
   * November the company said it would cut jobs").
   */
  private static boolean attribution(String text, int at, int saidAt, int saidEnd) {
    if (!DIGIT.matcher(text).region(0, at).find() || text.charAt(saidAt) != ',') {
      return false; // "After a 3% rise, in November the company said ..."
    }
    String after = text.substring(saidEnd);
    return !DIGIT.matcher(SAID_ON.matcher(after).replaceAll("")).find();
  }

  private static final Pattern DIGIT = Pattern.compile("\\d");

  /**
   * The day a saying was made: "on Friday", "on Dec. 3", "on 3 December 2024", "am 3. Dezember".
   */
  private static final Pattern SAID_ON =
      Pattern.compile(
          "(?i)\\b(?:on|am)\\s+(?:\\p{L}+\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
              + "|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+\\p{L}+)(?:,?\\s+\\d{4})?");

  private static LocalDate[] month(MatchResult m, LocalDate statedOn, boolean forecast) {
    if (m.group(2) != null || m.group(3) != null) { // "in May next year"
      YearMonth ym =
          YearMonth.of(statedOn.getYear() + (m.group(2) != null ? 1 : -1), month(m.group(1)));
      return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
    }
    YearMonth ym = YearMonth.of(statedOn.getYear(), month(m.group(1)));
    if (forecast) {
      // a month ended a while ago is next year's; one just ended is still awaited ("In December,
      // prices are expected to rise", said on 10 January)
      YearMonth before = ym.minusYears(1);
      if (ym.atDay(1).isAfter(statedOn) && !before.atEndOfMonth().plusDays(45).isBefore(statedOn)) {
        ym = before;
      } else if (ym.atEndOfMonth().plusDays(45).isBefore(statedOn)) {
        ym = ym.plusYears(1);
      }
    } else {
      ym = ym.atDay(1).isAfter(statedOn) ? ym.minusYears(1) : ym;
    }
    return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
  }

  /**
   * A fiscal period named in the sentence: its year (named by the calendar year it ends in; "FY
   * 2023/24" is 2024) or its place relative to the current one, its quarter (0: the whole year) and
   * the month it ends in when the text says so ({@code withDays}: the same text with its calendar
   * days, which "das am 30. Juni endete" needs). Null when the sentence names none.
   */
  static FiscalRef fiscal(String text, String withDays, Integer quarter, Integer quarterYear) {
    if (!Hints.mayBeFiscal(text)) {
      return null;
    }
    Guarded.Finder e = FISCAL_ENDING.finder(withDays);
    boolean ending = e.find() && !CALENDAR_DESCRIBED.finder(text).find();
    boolean named = FISCAL_YEAR.matcher(text).find();
    if (!FISCAL_ANY.finder(text).find()
        && !ending
        && !named
        && !FISCAL_RELATIVE.finder(text).find()) {
      return null;
    }
    java.util.List<YearAt> years = fiscalYears(text);
    Integer year = years.isEmpty() ? null : years.get(0).year();
    Integer endMonth = null;
    if (ending) {
      endMonth = endingMonth(e);
      if (endingYear(e) != null) { // "fiscal 2024 ending March 2025": the year it ends in
        year = Integer.parseInt(endingYear(e));
      }
    } else if (named && splitYear(text)) {
      endMonth = FiscalRef.SPLIT;
    }
    Guarded.Finder h = HALF.finder(text);
    if (quarter == null && h.find()) {
      String w = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
      quarter = w.equals("1") || w.toLowerCase(Locale.ROOT).matches("first|erste[mn]?") ? -1 : -2;
    }
    Integer relative = null;
    Guarded.Finder r = FISCAL_RELATIVE.finder(text);
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
    return new FiscalRef(year, quarter == null ? 0 : quarter, relative, endMonth, false);
  }

  /**
   * A period a figure is compared with, written right after that figure: the year, quarter or month
   * before ("5,9 % im Vorjahr", "im Vormonat": {@code period} null, {@code monthsBefore} 12, 3 or
   * 1; "the same quarter of 2023": {@code sameIn} 2023) or a month after "from" ("from 4.3 percent
   * in July").
   */
  record Base(int start, LocalDate[] period, int monthsBefore, Integer sameIn) {
    Base(int start, LocalDate[] period, int monthsBefore) {
      this(start, period, monthsBefore, null);
    }

    /**
     * How many months before the period spoken of ({@code from}: its first day, null if unknown)
     * the figure's period is: "the same month of 2019" said of October 2024 is 60.
     */
    int monthsBefore(LocalDate from) {
      if (sameIn == null || from == null || from.getYear() <= sameIn) {
        return monthsBefore;
      }
      return 12 * (from.getYear() - sameIn);
    }
  }

  /** The month or quarter before: "im Vormonat", "from a quarter earlier". */
  private static final Guarded MONTH_BEFORE =
      Guarded.word(
          "(?i)\\b(?:(?:im|in the)\\s+)?(?:vormonat\\w*|previous month|prior month|month before"
              + "|month earlier)\\b");

  private static final Guarded QUARTER_BEFORE =
      Guarded.word(
          "(?i)\\b(?:(?:im|in the)\\s+)?(?:vorquartal\\w*|previous quarter|prior quarter"
              + "|quarter before|quarter earlier)\\b");

  /**
   * The latest quarter, by words that after a figure compared with name the quarter before the one
   * reported on: "up from $12.8 billion last quarter", "nach 12,8 Milliarden Dollar im vergangenen
   * Quartal".
   */
  private static final Guarded LAST_QUARTER =
      Guarded.word("(?i)\\b(?:(?:in|im)\\s+)?(?:the\\s+)?" + QuarterWords.LAST_QUARTER + "\\b");

  /**
   * A figure compared with ends right before the words: "from $12.8 billion ", "nach 5 Mrd. Euro ".
   */
  private static final Pattern COMPARED_FIGURE =
      Pattern.compile(
          "(?i)\\b(?:from|nach|compared (?:with|to)|gegenüber|versus|vs\\.?)\\s+\\S*\\d\\S*"
              + "(?:\\s+[\\p{L}%]+\\.?){0,2}\\s*$");

  /** Whether a figure compared with ends right before {@code at} ("up from $12.8 billion "). */
  static boolean afterComparedFigure(String text, int at) {
    return COMPARED_FIGURE.matcher(text.substring(Math.max(0, at - 48), at)).find();
  }

  /** The text's periods of comparison, in order. */
  static java.util.List<Base> bases(String text, LocalDate statedOn, boolean forecast) {
    java.util.List<Base> out = new java.util.ArrayList<>();
    for (MatchResult y : comparedYears(text)) { // "up from 4% in 2023", "after 3.3% last year"
      int year = y.group(1) != null ? Integer.parseInt(y.group(1)) : statedOn.getYear() - 1;
      out.add(
          new Base(
              y.start(),
              new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)},
              0));
    }
    if (Hints.mentions(text, "quarter", "quartal", "vierteljahr")) {
      Guarded.Finder q = LAST_QUARTER.finder(text);
      while (q.find()) {
        if (afterComparedFigure(text, q.start())) {
          out.add(new Base(q.start(), null, 3));
        }
      }
    }
    if (!Hints.mayBeBefore(text)) {
      return out;
    }
    for (Map.Entry<Guarded, Integer> before :
        Map.of(YEAR_BEFORE, 12, QUARTER_BEFORE, 3, MONTH_BEFORE, 1).entrySet()) {
      Guarded.Finder m = before.getKey().finder(text);
      while (m.find()) {
        Matcher same = SAME_IN.matcher(m.group());
        Integer in = same.find() ? Integer.valueOf(same.group(1)) : null;
        out.add(new Base(m.start(), null, before.getValue(), in));
      }
    }
    Guarded.Finder b = BARE_MONTH.finder(text);
    while (b.find()) {
      if (comparedWith(text, b.start())) {
        out.add(new Base(b.start(), month(b, statedOn, forecast), 0));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Base::start));
    return out;
  }

  /** "the same month of 2019": the year named. */
  private static final Pattern SAME_IN =
      Pattern.compile("(?i)^(?:\\S+\\s+)*?same\\s.*\\b(20\\d{2})$");

  /** A year, or last year, that may follow a figure compared with: "from 4% in 2023". */
  private static final Guarded YEAR_COMPARED =
      Guarded.word(
          "(?i)\\b(?:(?:in|im jahr|im jahre)\\s+)?(?:(20\\d{2}|19\\d{2})|last year"
              + "|im vergangenen jahr|im letzten jahr|im abgelaufenen jahr|im zurückliegenden jahr)"
              + "\\b(?![.,]\\d)");

  /** The years {@link #YEAR_COMPARED} finds after a figure compared with them. */
  private static java.util.List<MatchResult> comparedYears(String text) {
    java.util.List<MatchResult> out = new java.util.ArrayList<>();
    if (mayCompare(text)) {
      Guarded.Finder y = YEAR_COMPARED.finder(text);
      while (y.find()) {
        if (comparedYear(text, y.start())) {
          out.add(y.toMatchResult());
        }
      }
    }
    return out;
  }

  /** A year after a figure compared with it, not the end of a span ("from 2020 to 2023"). */
  private static boolean comparedYear(String text, int at) {
    return COMPARED_WITH_YEAR.finder(text.substring(Math.max(0, at - 40), at)).find()
        && !SPAN_FROM_YEAR.matcher(text.substring(Math.max(0, at - 16), at)).find();
  }

  /**
   * {@link #COMPARED_WITH} but "than", "als" and "von", which as often weigh ("grew more than 2.5%
   * last year") or name ("ein Rückgang von 0,2 Prozent im vergangenen Jahr") a figure of that year.
   */
  private static final Guarded COMPARED_WITH_YEAR =
      Guarded.word(
          "(?i)\\b(?:from|nach|compared (?:with|to)|gegenüber|versus|vs\\.?|after(?:\\s+\\w+ing)?"
              + "|following)\\s+\\S*\\d\\S*(?:\\s+[\\p{L}%]+)?\\s*$");

  private static final Pattern SPAN_FROM_YEAR =
      Pattern.compile("(?i)\\b(?:19|20)\\d{2}\\s*(?:to|bis|and|und|through|-|–)?\\s*$");

  /** Whether the text may hold a year after a word of {@link #COMPARED_WITH_YEAR}. */
  private static boolean mayCompare(String text) {
    return Hints.mentions(text, "19", "20", "last year", "vergangenen jahr", "letzten jahr")
        && Hints.mentions(
            text, "from", "nach", "compared", "gegenüber", "versus", "vs", "after", "following");
  }

  /** "from 4.3 percent" / "nach 5,9 %" / "than $4 billion" ends right before {@code at}. */
  private static boolean comparedWith(String text, int at) {
    return COMPARED_WITH.finder(text.substring(Math.max(0, at - 40), at)).find();
  }

  private static final Guarded COMPARED_WITH =
      Guarded.word(
          "(?i)\\b(?:from|von|nach|than|als|compared with|gegenüber|after(?:\\s+\\w+ing)?"
              + "|following)\\s+\\S*\\d\\S*"
              + "(?:\\s+[\\p{L}%]+)?\\s*$");

  private static int year(String text) {
    int y = Integer.parseInt(text);
    return text.length() == 2 ? 2000 + y : y;
  }

  /** A fiscal year named in a text, and where. */
  record YearAt(int start, int end, int year) {}

  /** Whether the text names a fiscal year across two calendar years ("2025/26", "FY24/25"). */
  private static boolean splitYear(String text) {
    Matcher y = FISCAL_YEAR.matcher(text);
    while (y.find()) {
      if (y.group("a3") != null || y.group("b2") != null || y.group("c2") != null) {
        return true;
      }
    }
    return false;
  }

  /** The fiscal years the text names by number, in order ("FY 2023/24" is 2024). */
  static java.util.List<YearAt> fiscalYears(String text) {
    java.util.List<YearAt> out = new java.util.ArrayList<>();
    if (!Hints.mayBeFiscal(text)) {
      return out;
    }
    Matcher y = FISCAL_YEAR.matcher(text);
    while (y.find()) {
      String first = y.group("a1") != null ? y.group("a1") : y.group("a2");
      String second = y.group("a3");
      if (first == null && y.group("b1") != null) {
        first = y.group("b1");
        second = y.group("b2");
      } else if (first == null) {
        first = y.group("c1");
        second = y.group("c2");
      }
      out.add(new YearAt(y.start(), y.end(), year(second != null ? second : first)));
    }
    // "the fiscal year ending March 2026" is fiscal 2026 ("... and 215 million in fiscal 2027")
    Guarded.Finder e = FISCAL_ENDING.finder(text);
    while (e.find()) {
      int from = e.start();
      int to = e.end();
      String year = endingYear(e);
      if (year != null && out.stream().noneMatch(o -> o.start() < to && from < o.end())) {
        out.add(new YearAt(from, to, Integer.parseInt(year)));
      }
    }
    if (out.size() > 1) {
      out.sort(java.util.Comparator.comparingInt(YearAt::start));
    }
    return out;
  }

  /**
   * A fiscal period as the text names it; {@link FiscalPeriods} places it in an entity's calendar.
   *
   * @param year the fiscal year, named by the calendar year it ends in; null if not named
   * @param quarter 1-4, 0 for the whole year, -1 / -2 for its first / second half, {@link #LATEST},
   *     {@link #CURRENT} or {@link #NEXT} for the quarter ended last, under way or next, {@link
   *     #FIRST_MONTHS} + n for its first n months
   * @param relative with no year: 0 the current fiscal year, -1 the last, 1 the next, {@link #NEW}
   *     the one begun most recently or about to begin; null if not said
   * @param endMonth the month the fiscal year ends in, when the text says ("ending in June")
   * @param soft a quarter or half named without "fiscal" and without its year ("fourth-quarter
   *     revenue", "im ersten Halbjahr"): the entity's fiscal quarter when its fiscal year is not
   *     the calendar year (that is how a company reports, and how its results are written up), else
   *     the calendar quarter
   */
  record FiscalRef(Integer year, int quarter, Integer relative, Integer endMonth, boolean soft) {
    static final int NEW = 2;

    /**
     * As {@code endMonth}: a year written across two ("Geschäftsjahr 2025/26", "FY 2024/25"), which
     * ends in some month other than December; placed only in an entity's calendar that says which.
     */
    static final int SPLIT = 0;

    /** As {@code quarter}, plus the number of months: the first months of the year. */
    static final int FIRST_MONTHS = 100;

    /** "the first nine months" of an entity, with no year named: see {@code soft}. */
    static FiscalRef firstMonths(int months) {
      return new FiscalRef(null, FIRST_MONTHS + months, null, null, true);
    }

    /** As {@code quarter}: the latest quarter ended by the day of the news. */
    static final int LATEST = 5;

    /** As {@code quarter}: the quarter under way on the day of the news. */
    static final int CURRENT = 6;

    /** As {@code quarter}: the quarter after the one under way on the day of the news. */
    static final int NEXT = 7;

    /**
     * As {@code quarter}: "this quarter", the one under way, or in results said within {@link
     * #JUST_ENDED_DAYS} of a quarter's end, that quarter ("Revenue this quarter was ...").
     */
    static final int THIS = 8;

    /** How long after a quarter's end results call it "this quarter". */
    static final int JUST_ENDED_DAYS = 45;

    /**
     * The latest quarter ended, the one under way or the next, of an entity, as {@link
     * QuarterWords#named} gives them (0, {@link #CURRENT}, {@link #NEXT}, {@link #THIS}).
     */
    static FiscalRef relativeQuarter(int which) {
      return new FiscalRef(null, which == 0 ? LATEST : which, null, null, true);
    }

    /** "fourth-quarter revenue" (a half: -1 / -2) of an entity: see {@code soft}. */
    static FiscalRef softQuarter(int quarter) {
      return new FiscalRef(null, quarter, null, null, true);
    }

    FiscalRef withYear(int y) {
      return new FiscalRef(y, quarter, relative, endMonth, soft);
    }

    FiscalRef withQuarter(int q) {
      return new FiscalRef(year, q, relative, endMonth, soft);
    }
  }
}
