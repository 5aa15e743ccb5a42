package org.claimwatch.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Looking at the words around a number: the phrase right after or before it, past blanks. */
final class Phrases {
  private Phrases() {}

  static <V> Map.Entry<String, V> phraseAfter(String text, int pos, Map<String, V> phrases) {
    int at = skip(text, pos);
    String next = text.substring(at, Math.min(text.length(), at + 24)).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, V> e : phrases.entrySet()) {
      String k = e.getKey();
      if (next.startsWith(k)
          && (next.length() == k.length()
              || !Character.isLetterOrDigit(next.charAt(k.length()))
              || k.endsWith(".")
              || k.equals("%"))) {
        return e;
      }
    }
    return null;
  }

  static <V> Map.Entry<String, V> phraseBefore(String text, int end, Map<String, V> phrases) {
    String head = text.substring(Math.max(0, end - 24), end).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, V> e : phrases.entrySet()) {
      String k = e.getKey();
      if (head.endsWith(k)) {
        int before = head.length() - k.length() - 1;
        if (before < 0 || !Character.isLetter(head.charAt(before))) {
          return e;
        }
      }
    }
    return null;
  }

  /**
   * Where {@code word} (lower case) stands in {@code text} from {@code from}, in any case; the text
   * is not lower-cased, so positions stay the text's own ("İ" lower-cases to two characters).
   */
  static int indexOfIgnoreCase(String text, String word, int from) {
    for (int i = Math.max(0, from); i + word.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return i;
      }
    }
    return -1;
  }

  static boolean precededBy(String text, int start, String... phrases) {
    String head = text.substring(Math.max(0, start - 24), start).toLowerCase(Locale.ROOT).strip();
    for (String p : phrases) {
      if (head.endsWith(p)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, Boolean> wordsAsMap(List<String> words) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    words.forEach(w -> m.put(w, true));
    return m;
  }

  /** Past spaces (not line breaks: a number does not take its unit from the next line). */
  static int skip(String text, int pos) {
    int i = pos;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) {
      i++;
    }
    return i;
  }

  static int skipBack(String text, int pos) {
    int i = pos;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\u00a0')) {
      i--;
    }
    return i;
  }
}
