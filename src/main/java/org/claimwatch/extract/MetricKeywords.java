package org.claimwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric keywords of one language, compiled for reading sentences: a trie of the keywords in
 * lower case, walked from each place a word starts. A keyword is taken literally (never compiled as
 * a pattern), in any case, where a word starts, and the word may run on: "invest" also finds
 * "investment" and "investiert", "verlier" finds "verlieren" (that is how inflections are caught).
 * Reading a sentence costs at most its length times the longest keyword, however many there are.
 *
 * <p>Of keywords that overlap, the longest is the one found: "operating profit" is not also a
 * "profit", "cost of sales" no "sales", "earnings per share" no "earnings"; of two that cross, the
 * first ("market shares" is no "shares"). A keyword of three characters or fewer ("eps", "gdp",
 * "bip") is a word of its own: "Epson" is no "eps". In German a keyword is also found as the head
 * of a compound whose first part only says whose or when the figure is ("Konzernumsatz",
 * "Quartalsgewinn", "Nettoverlust", "Rekordgewinn"): {@link #GERMAN_MODIFIERS}. Other compounds
 * name another figure ("Kursverlust" is the share price's, "Umsatzrendite" a margin) and are not
 * read as their head.
 */
final class MetricKeywords {
  /** A keyword and the metric it names; {@code negative}: it says a loss (value below zero). */
  record Keyword(String keyword, String metric, boolean negative) {}

  /**
   * Where a keyword stands in a sentence, and what it names; {@code lossVerb}: a verb of losing
   * ("lost", "verliert"), which tells which way a figure went more than what it is ("Shares lost
   * 5%": the share price's).
   */
  record Hit(int start, int end, String metric, boolean negative, boolean lossVerb) {
    Hit(int start, int end, String metric, boolean negative) {
      this(start, end, metric, negative, false);
    }
  }

  /** English keywords of losing that are verbs (German ones are told by their lower case). */
  private static final java.util.Set<String> ENGLISH_LOSS_VERBS =
      java.util.Set.of("lose", "loses", "lost", "losing");

  /** No keywords: no number gets a metric. */
  static final MetricKeywords NONE = new MetricKeywords(List.of());

  private static final class Node {
    /** The next characters; null at a leaf. */
    Map<Character, Node> next;

    /** The keyword that ends here, if any. */
    Keyword keyword;
  }

  /**
   * First parts of German compounds that leave the head's meaning as it is: whose the figure is
   * (the group's, the world's), of which time (the quarter's, the year's) or how big or net it is.
   * Up to two may stand before a head ("Konzernjahresüberschuss").
   */
  static final List<String> GERMAN_MODIFIERS =
      List.of(
          "konzern",
          "gruppen",
          "quartals",
          "halbjahres",
          "geschäftsjahres",
          "jahres",
          "monats",
          "vorjahres",
          "perioden",
          "gesamt",
          "netto",
          "rein",
          "rekord",
          "milliarden",
          "millionen",
          "welt",
          "auslands",
          "inlands");

  /** The most modifiers read before a compound's head. */
  private static final int MAX_MODIFIERS = 2;

  private final Node root = new Node();

  /** Compound modifiers in lower case (none but in German), and the letters they start with. */
  private final List<String> modifiers;

  private final String modifierInitials;

  /** German: nouns are written capitalised, so a keyword in lower case is a verb. */
  private final boolean german;

  /** The keywords of {@code language}: German ones are also found as compound heads. */
  static MetricKeywords of(String language, List<Keyword> keywords) {
    boolean german = "de".equals(language);
    return new MetricKeywords(keywords, german ? GERMAN_MODIFIERS : List.of(), german);
  }

  /** Keywords found only where a word starts (no compound heads). */
  MetricKeywords(List<Keyword> keywords) {
    this(keywords, List.of(), false);
  }

  private MetricKeywords(List<Keyword> keywords, List<String> modifiers, boolean german) {
    this.modifiers = modifiers;
    this.german = german;
    StringBuilder initials = new StringBuilder();
    for (String m : modifiers) {
      if (initials.indexOf(m.substring(0, 1)) < 0) {
        initials.append(m.charAt(0));
      }
    }
    this.modifierInitials = initials.toString();
    for (Keyword k : keywords) {
      String word = lower(k.keyword());
      if (word.isEmpty()) {
        continue;
      }
      Node n = root;
      for (int i = 0; i < word.length(); i++) {
        if (n.next == null) {
          n.next = new HashMap<>(4);
        }
        n = n.next.computeIfAbsent(word.charAt(i), c -> new Node());
      }
      n.keyword = k;
    }
  }

  /**
   * Every keyword in {@code text} that starts where a word starts (or is the head of a compound
   * there), by where it starts; of overlapping ones only the longest.
   */
  List<Hit> find(String text) {
    List<Hit> out = new ArrayList<>();
    if (root.next == null) {
      return out;
    }
    int coveredTo = 0;
    for (int i = 0; i < text.length(); i++) {
      if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
        continue;
      }
      Hit hit = longest(text, i, i);
      if (hit == null && !modifiers.isEmpty()) {
        hit = compoundHead(text, i, i, MAX_MODIFIERS);
      }
      if (hit != null && hit.start() >= coveredTo) {
        out.add(hit); // not one inside or across a longer one before it ("market shares")
        coveredTo = hit.end();
      }
    }
    if (german) {
      separableVerbs(text, out);
    }
    return out;
  }

  /**
   * German verbs whose two parts stand apart and that name a metric: "Apple setzte im Quartal 124
   * Milliarden Dollar um" (revenue), "BMW lieferte 541.000 Fahrzeuge aus" (deliveries). Group 1:
   * its first part, group 2: the particle that ends its clause.
   */
  private static final java.util.regex.Pattern SEPARABLE =
      java.util.regex.Pattern.compile(
          "\\b(setzt|setzte|setzten|liefert|lieferte|lieferten)\\b(?:[^;:!?,]|,(?=\\d)){1,120}?"
              + "\\b(um|aus)(?=\\s*(?:[.;:!?,)]|und\\b|$))");

  /** A number between the verb's parts; not a year alone ("setzte 2023 die Pläne um"). */
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile("(?<![\\d.,])(?!(?:19|20)\\d{2}(?![\\d.,]\\d))\\d");

  /** An amount of money between the parts of "setzte ... um". */
  private static final java.util.regex.Pattern MONEY =
      java.util.regex.Pattern.compile(
          "(?i)(?:[$€£]\\s?\\d|\\d[\\d.,]*\\s*(?:mrd|mio|milliarde|million|tsd|tausend|euro"
              + "|dollar|franken|pfund|[$€£]))");

  /**
   * An object of the verb between its parts, an article not after a preposition: "setzte das
   * Entlastungspaket über 65 Milliarden Euro um" (carried it out), not "setzte im Quartal ...".
   */
  private static final java.util.regex.Pattern OBJECT =
      java.util.regex.Pattern.compile(
          "(?i)(?<!\\b(?:in|an|auf|für|nach|seit|vor|bis|über|mit|von|aus|zu)\\s)\\b(?:das|den|die"
              + "|ein|eine|einen|sein|seine|seinen|ihr|ihre|ihren)\\s");

  /**
   * Adds "setzte ... um" as revenue and "lieferte ... aus" as deliveries (a keyword at the first
   * part) where no keyword stands there, keeping {@code hits} in order: with a number between the
   * parts that is not a year alone ("setzte die Pläne um" is carried out), not "setzte sich ...
   * um", and the particle must end its clause ("setzte um 10 Uhr ...").
   */
  private static void separableVerbs(String text, List<Hit> hits) {
    java.util.regex.Matcher m = SEPARABLE.matcher(text);
    while (m.find()) {
      int start = m.start(1);
      int end = m.end(1);
      boolean turnover = lower(m.group(1)).startsWith("setz");
      if (turnover != m.group(2).equalsIgnoreCase("um")) {
        continue; // "setzte ... aus" (suspended), "lieferte ... um"
      }
      String between = m.group();
      if (!(turnover
              ? MONEY.matcher(between).find() && !OBJECT.matcher(between).find()
              : AMOUNT.matcher(between).find())
          || text.regionMatches(true, Math.min(end + 1, text.length()), "sich", 0, 4)
          || hits.stream().anyMatch(h -> h.start() < end && h.end() > start)) {
        continue;
      }
      int at = 0;
      while (at < hits.size() && hits.get(at).start() < start) {
        at++;
      }
      hits.add(at, new Hit(start, end, turnover ? "revenue" : "deliveries", false));
    }
  }

  /** The longest keyword at {@code from}, as a hit from {@code wordStart}; null if none. */
  private Hit longest(String text, int wordStart, int from) {
    Hit found = null;
    Node n = root;
    for (int j = from; j < text.length() && n.next != null; j++) {
      n = n.next.get(Character.toLowerCase(text.charAt(j)));
      if (n == null) {
        break;
      }
      if (n.keyword != null && !falseRunOn(text, from, j + 1)) {
        Keyword k = n.keyword;
        boolean verb =
            k.negative()
                && (german
                    ? Character.isLowerCase(text.charAt(wordStart))
                    : ENGLISH_LOSS_VERBS.contains(wordAt(text, from)));
        found = new Hit(wordStart, j + 1, k.metric(), k.negative(), verb);
      }
    }
    return found;
  }

  /** A keyword after one or two modifiers at {@code from} in the same word, or null. */
  private Hit compoundHead(String text, int wordStart, int from, int modifiersLeft) {
    if (from >= text.length()
        || modifierInitials.indexOf(Character.toLowerCase(text.charAt(from))) < 0) {
      return null;
    }
    for (String m : modifiers) {
      int head = from + m.length();
      if (head < text.length()
          && Character.isLetter(text.charAt(head))
          && text.regionMatches(true, from, m, 0, m.length())) {
        Hit hit = longest(text, wordStart, head);
        if (hit == null && modifiersLeft > 1) {
          hit = compoundHead(text, wordStart, head, modifiersLeft - 1);
        }
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  /** The word that starts at {@code start}, in lower case. */
  private static String wordAt(String text, int start) {
    int end = start;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return lower(text.substring(start, end));
  }

  /**
   * Words a keyword runs on into that do not mean what it means: "important" is no import, an
   * "investor" no investment, "profitability" no profit, "stellenweise" (in places) no jobs, a the
   * "Aktienmarkt" no share, and the German verb "stellen" (lower case) no "Stellen" (jobs).
   */
  private static final java.util.Set<String> FALSE_RUN_ONS =
      java.util.Set.of(
          "important",
          "importance",
          "importantly",
          "investor",
          "investors",
          "investoren",
          "investorin",
          "investorinnen",
          "profitable",
          "profitability",
          "profitabel",
          "profitabilität",
          "salesforce",
          "stellenweise",
          "jobsharing",
          "aktienmarkt",
          "aktienmarktes",
          "aktienmärkte",
          "aktienmärkten",
          "aktienfonds",
          "aktienrente",
          "aktienindex",
          "aktienindizes",
          "aktienhandel",
          "aktienpaket",
          "aktienpakete",
          "aktienanteil",
          "aktienanteile",
          "aktiengesellschaft",
          "aktienoptionen");

  /** Lower-case words that differ from a keyword noun only by case ("stellen": to put). */
  private static final java.util.Set<String> VERBS = java.util.Set.of("stellen");

  /**
   * The word that keyword [start, end) ends in (its last word: "operating profitability" for
   * "operating profit") is not the keyword's.
   */
  private static boolean falseRunOn(String text, int start, int end) {
    if (end - start <= 3 && end < text.length() && Character.isLetter(text.charAt(end))) {
      return true; // "eps" in "Epson"
    }
    int wordStart = end - 1;
    while (wordStart > start && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    int wordEnd = end;
    while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
      wordEnd++;
    }
    if (wordEnd - wordStart > 20) {
      return false;
    }
    String word = text.substring(wordStart, wordEnd);
    return FALSE_RUN_ONS.contains(lower(word)) || VERBS.contains(word);
  }

  /** Lower case character by character, so a keyword keeps its length ("İ" stays one). */
  static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }
}
