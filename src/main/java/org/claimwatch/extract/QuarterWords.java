package org.claimwatch.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Quarters as a sentence names them: by number ("the third quarter", "Q3 2024", "3Q24"), by the
 * month they end in ("the June quarter"), by name ("Schlussquartal", "Weihnachtsquartal"), and from
 * the day of the news ("the latest quarter", "im laufenden Quartal"); and the rule that places a
 * period named without its year.
 */
final class QuarterWords {
  private QuarterWords() {}

  private static final Guarded QUARTER_Q =
      Guarded.word(
          "(?i)\\b(?:Q([1-4])\\s*(?:/\\s*)?'?(20\\d{2}|\\d{2})?|([1-4])Q\\s?(20\\d{2}|\\d{2}))\\b");
  private static final Guarded QUARTER_WORDS =
      Guarded.word(
          "(?i)\\b(first|second|third|fourth|erste[mn]?|zweite[mn]?|dritte[mn]?|vierte[mn]?|1\\.|2\\.|3\\.|4\\.)"
              + "[\\s-]+(?:fiscal[\\s-]+)?(?:quarter|quartal|geschäftsquartal|vierteljahr(?:es)?|jahresviertel)"
              + "(?:\\s+(?:of\\s+)?(20\\d{2}))?");

  /**
   * A quarter named by its number alone after another quarter ("rose to $5 billion in the third
   * quarter and is expected to reach $5.5 billion in the fourth."), at the end of a clause; not
   * "for the fourth straight quarter" nor "the third time".
   */
  private static final Guarded ELLIPTICAL =
      Guarded.word(
          "(?i)\\b(?<=\\b(?:in|for)\\s{1,2}the\\s{1,2}|\\bim\\s{1,2}|\\bfür\\s{1,2}das\\s{1,2})"
              + "(first|second|third|fourth|ersten|zweiten"
              + "|dritten|vierten)(?=\\s*(?:[,.;)]|$)|\\s+(?:and|und)\\b)");

  /**
   * The quarters the sentence names by number ("the third quarter", "Q4 2024") or by name
   * ("Schlussquartal"), when it names more than one ({@code partAt}: the part of the sentence at a
   * place; {@code yearIn}: the year a text names, or null); each figure takes the one of its own
   * part of the sentence, else the nearest.
   */
  static List<At> all(
      String text,
      java.util.function.IntFunction<String> partAt,
      java.util.function.Function<String, Integer> yearIn,
      LocalDate statedOn) {
    if (!Hints.mentions(
        text,
        "quart",
        "vierteljahr",
        "jahresviertel",
        "q1",
        "q2",
        "q3",
        "q4",
        "1q",
        "2q",
        "3q",
        "4q",
        "three months",
        "drei monate")) {
      // the words of NAMED_QUARTER all hold "quart", "three months" or "drei monate"
      return List.of();
    }
    List<Named> named = new java.util.ArrayList<>();
    Guarded.Finder w = QUARTER_WORDS.finder(text);
    while (w.find()) {
      named.add(new Named(w.start(), w.end(), number(w.group(1)), w.group(2), false));
    }
    Guarded.Finder q = QUARTER_Q.finder(text);
    while (q.find()) {
      int n = Integer.parseInt(q.group(1) != null ? q.group(1) : q.group(3));
      named.add(
          new Named(q.start(), q.end(), n, q.group(1) != null ? q.group(2) : q.group(4), false));
    }
    Guarded.Finder mq = MONTH_QUARTER.finder(text);
    while (mq.find()) { // "im Juniquartal ..., im Septemberquartal ..."
      named.add(new Named(mq.start(), mq.end(), monthQuarter(mq), mq.group(2), true));
    }
    if (named.isEmpty()) {
      return List.of();
    }
    Guarded.Finder n = NAMED_QUARTER.finder(text);
    while (n.find()) { // "Im dritten Quartal ..., im Schlussquartal dürften es ..."
      int quarter = namedNumber(n);
      named.add(new Named(n.start(), n.end(), quarter, n.group(YEAR), !fiscalNamed(n)));
    }
    Guarded.Finder e = ELLIPTICAL.finder(text);
    while (e.find()) { // "in the third quarter and ... $5.5 billion in the fourth."
      named.add(new Named(e.start(), e.end(), number(e.group(1)), null, false));
    }
    if (named.stream().map(m -> m.quarter() + "/" + m.year()).distinct().count() < 2) {
      // one quarter: the sentence's, read by named(); not the same quarter of two years ("in
      // the fourth quarter was 9.1%, versus 10.4% in the fourth quarter of 2024")
      return List.of();
    }
    // a quarter's year is the one named in its own part of the sentence, else one named elsewhere
    // that is not still to come ("expects $3.5 billion in 2025, and posted $3.1 billion in the
    // third quarter": this year's), never another quarter's own ("since the first quarter of
    // 2022", "für das vierte Quartal ... und für das erste Quartal 2025")
    Integer elsewhere = yearIn.apply(withoutQuarters(text));
    Integer past = elsewhere != null && elsewhere <= statedOn.getYear() ? elsewhere : null;
    List<At> out = new java.util.ArrayList<>(named.size());
    for (Named m : named) {
      Integer own =
          m.year() != null ? null : yearIn.apply(withoutQuarters(partAt.apply(m.start())));
      boolean compared =
          COMPARED.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find();
      out.add(at(m, own != null ? own : past, statedOn, compared));
    }
    out.sort(java.util.Comparator.comparingInt(At::start));
    return out;
  }

