package org.claimwatch.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.claim.Qualifier;

/**
 * Finds the checkable numbers in a text: amounts with their scale, unit and hedge ("knapp 39 600
 * Tonnen", "up to $8.5bn", "zwischen 37 und 40 Milliarden Euro"), leaving out what only looks like
 * one: dates, years, times, ordinals, decades, durations, document and table numbers, phone
 * numbers, names with digits ("COVID-19"). Rules, not a model: each is a general rule of how
 * numbers are written in English or German, not a list of the cases at hand.
 */
public final class NumberFinder {
  /** A number as written, with where it stands. {@code valueHigh}: the top of a range. */
  public record Found(
      int start,
      int end,
      BigDecimal value,
      BigDecimal valueHigh,
      String unit,
      Qualifier qualifier) {}

  // Every repetition of a group is bounded: Java runs a repeated group by recursion, so an
  // unbounded one overflows the stack on a long run of digit groups (hostile text).

  /** A year on its own: 1500-2099 not followed by a unit or scale (checked separately). */
  private static final Pattern YEAR = Pattern.compile("\\b(?:1[5-9]\\d{2}|20\\d{2})\\b");

  private static final Pattern NUMBER_EN =
      Pattern.compile(
          "(?<![\\w.,])([+\\-−]\\s?)?((?:\\d{1,3}(?:,\\d{3}){1,12}|\\d{1,40})(?:\\.\\d+)?)(?![\\d])(?![.,]\\d)");
  private static final Pattern NUMBER_DE =
      Pattern.compile(
          "(?<![\\w.,])([+\\-−]\\s?)?((?:\\d{1,3}(?:(?:\\.|[ \u00a0\u202f])\\d{3}){1,12}|\\d{1,40})(?:,\\d+)?)(?![\\d])(?![.,]\\d)");

  /** Scale glued to the number: "$8.5bn", "1.5m", "600k", "21.9bln", "$1.1trn". */
  private static final Pattern GLUED = Pattern.compile("(?i)(bln|mln|trn|bn|mn|tn|m|b|k)\\b");

  /**
   * Currencies by the letters written before a dollar sign ("C$2.5 billion", "HK$10bn"): dollars,
   * but not US dollars. A dollar sign after other letters is some other dollar: no currency.
   */
  private static final Map<String, String> DOLLARS =
      Map.of(
          "US", "USD", "C", "CAD", "CA", "CAD", "A", "AUD", "AU", "AUD", "HK", "HKD", "NZ", "NZD",
          "S", "SGD", "NT", "TWD", "R", "BRL");

  /** Currency codes read before a number ("GBP 400m", "CHF 1.2 billion"). */
  private static final Pattern CODE_BEFORE =
      Pattern.compile("(?:^|[^A-Za-z])(USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|HKD|INR)$");

  /** The currencies a claim's unit can be: an amount of money. */
  private static final java.util.Set<String> CURRENCIES =
      java.util.Set.of(
          "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "BRL",
          "INR");

  /** A unit word that names hundredths of a currency ("US-Cent", "pence"): "USD" + this. */
  static final String HUNDREDTHS = "/100";

  /**
   * A word for hundredths of whichever currency the sentence speaks of ("cents", "Cent"): "USD" +
   * this is of that currency, or of the language's (USD, EUR) when the sentence names none or
   * several: "Intel setzte 13,3 Milliarden Dollar um und verdiente 18 Cent je Aktie" is in US
   * cents.
   */
  static final String SOME_HUNDREDTHS = "/100*";

  private final Lexicon lex;
  private final String language;

  /**
   * Whether the last range {@link #range} made is in {@link #SOME_HUNDREDTHS} ("80 bis 85 Cent").
   */
  private boolean rangeInSomeHundredths;

  private NumberFinder(String language) {
    this.language = language;
    this.lex = Lexicon.of(language);
  }

