package org.claimwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Countries named by their people's adjective: "American employers added 142,000 jobs", "die
 * deutsche Wirtschaft schrumpfte". A mention of the stored entity of that country (looked up by its
 * English or German name, as entities are commonly named), weaker than a name: only a figure whose
 * sentence names no entity is about it. Only an adjective before a noun counts: "American Airlines"
 * and "Deutsche Bank" are names (capitalised in English, capitalised in German), not their country.
 */
final class Demonyms {
  private Demonyms() {}

  /** The country names each demonym's stem stands for. */
  private static final Map<String, List<String>> COUNTRIES = countries();

  private static Map<String, List<String>> countries() {
    Map<String, List<String>> m = new java.util.HashMap<>();
    add(
        m,
        List.of("american", "us-amerikanisch", "amerikanisch"),
        "United States",
        "USA",
        "U.S.",
        "US",
        "America",
        "Vereinigte Staaten");
    add(m, List.of("german", "deutsch"), "Germany", "Deutschland", "Bundesrepublik Deutschland");
    add(
        m,
        List.of("british", "britisch"),
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "Großbritannien",
        "Vereinigtes Königreich");
    add(m, List.of("french", "französisch"), "France", "Frankreich");
    add(m, List.of("chinese", "chinesisch"), "China", "Volksrepublik China");
    add(m, List.of("japanese", "japanisch"), "Japan");
    add(m, List.of("italian", "italienisch"), "Italy", "Italien");
    add(m, List.of("spanish", "spanisch"), "Spain", "Spanien");
    add(m, List.of("indian", "indisch"), "India", "Indien");
    add(m, List.of("canadian", "kanadisch"), "Canada", "Kanada");
    add(m, List.of("russian", "russisch"), "Russia", "Russland");
    add(m, List.of("swiss", "schweizerisch"), "Switzerland", "Schweiz");
    add(m, List.of("dutch", "niederländisch"), "Netherlands", "Niederlande");
    add(m, List.of("austrian", "österreichisch"), "Austria", "Österreich");
    add(m, List.of("brazilian", "brasilianisch"), "Brazil", "Brasilien");
    add(m, List.of("mexican", "mexikanisch"), "Mexico", "Mexiko");
    add(m, List.of("australian", "australisch"), "Australia", "Australien");
    add(m, List.of("swedish", "schwedisch"), "Sweden", "Schweden");
    return Map.copyOf(m);
  }

  private static void add(Map<String, List<String>> m, List<String> stems, String... names) {
    for (String s : stems) {
      m.put(s, List.of(names));
    }
  }

  /**
   * English: capitalised, before a word in lower case ("American employers", not "American
   * Airlines"); not before a name it describes ("German carmaker Porsche", "a Chinese rival, BYD"),
   * a currency or a dish ("the Swiss franc", "French fries"), nor in "Native American" or "American
   * Indian".
   */
  private static final Pattern ENGLISH =
      Pattern.compile(
          "(?<![\\p{L}-])(?<!Native\\s)(?<!American\\s)"
              + "(American|German|British|French|Chinese|Japanese|Italian|Spanish|Indian"
              + "|Canadian|Russian|Swiss|Dutch|Austrian|Brazilian|Mexican|Australian|Swedish)"
              + "\\s+(?=\\p{Ll})(?!\\p{Ll}+,?\\s+\\p{Lu})"
              + "(?!(?:francs?|pounds?|dollars?|yen|yuan|renminbi|rupees?|pesos?|real|krona|kronor"
              + "|rubles?|roubles?|fries|toast|dressing)\\b)");

  /**
   * German: the adjective in lower case, declined ("die deutsche Wirtschaft", "deutschen Exporte",
   * "die US-amerikanische Notenbank"); not before a currency ("das britische Pfund").
   */
  private static final Pattern GERMAN =
      Pattern.compile(
          "(?<![\\p{L}-])(US-amerikanisch|amerikanisch|deutsch|britisch|französisch|chinesisch"
              + "|japanisch|italienisch|spanisch|indisch|kanadisch|russisch|schweizerisch"
              + "|niederländisch|österreichisch|brasilianisch|mexikanisch|australisch|schwedisch)"
              + "(?:e|en|er|es|em)\\b"
              + "(?!\\s+(?:Pfund|Franken|Dollar|Yen|Yuan|Rupien?|Pesos?|Real|Kronen?|Rubel)\\b)");