  /**
   * A quarter as the text writes it: where, its number, its year if written, and whether it is a
   * calendar quarter whatever the fiscal year ("Weihnachtsquartal").
   */
  private record Named(int start, int end, int quarter, String year, boolean calendar) {}

  /**
   * {@code text} with the quarters named by number, month or name blanked out (same length), with
   * their years ("im Schlussquartal 2024").
   */
  private static String withoutQuarters(String text) {
    StringBuilder out = null;
    for (Guarded g : List.of(QUARTER_WORDS, QUARTER_Q, MONTH_QUARTER, NAMED_QUARTER)) {
      Guarded.Finder m = g.finder(text);
      while (m.find()) {
        out = PeriodWords.blank(out, text, m.start(), m.end());
      }
    }
    return out == null ? text : out.toString();
  }

  private static At at(Named m, Integer named, LocalDate statedOn, boolean compared) {
    if (m.year() != null) {
      LocalDate[] dates = quarter(m.quarter(), year(m.year()));
      return new At(m.start(), m.end(), m.quarter(), dates, dates, false, compared);
    }
    LocalDate[] dates = quarter(m.quarter(), named != null ? named : statedOn.getYear());
    return new At(
        m.start(),
        m.end(),
        m.quarter(),
        latest(dates, named, statedOn, true),
        latest(dates, named, statedOn, false),
        named == null && !m.calendar(),
        compared);
  }

  /** "first", "zweiten", "3.": the quarter's number. */
  private static int number(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.startsWith("first") || w.startsWith("erst") || w.startsWith("1")
        ? 1
        : w.startsWith("second") || w.startsWith("zweit") || w.startsWith("2")
            ? 2
            : w.startsWith("third") || w.startsWith("dritt") || w.startsWith("3") ? 3 : 4;
  }

  /**
   * A quarter the sentence names by its number, where, with its dates as a forecast and as a report
   * names it ({@code soft}: with no year and no "fiscal", see {@link PeriodWords.FiscalRef#soft}).
   */
  record At(
      int start,
      int end,
      int quarter,
      LocalDate[] asForecast,
      LocalDate[] asReport,
      boolean soft,
      boolean compared) {
    At(
        int start,
        int end,
        int quarter,
        LocalDate[] asForecast,
        LocalDate[] asReport,
        boolean soft) {
      this(start, end, quarter, asForecast, asReport, soft, false);
    }
  }

