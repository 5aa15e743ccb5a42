package org.claimwatch.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Numbers as the reader writes them (en: 5,000,000,000.5; de: 5.000.000.000,5), from the exact
 * decimal strings the API stores; the stored value never changes. Templates call {@code fmt.num}.
 */
public final class Numbers {
  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private final Locale locale;

  Numbers(Locale locale) {
    this.locale = locale;
  }

  /** The reader's language from Accept-Language, among those the pages speak; else English. */
  static Locale pick(List<Locale.LanguageRange> ranges) {
    Locale best = Locale.lookup(ranges, SUPPORTED);
    return best == null ? Locale.ENGLISH : best;
  }

  public String lang() {
    return locale.getLanguage();
  }

  /** A decimal string formatted for the reader; anything that is not a number comes back as is. */
  public String num(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    try {
      BigDecimal d = new BigDecimal(text);
      NumberFormat f = NumberFormat.getNumberInstance(locale);
      f.setMaximumFractionDigits(Math.max(0, d.scale()));
      f.setMinimumFractionDigits(Math.max(0, Math.min(d.scale(), 6)));
      return f.format(d);
    } catch (NumberFormatException notANumber) {
      return text;
    }
  }
}