  /**
   * German at the start of a sentence, or indeclinable ("Schweizer"): capitalised, and only before
   * a noun of a country's economy ("Deutsche Exporte sanken", "Schweizer Wirtschaft"), not before a
   * name ("Deutsche Bank", "Deutsche Telekom", "Schweizer Franken").
   */
  private static final Pattern GERMAN_CAPITALISED =
      Pattern.compile(
          "(?<![\\p{L}-])(?:(US-Amerikanisch|Amerikanisch|Deutsch|Britisch|Französisch|Chinesisch"
              + "|Japanisch|Italienisch|Spanisch|Indisch|Kanadisch|Russisch|Schweizerisch"
              + "|Niederländisch|Österreichisch|Brasilianisch|Mexikanisch|Australisch|Schwedisch)"
              + "(?:e|en|er|es|em)|(Schweizer|Österreicher))\\s+"
              + "(?=(?:Wirtschaft|Exporte?|Importe?|Industrie|Verbraucher|Konjunktur"
              + "|Inflation(?:srate)?|Arbeitsmarkt|Arbeitslose[n]?|Arbeitslosigkeit"
              + "|Bruttoinlandsprodukt|BIP|Einzelhandel|Einzelhändler|Haushalte|Unternehmen|Firmen"
              + "|Betriebe|Staat|Regierung|Autobauer|Autoindustrie|Maschinenbau(?:er)?"
              + "|Chemieindustrie|Bauindustrie|Exporteure?|Steuereinnahmen|Staatsschulden"
              + "|Staatsverschuldung|Neuverschuldung|Produktion|Erwerbstätigen?|Beschäftigten?"
              + "|Löhne|Reallöhne|Sparquote|Leitzins)\\b(?!\\s+\\p{Lu}))");

  /**
   * Germany's federal state by its German names: "der Bund", "die Bundesregierung", "im
   * Bundeshaushalt", "der Bundesfinanzminister", "der Kernhaushalt" (not the Bundesbank, a
   * Bundesamt or the Bundesagentur, which speak of figures rather than hold them).
   */
  private static final Pattern GERMAN_FEDERAL =
      Pattern.compile(
          "(?<![\\p{L}-])(Bund(?:es(?:regierung|haushalt|finanzminister(?:ium|in)?|etat|kabinett"
              + "|schulden|wirtschaftsminister(?:ium|in)?)(?:e?s)?)?|Kernhaushalt(?:e?s)?)(?![\\p{L}-])");

  /** Where the word at {@code start} ends (its declined ending with it: "deutschen"). */
  private static int wordEnd(String text, int start) {
    int at = start;
    while (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '-')) {
      at++;
    }
    return at;
  }

  /** The first of {@code names} that {@code lookup} finds stored, or null. */
  private static Mentions.Mention firstStored(
      List<String> names, Function<String, Mentions.Mention> lookup) {
    for (String name : names) {
      Mentions.Mention e = lookup.apply(name);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The key of {@link #COUNTRIES} for a demonym as {@link #GERMAN_CAPITALISED} finds it. */
  private static String stem(String demonym) {
    String d = demonym.toLowerCase(Locale.ROOT);
    return d.equals("schweizer")
        ? "schweizerisch"
        : d.equals("österreicher") ? "österreichisch" : d;
  }

  /**
   * The mentions of countries by their demonyms in {@code text}, outside the {@code named} ones;
   * {@code lookup} finds a stored entity by a name (null: none).
   */
  static List<Mentions.Mention> find(
      String text, List<Mentions.Mention> named, Function<String, Mentions.Mention> lookup) {
    List<Mentions.Mention> out = new ArrayList<>();
    Matcher federal = GERMAN_FEDERAL.matcher(text);
    Mentions.Mention germany = null;
    while (federal.find()) {
      int start = federal.start(1);
      int end = federal.end(1);
      if (named.stream().anyMatch(n -> n.start() < end && start < n.end())) {
        continue;
      }
      if (germany == null) {
        germany = firstStored(COUNTRIES.get("deutsch"), lookup);
        if (germany == null) {
          break;
        }
      }
      out.add(new Mentions.Mention(start, end, germany.id(), germany.name(), germany.kind(), true));
    }
    for (Pattern p : List.of(ENGLISH, GERMAN, GERMAN_CAPITALISED)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int group = m.group(1) != null ? 1 : 2;
        int start = m.start(group);
        int end = m.end(group);
        if (named.stream().anyMatch(n -> n.start() < m.end() && start < n.end())) {
          continue; // part of a stored name ("American Express Company")
        }
        for (String country : COUNTRIES.get(stem(m.group(group)))) {
          Mentions.Mention e = lookup.apply(country);
          if (e != null) {
            int endOfWord = p == ENGLISH ? end : wordEnd(text, start);
            out.add(new Mentions.Mention(start, endOfWord, e.id(), e.name(), e.kind(), true));
            break;
          }
        }
      }
    }
    return out;
  }
}
