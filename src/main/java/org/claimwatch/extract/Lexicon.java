package org.claimwatch.extract;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwatch.claim.Qualifier;

/**
 * The words numbers come with, per language: scales ("billion", "Mrd."), units ("percent",
 * "Tonnen", "US-Dollar"), hedges before a number ("up to", "knapp") and number words ("fünf",
 * "three"). German "Billion" is 10^12, English "billion" 10^9. Keys are lower case; longer phrases
 * are tried first.
 */
enum Lexicon {
  EN(
      Map.ofEntries(
          Map.entry("thousand", 3),
          Map.entry("k", 3),
          Map.entry("million", 6),
          Map.entry("millions", 6),
          Map.entry("mn", 6),
          Map.entry("mln", 6),
          Map.entry("m", 6),
          Map.entry("billion", 9),
          Map.entry("billions", 9),
          Map.entry("bn", 9),
          Map.entry("bln", 9),
          Map.entry("b", 9),
          Map.entry("trillion", 12),
          Map.entry("tn", 12),
          Map.entry("trn", 12)),
      ordered(
          "percentage points", "percentage_points",
          "percentage point", "percentage_points",
          "per cent", "%",
          "percent", "%",
          "pct", "%",
          "%", "%",
          "$", "USD",
          "€", "EUR",
          "us dollars", "USD",
          "dollars", "USD",
          "dollar", "USD",
          "usd", "USD",
          "euros", "EUR",
          "euro", "EUR",
          "eur", "EUR",
          "euro cents", "EUR" + NumberFinder.HUNDREDTHS,
          "cents", "USD" + NumberFinder.SOME_HUNDREDTHS,
          "cent", "USD" + NumberFinder.SOME_HUNDREDTHS,
          "pence", "GBP" + NumberFinder.HUNDREDTHS,
          "pounds", "GBP",
          "pounds sterling", "GBP",
          "dlrs", "USD",
          "yen", "JPY",
          "yuan", "CNY",
          "swiss francs", "CHF",
          "francs", "CHF",
          "metric tons", "tonnes",
          "tonnes", "tonnes",
          "tons", "tonnes",
          "cubic meters", "cubic_meters",
          "cubic metres", "cubic_meters",
          "liters", "liters",
          "litres", "liters",
          "hectares", "hectares",
          "basis points", "basis_points",
          "basis point", "basis_points",
          "bps", "basis_points",
          "jobs", "jobs",
          "job cuts", "jobs",
          "job losses", "jobs",
          "layoffs", "jobs",
          "lay-offs", "jobs",
          "positions", "jobs",
          "roles", "jobs",
          "people", "persons",
          "unemployed", "persons",
          "persons", "persons",
          "workers", "persons",
          "employees", "persons",
          "staff", "persons",
          "customers", "customers",
          "companies", "companies",
          "firms", "companies",
          "businesses", "companies",
          "users", "users",
          "households", "households",
          "units", "units",
          "smartphones", "units",
          "phones", "units",
          "iphones", "units",
          "handsets", "units",
          "devices", "units",
          "electric vehicles", "units",
          "electric cars", "units",
          "vehicles", "units",
          "cars", "units",
          "evs", "units",
          "aircraft", "aircraft",
          "planes", "aircraft",
          "jets", "aircraft",
          "subscribers", "subscribers",
          "stores", "stores",
          "shops", "stores",
          "homes", "homes",
          "houses", "homes",
          "flights", "flights",
          "passengers", "persons",
          "barrels per day", "barrels/day",
          "barrels a day", "barrels/day",
          "bpd", "barrels/day",
          "barrels", "barrels",
          "shares", "shares",
          "terawatt hours", "TWh",
          "terawatt-hours", "TWh",
          "twh", "TWh",
          "gigawatt hours", "GWh",
          "gigawatt-hours", "GWh",
          "gwh", "GWh",
          "megawatt hours", "MWh",
          "megawatt-hours", "MWh",
          "mwh", "MWh",
          "gigawatts", "GW",
          "gigawatt", "GW",
          "gw", "GW",
          "megawatts", "MW",
          "megawatt", "MW",
          "mw", "MW"),
      ordered(
          "up to", "AT_MOST",
          "as much as", "AT_MOST",
          "as many as", "AT_MOST",
          "at most", "AT_MOST",
          "no more than", "AT_MOST",
          "more than", "MORE_THAN",
          "over", "MORE_THAN",
          "above", "MORE_THAN",
          "in excess of", "MORE_THAN",
          "at least", "AT_LEAST",
          "no fewer than", "AT_LEAST",
          "about", "APPROX",
          "around", "APPROX",
          "roughly", "APPROX",
          "nearly", "APPROX",
          "almost", "APPROX",
          "approximately", "APPROX",
          "an estimated", "APPROX",
          "some", "APPROX",
          "circa", "APPROX",
          "less than", "LESS_THAN",
          "fewer than", "LESS_THAN",
          "under", "LESS_THAN",
          "below", "LESS_THAN"),
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("fifteen", 15),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("hundred", 100),
          Map.entry("a hundred", 100),
          Map.entry("one hundred", 100),
          Map.entry("two hundred", 200),
          Map.entry("three hundred", 300),
          Map.entry("four hundred", 400),
          Map.entry("five hundred", 500)),
      List.of("years", "year", "months", "month", "days", "day", "weeks", "hours", "minutes"),
      List.of("between")),
  DE(
      Map.ofEntries(
          Map.entry("tausend", 3),
          Map.entry("tsd.", 3),
          Map.entry("million", 6),
          Map.entry("millionen", 6),
          Map.entry("mio.", 6),
          Map.entry("mio", 6),
          Map.entry("milliarde", 9),
          Map.entry("milliarden", 9),
          Map.entry("mrd.", 9),
          Map.entry("mrd", 9),
          Map.entry("mia.", 9),
          Map.entry("billion", 12),
          Map.entry("billionen", 12),
          Map.entry("bio.", 12)),
      withDatives(
          "prozentpunkte", "percentage_points",
          "prozentpunkten", "percentage_points",
          "prozentpunkt", "percentage_points",
          "prozent", "%",
          "%", "%",
          "$", "USD",
          "€", "EUR",
          "us-dollar", "USD",
          "dollar", "USD",
          "usd", "USD",
          "euro", "EUR",
          "eur", "EUR",
          "us-cent", "USD" + NumberFinder.HUNDREDTHS,
          "us-cents", "USD" + NumberFinder.HUNDREDTHS,
          "dollar-cent", "USD" + NumberFinder.HUNDREDTHS,
          "cent", "EUR" + NumberFinder.SOME_HUNDREDTHS,
          "cents", "EUR" + NumberFinder.SOME_HUNDREDTHS,
          "pfund", "GBP",
          "schweizer franken", "CHF",
          "franken", "CHF",
          "chf", "CHF",
          "schwedische kronen", "SEK",
          "norwegische kronen", "NOK",
          "dänische kronen", "DKK",
          "yen", "JPY",
          "yuan", "CNY",
          "tonnen", "tonnes",
          "t", "tonnes",
          "kubikmeter", "cubic_meters",
          "liter", "liters",
          "hektar", "hectares",
          "v.h.", "%",
          "arbeitsplätze", "jobs",
          "offene stellen", "jobs",
          "freie stellen", "jobs",
          "stellen", "jobs",
          "jobs", "jobs",
          "menschen", "persons",
          "personen", "persons",
          "beschäftigten", "persons",
          "beschäftigte", "persons",
          "mitarbeitern", "persons",
          "arbeitnehmern", "persons",
          "einwohnern", "persons",
          "mitarbeiterinnen", "persons",
          "mitarbeiter", "persons",
          "angestellte", "persons",
          "vollzeitkräfte", "persons",
          "leiharbeiter", "persons",
          "kurzarbeiter", "persons",
          "auszubildende", "persons",
          "besucher", "persons",
          "vollzeitstellen", "jobs",
          "mitarbeitende", "persons",
          "arbeitnehmer", "persons",
          "einwohner", "persons",
          "arbeitslosen", "persons",
          "arbeitslose", "persons",
          "erwerbstätigen", "persons",
          "erwerbstätige", "persons",
          "erwerbslosen", "persons",
          "erwerbslose", "persons",
          "basispunkte", "basis_points",
          "basispunkten", "basis_points",
          "kunden", "customers",
          "unternehmen", "companies",
          "firmen", "companies",
          "betriebe", "companies",
          "nutzer", "users",
          "haushalte", "households",
          "smartphones", "units",
          "einheiten", "units",
          "handys", "units",
          "geräte", "units",
          "elektroautos", "units",
          "e-autos", "units",
          "autos", "units",
          "fahrzeuge", "units",
          "neuwagen", "units",
          "pkw", "units",
          "flugzeuge", "aircraft",
          "server", "servers",
          "abonnenten", "subscribers",
          "filialen", "stores",
          "wohnungen", "homes",
          "flüge", "flights",
          "passagiere", "persons",
          "fluggäste", "persons",
          "barrel pro tag", "barrels/day",
          "barrel am tag", "barrels/day",
          "barrel", "barrels",
          "aktien", "shares",
          "terawattstunden", "TWh",
          "twh", "TWh",
          "gigawattstunden", "GWh",
          "gwh", "GWh",
          "megawattstunden", "MWh",
          "mwh", "MWh",
          "gigawatt", "GW",
          "gw", "GW",
          "megawatt", "MW",
          "mw", "MW"),
      ordered(
          "bis zu", "AT_MOST",
          "höchstens", "AT_MOST",
          "maximal", "AT_MOST",
          "mehr als", "MORE_THAN",
          "über", "MORE_THAN",
          "mindestens", "AT_LEAST",
          "wenigstens", "AT_LEAST",
          "etwa", "APPROX",
          "rund", "APPROX",
          "fast", "APPROX",
          "knapp", "APPROX",
          "ungefähr", "APPROX",
          "circa", "APPROX",
          "ca.", "APPROX",
          "zirka", "APPROX",
          "gut", "APPROX",
          "weniger als", "LESS_THAN",
          "unter", "LESS_THAN"),
      Map.ofEntries(
          Map.entry("ein", 1),
          Map.entry("eine", 1),
          Map.entry("einer", 1),
          Map.entry("zwei", 2),
          Map.entry("drei", 3),
          Map.entry("vier", 4),
          Map.entry("fünf", 5),
          Map.entry("sechs", 6),
          Map.entry("sieben", 7),
          Map.entry("acht", 8),
          Map.entry("neun", 9),
          Map.entry("zehn", 10),
          Map.entry("elf", 11),
          Map.entry("zwölf", 12),
          Map.entry("zwanzig", 20),
          Map.entry("dreißig", 30),
          Map.entry("fünfzig", 50),
          Map.entry("hundert", 100),
          Map.entry("einhundert", 100),
          Map.entry("zweihundert", 200),
          Map.entry("dreihundert", 300)),
      List.of("jahre", "jahren", "jahr", "monate", "monaten", "tage", "tagen", "wochen", "stunden"),
      List.of("zwischen"));

  /** Scale words and the power of ten they stand for. */
  final Map<String, Integer> scales;

  /** Unit words and the unit a claim stores ("%", "USD", "tonnes", ...), longest first. */
  final Map<String, String> units;

  /** Hedges written before a number, longest first. */
  final Map<String, Qualifier> qualifiers;

  /** Number words, used only before a scale word ("fünf Milliarden", "three hundred million"). */
  final Map<String, Integer> words;

  /** Units of time: a number of them is a duration, not a claim ("zehn Jahre", "16 years"). */
  final List<String> durations;

  /** Words that open a range "between X and Y". */
  final List<String> between;

  Lexicon(
      Map<String, Integer> scales,
      Map<String, String> units,
      Map<String, String> qualifiers,
      Map<String, Integer> words,
      List<String> durations,
      List<String> between) {
    this.scales = longestFirst(scales);
    this.units = units;
    Map<String, Qualifier> q = new LinkedHashMap<>();
    qualifiers.forEach((k, v) -> q.put(k, Qualifier.valueOf(v)));
    this.qualifiers = q;
    this.words = words;
    this.durations = durations;
    this.between = between;
  }

  static Lexicon of(String language) {
    return "de".equals(language) ? DE : EN;
  }

  /**
   * Words of time right before a year-like number: with them it is a year even when a unit word
   * follows ("in 2023 companies", "im Jahr 2000 Euro", "Since 2020 companies"); lower case.
   */
  static final List<String> YEAR_WORDS =
      List.of(
          "in",
          "im jahr",
          "im jahre",
          "fiscal",
          "geschäftsjahr",
          "since",
          "from",
          "until",
          "seit",
          "ende",
          "anfang");

  /**
   * Whether a word of time ({@link #YEAR_WORDS}) stands right before {@code at}: a year-like number
   * there is a year, whatever unit word follows it.
   */
  static boolean timeWordBefore(String text, int at) {
    String head =
        " " + text.substring(Math.max(0, at - 24), at).toLowerCase(Locale.ROOT).stripTrailing();
    return YEAR_WORDS.stream().anyMatch(w -> head.endsWith(" " + w));
  }

  /**
   * The unit and scale words of both languages that a number is counted or measured in ("Stellen",
   * "workers", "Euro", "million"), as a regular expression's alternatives, longest first; not signs
   * ("%", "$") nor words of one letter. English ones in any case; German ones only capitalised, as
   * German writes nouns ("Ende 2023 beschäftigte der Konzern": a verb).
   */
  static String countedWords() {
    java.util.Map<String, Boolean> german = new java.util.HashMap<>();
    EN.units.keySet().forEach(w -> german.put(w, false));
    EN.scales.keySet().forEach(w -> german.put(w, false));
    DE.units.keySet().forEach(w -> german.putIfAbsent(w, true));
    DE.scales.keySet().forEach(w -> german.putIfAbsent(w, true));
    // one group for all German words, led by a capital (a group per word would give the pattern a
    // local per word, which every match attempt resets)
    return words(german, false) + "|(?-i:(?=\\p{Lu}))(?:" + words(german, true) + ")";
  }

  private static String words(java.util.Map<String, Boolean> german, boolean ofGerman) {
    return german.keySet().stream()
        .filter(w -> german.get(w) == ofGerman)
        .filter(w -> w.length() > 1 && Character.isLetter(w.charAt(0)))
        .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
        .map(w -> w.replaceAll("([^\\p{L}\\s-])", "\\\\$1")) // "mio." as "mio\\."
        .collect(java.util.stream.Collectors.joining("|"));
  }

  /** 10^power. */
  static BigDecimal scale(int power) {
    return BigDecimal.ONE.movePointRight(power);
  }

  private static <V> Map<String, V> longestFirst(Map<String, V> m) {
    Map<String, V> sorted = new LinkedHashMap<>();
    m.keySet().stream()
        .sorted((a, b) -> b.length() - a.length())
        .forEach(k -> sorted.put(k, m.get(k)));
    return sorted;
  }

  /**
   * {@link #ordered} German units, with the dative plural of each counted noun that has one ("bei
   * 70.000 Fahrzeugen", "mit 5.000 Nutzern": "-e" and "-er" plurals take an "n").
   */
  private static Map<String, String> withDatives(String... pairs) {
    Map<String, String> given = ordered(pairs);
    Map<String, String> m = new LinkedHashMap<>(given);
    for (Map.Entry<String, String> e : given.entrySet()) {
      String word = e.getKey();
      if (word.matches("\\p{L}[\\p{L}-]{3,}(?:e|er)")) {
        m.putIfAbsent(word + "n", e.getValue());
      }
    }
    return longestFirst(m);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    // Longest phrase first, so "percentage point" wins over "percent".
    return longestFirst(m);
  }
}
