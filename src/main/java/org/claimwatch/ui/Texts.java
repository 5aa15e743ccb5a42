package org.claimwatch.ui;

import io.micronaut.context.MessageSource;
import io.micronaut.context.MessageSourceUtils;
import java.util.Locale;

/**
 * The pages' own sentences that Java writes (notices, refusals) in the reader's language, from the
 * same {@code i18n/messages} bundles the templates read with {@code #{key}}. Keys of such sentences
 * start with {@code error.} or {@code notice.}; a missing key fails loudly.
 */
record Texts(MessageSource messages, Locale locale) {

  String get(String key, Object... args) {
    return messages.getRequiredMessage(
        key, MessageSource.MessageContext.of(locale, MessageSourceUtils.variables(args)));
  }
}
