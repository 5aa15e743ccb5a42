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
 */
final class MetricKeywords {
  /** A keyword and the metric it names; {@code negative}: it says a loss (value below zero). */
  record Keyword(String keyword, String metric, boolean negative) {}

  /** Where a keyword stands in a sentence, and what it names. */
  record Hit(int start, int end, String metric, boolean negative) {}

  /** No keywords: no number gets a metric. */
  static final MetricKeywords NONE = new MetricKeywords(List.of());

  private static final class Node {
    /** The next characters; null at a leaf. */
    Map<Character, Node> next;

    /** The keyword that ends here, if any. */
    Keyword keyword;
  }

  private final Node root = new Node();

  MetricKeywords(List<Keyword> keywords) {
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

  /** Every keyword in {@code text} that starts where a word starts, by where it starts. */
  List<Hit> find(String text) {
    List<Hit> out = new ArrayList<>();
    if (root.next == null) {
      return out;
    }
    for (int i = 0; i < text.length(); i++) {
      if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
        continue;
      }
      Node n = root;
      for (int j = i; j < text.length() && n.next != null; j++) {
        n = n.next.get(Character.toLowerCase(text.charAt(j)));
        if (n == null) {
          break;
        }
        if (n.keyword != null && !falseRunOn(text, i, j + 1)) {
          out.add(new Hit(i, j + 1, n.keyword.metric(), n.keyword.negative()));
        }
      }
    }
    return out;
  }

  /**
   * Words a keyword runs on into that do not mean what it means: "important" is no import, an
   * "investor" no investment, "profitability" no profit, "stellenweise" (in places) no jobs, and
   * the German verb "stellen" (lower case) no "Stellen" (jobs).
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
          "jobsharing");

  /** Lower-case words that differ from a keyword noun only by case ("stellen": to put). */
  private static final java.util.Set<String> VERBS = java.util.Set.of("stellen");

  /** The word at {@code start} that keyword [start, end) begins is not the keyword's. */
  private static boolean falseRunOn(String text, int start, int end) {
    int wordEnd = end;
    while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
      wordEnd++;
    }
    if (wordEnd - start > 20) {
      return false;
    }
    String word = text.substring(start, wordEnd);
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
