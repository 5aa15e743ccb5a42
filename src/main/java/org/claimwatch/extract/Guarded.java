package org.claimwatch.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with what its matches begin with: a character class the first character belongs to and
 * whether the pattern opens with {@code \b} (then no match begins between two word characters).
 * {@link Matcher#find} tries the whole pattern at every position of a text; on a 10 KB article most
 * of NotClaims' time went to positions where the pattern's first element cannot match (about 15 ns
 * each, 28 patterns, every character). {@link #find} tries only the positions that can begin a
 * match and finds exactly what {@code find} would ({@code GuardedTest} compares them on every text
 * of the fixtures and on random text).
 *
 * <p>Characters above U+00FF are always tried: the class is only told for Latin-1.
 */
final class Guarded {
  private static final Pattern OPENS_WITH_BOUNDARY = Pattern.compile("(?:\\(\\?[a-z]+\\))?\\\\b");

  private final Pattern pattern;
  private final boolean[] first = new boolean[256];
  private final boolean opensWithBoundary;

  private Guarded(Pattern pattern, String firstClass, boolean opensWithBoundary) {
    this.pattern = pattern;
    this.opensWithBoundary = opensWithBoundary;
    Pattern cls = Pattern.compile(firstClass);
    for (char c = 0; c < first.length; c++) {
      first[c] = cls.matcher(String.valueOf(c)).matches();
    }
  }

  /**
   * {@code pattern}, which opens with {@code \b} and whose matches begin with a character of {@code
   * firstClass} (a regex character class such as {@code "[0-9]"}).
   */
  static Guarded word(String firstClass, String pattern) {
    if (!OPENS_WITH_BOUNDARY.matcher(pattern).lookingAt()) {
      throw new IllegalArgumentException("does not open with \\b: " + pattern);
    }
    return new Guarded(Pattern.compile(pattern), firstClass, true);
  }

  /** {@code pattern}, whose matches begin with a character of {@code firstClass} anywhere. */
  static Guarded any(String firstClass, String pattern) {
    return new Guarded(Pattern.compile(pattern), firstClass, false);
  }

  Pattern pattern() {
    return pattern;
  }

  /**
   * Calls {@code onMatch} with the start and end of each match in {@code text}, as a loop of {@link
   * Matcher#find()} would find them (a match is looked for again after the last one's end).
   */
  void forEach(CharSequence text, Span onMatch) {
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int p = 0;
    while (p < n) {
      if (mayBegin(text, p) && m.region(p, n).lookingAt()) {
        onMatch.accept(m.start(), m.end());
        p = m.end() > p ? m.end() : p + 1;
      } else {
        p++;
      }
    }
  }

  private boolean mayBegin(CharSequence text, int p) {
    char c = text.charAt(p);
    if (c < first.length && !first[c]) {
      return false;
    }
    return !opensWithBoundary || p == 0 || !(isWord(c) && isWord(text.charAt(p - 1)));
  }

  /** A word character as {@code \b} tells them apart (without UNICODE_CHARACTER_CLASS). */
  private static boolean isWord(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** Where a match begins and ends. */
  @FunctionalInterface
  interface Span {
    void accept(int start, int end);
  }
}
