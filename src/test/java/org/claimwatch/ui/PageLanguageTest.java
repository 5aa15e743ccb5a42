package org.claimwatch.ui;

import static org.claimwatch.support.ClaimBuilder.saying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages speak English or German: the header's switch (a cookie) first, else the browser's
 * Accept-Language, else English; they say which (lang, Content-Language) and that it varies.
 */
@MicronautTest(transactional = false)
class PageLanguageTest extends ApiTest {
  @Inject EmbeddedServer server;

  /**
   * The most visible English words of the pages; none may be left on a German page (whole words, in
   * the text and in placeholders, labels and tooltips).
   */
  private static final List<String> ENGLISH_LABELS =
      List.of(
          "Unreviewed",
          "Re-checks",
          "Mine",
          "Forecasts due",
          "Proposals",
          "Outdated",
          "New claim",
          "New article",
          "Sign out",
          "Sign in",
          "Skip to content",
          "Queue",
          "Take the next claim",
          "Next page",
          "Nothing waits here",
          "Claim",
          "Claimed",
          "Entity",
          "Metric",
          "Language",
          "Check",
          "Held by",
          "any",
          "Filter",
          "Value",
          "Period",
          "Kind",
          "nobody",
          "Take this claim",
          "Edit",
          "Record a verdict",
          "Verdict",
          "Rationale",
          "Evidence",
          "History",
          "Save",
          "Cancel",
          "Statement",
          "Unit",
          "Qualifier",
          "Claimant",
          "Publisher",
          "Published",
          "Find claims",
          "Add claim",
          "Paste",
          "Unverified",
          "Back",
          "stated",
          "per quarter",
          "about",
          "Reported",
          "note",
          "choose",
          "Upper value",
          "Source",
          "name or alias");

