package org.claimwatch.extract;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with what its matches begin with: a character class the first character belongs to and
 * whether the pattern opens with {@code \b} (then no match begins between two word characters).
 * {@link Matcher#find} tries the whole pattern at every position of a text, about 15 ns each even
 * where its first element cannot match; on a 10 KB article NotClaims' 29 patterns and the sentence
 * reader's period patterns spent most of their time so. {@link #finder} tries only the positions
 * that can begin a match and finds exactly what {@code find} would ({@code GuardedTest} compares
 * them on every text of the fixtures and on random text).
 *
 * <p>Characters above U+00FF are always tried: the class is only told for Latin-1. A pattern given
 * to {@link #word} must not use {@code UNICODE_CHARACTER_CLASS}, whose {@code \b} tells words apart
 * otherwise.
 */
final class Guarded {
  private final Pattern pattern;
  private final boolean[] first = new boolean[256];
  private final boolean opensWithBoundary;

  private Guarded(String pattern, String firstClass, boolean opensWithBoundary) {
    if (opensWithBoundary && !opensWithBoundary(pattern)) {
      throw new IllegalArgumentException("not every match opens with \\b: " + pattern);
    }
    this.pattern = Pattern.compile(pattern);
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
    return new Guarded(pattern, firstClass, true);
  }

  /**
   * {@code pattern}, which opens with {@code \b} before a word character (a letter, a digit or
   * {@code _}): its matches begin only where a word does.
   */
  static Guarded word(String pattern) {
    return new Guarded(pattern, "[\\p{L}\\p{N}_]", true);
  }

  /** {@code pattern}, whose matches begin with a character of {@code firstClass} anywhere. */
  static Guarded any(String firstClass, String pattern) {
    return new Guarded(pattern, firstClass, false);
  }

  Pattern pattern() {
    return pattern;
  }

  /** The matches of this pattern in {@code text}, one by one. */
  Finder finder(String text) {
    return new Finder(text);
  }

  /**
   * Calls {@code onMatch} with the start and end of each match in {@code text}, as a loop of {@link
   * Matcher#find()} would find them (a match is looked for again after the last one's end).
   */
  void forEach(String text, Span onMatch) {
    Finder f = finder(text);
    while (f.find()) {
      onMatch.accept(f.start(), f.end());
    }
  }

  private boolean mayBegin(String text, int p) {
    if (p == text.length()) {
      return true;
    }
    char c = text.charAt(p);
    if (c < first.length && !first[c]) {
      return false;
    }
    return !opensWithBoundary || p == 0 || !(isWord(c) && isWord(text.charAt(p - 1)));
  }

  /**
   * The word characters as {@code \b} (without UNICODE_CHARACTER_CLASS) tells them apart, one flag
   * per char: {@code _}, digits and letters, beyond ASCII only where the runtime's {@code \b}
   * counts them (up to Java 18 it does, from Java 19 it does not: JDK-8264160). A table, so that
   * the guard's test of every position stays a lookup.
   */
  private static final boolean[] WORD = words();

  private static boolean[] words() {
    boolean all = Pattern.compile("\\b").matcher("\u00e9").find();
    boolean[] word = new boolean[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      word[c] = c == '_' || (c < 128 || all) && Character.isLetterOrDigit((char) c);
    }
    return word;
  }

  /** A word character as {@code \b} tells them apart (without UNICODE_CHARACTER_CLASS). */
  static boolean isWord(char c) {
    return WORD[c];
  }

  /**
   * Whether {@code regex} (after inline flags such as {@code (?i)}) opens with {@code \b} and has
   * no alternative outside all groups ({@code \bQ1|H1} does not open every match with it).
   */
  static boolean opensWithBoundary(String regex) {
    String body = regex.replaceFirst("^(?:\\(\\?[a-zA-Z]+\\))*", "");
    if (!body.startsWith("\\b")
        || body.length() > 2 && "{?*+".indexOf(body.charAt(2)) >= 0 // \b{g}, an optional \b
        || body.contains("\\Q")
        || body.contains("[]")
        || body.contains("[^]")) { // quoting and ']' first in a class: not parsed here
      return false;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') {
        i++; // an escaped character
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < body.length() && body.charAt(i + 1) == ']') {
          i++; // "[]...]": a literal ']' first in the class
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return true;
  }

  /** Where a match begins and ends. */
  @FunctionalInterface
  interface Span {
    void accept(int start, int end);
  }

  /**
   * One pass over a text: each {@link #find} finds the next match as {@link Matcher#find()} would,
   * and the match's groups are read from here as from a matcher.
   */
  final class Finder implements MatchResult {
    private final String text;
    private final Matcher m;
    private int next;
    private boolean matched;

    private Finder(String text) {
      this.text = text;
      this.m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Finds the next match; false when there is none. */
    boolean find() {
      int n = text.length();
      for (int p = next; p <= n; p++) {
        if (mayBegin(text, p) && m.region(p, n).lookingAt()) {
          next = m.end() > p ? m.end() : p + 1;
          matched = true;
          return true;
        }
      }
      next = n + 1;
      matched = false;
      return false;
    }

    /** Starts again from the beginning of the text. */
    Finder reset() {
      next = 0;
      matched = false;
      return this;
    }

    /** The matcher, positioned on the last match: as a Matcher, no match when the last failed. */
    private Matcher match() {
      if (!matched) {
        throw new IllegalStateException("No match found");
      }
      return m;
    }

    String group(String name) {
      return match().group(name);
    }

    /** The last match, kept as it is when the finder moves on. */
    MatchResult toMatchResult() {
      return match().toMatchResult();
    }

    @Override
    public int start() {
      return match().start();
    }

    @Override
    public int start(int group) {
      return match().start(group);
    }

    @Override
    public int end() {
      return match().end();
    }

    @Override
    public int end(int group) {
      return match().end(group);
    }

    @Override
    public String group() {
      return match().group();
    }

    @Override
    public String group(int group) {
      return match().group(group);
    }

    @Override
    public int groupCount() {
      return m.groupCount();
    }
  }
}
