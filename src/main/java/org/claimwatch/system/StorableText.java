package org.claimwatch.system;

/**
 * Text a database keeps as it is: no unpaired surrogate (MariaDB stored it as "?") and no control
 * character but tab, line feed and carriage return (a NUL, or an escape sequence for a terminal).
 * The one rule for text, whether it comes as JSON (StrictScalars) or from a reviewer page's form.
 */
public final class StorableText {
  private StorableText() {}

  /** Why {@code s} cannot be stored as it is, or null. */
  public static String why(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "holds an unpaired surrogate (" + escaped(c) + "), not text";
      }
      if (Character.isLowSurrogate(c)) {
        return "holds an unpaired surrogate (" + escaped(c) + "), not text";
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return "holds a control character (" + escaped(c) + ")";
      }
    }
    return null;
  }

  /** {@code c} as a JSON escape: "\\u0007". */
  private static String escaped(char c) {
    return String.format("\\u%04x", (int) c);
  }
}
