package org.claimwatch.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as the reader writes them (en: 5,000,000,000.5; de: 5.000.000.000,5), from the exact
 * decimal strings the API stores; the stored value never changes. Templates call {@code fmt.num}
 * (the reader's language is {@link PageLanguage}'s).
 */
public final class Numbers {
  private final Locale locale;

  Numbers(Locale locale) {
    this.locale = locale;
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
