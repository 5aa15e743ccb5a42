package org.claimwatch.ui;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/**
 * The reviewer pages' texts: {@code i18n/messages.properties} (English) and {@code
 * messages_de.properties} (German), read as UTF-8. Micronaut Views hands this source to Thymeleaf,
 * so templates write {@code #{queue.empty}}. {@code messages_en.properties} is empty on purpose:
 * without it, ResourceBundle would look for English in the JVM's default locale first, and a server
 * set to German would answer English readers in German. In messages an apostrophe is written twice
 * ({@code ''}): a single one quotes, as in MessageFormat.
 */
@Factory
class PageMessages {
  @Singleton
  MessageSource pageMessages() {
    return new ResourceBundleMessageSource("i18n.messages");
  }
}