  /** The numbers of {@code text} in {@code language} ("en" or "de"), in order. */
  public static List<Found> find(String text, String language) {
    return find(text, language, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} numbers of {@code text}, in order: a text of numbers alone (200,000
   * characters hold 66,666) is not read to its end when only the first few thousand are wanted.
   */
  public static List<Found> find(String text, String language, int limit) {
    return new NumberFinder(language).scan(text, limit);
  }

  private List<Found> scan(String text, int limit) {
    BitSet blocked = new BitSet(text.length());
    for (Guarded p : language.equals("en") ? NotClaims.PATTERNS_EN : NotClaims.PATTERNS) {
      p.forEach(text, blocked::set);
    }
    List<Found> out = new ArrayList<>();
    java.util.Set<Integer> someHundredths = new java.util.HashSet<>();
    Matcher m = (language.equals("de") ? NUMBER_DE : NUMBER_EN).matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end();
      int numStart = m.start(2);
      if (blocked.get(numStart) || blocked.get(m.end() - 1)) {
        continue;
      }
      Amount first = amount(text, m);
      if (first == null) {
        continue;
      }
      Found range = range(text, first, blocked);
      if (range == null) {
        carryScale(text, first, blocked);
      }
      Found f = range != null ? range : first.found();
      // "zwischen 2000 und 2500 Arbeitsplätze": counted, not a year
      // ... but not "in 2023 to 140,473 employees": a year, then a count
      boolean counted =
          range != null && range.unit() != null && !Lexicon.timeWordBefore(text, first.lead);
      if (f == null || (isYear(text, m, first) && !counted)) {
        continue;
      }
      out.add(f);
      if (range == null ? first.someHundredths : rangeInSomeHundredths) {
        someHundredths.add(f.start());
      }
      from = Math.max(from, f.end());
      if (out.size() >= limit) {
        break;
      }
    }
    // Numbers in words found up to where the digits stopped (all of them if none were cut off);
    // with the digits, in order, the first limit numbers of the text.
    int upTo = out.size() >= limit ? out.get(out.size() - 1).end() : text.length();
    for (Found w : wordNumbers(text, blocked)) {
      if (w.start() < upTo) {
        out.add(w);
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    inClausesCurrency(text, out, someHundredths);
    countedAsBefore(text, out);
    return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
  }

  /**
   * Whether {@code unit} counts people or things ("persons", "jobs", "units", "servers"): a word in
   * lower case (not a currency, "%", "TWh" or "percentage_points"), other than the measures
   * "tonnes" and "hours".
   */
  static boolean isCount(String unit) {
    return unit != null
        && !unit.isEmpty()
        && unit.chars().allMatch(Character::isLowerCase)
        && !MEASURES.contains(unit);
  }

  /** Units in lower case that measure rather than count. */
  private static final java.util.Set<String> MEASURES =
      java.util.Set.of("tonnes", "hours", "barrels");

  /**
   * Whether {@code unit} measures a physical quantity (mass, volume, area, energy, power): no
   * amount of money is in it, whatever word stands near ("sales of 1.2 million tonnes", "lost 3
   * billion cubic meters of gas").
   */
  static boolean isMeasure(String unit) {
    return unit != null && PHYSICAL.contains(unit);
  }

  private static final java.util.Set<String> PHYSICAL =
      java.util.Set.of(
          "tonnes",
          "barrels",
          "barrels/day",
          "cubic_meters",
          "liters",
          "hectares",
          "TWh",
          "GWh",
          "MWh",
          "GW",
          "MW");

  /**
   * Where one word ends that stands between a number ending at {@code pos} and what it counts
   * ("5,000 new jobs", "3.000 neue Stellen", "10,000 fewer jobs", "3 million electric cars"), or
   * -1: one of the words {@link #COUNT_ADJECTIVES} knows (not a verb: "Zwischen 2014 und 2016
   * verlagerten Firmen Teile").
   */
  private static int adjectiveEnd(String text, int pos) {
    Matcher word = LOWER_WORD.matcher(text).region(Phrases.skip(text, pos), text.length());
    return word.lookingAt() && COUNT_ADJECTIVES.contains(word.group(1)) ? word.end(1) : -1;
  }

  private static final Pattern LOWER_WORD = Pattern.compile("(\\p{Ll}[\\p{Ll}-]*)(?=\\s)");

  /** Words that stand between a count and what it counts, in both languages. */
  private static final java.util.Set<String> COUNT_ADJECTIVES =
      java.util.Set.of(
          "new",
          "more",
          "fewer",
          "additional",
          "extra",
          "further",
          "net",
          "full-time",
          "part-time",
          "permanent",
          "temporary",
          "seasonal",
          "contract",
          "electric",
          "paid",
          "active",
          "existing",
          "skilled",
          "direct",
          "used",
          "neue",
          "neuen",
          "neuer",
          "weitere",
          "weiteren",
          "zusätzliche",
          "zusätzlichen",
          "mehr",
          "weniger",
          "feste",
          "festen",
          "befristete",
          "befristeten",
          "bestehende",
          "bestehenden",
          "eigene",
          "eigenen",
          "gebrauchte");

  /**
   * Where a plural noun ends that an English count (no unit, no currency) at {@code pos} counts
   * ("1.2 million servers", "5,000 stores", "300 flights"), or -1: a word in lower case ending in
   * "s" (not "more", "times", "others"), after a count that is no model's name ("Windows 11 runs",
   * "Model 3 sells": a small number right after a capitalised word).
   */
  private int countedNounEnd(String text, int pos, Amount a) {
    Matcher noun = PLURAL.matcher(text).region(Phrases.skip(text, pos), text.length());
    if (!noun.lookingAt()
        || NOT_COUNTED_EN.contains(noun.group(1).toLowerCase(Locale.ROOT))
        || NOT_PLURAL_NOUNS.contains(noun.group(1).toLowerCase(Locale.ROOT))) {
      return -1;
    }
    if (EXPECTED_BY.matcher(text).region(noun.end(1), text.length()).lookingAt()) {
      return -1; // "fewer than the 160,000 economists had forecast": what they expected, not them
    }
    if (a.power == 0
        && YEAR.matcher(text.substring(a.start, Math.min(a.end, text.length()))).matches()) {
      return -1; // "its 2023 results", "The Russell 2000 climbs": a year or a name, not a count
    }
    if (a.qualifier == null && afterAName(text, Phrases.skipBack(text, a.start))) {
      return -1; // "FTSE 100 falls", "Boeing's 737 remains", "iPhone 16 sells"
    }
    return noun.end(1);
  }

  /**
   * Whether the word that ends at {@code end} has a capital letter anywhere ("FTSE", "Boeing's",
   * "iPhone"): a number right after it is part of a name.
   */
  private static boolean afterAName(String text, int end) {
    int word = end;
    while (word > 0
        && (Character.isLetter(text.charAt(word - 1))
            || "'’".indexOf(text.charAt(word - 1)) >= 0)) {
      word--;
    }
    for (int i = word; i < end; i++) {
      if (Character.isUpperCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A verb of expecting after a count's noun: the noun expected the count, it is not counted. */
  private static final Pattern EXPECTED_BY =
      Pattern.compile(
          "(?i)\\s+(?:had\\s+|have\\s+|has\\s+)?(?:forecast|forecasted|expected|predicted|estimated"
              + "|projected|anticipated|pencil(?:l)?ed\\s+in)\\b");

  /** A plural noun in lower case ("servers", "iPads"), not joined to a word after it. */
  private static final Pattern PLURAL = Pattern.compile("(\\p{Ll}\\p{L}{2,}s)\\b(?![-'’])");

  /** Words in "s" after a number that name no counted thing. */
  private static final java.util.Set<String> NOT_PLURAL_NOUNS =
      java.util.Set.of(
          "thanks",
          "across",
          "towards",
          "afterwards",
          "sideways",
          "nevertheless",
          "unless",
          "falls",
          "rises",
          "climbs",
          "gains",
          "jumps",
          "drops",
          "slips",
          "extends",
          "remains",
          "sells",
          "trades",
          "closes",
          "opens",
          "ends",
          "hits",
          "tops",
          "adds",
          "sheds",
          "loses",
          "posts",
          "reports",
          "shows",
          "sees",
          "expects",
          "plans",
          "aims",
          "needs",
          "makes",
          "takes",
          "gets",
          "keeps",
          "leads",
          "lags",
          "rallies",
          "slides",
          "sinks",
          "soars",
          "tumbles",
          "surges",
          "plunges",
          "edges",
          "dips",
          "rebounds",
          "recovers",
          "beats",
          "misses",
          "returns",
          "stands",
          "comes",
          "times",
          "others",
          "ones",
          "kinds",
          "types",
          "sorts",
          "ways",
          "rounds",
          "series",
          "quarters",
          "decades",
          "centuries",
          "seconds",
          "nights",
          "bps",
          "plus",
          "minus",
          "was",
          "has",
          "is",
          "does",
          "goes",
          "says",
          "its",
          "this",
          "thus",
          "always",
          "perhaps",
          "whereas",
          "besides",
          "apiece",
          "percents",
          "points");

  /**
   * Whether the word for a minus sign ends at {@code end}, right before a number (and its
   * currency): "auf minus 0,2 Prozent".
   */
  private static boolean minusBefore(String text, int end) {
    int start = end - 5;
    if (start < 0
        || !text.regionMatches(true, start, "minus", 0, 5)
        || (start > 0 && Character.isLetter(text.charAt(start - 1)))) {
      return false;
    }
    // not "plus or minus 3 points", "plus/minus", "plus oder minus": a margin, not a sign
    String before = text.substring(Math.max(0, start - 10), start).toLowerCase(Locale.ROOT);
    return !before.matches(".*\\bplus\\s*(?:or|oder|/)\\s*$");
  }

  /**
   * "the number of", "die Zahl der": what follows is what the sentence counts; or "employment",
   * "payrolls" (group 1): it counts jobs ("Nonfarm payroll employment rose by 252,000").
   */
  private static final Pattern NUMBER_OF =
      Pattern.compile(
          "(?i)\\b(?:number of|(?:zahl|anzahl) der|(payrolls|(?:nonfarm|payroll)\\s+employment"
              + "|employment(?=\\s+(?:rose|fell|grew|increased|decreased|declined|changed|was"
              + "|were|in\\b|for\\b)))|(?-i:\\p{Lu})(\\p{Ll}{3,}?)zahl)\\b\\s*");

  /**
   * Where what "the number of" counts stops: a semicolon, or a comma and a new clause ("..., but",
   * "..., die Quote"; not "..., and the change for December was revised down by 87,000").
   */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "(?i);|,\\s*(?:und|while|but|aber|während|whereas|der|die|das|seine|ihre)\\b");

  /** A word of comparison before a figure of the same measure: "up from", "nach", "gegenüber". */
  private static final String COMPARED =
      "\\b(?:(?:up|down)\\s+from|from|after|compared\\s+(?:with|to)|versus|vs\\.?|against|nach"
          + "|gegenüber|von|than|als)";

  /**
   * What may stand between a count and a bare number that is counted in it: a comma, "davon", or
   * "and" and up to two words that are no preposition ("and health care 31,000"), a word of
   * comparison ("up from 120,000", "nach 2.700"), then hedges. Not "..., and shares closed at 120".
   */
  private static final Pattern COUNTED_ALIKE =
      Pattern.compile(
          "(?iu)(?:(?:,|\\b(?:davon|darunter|and|und|or|oder|sowie|while|whereas)(?:\\s+(?!(?:at"
              + "|on|in|to|by|of|from|bei|auf|um|von|zu|im|am|mit)\\b)[\\p{L}-]+){0,2})\\s*"
              + "(?:"
              + COMPARED
              + "\\s+)?|"
              + COMPARED
              + "\\s+)"
              + "(?:(?:about|around|nearly|almost|some|roughly|another|rund|etwa|knapp|fast|gut"
              + "|weitere|the|den|die|der)\\s+)*$");

  /**
   * English words that may follow a count without being what it counts ("31,000, while", "4,000
   * more than", "27,000 in September"): a count followed by any other word is of that word.
   */
  private static final java.util.Set<String> NOT_COUNTED_EN =
      java.util.Set.of(
          "more",
          "fewer",
          "less",
          "in",
          "on",
          "at",
          "to",
          "from",
          "by",
          "for",
          "of",
          "and",
          "or",
          "than",
          "over",
          "since",
          "while",
          "compared",
          "versus",
          "vs",
          "last",
          "this",
          "a",
          "an",
          "the",
          "were",
          "was",
          "are",
          "is",
          "had",
          "have",
          "has",
          "after",
          "before",
          "during",
          "lower",
          "higher",
          "up",
          "down",
          "as",
          "with",
          "amid",
          "despite",
          "but",
          "which",
          "that",
          "when",
          "against",
          "below",
          "above",
          "per",
          "each",
          "apiece",
          "so",
          "yet");

  /**
   * A number with no unit (a bare count: "davon etwa 2.850 in Deutschland", "health care 31,000")
   * is counted in what its sentence counts: the unit of the nearest number before it that has one,
   * if that is a count and only a comma, "davon" or "and" and a word or two stand between ("5.000
   * Stellen ..., davon 2.850"), else what "the number of" or "die Zahl der" names before it in its
   * clause ("Die Zahl der Arbeitslosen stieg auf 2,791 Millionen"). Not a number followed by a word
   * of its own ("the 160,000 economists", "2.850 Ingenieure"): that word is what it counts.
   */
  private void countedAsBefore(String text, List<Found> found) {
    Map.Entry<Integer, String> counted = null;
    int countedUntil = text.length();
    Matcher numberOf = NUMBER_OF.matcher(text);
    while (numberOf.find()) {
      String unit =
          numberOf.group(1) != null
              ? "jobs"
              : numberOf.group(2) != null
                  ? countOfCompound(numberOf.group().strip())
                  : countAt(text, numberOf.end());
      if (unit != null) {
        counted = Map.entry(numberOf.end(), unit);
        Matcher stop = CLAUSE_BREAK.matcher(text);
        if (stop.find(numberOf.end())) {
          countedUntil = stop.start();
        }
        break;
      }
    }
    String before = null; // the unit of the nearest number before that has one
    int beforeEnd = -1;
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      if (f.unit() != null) {
        before = f.unit();
        beforeEnd = f.end();
        continue;
      }
      String unit = inParenthesesAfter(text, f.start());
      if (unit != null) {
        // "striking workers (75,000)": what the words before the parentheses count
      } else if (counted != null
          && counted.getKey() <= f.start()
          && f.start() < countedUntil
          && (counted.getKey() > beforeEnd || counted.getValue().equals(before))) {
        unit = counted.getValue();
      } else if (before != null
          && isCount(before)
          && i > 0
          && found.get(i - 1).end() == beforeEnd // no other number between
          && COUNTED_ALIKE
              .matcher(text)
              .region(Math.max(beforeEnd, f.start() - 60), f.start())
              .find()) {
        unit = before;
      }
      if (unit != null && bare(text, f.end()) && !decimal(text, f)) {
        found.set(i, new Found(f.start(), f.end(), f.value(), f.valueHigh(), unit, f.qualifier()));
        before = unit;
        beforeEnd = f.end();
      }
    }
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+\\s+");

  /**
   * Whether {@code f} is written with decimals and no scale ("2.1", "6,0"): no count of people or
   * things ("2,79 Millionen" is one).
   */
  private boolean decimal(String text, Found f) {
    String written = text.substring(f.start(), f.end());
    char point = language.equals("de") ? ',' : '.';
    int at = written.indexOf(point);
    return at > 0
        && at + 1 < written.length()
        && Character.isDigit(written.charAt(at + 1))
        && written.chars().noneMatch(Character::isLetter);
  }

  /**
   * The count unit of the words right before the parenthesis a number at {@code start} opens
   * ("census jobs (27,000)", "changed little (+49,000)": none), or null.
   */
  private String inParenthesesAfter(String text, int start) {
    int at = Phrases.skipBack(text, start);
    if (at > 0 && "+-\u2212".indexOf(text.charAt(at - 1)) >= 0) {
      at = Phrases.skipBack(text, at - 1);
    }
    if (at == 0 || text.charAt(at - 1) != '(') {
      return null;
    }
    Map.Entry<String, String> unit =
        Phrases.phraseBefore(text, Phrases.skipBack(text, at - 1), lex.units);
    return unit != null && isCount(unit.getValue()) ? unit.getValue() : null;
  }

  /**
   * What a German compound of "-zahl" counts: "Mitarbeiterzahl", "Arbeitslosenzahl",
   * "Passagierzahl" are counts of persons, "Kundenzahl" of customers; null for one of no count
   * ("Fallzahl", "Jahreszahl").
   */
  private String countOfCompound(String compound) {
    String stem =
        compound.substring(0, compound.length() - "zahl".length()).toLowerCase(Locale.ROOT);
    for (String word : List.of(stem, stem + "e", stem + "n")) {
      String unit = lex.units.get(word);
      if (unit != null && isCount(unit)) {
        return unit;
      }
    }
    return null;
  }

  /** The count unit of the words at {@code at}, or of those after one word (an adjective). */
  private String countAt(String text, int at) {
    for (int k = 0; k < 2 && at < text.length(); k++) {
      Map.Entry<String, String> unit = Phrases.phraseAfter(text, at, lex.units);
      if (unit != null) {
        return isCount(unit.getValue()) ? unit.getValue() : null;
      }
      Matcher word = WORD.matcher(text).region(at, text.length());
      if (!word.lookingAt()) {
        return null;
      }
      at = word.end();
    }
    return null;
  }

  /**
   * Whether no word of its own follows a number ending at {@code end}: a sign, the end, or a word
   * that is not what it counts (German: one in lower case, as German capitalises nouns).
   */
  private boolean bare(String text, int end) {
    return bare(text, end, language);
  }

  /**
   * Whether a word of its own follows a number ending at {@code end} in a text of {@code language}
   * ("500 new engineers", "2.850 Ingenieure"): what it counts, not money.
   */
  static boolean countsAWordAfter(String text, int end, String language) {
    return !bare(text, end, language);
  }

  private static boolean bare(String text, int end, String language) {
    int at = Phrases.skip(text, end);
    if (at >= text.length() || !Character.isLetter(text.charAt(at))) {
      return true;
    }
    int wordEnd = at;
    while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
      wordEnd++;
    }
    String word = text.substring(at, wordEnd);
    return language.equals("de")
        ? Character.isLowerCase(word.charAt(0))
        : NOT_COUNTED_EN.contains(word.toLowerCase(Locale.ROOT))
            // "fewer than the 160,000 economists had forecast": what they expected, not them
            || EXPECTED_BY.matcher(text).region(wordEnd, text.length()).lookingAt();
  }

  /** Whether "cents" can be of {@code currency} (not of yen, nor of pounds: those are pence). */
  static boolean hasCents(String currency) {
    return OF_CENTS.contains(currency);
  }

  /** Currencies of a hundred cents: those "cents" can be of ("80 cents" are no yen, no pence). */
  private static final java.util.Set<String> OF_CENTS =
      java.util.Set.of("USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD");

  /** Where a clause ends: a semicolon, or a comma not inside a number ("13,3 Milliarden"). */
  private static final Pattern CLAUSE_END = Pattern.compile(";|,(?!\\d)");

  /**
   * Amounts in cents of no named currency (their starts: {@code cents}) take the one currency the
   * other amounts of their clause are in, if that is one of cents: "Intel earned 18 cents a share
   * on revenue of $13.3 billion", but not "10 Cent je Liter, Brent kostete 80 Dollar".
   */
  private static void inClausesCurrency(
      String text, List<Found> found, java.util.Set<Integer> cents) {
    if (cents.isEmpty()) {
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      if (!cents.contains(f.start())) {
        continue;
      }
      int from = 0;
      int to = text.length();
      Matcher m = CLAUSE_END.matcher(text);
      while (m.find()) {
        if (m.end() <= f.start()) {
          from = m.end();
        } else if (m.start() >= f.end()) {
          to = m.start();
          break;
        }
      }
      String currency = null;
      boolean one = true;
      for (Found o : found) {
        // (a price per unit is in its currency: "um 50 Cent auf 64,20 Dollar je Barrel")
        String of = o.unit() == null ? null : o.unit().replaceFirst("/.*", "");
        if (o.start() >= from && o.end() <= to && !cents.contains(o.start()) && isCurrency(of)) {
          one &= currency == null || currency.equals(of);
          currency = of;
        }
      }
      if (currency != null && one && OF_CENTS.contains(currency)) {
        found.set(
            i, new Found(f.start(), f.end(), f.value(), f.valueHigh(), currency, f.qualifier()));
      }
    }
  }

  /** A number with the words right after it (scale, unit) and before it (hedge, currency). */
  private final class Amount {
    /** Where its digits (or its sign) begin. */
    final int start;

    /** Where its currency sign or code begins ("$8.5bn", "US$4 billion"), if it has one. */
    int currencyAt = -1;

    /** The currency read from that sign or code. */
    String currency;

    /** Whether its unit is cents of no named currency ({@link #SOME_HUNDREDTHS}). */
    boolean someHundredths;

    /** Where the words before it begin (its currency sign). */
    int lead;

    int end;
    final BigDecimal raw;
    int power;
    String unit;
    Qualifier qualifier;

    Amount(int start, int end, BigDecimal raw) {
      this.start = start;
      this.end = end;
      this.raw = raw;
    }

    /** {@code a} with another value, everything else read so far kept. */
    Amount(Amount a, BigDecimal raw) {
      this(a.start, a.end, raw);
      this.currencyAt = a.currencyAt;
      this.currency = a.currency;
      this.unit = a.unit;
      this.lead = a.lead;
    }

    BigDecimal value() {
      return raw.movePointRight(power).stripTrailingZeros();
    }

    Found found() {
      return new Found(from(), end, plain(value()), null, unit, qualifier);
    }

    /**
     * Where the number as written begins: at its currency sign or code when that is the unit it was
     * read with ("$8.5bn", "€600m", "USD 5 billion"), else at its digits. Hedges before it ("up
     * to") are not part of it.
     */
    int from() {
      // "$50 per megawatt-hour" is quoted with its sign, as "$50" is
      return currencyAt >= 0
              && unit != null
              && (unit.equals(currency) || unit.startsWith(currency + "/"))
          ? currencyAt
          : start;
    }
  }

  private Amount amount(String text, Matcher m) {
    BigDecimal raw = parse(m.group(2), m.group(1));
    if (raw == null) {
      return null;
    }
    Amount a = new Amount(m.start(), m.end(), raw);
    // Before: a currency sign and a hedge ("up to $8.5bn", "knapp 39 600").
    int before = Phrases.skipBack(text, m.start(1) >= 0 ? m.start(1) : m.start(2));
    a.lead = before;
    String cur = currencyBefore(text, before);
    if (cur != null) {
      a.unit = cur;
      a.currency = cur;
      a.currencyAt = before - currencyLength(text, before);
      before = Phrases.skipBack(text, a.currencyAt);
      a.lead = before;
    }
    if (m.group(1) == null && minusBefore(text, before)) {
      // "auf minus 0,2 Prozent", "minus $3 billion": the word for the sign
      a = new Amount(a, raw.negate());
    }
    Map.Entry<String, Qualifier> hedge = Phrases.phraseBefore(text, before, lex.qualifiers);
    if (hedge != null) {
      a.qualifier = hedge.getValue();
    }
    // After: "bn" glued on, or a scale word, then a unit word.
    int pos = a.end;
    if (text.regionMatches(true, pos, "pct", 0, 3)
        && (pos + 3 == text.length() || !Character.isLetter(text.charAt(pos + 3)))) {
      a.unit = "%"; // "3.5pct" (wire style)
      a.end = pos + 3;
      return a;
    }
    if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      Matcher g = GLUED.matcher(text).region(pos, Math.min(text.length(), pos + 4));
      if (!language.equals("en") || !g.lookingAt()) {
        return null; // a name or code with digits in it
      }
      String letter = g.group(1);
      if (letter.length() == 1
          && a.currency == null
          && m.group(2).length() == 1
          && !letter.equals("m")
          && !letter.equals("k")) {
        // "3M", "4K TVs", "Phase 2b": a name; "$3M", "£2b", "1.8M cars", "600K jobs", "5m" are
        // amounts
        return null;
      }
      a.power = lex.scales.get(g.group(1).toLowerCase(Locale.ROOT));
      pos = g.end();
      a.end = pos;
    }
    Map.Entry<String, Integer> scale = Phrases.phraseAfter(text, pos, lex.scales);
    if (scale != null && a.power == 0 && !isSingleLetter(scale.getKey())) {
      a.power = scale.getValue();
      pos = Phrases.skip(text, pos) + scale.getKey().length();
      a.end = pos;
    }
    Map.Entry<String, String> unit = Phrases.phraseAfter(text, pos, lex.units);
    if (unit != null
        && unit.getKey().length() == 1
        && Character.isLetter(unit.getKey().charAt(0))
        && !symbolAt(text, Phrases.skip(text, pos))) {
      unit = null; // "850 T€", "5 T-Shirts": not tonnes
    }
    if (unit != null && lowerCaseNoun(text, pos, unit)) {
      unit = null; // "Ende 2023 beschäftigte der Konzern": a verb, not "2.000 Beschäftigte"
    }
    if (unit != null && a.currency != null && isCount(unit.getValue())) {
      unit = null; // "$2 billion shares buyback": money, whatever word follows
    }
    int unitAt = pos;
    if (unit == null && a.currency == null) {
      // "5,000 new jobs", "3.000 neue Stellen", "10,000 fewer jobs": one word between
      int adjective = adjectiveEnd(text, pos);
      Map.Entry<String, String> after =
          adjective < 0 ? null : Phrases.phraseAfter(text, adjective, lex.units);
      if (after != null && isCount(after.getValue()) && !lowerCaseNoun(text, adjective, after)) {
        unit = after;
        unitAt = adjective;
      }
    }
    if (unit != null) {
      String u = unit.getValue();
      if (u.endsWith(HUNDREDTHS) || u.endsWith(SOME_HUNDREDTHS)) {
        // "81 cents a share", "50 Cent je Aktie": hundredths of the currency
        a.someHundredths = u.endsWith(SOME_HUNDREDTHS) && a.currency == null;
        u = u.substring(0, u.indexOf(HUNDREDTHS));
        a.power -= a.currency == null ? 2 : 0;
      }
      if (a.unit == null || !isCurrency(u)) {
        a.unit = u;
      }
      a.end = Phrases.skip(text, unitAt) + unit.getKey().length();
    }
    if (a.unit == null && isDuration(text, pos)) {
      return null; // "16 years", "zehn Jahre": a span of time
    }
    if (a.unit == null && language.equals("en")) {
      int nounEnd = countedNounEnd(text, pos, a);
      if (nounEnd > 0) {
        // "1.2 million servers", "5,000 stores": what it counts, as the text names it
        a.unit = text.substring(Phrases.skip(text, pos), nounEnd).toLowerCase(Locale.ROOT);
        a.end = nounEnd;
      }
    }
    if ("barrels".equals(a.unit)) {
      Matcher daily = DAILY.matcher(text).region(a.end, text.length());
      if (daily.lookingAt()) {
        a.unit = "barrels/day"; // "9 Millionen Barrel täglich", "9 million barrels daily"
        a.end = daily.end();
      }
    }
    if (a.unit != null && isCurrency(a.unit)) {
      Matcher energy = PER_ENERGY.matcher(text).region(a.end, text.length());
      Matcher volume = PER_VOLUME.matcher(text).region(a.end, text.length());
      if (energy.lookingAt()) {
        // "7,8 Cent je Kilowattstunde", "$50 per megawatt-hour": a price of energy
        a.unit += "/" + (energy.group(1).toLowerCase(Locale.ROOT).startsWith("k") ? "kWh" : "MWh");
        a.end = energy.end();
      } else if (volume.lookingAt()) {
        // "$80 a barrel", "73 Dollar je Barrel", "1,75 Euro pro Liter"; "89,50 Euro je 100 Liter"
        // is 0.895 EUR/l
        boolean barrel = volume.group(2).toLowerCase(Locale.ROOT).matches("barrel|fass");
        a.unit += barrel ? "/barrel" : "/l";
        if (volume.group(1) != null) {
          a.power -= volume.group(1).replaceAll("[^0]", "").length(); // "je 100 Liter": 1/100
        }
        a.end = volume.end();
      }
    }
    return a;
  }

  /** "täglich", "daily" after barrels (the lexicon has "Barrel pro Tag", "barrels a day"). */
  private static final Pattern DAILY = Pattern.compile("(?iu)\\s+(?:täglich|daily)\\b");

  /**
   * A barrel or a litre (or 10, 100 or 1,000 of them: group 1) that a currency is paid per: the
   * price of oil, of fuel (group 2: the word).
   */
  private static final Pattern PER_VOLUME =
      Pattern.compile(
          "(?i)\\s*(?:je|pro|per|a|an|the)\\s+(?:(10|100|1000|1\\.000|1,000)\\s+)?(barrel|fass|liter"
              + "|litre|l)(?![\\p{L}\\d])");

  /** A unit of energy that a currency is paid per: a price of electricity or gas. */
  private static final Pattern PER_ENERGY =
      Pattern.compile(
          "(?i)\\s*(?:je|pro|per|a|an)\\s+(kilowattstunde|kilowatt[- ]hour|kwh|megawattstunde"
              + "|megawatt[- ]hour|mwh)\\b");

  /**
   * "between 37 and 40", "$37-40 billion", "37 to 40 billion", "ranged from 3.9 to 4.1 percent".
   */
  private Found range(String text, Amount first, BitSet blocked) {
    int pos = Phrases.skip(text, first.end);
    String rest = text.substring(pos, Math.min(text.length(), pos + 8)).toLowerCase(Locale.ROOT);
    String joiner = null;
    for (String j : List.of("-", "–", "to ", "bis ", "and ", "und ")) {
      if (rest.startsWith(j)) {
        joiner = j;
        break;
      }
    }
    if (joiner == null) {
      return null;
    }
    boolean dash = joiner.equals("-") || joiner.equals("–");
    boolean opened =
        Phrases.phraseBefore(text, first.lead, Phrases.wordsAsMap(lex.between)) != null
            || Phrases.precededBy(
                text, first.lead, "ranged from", "range from", "ranging from", "range of", "von");
    boolean and = joiner.startsWith("and") || joiner.startsWith("und");
    if (and && !opened) {
      return null;
    }
    Amount second = amountAt(text, pos + joiner.length(), blocked);
    if (second == null) {
      return null;
    }
    boolean sameScaleLater = first.power == 0 && second.power != 0 && first.unit == null;
    // "$70 to $80 a barrel": the price's unit on the second end
    boolean perUnitOfFirst =
        first.unit != null && second.unit != null && second.unit.startsWith(first.unit + "/");
    // "$4.5 billion to $4.7 billion", "$4 to $5 billion", "5 to 7 percent": one unit, one scale
    // (or the scale written once, at the end), the unit on the second end at least
    boolean sameUnit =
        !and
            && (first.power == 0 || first.power == second.power)
            && (first.unit == null
                ? second.unit != null
                : first.unit.equals(second.unit) || perUnitOfFirst)
            && !changeBefore(text, first.lead);
    // "rose from 4 to 5 billion": a change, though the scale is written once
    boolean scaleOnce = sameScaleLater && !changeBefore(text, first.lead);
    // "grow by 2 to 3 percent", "um 2 bis 3 Prozent": a range of changes, the unit written once
    boolean unitOnceAfterBy =
        !and
            && first.unit == null
            && second.unit != null
            && first.power == second.power
            && Phrases.precededBy(text, first.lead, " by", " um");
    if (!(opened || dash || scaleOnce || sameUnit || unitOnceAfterBy)) {
      return null; // "from +336,000 to +264,000", "rose from $4bn to $5bn": a change, not a range
    }
    int ownPower = first.power;
    if (first.power == 0) {
      first.power = second.power; // "$37-40 billion": the scale is written once, at the end
    }
    String unit = first.unit != null && !perUnitOfFirst ? first.unit : second.unit;
    rangeInSomeHundredths = first.unit != null ? first.someHundredths : second.someHundredths;
    BigDecimal low = first.value();
    BigDecimal high = second.raw.movePointRight(second.power).stripTrailingZeros();
    if (high.compareTo(low) <= 0) {
      // "from $5 billion in 2023 to $7 billion": no range, and the year keeps no scale
      first.power = ownPower;
      return null;
    }
    // A change and a level, not a range's ends: "shares added $3.50 to $120.75" (money, a sign
    // before each, the second more than twice the first), "rose by 0.1 to 4.0 percent" (a change
    // that happened, by so much, to a level). Not "could raise prices by 1 to 4 percent", "grow 3
    // to 7 percent", "um 0,1 bis 0,5 Prozent" nor "3% to 7%": a range
    boolean plain = !(opened || dash || scaleOnce);
    boolean levelAfterChange =
        plain
            && ((first.unit != null
                    && !"%".equals(first.unit)
                    && high.compareTo(low.multiply(TWO)) > 0)
                || (unitOnceAfterBy && CHANGED_BY.matcher(before(text, first.lead)).find()));
    if (levelAfterChange) {
      first.power = ownPower;
      return null;
    }
    return new Found(first.from(), second.end, plain(low), plain(high), unit, Qualifier.RANGE);
  }

  /** The amount that starts at {@code at} (after blanks and a currency sign), or null. */
  private Amount amountAt(String text, int at, BitSet blocked) {
    Matcher m = (language.equals("de") ? NUMBER_DE : NUMBER_EN).matcher(text);
    int secondAt = Phrases.skip(text, at);
    for (String sign : List.of("US$", "$", "€", "£")) {
      if (text.startsWith(sign, secondAt)) {
        secondAt = Phrases.skip(text, secondAt + sign.length());
        break;
      }
    }
    if (!m.find(secondAt) || m.start() != secondAt || blocked.get(m.start(2))) {
      return null;
    }
    return amount(text, m);
  }

  /**
   * "von 4 auf 5 Milliarden Euro", "from 4 to 5 billion dollars": a small bare number before a
   * scaled one it changes into has that one's scale and unit, written once, at the end.
   */
  private void carryScale(String text, Amount first, BitSet blocked) {
    if (first.power != 0 || first.unit != null || first.raw.abs().compareTo(THOUSAND) >= 0) {
      return;
    }
    int pos = Phrases.skip(text, first.end);
    String rest = text.substring(pos, Math.min(text.length(), pos + 4)).toLowerCase(Locale.ROOT);
    int joiner = rest.startsWith("to ") ? 3 : rest.startsWith("auf ") ? 4 : 0;
    // "from 4 to 5 billion", not "stieg um 300 auf 1,2 Millionen" (a change of 300)
    if (joiner == 0 || !Phrases.precededBy(text, first.lead, " from", " von")) {
      return;
    }
    Amount second = amountAt(text, pos + joiner, blocked);
    if (second != null && second.power != 0) {
      first.power = second.power;
      first.unit = second.unit;
    }
  }

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** A change that happened, then "by": "rose by", "raised its dividend by". */
  private static final Pattern CHANGED_BY =
      Pattern.compile(
          "(?i)\\b(?:rose|fell|grew|increased|decreased|climbed|jumped|dropped|declined|gained"
              + "|slipped|raised|lowered|cut|boosted|trimmed|soared|plunged|surged|tumbled|accelerated"
              + "|slowed|eased|edged (?:up|down)|widened|narrowed)\\s+(?:\\S+\\s+){0,3}by\\s*$");

  /** Up to 60 characters of {@code text} before {@code at}. */
  private static String before(String text, int at) {
    return text.substring(Math.max(0, at - 60), at);
  }

  /**
   * Words after which "X to Y" tells a change ("rose from", "up by", "cut ... by"), not a range.
   */
  private static final Map<String, Boolean> CHANGE =
      Phrases.wordsAsMap(
          List.of(
              "from",
              "by",
              "rose",
              "fell",
              "grew",
              "increased",
              "decreased",
              "climbed",
              "jumped",
              "dropped",
              "declined",
              "gained",
              "slipped",
              "raised",
              "lowered",
              "cut",
              "boosted",
              "trimmed",
              "soared",
              "plunged",
              "surged",
              "tumbled",
              "rising",
              "falling"));

  /** Whether a change word stands before {@code lead}, a hedge between them skipped. */
  private boolean changeBefore(String text, int lead) {
    int at = lead;
    Map.Entry<String, Qualifier> hedge = Phrases.phraseBefore(text, at, lex.qualifiers);
    if (hedge != null) {
      at = Phrases.skipBack(text, at - hedge.getKey().length());
    }
    return Phrases.phraseBefore(text, at, CHANGE) != null;
  }

  /** "fünf Milliarden", "three hundred million", "eine Billion": word numbers before a scale. */
  private List<Found> wordNumbers(String text, BitSet blocked) {
    List<Found> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    boolean samePositions = lower.length() == text.length();
    for (Map.Entry<String, Integer> w : lex.words.entrySet()) {
      int at =
          samePositions
              ? lower.indexOf(w.getKey())
              : Phrases.indexOfIgnoreCase(text, w.getKey(), 0);
      while (at >= 0) {
        int end = at + w.getKey().length();
        boolean word =
            (at == 0 || !Character.isLetter(text.charAt(at - 1)))
                && (end >= text.length() || !Character.isLetter(text.charAt(end)));
        Map.Entry<String, Integer> scale = word ? Phrases.phraseAfter(text, end, lex.scales) : null;
        if (scale != null && !isSingleLetter(scale.getKey()) && !blocked.get(at)) {
          int stop = Phrases.skip(text, end) + scale.getKey().length();
          BigDecimal v = BigDecimal.valueOf(w.getValue()).movePointRight(scale.getValue());
          if (w.getValue() == 1
              && Phrases.phraseBefore(text, Phrases.skipBack(text, at), HALF) != null) {
            // "half a billion": the "a" before the scale is half of one
            at = Phrases.skipBack(text, at) - "half".length();
            v = v.divide(BigDecimal.valueOf(2));
          }
          Map.Entry<String, String> unit = Phrases.phraseAfter(text, stop, lex.units);
          int lead = Phrases.skipBack(text, at);
          String u = currencyBefore(text, lead);
          int from = u == null ? at : lead - currencyLength(text, lead);
          if (unit != null) {
            from = unit.getValue().equals(u) ? from : at;
            u = unit.getValue();
            stop = Phrases.skip(text, stop) + unit.getKey().length();
          }
          Map.Entry<String, Qualifier> hedge =
              Phrases.phraseBefore(text, Phrases.skipBack(text, at), lex.qualifiers);
          out.add(
              new Found(from, stop, plain(v), null, u, hedge == null ? null : hedge.getValue()));
          blocked.set(at, stop);
        }
        at =
            samePositions
                ? lower.indexOf(w.getKey(), end)
                : Phrases.indexOfIgnoreCase(text, w.getKey(), end);
      }
    }
    // "a hundred" inside "three hundred": keep the longest at each place.
    out.removeIf(
        f ->
            out.stream()
                .anyMatch(
                    o ->
                        o != f
                            && o.start() <= f.start()
                            && o.end() >= f.end()
                            && (o.end() - o.start()) > (f.end() - f.start())));
    return out;
  }

  private static final Map<String, Boolean> HALF = Phrases.wordsAsMap(List.of("half"));

  /**
   * Whether the letter at {@code at} stands alone, in lower case, as a unit's symbol does ("12 Mio.
   * t Kohle", "300.000 t."): not "T€", "T-Shirts", "t-online".
   */
  private static boolean symbolAt(String text, int at) {
    if (at >= text.length() || !Character.isLowerCase(text.charAt(at))) {
      return false;
    }
    int next = at + 1;
    return next == text.length()
        || Character.isWhitespace(text.charAt(next))
        || ".,;:)".indexOf(text.charAt(next)) >= 0;
  }

  /**
   * Whether a German unit of things counted ("Beschäftigte", "Stellen") is written in lower case
   * after {@code pos}: German writes nouns capitalised, so it is a verb or an adjective there.
   */
  private boolean lowerCaseNoun(String text, int pos, Map.Entry<String, String> unit) {
    if (!language.equals("de")
        || isCurrency(unit.getValue())
        || unit.getValue().equals("%")
        || unit.getKey().length() == 1) { // a symbol: "12 Mio. t"
      return false;
    }
    // the noun of the words: the last ("offene Stellen")
    int at = Phrases.skip(text, pos) + unit.getKey().lastIndexOf(' ') + 1;
    return at < text.length() && Character.isLowerCase(text.charAt(at));
  }

  /**
   * A figure's comparative before a year it is measured against: "300 Millionen Euro mehr als
   * 2024", "12% more than in 2023" (not "mehr als 2000 Menschen": no figure before it).
   */
  private static final Pattern YEAR_COMPARED_WITH =
      Pattern.compile(
          "(?iu)(?<![\\d.,])(?!(?:19|20)\\d{2}(?![\\d.,]\\d))\\d[\\d.,]*(?:\\s*[\\p{L}€$%]+\\.?){0,2}"
              + "\\s+(?:mehr|weniger|höher|niedriger|more|less|fewer|higher|lower)\\s+(?:als|than)"
              + "(?:\\s+(?:in|im)(?:\\s+jahre?)?)?$");

  /** What ends the clause of a year compared with: "mehr als 2024.", "than in 2024, and". */
  private static final Pattern YEAR_CLAUSE_END =
      Pattern.compile("(?i)\\s*(?:[.,;:)]|$|\\s(?:und|and|or|oder)\\b)");

  /**
   * A four-digit 1500-2099 with no unit, scale or hedge is a year ("im Jahr 2018", "in 2021"), nor
   * a comparative of another figure ("300 Millionen Euro mehr als 2024").
   */
  private boolean isYear(String text, Matcher m, Amount a) {
    return a.power == 0
        && (a.qualifier == null
            || (YEAR_COMPARED_WITH.matcher(text).region(0, a.lead).find()
                && YEAR_CLAUSE_END.matcher(text).region(m.end(), text.length()).lookingAt()))
        && a.currency == null // "$1999"
        && m.group(1) == null
        && YEAR.matcher(m.group(2)).matches()
        && (a.unit == null || Lexicon.timeWordBefore(text, a.lead));
  }

  private BigDecimal parse(String digits, String sign) {
    String t = digits;
    if (language.equals("de")) {
      t = t.replace(".", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
      t = t.replace(',', '.');
    } else {
      t = t.replace(",", "");
    }
    try {
      BigDecimal v = new BigDecimal(t);
      return sign != null && (sign.startsWith("-") || sign.startsWith("−")) ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The currency written right before {@code before}: a sign ("$", "C$", "€", "£") or a code. */
  private static String currencyBefore(String text, int before) {
    String head = text.substring(Math.max(0, before - 4), before);
    if (head.endsWith("$")) {
      String letters = dollarLetters(head);
      return letters.isEmpty() ? "USD" : DOLLARS.get(letters);
    }
    if (head.endsWith("€")) {
      return "EUR";
    }
    if (head.endsWith("£")) {
      return "GBP";
    }
    Matcher code = CODE_BEFORE.matcher(head);
    return code.find() ? code.group(1) : null;
  }

  /** The capital letters glued before a dollar sign at the end of {@code head} ("HK" of "HK$"). */
  private static String dollarLetters(String head) {
    int i = head.length() - 1;
    while (i > 0 && Character.isUpperCase(head.charAt(i - 1))) {
      i--;
    }
    boolean glued = i > 0 && Character.isLetterOrDigit(head.charAt(i - 1));
    return glued ? "?" : head.substring(i, head.length() - 1);
  }

  /** How many characters the currency {@link #currencyBefore} read takes up. */
  private static int currencyLength(String text, int before) {
    String head = text.substring(Math.max(0, before - 4), before);
    if (head.endsWith("$")) {
      return dollarLetters(head).length() + 1;
    }
    return head.endsWith("€") || head.endsWith("£") ? 1 : 3;
  }

  /** Whether a claim's unit is an amount of money. */
  static boolean isCurrency(String unit) {
    return CURRENCIES.contains(unit);
  }

  private boolean isDuration(String text, int pos) {
    int at = Phrases.skip(text, pos);
    String next = text.substring(at, Math.min(text.length(), at + 12)).toLowerCase(Locale.ROOT);
    for (String d : lex.durations) {
      if (next.startsWith(d)
          && (next.length() == d.length() || !Character.isLetter(next.charAt(d.length())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSingleLetter(String scale) {
    return scale.length() == 1;
  }

  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