  @ParameterizedTest
  @ValueSource(strings = {"de-DE,de;q=0.9", "de", "fr-FR, de;q=0.5", "en;q=0.2, de-AT;q=0.8"})
  void a_reader_who_asks_for_german_reads_german(String acceptLanguage) throws Exception {
    PageBrowser b = signedIn("CHECKER");
    HttpResponse<String> page =
        b.get("/ui/queue/unreviewed?metric=none-" + unique(), "Accept-Language", acceptLanguage);

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html lang=\"de\">"), page.body());
    assertTrue(page.body().contains("Ungeprüft"), "umlauts arrive as UTF-8: " + page.body());
    assertTrue(page.body().contains("Nächste Behauptung übernehmen"), page.body());
    assertEquals("de", page.headers().firstValue("Content-Language").orElse(null));
    assertEquals(
        "Accept-Language, Cookie", page.headers().firstValue("Vary").orElse(null), "caches");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-GB,en;q=0.9", "fr", "fr-FR,fr;q=0.9,it;q=0.5", "*", "de;q=0"})
  void any_other_reader_reads_english(String acceptLanguage) throws Exception {
    PageBrowser b = signedIn("CHECKER");
    HttpResponse<String> page =
        b.get("/ui/queue/unreviewed?metric=none-" + unique(), "Accept-Language", acceptLanguage);

    assertTrue(page.body().contains("<html lang=\"en\">"), page.body());
    assertTrue(page.body().contains("Take the next claim"), page.body());
    assertEquals("en", page.headers().firstValue("Content-Language").orElse(null));
  }

  @Test
  void the_switch_remembers_the_language_and_wins_over_the_header() throws Exception {
    PageBrowser b = signedIn("CHECKER");

    HttpResponse<String> switched =
        b.get("/ui/language/de?back=" + encode("/ui/queue/mine?metric=x"));

    assertEquals(303, switched.statusCode());
    assertEquals("/ui/queue/mine?metric=x", switched.headers().firstValue("Location").orElse(""));
    String cookie = switched.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.startsWith("lang=de"), cookie);
    assertTrue(cookie.contains("Path=/ui"), cookie);
    assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("Max-Age=31536000"), cookie);
    assertTrue(!cookie.contains("Secure"), "plain http here: " + cookie);
    HttpResponse<String> page = b.get("/ui/queue/mine", "Accept-Language", "en-US,en;q=0.9");
    assertTrue(page.body().contains("<html lang=\"de\">"), "the cookie wins over the header");
    assertTrue(page.body().contains(">English</a>"), "the switch offers the way back");

    b.get("/ui/language/en?back=/ui/queue/mine");
    HttpResponse<String> back = b.get("/ui/queue/mine", "Accept-Language", "de-DE");
    assertTrue(back.body().contains("<html lang=\"en\">"), back.body());
    assertTrue(back.body().contains(">Deutsch</a>"), back.body());
  }

  @Test
  void the_switch_cookie_is_secure_over_https() throws Exception {
    HttpResponse<String> r =
        new PageBrowser(server.getURI())
            .get("/ui/language/de?back=/ui/sign-in", "X-Forwarded-Proto", "https");
    assertTrue(
        r.headers().firstValue("Set-Cookie").orElse("").contains("Secure"), r.headers().toString());
  }

  @Test
  void the_switch_on_the_sign_in_page_comes_back_to_it() throws Exception {
    PageBrowser b = new PageBrowser(server.getURI());
    String page = b.get("/ui/sign-in?next=" + encode("/ui/claims/7")).body();
    Matcher link = Pattern.compile("id=\"language-switch\"[^>]*href=\"([^\"]+)\"").matcher(page);
    assertTrue(link.find(), page);
    HttpResponse<String> switched = b.get(link.group(1).replace("&amp;", "&"));
    String location = switched.headers().firstValue("Location").orElse("");
    assertEquals("/ui/sign-in?next=/ui/claims/7", location);
    String german = b.get(location).body();
    assertTrue(german.contains("Bei Claimwatch anmelden"), german);
    assertTrue(german.contains("value=\"/ui/claims/7\""), "the page to go on to is kept");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/ui/queue/mine",
        "//evil.example/ui/queue/mine",
        "/\\evil.example/ui/",
        "http:/ui/queue/mine",
        "javascript:alert(1)",
        "ui/queue/mine",
        "/uix",
        "/ui/../evil",
        ""
      })
  void the_switch_never_sends_the_browser_elsewhere(String back) throws Exception {
    HttpResponse<String> r =
        new PageBrowser(server.getURI()).get("/ui/language/de?back=" + encode(back));
    assertEquals(303, r.statusCode());
    assertEquals("/ui/queue/unreviewed", r.headers().firstValue("Location").orElse(""));
  }

  @Test
  void the_switch_knows_only_its_languages() throws Exception {
    HttpResponse<String> r = new PageBrowser(server.getURI()).get("/ui/language/fr?back=/ui/");
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
  }

  @Test
  void a_bad_language_cookie_is_ignored() throws Exception {
    HttpResponse<String> r =
        new PageBrowser(server.getURI())
            .get("/ui/sign-in", "Cookie", "lang=xx", "Accept-Language", "de");
    assertTrue(r.body().contains("<html lang=\"de\">"), r.body());
  }

  /** German pages keep no English label; the stored data (statements) stays as it is. */
  @ParameterizedTest
  @CsvSource({"queue", "claim", "new claim", "new article", "sign-in"})
  void a_german_page_leaves_no_english_label(String which) throws Exception {
    PageBrowser b = new PageBrowser(server.getURI());
    String path =
        switch (which) {
          case "queue" -> {
            b.signIn(token("EDITOR"), "/ui/");
            yield "/ui/queue/unreviewed?metric=none-" + unique();
          }
          case "claim" -> {
            b.signIn(token("EDITOR"), "/ui/");
            long id =
                claim(
                    saying("Umsatzplus " + unique())
                        .value("5000000000")
                        .unit("EUR")
                        .qualifier("APPROX")
                        .claimant("Bundesamt"));
            yield "/ui/claims/" + id;
          }
          case "new claim" -> {
            b.signIn(token("CHECKER"), "/ui/");
            yield "/ui/claims/new";
          }
          case "new article" -> {
            b.signIn(token("CHECKER"), "/ui/");
            yield "/ui/articles/new";
          }
          default -> "/ui/sign-in";
        };
    HttpResponse<String> page = b.get(path, "Accept-Language", "de-DE,de;q=0.9");
    assertEquals(200, page.statusCode(), page.body());
    String shown = shownText(page.body());
    assertEquals(List.of(), englishLabels(shown), shown);
    List<String> inEnglish = englishLabels(shownText(b.get(path, "Accept-Language", "en").body()));
    assertTrue(inEnglish.size() >= 2, "the same page in English shows them: " + inEnglish);
  }

  private static List<String> englishLabels(String shown) {
    List<String> found = new ArrayList<>();
    for (String label : ENGLISH_LABELS) {
      if (Pattern.compile("(?<![\\w-])" + Pattern.quote(label) + "(?![\\w-])")
          .matcher(shown)
          .find()) {
        found.add(label);
      }
    }
    return found;
  }

  /** What a reader sees of a page: its text, and its placeholders, labels and tooltips. */
  private static String shownText(String html) {
    StringBuilder shown = new StringBuilder();
    Matcher attributes =
        Pattern.compile("(?:placeholder|aria-label|title)=\"([^\"]*)\"").matcher(html);
    while (attributes.find()) {
      shown.append(attributes.group(1)).append('\n');
    }
    return shown.append(html.replaceAll("<[^>]*>", " ")).toString();
  }

  private PageBrowser signedIn(String role) throws Exception {
    PageBrowser b = new PageBrowser(server.getURI());
    b.signIn(token(role), "/ui/");
    return b;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