  /** What a quarter compared with follows: "after fourth-quarter revenue", "from the second". */
  private static final java.util.regex.Pattern COMPARED =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:after|following|nach|from|compared (?:with|to)|gegenüber|versus|vs\\.?)\\s+"
              + "(?:the\\s+|dem\\s+|its\\s+|seinem\\s+)?$");

  /**
   * A quarter by name: the last one ("Schlussquartal", "final quarter") or the first
   * ("Auftaktquartal"; not "opening quarter", a game's as often) of the fiscal year where there is
   * one, the one of the holidays ("Weihnachtsquartal", "holiday quarter": October to December) or
   * of the summer ("Sommerquartal": July to September) or of the spring ("Frühjahrsquartal": April
   * to June), with its year if named (group {@link #YEAR}).
   */
  private static final Guarded NAMED_QUARTER =
      Guarded.word(
          "(?i)\\b(?:(schlussquartal|final quarter|closing quarter"
              // "the last quarter of 2023", "im letzten Quartal des Jahres"
              + "|last\\s+quarter(?=\\s+of\\s+(?:the\\s+(?:fiscal\\s+)?year|fiscal|last|20\\d{2}))"
              // "the final three months of 2023", "in den letzten drei Monaten des Jahres"
              + "|(?:last|final)\\s+three\\s+months(?=\\s+of\\s+(?:the\\s+year|last\\s+year|20\\d{2}))"
              + "|letzten\\s+drei\\s+monaten?(?=\\s+(?:des\\s+jahres|20\\d{2})\\b)"
              + "|letzten\\s+(?:quartal|vierteljahr)(?=\\s+(?:des|im|20\\d{2})\\b))"
              + "|(auftaktquartal|startquartal"
              + "|eröffnungsquartal)|(weihnachtsquartal|holiday quarter"
              + "|jahresendquartal)|(sommerquartal)|(frühjahrsquartal|frühlingsquartal))"
              + "(?:\\s+(?:of\\s+)?(20\\d{2}))?");

  /** The group of {@link #NAMED_QUARTER} that holds the year named with the quarter. */
  private static final int YEAR = 6;

  /** The number of a quarter {@link #NAMED_QUARTER} found. */
  private static int namedNumber(Guarded.Finder n) {
    return n.group(2) != null ? 1 : n.group(4) != null ? 3 : n.group(5) != null ? 2 : 4;
  }

  /** Whether a quarter {@link #NAMED_QUARTER} found counts in the fiscal year: first or last. */
  private static boolean fiscalNamed(Guarded.Finder n) {
    return n.group(1) != null || n.group(2) != null;
  }

  /**
   * "last quarter", "the past quarter", "im vergangenen/letzten/vorigen Quartal": not "the last
   * quarter of 2023", "im letzten Quartal 2023" or "des Jahres" (the fourth), nor "the past quarter
   * century".
   */
  static final String LAST_QUARTER =
      "(?:(?:last|past)\\s+quarter(?![\\s-]+(?:of|century|centuries|point)\\b)"
          + "|(?:vergangenen|letzten|vorigen)\\s+(?:quartal|vierteljahr)"
          + "(?!\\s+(?:des|im|20\\d{2})\\b))";

  /**
   * The latest quarter ended, named as such: "the latest quarter", "the most recent quarter", "im
   * abgelaufenen Quartal", "im Berichtsquartal", "last quarter", "im vergangenen Quartal" (not "the
   * last quarter of 2023", "im letzten Quartal des Jahres": the fourth, {@link #NAMED_QUARTER}).
   * After a figure compared with, "last quarter" is the quarter before the one reported on ("up
   * from $12.8 billion last quarter"), read by {@link PeriodWords#bases}.
   */
  private static final Guarded RELATIVE_QUARTER =
      Guarded.word(
          "(?i)\\b(?:"
              + LAST_QUARTER
              + "|(?:latest|most\\s+recent|just[- ]ended|recently\\s+ended)\\s+quarter"
              + "|(?:abgelaufenen|zurückliegenden|jüngsten)\\s+(?:quartal|vierteljahr)"
              + "|berichtsquartal)\\b");

  /** Whether a quarter {@link #RELATIVE_QUARTER} names stands in {@code sentence}. */
  private static boolean latestNamed(String sentence) {
    Guarded.Finder r = RELATIVE_QUARTER.finder(sentence);
    while (r.find()) {
      if (!PeriodWords.afterComparedFigure(sentence, r.start())
          && !SAID_BEFORE.matcher(sentence).region(Math.max(0, r.start() - 24), r.start()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A verb of saying right before "last quarter": it dates when something was said ("Intel said
   * last quarter that it would cut 15,000 jobs"), not a figure.
   */
  private static final java.util.regex.Pattern SAID_BEFORE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:said|announced|warned|told|reported|disclosed|unveiled|sagte|kündigte|warnte"
              + "|teilte|meldete|gab)\\s+(?:(?:in|im)\\s+)?(?:the\\s+)?$");

  /** The quarter under way: "the current quarter", "im laufenden Quartal", "für das laufende". */
  private static final Guarded CURRENT_QUARTER =
      Guarded.word(
          "(?i)\\b(?:(?:current|ongoing)\\s+(?:fiscal\\s+)?quarter"
              + "|(?:laufenden?|aktuellen?)\\s+(?:quartal|vierteljahr|geschäftsquartal))\\b");

  /**
   * The quarter after the one under way: "next quarter", "the coming quarter", "im kommenden
   * Quartal", "im nächsten Quartal" (not "the following quarter", which follows a quarter the text
   * tells of).
   */
  static final Guarded NEXT_QUARTER =
      Guarded.word(
          "(?i)\\b(?:(?:next|coming|upcoming)\\s+(?:fiscal\\s+)?quarter(?![\\s-]+(?:century|point))"
              + "|(?:kommenden?|nächsten?)\\s+(?:quartal|vierteljahr|geschäftsquartal))\\b");

  /**
   * "the June quarter", "the September quarter of 2024", "im Septemberquartal", "im
   * Dezember-Quartal 2024": the calendar quarter ending then (not "a September quarter-point cut").
   */
  private static final Guarded MONTH_QUARTER =
      Guarded.word(
          "(?i)\\b(march|june|september|december|märz|juni|dezember)(?:[\\s-]+quarter\\b(?![\\s-]+point)"
              + "|-?quartal)"
              + "(?:\\s+(?:of\\s+)?(20\\d{2}))?");

  /** The number of the calendar quarter {@link #MONTH_QUARTER} found. */
  private static int monthQuarter(Guarded.Finder mq) {
    return switch (mq.group(1).toLowerCase(Locale.ROOT)) {
      case "march", "märz" -> 1;
      case "june", "juni" -> 2;
      case "september" -> 3;
      default -> 4;
    };
  }

  /** The latest quarter ended, the one under way or the next, as {@link #named} gives them. */
  static boolean relative(int[] quarter) {
    return quarter[2] == 1
        && quarter[1] == 0
        && (quarter[0] == 0
            || quarter[0] == PeriodWords.FiscalRef.CURRENT
            || quarter[0] == PeriodWords.FiscalRef.NEXT
            || quarter[0] == PeriodWords.FiscalRef.THIS);
  }

  /**
   * The quarter the sentence names, its year (0: not named) and 1 if it is named by the month it
   * ends in ("the June quarter": a calendar quarter, whatever the fiscal year), or {0, 0, 1} for
   * the latest quarter ended, {{@link PeriodWords.FiscalRef#CURRENT}, 0, 1} for the one under way
   * and {{@link PeriodWords.FiscalRef#NEXT}, 0, 1} for the next; null if none.
   */
  static int[] named(String sentence) {
    if (!Hints.mentions(
        sentence,
        "quart",
        "vierteljahr",
        "jahresviertel",
        "three months",
        "drei monate")) { // only "Q3" and "3Q" are left
      return byLetter(sentence);
    }
    Guarded.Finder mq = MONTH_QUARTER.finder(sentence);
    if (mq.find()) {
      return new int[] {monthQuarter(mq), mq.group(2) == null ? 0 : year(mq.group(2)), 1};
    }
    int[] byLetter = byLetter(sentence);
    if (byLetter != null) {
      return byLetter;
    }
    Guarded.Finder w = QUARTER_WORDS.finder(sentence);
    if (!w.find()) {
      // a quarter by name or the latest one only where no quarter is named by its number
      Guarded.Finder named = NAMED_QUARTER.finder(sentence);
      if (named.find()) {
        int year = named.group(YEAR) == null ? 0 : year(named.group(YEAR));
        // the first and the fourth of the fiscal year where there is one
        return new int[] {namedNumber(named), year, fiscalNamed(named) ? 0 : 1};
      }
      if (CURRENT_QUARTER.finder(sentence).find()) {
        return new int[] {PeriodWords.FiscalRef.CURRENT, 0, 1};
      }
      if (NEXT_QUARTER.finder(sentence).find()) {
        return new int[] {PeriodWords.FiscalRef.NEXT, 0, 1};
      }
      return latestNamed(sentence) ? new int[] {0, 0, 1} : null;
    }
    return new int[] {number(w.group(1)), w.group(2) == null ? 0 : year(w.group(2)), 0};
  }

  /** "Q3 2024", "Q3/24", "3Q24": {quarter, year (0: not named), 0}; null if none. */
  private static int[] byLetter(String sentence) {
    Guarded.Finder q = QUARTER_Q.finder(sentence);
    if (!q.find()) {
      return null;
    }
    int quarter = Integer.parseInt(q.group(1) != null ? q.group(1) : q.group(3));
    String y = q.group(1) != null ? q.group(2) : q.group(4);
    return new int[] {quarter, y == null ? 0 : year(y), 0};
  }

  /**
   * {@code period}, or the same period a year earlier when it has not ended by {@code statedOn}, no
   * year is named ({@code namedYear} null) and the figure is reported, not forecast.
   */
  static LocalDate[] latest(
      LocalDate[] period, Integer namedYear, LocalDate statedOn, boolean forecast) {
    if (forecast || !period[1].isAfter(statedOn) || namedYear != null) {
      return period;
    }
    return new LocalDate[] {period[0].minusYears(1), period[1].minusYears(1)};
  }

  static int year(String text) {
    int y = Integer.parseInt(text);
    return text.length() == 2 ? 2000 + y : y;
  }

  static LocalDate[] quarter(int quarter, int year) {
    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
  }
}
