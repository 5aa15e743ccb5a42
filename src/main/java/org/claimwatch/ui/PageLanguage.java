package org.claimwatch.ui;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the reviewer pages speak to a reader, English or German: the {@code lang} cookie the
 * page header's switch sets, else the browser's Accept-Language (q-values honoured), else English.
 * It is the locale resolver of the views (so {@code #{key}} in a template reads {@code
 * i18n/messages_<lang>.properties}) and of the pages' own Java ({@link #texts}, numbers), one
 * choice for both.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class PageLanguage implements HttpLocaleResolver {
  static final String COOKIE = "lang";

  /** The languages the pages speak, English first: the answer when none of them is asked for. */
  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  /** How long the switch's choice is remembered. */
  static final Duration REMEMBERED = Duration.ofDays(365);

  private final MessageSource messages;

  PageLanguage(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Optional<Locale> resolve(HttpRequest<?> request) {
    return Optional.of(of(request));
  }

  @Override
  public Locale resolveOrDefault(HttpRequest<?> request) {
    return of(request);
  }

  /** The page texts in the reader's language. */
  Texts texts(HttpRequest<?> request) {
    return new Texts(messages, of(request));
  }

  static Locale of(HttpRequest<?> request) {
    Locale chosen =
        request.getCookies().findCookie(COOKIE).map(c -> supported(c.getValue())).orElse(null);
    return chosen != null
        ? chosen
        : fromHeader(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** "en" or "de" as a supported language; anything else null. */
  static Locale supported(String tag) {
    for (Locale l : SUPPORTED) {
      if (l.getLanguage().equals(tag)) {
        return l;
      }
    }
    return null;
  }

  /**
   * The first supported language of an Accept-Language header by preference ("fr, de;q=0.5" is
   * German); English when it names none, or cannot be read.
   */
  static Locale fromHeader(String header) {
    if (header == null || header.isBlank() || header.length() > 1_000) {
      return Locale.ENGLISH;
    }
    try {
      List<Locale.LanguageRange> ranges =
          Locale.LanguageRange.parse(header).stream()
              .filter(r -> r.getWeight() > 0 && !r.getRange().equals("*"))
              .toList();
      Locale best = Locale.lookup(ranges, SUPPORTED);
      return best == null ? Locale.ENGLISH : best;
    } catch (IllegalArgumentException unreadable) {
      return Locale.ENGLISH;
    }
  }

  /**
   * The switch's cookie: only the pages read it (Path=/ui); HttpOnly, SameSite=Lax (a link from
   * elsewhere still opens the page in the reader's language), Secure over https.
   */
  static Cookie cookie(Locale language, HttpRequest<?> request) {
    return Cookie.of(COOKIE, language.getLanguage())
        .path("/ui")
        .httpOnly(true)
        .sameSite(SameSite.Lax)
        .secure(UiController.isHttps(request))
        .maxAge(REMEMBERED);
  }
}
