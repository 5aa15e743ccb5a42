package org.claimwatch.ui;

import static org.claimwatch.support.ClaimBuilder.saying;
import static org.claimwatch.support.Refusal.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.auth.PageSessions;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.extract.ExtractionService;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.webhook.SubscriptionRequest;
import org.claimwatch.webhook.SubscriptionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reviewer pages over plain HTTP: sessions, CSRF, redirects, bad forms, 404s. */
@MicronautTest(transactional = false)
class UiPagesTest extends ApiTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Inject EmbeddedServer server;

  /** A browser-like client: keeps cookies, does not follow redirects. */
  private final class Browser extends PageBrowser {
    Browser() {
      super(server.getURI());
    }
  }

  @Test
  void an_article_is_read_into_candidates_and_the_picked_ones_are_added_as_corrected()
      throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    String csrf = csrf(checker.get("/ui/articles/new").body());
    String word = "Zorbex" + unique();
    String text =
        word + " revenue was $25 billion in Q2 2023. " + word + " profit was $3 billion in 2023.";

    HttpResponse<String> read =
        checker.post(
            "/ui/articles/read", Map.of("_csrf", csrf, "text", text, "statedAt", "2024-05-10"));

    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("<mark id=\"mark-0\">$25 billion</mark>"), read.body());
    assertTrue(read.body().contains("name=\"value.1\" value=\"3000000000\""), read.body());

    HttpResponse<String> added =
        checker.post(
            "/ui/articles/add",
            Map.ofEntries(
                Map.entry("_csrf", csrf(read.body())),
                Map.entry("text", text),
                Map.entry("statedAt", "2024-05-10"),
                Map.entry("sourceUrl", "https://example.org/article/" + word),
                Map.entry("rows", "2"),
                Map.entry("pick.0", "on"),
                Map.entry("at.0", "16-28"),
                Map.entry("statement.0", word + " revenue was $26 billion in Q2 2023."),
                Map.entry("value.0", "26000000000"),
                Map.entry("unit.0", "USD"),
                Map.entry("metric.0", "revenue"),
                Map.entry("periodStart.0", "2023-04-01"),
                Map.entry("periodEnd.0", "2023-06-30"),
                Map.entry("value.1", "3000000000")));

    assertEquals(303, added.statusCode(), added.body());
    List<Map<String, Object>> stored = get("/api/v1/claims?q=" + word, ADMIN_TOKEN).items();
    assertEquals(1, stored.size(), "only the picked row: " + stored);
    assertEquals("26000000000", stored.get(0).get("value"), "as the checker corrected it");
  }

  @Test
  void the_add_form_of_a_long_article_fits_the_form_limits() throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    Map<String, String> form = new java.util.HashMap<>();
    form.put("_csrf", csrf(checker.get("/ui/articles/new").body()));
    form.put("text", "x".repeat(ExtractionService.MAX_TEXT));
    form.put("rows", Integer.toString(ArticleActions.MAX_ROWS));
    for (int i = 0; i < ArticleActions.MAX_ROWS; i++) {
      for (String f : ArticlePage.FIELDS) {
        form.put(f + "." + i, "v");
      }
      form.put("at." + i, "0-1");
      form.put("pick." + i, "");
    }

    HttpResponse<String> r = checker.post("/ui/articles/add", form);

    assertEquals(400, r.statusCode(), "read whole, refused as nothing picked: " + r.statusCode());
    assertTrue(r.body().contains("Pick at least one claim"), r.body().substring(0, 300));
  }

  @Test
  void a_refused_row_of_an_article_is_marked_and_nothing_is_added() throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    String csrf = csrf(checker.get("/ui/articles/new").body());
    String word = "Quorlax" + unique();

    HttpResponse<String> added =
        checker.post(
            "/ui/articles/add",
            Map.of(
                "_csrf",
                csrf,
                "text",
                word + " revenue was $5 billion.",
                "rows",
                "1",
                "pick.0",
                "on",
                "statement.0",
                word + " revenue was $5 billion.",
                "value.0",
                "five"));

    assertEquals(400, added.statusCode(), added.body());
    assertTrue(added.body().contains("id=\"row-0\" class=\"invalid\""), added.body());
    assertEquals(List.of(), get("/api/v1/claims?q=" + word, ADMIN_TOKEN).items());
  }

  @Test
  void a_checker_adds_one_claim_from_the_new_claim_page() throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    String page = checker.get("/ui/claims/new").body();
    String statement = "A new claim from the page " + unique();

    HttpResponse<String> sent =
        checker.post(
            "/ui/claims/new",
            Map.of(
                "_csrf",
                csrf(page),
                "statement",
                statement,
                "metric",
                "capex",
                "value",
                "5000000000",
                "unit",
                "USD",
                "sourceUrl",
                "https://example.org/page/" + unique()));

    assertEquals(303, sent.statusCode(), sent.body());
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches("/ui/claims/\\d+"), location);
    String shown = checker.get(location).body();
    assertTrue(shown.contains(statement), shown);
  }

  @Test
  void a_refused_new_claim_comes_back_as_typed_with_the_field_marked() throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    String csrf = csrf(checker.get("/ui/claims/new").body());
    String statement = "A claim with a bad number " + unique();

    HttpResponse<String> sent =
        checker.post(
            "/ui/claims/new", Map.of("_csrf", csrf, "statement", statement, "value", "5bn"));

    assertEquals(400, sent.statusCode(), sent.body());
    assertTrue(sent.body().contains("id=\"error\""), sent.body());
    assertTrue(sent.body().contains("value=\"" + statement + "\""), "kept as typed");
    assertTrue(
        Pattern.compile("id=\"value\"[^>]*aria-invalid=\"true\"").matcher(sent.body()).find(),
        sent.body());
  }

  @Test
  void an_unsigned_visit_goes_to_sign_in_and_comes_back_after_it() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r = b.get("/ui/claims/12345");
    assertEquals(303, r.statusCode());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/ui/sign-in?next=%2Fui%2Fclaims%2F12345"), location);
    assertTrue(b.signIn(token("VIEWER"), "/ui/claims/12345").endsWith("/ui/claims/12345"));
  }

  @Test
  void a_form_sent_after_the_session_ended_comes_back_to_its_page_not_to_its_post_url()
      throws Exception {
    HttpResponse<String> r =
        new Browser()
            .post("/ui/claims/12345/verdict", Map.of("status", "ACCURATE", "rationale", "typed"));
    assertEquals(401, r.statusCode(), "sign-in, right here: " + r.body());
    assertTrue(
        r.body().contains("name=\"next\" value=\"/ui/claims/12345\""),
        "back to the claim's page, not to the form's POST-only URL");
  }

  @Test
  void a_form_with_nothing_typed_sent_after_the_session_ended_goes_straight_to_sign_in()
      throws Exception {
    HttpResponse<String> take =
        new Browser().post("/ui/claims/12345/take", Map.of("_csrf", "stale"));
    assertEquals(303, take.statusCode(), "a form with nothing typed: straight to sign-in");
    assertTrue(
        take.headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("next=%2Fui%2Fclaims%2F12345"));
  }

  private static final String TYPED = "Matches the 10-Q; checked twice <b>carefully</b>";

  /** A claim the checker holds (the verdict form is theirs). */
  private long heldBy(String checker) {
    long claim = q1RevenueClaim(company("Session Co", null), "100");
    assertEquals(HttpStatus.CREATED, review.take(checker, claim).getStatus());
    return claim;
  }

  /** The verdict form as sent when the session had run out, in a browser with no session. */
  private HttpResponse<String> verdictAfterTheSessionEnded(Browser b, long claim) throws Exception {
    return b.post(
        "/ui/claims/" + claim + "/verdict",
        Map.of("status", "ACCURATE", "rationale", TYPED, "version", "1", "_csrf", "stale"));
  }

  @Test
  void a_verdict_typed_when_the_session_had_ended_comes_back_to_sign_in_with_the_text()
      throws Exception {
    long claim = heldBy(token("CHECKER"));

    HttpResponse<String> refused = verdictAfterTheSessionEnded(new Browser(), claim);

    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("what you typed is kept"), refused.body());
    assertTrue(
        refused.body().contains("name=\"carry-rationale\""), "the typed text rides in the page");
    assertFalse(refused.body().contains("<b>carefully</b>"), "escaped, never markup");
  }

  @Test
  void a_verdict_form_posted_from_another_site_brings_nothing_to_sign_in() throws Exception {
    long claim = heldBy(token("CHECKER"));
    Map<String, String> forged =
        Map.of("status", "ACCURATE", "rationale", TYPED, "version", "1", "_csrf", "x");

    HttpResponse<String> refused =
        new Browser().postFrom("cross-site", "/ui/claims/" + claim + "/verdict", forged);

    // as a form with nothing typed: straight to sign-in, no field of the other site's form along
    assertEquals(303, refused.statusCode(), refused.body());
    String location = refused.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("next=%2Fui%2Fclaims%2F" + claim), location);
    assertFalse(refused.body().contains("carry-"), refused.body());
  }

  @Test
  void a_verdict_typed_when_the_session_had_ended_is_kept_through_sign_in() throws Exception {
    String checker = token("CHECKER");
    long claim = heldBy(checker);
    Browser b = new Browser();
    HttpResponse<String> refused = verdictAfterTheSessionEnded(b, claim);
    Matcher check = Pattern.compile("name=\"_check\" value=\"([^\"]+)\"").matcher(refused.body());
    assertTrue(check.find());

    HttpResponse<String> resumed =
        b.post(
            "/ui/sign-in",
            Map.of(
                "token",
                checker,
                "next",
                "/ui/claims/" + claim,
                "_check",
                check.group(1),
                "carry-status",
                "ACCURATE",
                "carry-rationale",
                TYPED,
                "carry-version",
                "1"));

    assertEquals(200, resumed.statusCode(), resumed.body());
    assertTrue(resumed.body().contains("was not sent yet"), resumed.body());
    assertTrue(
        resumed.body().contains("checked twice &lt;b&gt;carefully&lt;/b&gt;"),
        "the verdict form holds what was typed");
    assertTrue(resumed.headers().firstValue("Set-Cookie").orElse("").startsWith("cw_session="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ui/%zz", "//evil.example/ui/", "/ui/../api/v1/tokens", "https://x/ui/"})
  void a_malformed_or_foreign_next_after_sign_in_goes_to_the_queue(String next) throws Exception {
    String location = new Browser().signIn(token("VIEWER"), next);
    assertTrue(location.endsWith("/ui/queue/unreviewed"), next + " -> " + location);
  }

  @Inject PageSessions sessions;

  @Test
  void expired_sessions_are_deleted() throws Exception {
    new Browser().signIn(token("VIEWER"), "/ui/queue/unreviewed");
    try (java.sql.Connection db =
        java.sql.DriverManager.getConnection(
            org.claimwatch.support.TestDatabase.url(),
            org.claimwatch.support.TestDatabase.user(),
            org.claimwatch.support.TestDatabase.password())) {
      db.createStatement()
          .executeUpdate(
              "UPDATE ui_sessions SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 DAY ORDER BY created_at DESC"
                  + " LIMIT 1");
      assertTrue(sessions.purgeExpired() >= 1);
      try (java.sql.ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "SELECT COUNT(*) FROM ui_sessions WHERE expires_at <= UTC_TIMESTAMP()")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }

  @Test
  void the_session_cookie_is_http_only_and_same_site_strict() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r = b.postSignIn(token("CHECKER"), "/ui/queue/mine");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("cw_session="), cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http here: " + cookie);
  }

  @Test
  void behind_https_the_session_cookie_is_secure() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r =
        b.client.send(
            HttpRequest.newBuilder(server.getURI().resolve("/ui/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token="
                            + URLEncoder.encode(token("VIEWER"), StandardCharsets.UTF_8)
                            + "&next=/ui/"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("Secure"), cookie);
  }

  @Test
  void a_sign_in_form_from_elsewhere_is_refused() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r =
        b.post("/ui/sign-in", Map.of("token", token("VIEWER"), "next", "/ui/", "_check", "forged"));
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("came from elsewhere"), r.body());
    assertTrue(
        r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("cw_session=")));
  }

  @Test
  void a_wrong_token_is_refused_on_the_sign_in_page() throws Exception {
    HttpResponse<String> r = new Browser().postSignIn("not-a-token", "/ui/");
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("unknown or revoked"), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/", "//evil.example/ui/"})
  void sign_in_never_redirects_off_the_site(String next) throws Exception {
    assertTrue(new Browser().signIn(token("VIEWER"), next).endsWith("/ui/queue/unreviewed"));
  }

  @Test
  void an_unknown_claim_or_queue_is_a_friendly_404_page() throws Exception {
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    HttpResponse<String> claim = b.get("/ui/claims/987654321");
    assertEquals(404, claim.statusCode());
    assertTrue(claim.body().contains("There is no claim 987654321."), claim.body());
    assertTrue(claim.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(404, b.get("/ui/queue/nonsense").statusCode());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/ui/claims/abc|400|The value of “id” in this page’s address has the wrong form.",
        "/ui/claims/99999999999999999999|400|The value of “id” in this page’s address",
        "/ui/queue/unreviewed?entityId=1e9|400|The value of “entityId” in this page’s address",
        "/ui/no/such/page|404|There is no page at this address.",
        "/ui/language/fr|404|There is no page at this address."
      })
  void a_refused_address_is_a_page_in_the_readers_language_not_a_json_problem(
      String path, int status, String text) throws Exception {
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    HttpResponse<String> r = b.get(path);
    assertEquals(status, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains(text), r.body());
    assertFalse(r.body().contains("urn:problem"), r.body());
    assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
    HttpResponse<String> german = b.get(path, "Accept-Language", "de");
    assertEquals(status, german.statusCode());
    assertTrue(
        german.body().contains(status == 404 ? "Unter dieser Adresse" : "hat die falsche Form"),
        german.body());
  }

  @Test
  void a_wrong_method_a_head_and_a_form_of_the_wrong_shape_are_pages_too() throws Exception {
    Browser b = new Browser();
    b.signIn(token("CHECKER"), "/ui/");

    HttpResponse<String> put = b.send("PUT", "/ui/queue/unreviewed");
    assertEquals(405, put.statusCode());
    assertTrue(put.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(
        put.headers().firstValue("Allow").orElse("").contains("GET"), put.headers().toString());
    assertTrue(put.body().contains("This request could not be handled (405"), put.body());

    HttpResponse<String> head = b.send("HEAD", "/ui/claims/abc");
    assertEquals(400, head.statusCode());
    assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));

    // a form's field is not part of the address: the page says the form could not be read
    HttpResponse<String> empty = b.send("POST", "/ui/sign-in");
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("This form could not be read."), empty.body());
    assertFalse(empty.body().contains("address"), empty.body());
  }

  @Test
  void the_api_keeps_its_json_problems() throws Exception {
    HttpResponse<String> r =
        new Browser().get("/api/v1/claims/abc", "Authorization", "Bearer " + token("VIEWER"));
    assertEquals(400, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
  }

  @Test
  void a_post_without_the_session_csrf_token_is_refused() throws Exception {
    long claimId = claim(saying("CSRF " + unique()));
    Browser b = new Browser();
    b.signIn(token("CHECKER"), "/ui/");
    HttpResponse<String> r = b.post("/ui/claims/" + claimId + "/take", Map.of("_csrf", "forged"));
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("not from your current session"), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(ClaimStatus.UNVERIFIED, read(claimId).status());
  }

  @Test
  void a_verdict_form_with_bad_values_comes_back_marked_and_nothing_is_stored() throws Exception {
    long claimId = claim(saying("Bad form " + unique()).value("5").unit("USD"));
    Browser b = new Browser();
    b.signIn(token("CHECKER"), "/ui/");
    String page = b.get("/ui/claims/" + claimId).body();
    String csrf = csrf(page);
    assertEquals(
        303, b.post("/ui/claims/" + claimId + "/take", Map.of("_csrf", csrf)).statusCode());
    String version = String.valueOf(read(claimId).version());
    HttpResponse<String> r =
        b.post(
            "/ui/claims/" + claimId + "/verdict",
            Map.of("_csrf", csrf, "version", version, "status", "INACCURATE", "rationale", ""));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("class=\"invalid\"") || r.body().contains("invalid"), r.body());
    assertTrue(
        r.body().contains("value=\"INACCURATE\" selected"), "the form keeps what was chosen");
    assertEquals(ClaimStatus.IN_REVIEW, read(claimId).status());
    assertTrue(review.verdicts(ADMIN_TOKEN, claimId).body().isEmpty());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en-US,en;q=0.8 | 5,000,000,000.5",
        "de-DE,de;q=0.9 | 5.000.000.000,5",
        "fr-FR          | 5,000,000,000.5", // others read English
      })
  void numbers_follow_the_readers_language_and_the_stored_value_does_not_change(
      String language, String shown) throws Exception {
    long claimId = claim(saying("Locale " + unique()).value("5000000000.5").unit("USD"));
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    assertTrue(page(b, claimId, language).contains(shown));
    assertEquals("5000000000.5", read(claimId).value());
  }

  private String page(Browser b, long claimId, String language) throws Exception {
    return b.client
        .send(
            HttpRequest.newBuilder(server.getURI().resolve("/ui/claims/" + claimId))
                .header("Accept-Language", language)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The edit form of a new claim of 5 USD (version 1), as a checker signed in to {@code b}. */
  private Map<String, String> editForm(Browser b, long claimId) throws Exception {
    b.signIn(token("CHECKER"), "/ui/");
    Map<String, String> form = new java.util.HashMap<>();
    form.put("_csrf", csrf(b.get("/ui/claims/" + claimId + "/edit").body()));
    form.put("version", "1");
    form.put("statement", "Edited " + unique());
    form.put("unit", "USD");
    return form;
  }

  private long claimOfFive() {
    return claim(saying("Edit me " + unique()).value("5").unit("USD"));
  }

  @Test
  void an_edit_with_a_bad_value_comes_back_marked_and_nothing_is_stored() throws Exception {
    long claimId = claimOfFive();
    Browser b = new Browser();
    Map<String, String> form = editForm(b, claimId);
    form.put("value", "five");

    HttpResponse<String> bad = b.post("/ui/claims/" + claimId + "/edit", form);

    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(
        Pattern.compile(
                "id=\"value\" name=\"value\" value=\"five\"[^>]*aria-invalid=\"true\" class=\"invalid\"")
            .matcher(bad.body())
            .find(),
        bad.body());
    assertEquals("5", read(claimId).value());
  }

  /** A form's text follows the API's rule: a NUL or a terminal's escape is refused, not stored. */
  @Test
  void an_edit_with_a_control_character_is_refused_and_nothing_is_stored() throws Exception {
    long claimId = claimOfFive();
    String before = read(claimId).statement();
    for (String text : List.of("Edited\u0000", "Edited \u001b[2J", "Edited\u007f")) {
      Browser b = new Browser();
      Map<String, String> form = editForm(b, claimId);
      form.put("statement", text);
      form.put("value", "6.5");

      HttpResponse<String> bad = b.post("/ui/claims/" + claimId + "/edit", form);

      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(bad.body().contains("cannot be stored as text"), bad.body());
      assertEquals("5", read(claimId).value());
      assertEquals(before, read(claimId).statement());
    }
  }

  @Test
  void a_good_edit_is_stored() throws Exception {
    long claimId = claimOfFive();
    Browser b = new Browser();
    Map<String, String> form = editForm(b, claimId);
    form.put("value", "6.5");

    HttpResponse<String> ok = b.post("/ui/claims/" + claimId + "/edit", form);

    assertEquals(303, ok.statusCode(), ok.body());
    assertEquals("6.5", read(claimId).value());
  }

  @Test
  void an_edit_of_a_version_edited_since_is_412_and_saves_nothing() throws Exception {
    long claimId = claimOfFive();
    Browser b = new Browser();
    Map<String, String> form = editForm(b, claimId);
    form.put("value", "6.5");
    b.post("/ui/claims/" + claimId + "/edit", form);
    form.put("value", "7");

    HttpResponse<String> stale = b.post("/ui/claims/" + claimId + "/edit", form);

    assertEquals(412, stale.statusCode());
    assertTrue(stale.body().contains("nothing was saved"), stale.body());
    assertEquals("6.5", read(claimId).value());
  }

  private final List<Long> subscriptions = new ArrayList<>();

  /** A subscription of a public address to every claim event; deleted after the test. */
  private long subscription() {
    io.micronaut.http.HttpResponse<SubscriptionView> sub =
        webhooks.create(
            ADMIN_TOKEN,
            new SubscriptionRequest(
                "https://93.184.216.34/cw-" + unique(), List.of("claim.*"), null, null));
    assertEquals(HttpStatus.CREATED, sub.getStatus());
    subscriptions.add(sub.body().id());
    return sub.body().id();
  }

  @AfterEach
  void unsubscribe() {
    subscriptions.forEach(id -> statusOf(() -> webhooks.delete(ADMIN_TOKEN, id)));
    subscriptions.clear();
  }

  /** A browser with an ADMIN signed in. */
  private Browser admin() throws Exception {
    Browser admin = new Browser();
    admin.signIn(ADMIN_TOKEN, "/ui/");
    return admin;
  }

  @Test
  void admins_see_webhook_subscriptions() throws Exception {
    long subId = subscription();
    Browser admin = admin();
    String list = admin.get("/ui/admin/webhooks").body();
    assertTrue(list.contains("data-subscription-id=\"" + subId + "\""), list);
    assertEquals(200, admin.get("/ui/admin/webhooks/" + subId).statusCode());
  }

  @Test
  void admins_send_a_test_event() throws Exception {
    long subId = subscription();
    Browser admin = admin();
    String csrf = csrf(admin.get("/ui/admin/webhooks/" + subId).body());

    HttpResponse<String> test =
        admin.post("/ui/admin/webhooks/" + subId + "/test", Map.of("_csrf", csrf));

    assertEquals(200, test.statusCode());
    assertTrue(test.body().contains("Test event msg_"), test.body());
  }

  @Test
  void admins_replay_a_subscriptions_events() throws Exception {
    long subId = subscription();
    Browser admin = admin();
    String csrf = csrf(admin.get("/ui/admin/webhooks/" + subId).body());

    HttpResponse<String> replay =
        admin.post(
            "/ui/admin/webhooks/" + subId + "/replay",
            Map.of("_csrf", csrf, "since", "2000-01-01T00:00:00Z"));

    assertTrue(replay.body().contains("Replaying"), replay.body());
  }

  @Test
  void admins_retry_a_delivery() throws Exception {
    long subId = subscription();
    webhooks.test(ADMIN_TOKEN, subId);
    // The delivery row is made by the dispatcher, after the request: wait for it.
    org.claimwatch.support.Receiver.await(
        java.time.Duration.ofSeconds(30),
        "the test event's delivery",
        () -> !webhooks.deliveries(ADMIN_TOKEN, subId).body().items().isEmpty());
    long deliveryId = webhooks.deliveries(ADMIN_TOKEN, subId).body().items().get(0).id();
    Browser admin = admin();
    String csrf = csrf(admin.get("/ui/admin/webhooks/" + subId).body());

    HttpResponse<String> retry =
        admin.post(
            "/ui/admin/webhooks/" + subId + "/retry",
            Map.of("_csrf", csrf, "delivery", Long.toString(deliveryId)));

    assertTrue(retry.body().contains("Delivery " + deliveryId + " queued again"), retry.body());
    assertTrue(retry.body().contains("data-delivery-id=\"" + deliveryId + "\""), retry.body());
  }

  @Test
  void admins_make_a_token_that_works_and_is_shown_once() throws Exception {
    Browser admin = admin();
    String csrf = csrf(admin.get("/ui/admin/tokens").body());

    HttpResponse<String> made =
        admin.post(
            "/ui/admin/tokens",
            Map.of("_csrf", csrf, "name", "ui-made-" + unique(), "role", "VIEWER"));

    assertEquals(200, made.statusCode());
    Matcher m = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(made.body());
    assertTrue(m.find(), made.body());
    assertEquals(200, get("/api/v1/claims?limit=1", m.group(1)).status(), "the new token works");
    assertFalse(admin.get("/ui/admin/tokens").body().contains(m.group(1)), "shown once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ui/admin/webhooks", "/ui/admin/tokens"})
  void others_may_not_see_the_admin_pages(String page) throws Exception {
    Browser checker = new Browser();
    checker.signIn(token("CHECKER"), "/ui/");
    assertEquals(403, checker.get(page).statusCode());
  }

  @Inject io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;
  @Inject io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

  @Test
  void an_expired_session_goes_back_to_sign_in_remembering_the_page() throws Exception {
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    assertEquals(200, b.get("/ui/queue/mine").statusCode());
    String cookie =
        ((java.net.CookieManager) b.client.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("cw_session"))
                .findFirst()
                .orElseThrow()
                .getValue();
    tx.executeWrite(
        status ->
            jdbc.prepareStatement(
                "UPDATE ui_sessions SET expires_at = '2000-01-01 00:00:00' WHERE id_hash = ?",
                ps -> {
                  ps.setString(1, org.claimwatch.system.Hashing.sha256Hex(cookie));
                  return ps.executeUpdate();
                }));
    HttpResponse<String> r = b.get("/ui/queue/mine?metric=revenue");
    assertEquals(303, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("/ui/sign-in?next=%2Fui%2Fqueue%2Fmine%3Fmetric%3Drevenue"),
        r.headers().toString());
  }

  @Test
  void the_queue_is_filtered_by_an_entitys_name_or_alias() throws Exception {
    String name = "Filterable " + unique();
    long entity = entity(name, name + " alias");
    long mine = q1RevenueClaim(entity, "1");
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    String byAlias =
        b.get(
                "/ui/queue/unreviewed?entity="
                    + URLEncoder.encode(name + " alias", StandardCharsets.UTF_8))
            .body();
    assertTrue(byAlias.contains("data-claim-id=\"" + mine + "\""), byAlias);
    assertFalse(byAlias.contains("No entity is called"));
    String unknown = b.get("/ui/queue/unreviewed?entity=Nobody%20" + unique()).body();
    assertTrue(unknown.contains("No entity is called"), unknown);
  }

  @Test
  void signing_out_ends_the_session() throws Exception {
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    String csrf = csrf(b.get("/ui/queue/unreviewed").body());
    assertEquals(303, b.post("/ui/sign-out", Map.of("_csrf", csrf)).statusCode());
    assertEquals(303, b.get("/ui/queue/unreviewed").statusCode());
  }

  @Test
  void the_assets_are_served_by_the_service_itself() throws Exception {
    HttpResponse<String> css = new Browser().get("/ui/static/app.css");
    assertEquals(200, css.statusCode());
    assertNotNull(css.body());
    Browser b = new Browser();
    b.signIn(token("VIEWER"), "/ui/");
    String page = b.get("/ui/queue/unreviewed").body();
    assertFalse(page.contains("https://"), "no asset from elsewhere");
  }

  @Test
  void a_checker_links_a_claim_to_the_one_it_repeats_from_its_page_and_the_queue_marks_it()
      throws Exception {
    long entity = company("Linked Co " + unique(), null);
    long original = claim(ClaimBuilder.about(entity));
    long repeat = claim(ClaimBuilder.about(entity));
    Browser b = new Browser();
    b.signIn(token("CHECKER"), "/ui/");

    HttpResponse<String> linked =
        b.post(
            "/ui/claims/" + repeat + "/link",
            Map.of(
                "_csrf",
                csrf(b.get("/ui/claims/" + repeat).body()),
                "version",
                "1",
                "duplicateOf",
                "#" + original,
                "linkNote",
                "same figure"));

    assertEquals(303, linked.statusCode(), linked.body());
    assertEquals(original, read(repeat).duplicateOf());
    String page = b.get("/ui/claims/" + repeat).body();
    assertTrue(page.contains("id=\"duplicate-of\""), page);
    assertTrue(page.contains("/ui/claims/" + original), page);
    assertTrue(
        b.get("/ui/claims/" + original).body().contains("/ui/claims/" + repeat),
        "the original lists the claim that repeats it");
    String queue = b.get("/ui/queue/unreviewed?entityId=" + entity).body();
    assertTrue(queue.contains("duplicate of #" + original), queue);
  }

  @Test
  void a_refused_link_comes_back_with_the_field_marked_and_changes_nothing() throws Exception {
    long claim = claim(ClaimBuilder.saying("alone " + unique()));
    Browser b = new Browser();
    b.signIn(token("CHECKER"), "/ui/");

    HttpResponse<String> refused =
        b.post(
            "/ui/claims/" + claim + "/link",
            Map.of(
                "_csrf",
                csrf(b.get("/ui/claims/" + claim).body()),
                "version",
                "1",
                "duplicateOf",
                "twelve"));

    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("not a claim number"), refused.body());
    assertTrue(refused.body().contains("class=\"invalid\""), refused.body());
    assertNull(read(claim).duplicateOf());
    assertEquals(1, read(claim).version());
  }

  @Test
  void the_verdict_of_the_claim_it_repeats_is_offered_and_fills_the_verdict_form()
      throws Exception {
    long original = claim(ClaimBuilder.saying("original " + unique()));
    String editor = token("EDITOR");
    review.take(editor, original);
    review.record(
        editor,
        original,
        "\"" + read(original).version() + "\"",
        new VerdictRequest(
            "UNVERIFIABLE",
            "No filing covers it.",
            List.of(
                new VerdictRequest.EvidenceInput(
                    null, null, "https://example.org/why", "the company's own page"))));
    long repeat = claim(ClaimBuilder.saying("repeat " + unique()));
    claims.linkDuplicate(editor, repeat, "\"1\"", Map.of("claimId", original));
    Browser b = new Browser();
    b.signIn(editor, "/ui/");

    String page = b.get("/ui/claims/" + repeat).body();
    assertTrue(page.contains("id=\"offer\""), page);
    assertTrue(page.contains("offer=" + original), page);
    String offered = b.get("/ui/claims/" + repeat + "?offer=" + original).body();

    assertTrue(offered.contains("<option value=\"UNVERIFIABLE\" selected"), offered);
    assertTrue(
        offered.contains(
            "As for claim #" + original + ", which says the same: No filing covers it."),
        offered);
    assertTrue(offered.contains("value=\"https://example.org/why\""), offered);
    assertEquals(ClaimStatus.UNVERIFIED, read(repeat).status(), "offered, not recorded");
  }

  private ClaimView read(long claimId) {
    return claims.get(ADMIN_TOKEN, claimId).body();
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  @SuppressWarnings("unused")
  private URI base() {
    return server.getURI();
  }
}
