package org.claimwatch.extract;

import java.util.List;

/**
 * What only looks like a claim, whatever the language: dates, times, ordinals, centuries, decades,
 * quarters, document/table/page numbers, names with digits, phone numbers, ages, list numbers.
 * {@link NumberFinder} blocks these spans out before it looks for numbers. Every repetition of a
 * group is bounded or possessive: hostile text (long runs of digits, blanks or separators) must be
 * read in linear time and without deep recursion.
 */
final class NotClaims {
  private NotClaims() {}

  private static final String MONTHS_EN =
      "January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.";
  private static final String MONTHS_DE =
      "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
          + "|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Okt\\.|Nov\\.|Dez\\.";

  /** A digit: most of what is blocked begins with one. */
  private static final String D = "[0-9]";

  /** Not a scale or unit after a number: it is no day of a month but an amount. */
  static final String NO_AMOUNT_AFTER =
      "(?!(?iu:\\s*(?:million|billion|trillion|thousand|millionen|milliarden|mio\\b|mrd\\b"
          + "|tausend|percent|per\\s*cent|prozent|%|bn\\b|m\\b)))";

  /** The first letters of the months' names in English and German. */
  private static final String MONTH = "[JFMASONDjfmasond]";

  /** What is never a claim, whatever the language; matched first and blocked out. */
  static final List<Guarded> PATTERNS =
      List.of(
          // dates and times
          Guarded.word(D, "\\b\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}\\b"),
          Guarded.word(D, "\\b\\d{4}-\\d{2}-\\d{2}\\b"),
          Guarded.word(D, "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"),
          // "9 a.m.", "9am ET", "14 Uhr"; not German "am" (on): "stieg um 5 am Dienstag"
          Guarded.word(
              D,
              "\\b\\d{1,2}(?:[:.]\\d{2})?\\s?(?:(?i:a\\.m\\.|p\\.m\\.|pm\\b|uhr\\b)"
                  + "|[Aa][Mm]\\b(?=\\s*+(?:[.,;:)]|$|[A-Z]{2,4}\\b"
                  + "|(?i:local|eastern|pacific|central|gmt|utc)\\b)))"),
          Guarded.word(D, "\\b\\d{1,2}:\\d{2}\\b"),
          Guarded.word(
              MONTH, "(?i)\\b(?:" + MONTHS_EN + ")\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"),
          Guarded.word(
              D, "(?i)\\b\\d{1,2}\\.?\\s+(?:" + MONTHS_DE + "|" + MONTHS_EN + ")(\\s+\\d{4})?"),
          // "October 2024", not "im Oktober 6100 Fahrzeuge"
          Guarded.word(
              MONTH, "(?i)\\b(?:" + MONTHS_EN + "|" + MONTHS_DE + ")\\s+(?:1[5-9]|2[01])\\d{2}\\b"),
          // "November 12", not "im November 50 Millionen", "in November 12 million people",
          // "im September 2,4 Prozent"
          Guarded.word(
              MONTH,
              "(?i)\\b(?:"
                  + MONTHS_EN
                  + ")\\s+(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b(?![.,]\\d)"
                  + NO_AMOUNT_AFTER),
          // ordinals, centuries, decades
          Guarded.word(D, "(?i)\\b\\d+(?:st|nd|rd|th)\\b"),
          Guarded.word(D, "(?i)\\b\\d{1,2}\\.\\s*(?:jahrhundert|jahrtausend)"),
          Guarded.word(D, "(?i)\\b\\d{2,4}(?:er|ern)\\b(?:\\s+jahren?)?"),
          Guarded.any("[0-9']", "\\b\\d{4}s\\b|'\\d{2}s\\b"),
          // quarters and fiscal periods: "Q2 2024", "FY2023", "H1"
          Guarded.word("[QqHhFfCc]", "(?i)\\b(?:Q[1-4]|H[12]|FY|CY)\\s?'?\\d{0,4}\\b"),
          // split years: "fiscal 2024-25", "Geschäftsjahr 2023/24", "2023/2024"
          Guarded.word(D, "\\b(?:19|20)\\d{2}\\s?[-/–]\\s?(?:(?:19|20)\\d{2}|\\d{2})\\b"),
          // document, table, page and list numbers; names with digits
          Guarded.word(
              "[NnTtSsPpAaCcKkFfGgDdEeBbVv§]",
              "(?i)\\b(?:nr|no|nos|nummer|number|table|tables|tabelle|seite|page|pp?|art|abs|"
                  + "section|§|chapter|kapitel|figure|abb|grafik|chart|drucksache|fachserie|"
                  + "form|artikel|article|einzelplan|paragraph|paragraf|absatz|band|volume)"
                  + "\\.?\\s*\\d+[\\w./-]*"),
          Guarded.word("[A-Za-z]", "\\b[A-Za-z]{1,20}-\\d{1,12}(?:-\\d{1,12}){0,6}\\b"),
          Guarded.word("[A-Z]", "\\b[A-Z]{2,}\\d+\\b"),
          Guarded.word(D, "\\b\\d+(?!(?:bln|mln|trn|bn|mn|tn|pct)\\b)[A-Za-z]{2,}\\d*\\b"),
          // phone numbers
          Guarded.any("[+]", "\\+\\d{1,3}(?:[\\s()/-]*+\\d){5,20}"),
          Guarded.any("[(]", "\\(\\d{3}\\)\\s?\\d{3}[-\\s]\\d{4}"),
          Guarded.word(D, "\\b\\d{3}-\\d{3}-\\d{4}\\b"),
          Guarded.any(
              "[TtFfPpHhCc]",
              "(?i)(?:telefon|tel\\.|fax|phone|hotline|contact)\\s*+:?\\s*+[+(]?\\d[\\d\\s()/+-]{5,}"),
          // German numbers with an area code: "0911 179-2218", "030/1234567"
          Guarded.word("[0]", "\\b0\\d{2,5}[\\s/]\\d{2,8}(?:[-\\s]\\d{2,5})?\\b"),
          // ages and durations as adjectives: "40-jährigen", "40-year-old", "24-stündigen"
          Guarded.word(
              D,
              "(?i)\\b\\d{1,3}-(?:jährig|stündig|tägig|wöchig|monatig|köpfig|year|month|week|day|"
                  + "hour|minute|second|jahres|monats|wochen|tages)\\p{L}*"),
          // German ordinals before what they count: "im 3. Quartal", "des 3. Quartals", "im 1.
          // Vierteljahr", "zum 3. Mal", "auf Platz 2."
          Guarded.word(
              D,
              "(?i)\\b\\d{1,2}\\.\\s+(?:(?:quartal|halbjahr|vierteljahr|jahresviertel|geschäftsquartal)(?:e?s)?\\b"
                  + "|(?:mal|platz|rang|stelle|runde|liga|klasse|stock|etage)\\b)"),
          // German ordinals after an article: "die 26. Hauptversammlung", "zum 75. Geburtstag"
          // (not a day: "am 26. November")
          Guarded.any(
              "[0-9]",
              "(?<=\\b(?i:der|die|das|den|dem|des|zum|zur|am|im|beim|vom|seiner|ihrer|seine|ihre)"
                  + "\\s)\\d{1,3}\\.\\s+(?!(?i:"
                  + MONTHS_DE
                  + "|"
                  + MONTHS_EN
                  + ")\\b)\\p{Lu}\\p{L}+|(?<=\\b(?i:der|die|das|den|dem|des|zum|zur|beim|vom)\\s)"
                  // (where the sentence splitter took the ordinal's point for a full stop)
                  + "\\d{1,3}\\.\\s*$"),
          // a model by its number: "Boeing 737 MAX", "iPhone 16 Pro", "Galaxy S24 Ultra"
          Guarded.any(
              "[0-9]",
              "(?<=\\p{L}\\s)\\d{1,4}(?=\\s+(?:MAX|Max|Pro|Plus|Ultra|Mini|Neo|neo|XL)\\b)"),
          // a unit defined in brackets: "ein Barrel (159 Liter)", "an ounce (31.1 grams)"
          Guarded.any(
              "[0-9]",
              "(?<=(?i:barrel|fass|gallon|gallone|unze|ounce|meile|mile)\\s?\\(\\s?)\\d[\\d.,]*"
                  + "\\s*\\p{L}+(?=\\s?\\))"),
          // an age after a name: "Michael O'Leary, 64, said", "Roland Busch, 60,"
          Guarded.any(
              "[0-9]", "(?:1[89]|[2-9]\\d)(?=,\\s)(?<=\\p{Lu}[\\p{L}'\u2019-]{1,30},\\s\\d\\d)"),
          // a tolerance set off after a figure: "$78 billion, plus or minus 2%", "(± 2 Prozent)";
          // not a poll's "margin of error of plus or minus 3 percentage points"
          Guarded.any(
              "[PpMm+±]",
              "(?i)(?<=[,(]\\s?|[,(])(?:\\bplus\\s*(?:or|oder|/)\\s*minus|\\+/-|±)\\s*\\d[\\d.,]*\\s*(?:%|percent"
                  + "|per\\s*cent|prozent|percentage\\s+points?|prozentpunkte)?"),
          // ages
          Guarded.word(
              "[AaIi]",
              "(?i)\\b(?:age|aged|ages|alter von|im alter von)\\s+\\d+(?:\\s*(?:to|-|bis)\\s*\\d+)?"),
          // list items at the start of a line: "1. ", "2) "
          Guarded.any("[ \\t0-9]", "(?m)^[ \\t]*+\\d{1,2}[.)]\\s"));

  /**
   * In English "am" after an hour is always a time ("from 9 am to 11 am", "at 8 am Tuesday"); the
   * patterns above leave out German "am" (on), which English text does not have.
   */
  static final List<Guarded> PATTERNS_EN =
      java.util.stream.Stream.concat(
              PATTERNS.stream(),
              java.util.stream.Stream.of(
                  Guarded.word(D, "(?i)\\b\\d{1,2}(?:[:.]\\d{2})?\\s?am\\b")))
          .toList();
}
