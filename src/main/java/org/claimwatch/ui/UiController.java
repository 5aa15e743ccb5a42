package org.claimwatch.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.auth.PageSessions;
import org.claimwatch.review.QueueFilter;
import org.claimwatch.system.ProblemException;

/**
 * The reviewer pages. Each handler is one call into {@link Pages} or {@link UiActions}; the session
 * (a cookie) is checked there, and every form post must carry the session's CSRF token.
 */
@Controller("/ui")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
class UiController {
  static final String SIGN_IN_COOKIE = "cw_sign_in";
  private final Pages pages;
  private final UiActions actions;
  private final ArticleActions articles;
  private final PageSessions sessions;
  private final PageLanguage language;

  UiController(
      Pages pages,
      UiActions actions,
      ArticleActions articles,
      PageSessions sessions,
      PageLanguage language) {
    this.pages = pages;
    this.actions = actions;
    this.articles = articles;
    this.sessions = sessions;
    this.language = language;
  }

  @Get
  HttpResponse<?> home() {
    return HttpResponse.seeOther(URI.create("/ui/queue/unreviewed"));
  }

  /**
   * The sign-in form. It carries a random token that must come back both in the form and in a
   * cookie set here (double submit), so another site cannot sign a browser in to its own account.
   */
  @Get("/sign-in{?next}")
  HttpResponse<?> signInPage(@Nullable @QueryValue String next, HttpRequest<?> request) {
    return freshSignIn(HttpStatus.OK, next, null, request);
  }

  @Post("/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> signIn(
      @Body Map<String, String> form,
      @Nullable @CookieValue(SIGN_IN_COOKIE) String check,
      HttpRequest<?> request) {
    String next = safeNext(form.get("next"));
    String given = form.get("_check");
    Texts texts = language.texts(request);
    if (check == null || given == null || !check.equals(given)) {
      return freshSignIn(HttpStatus.FORBIDDEN, next, texts.get("error.signInExpired"), request);
    }
    return sessions
        .signIn(form.get("token"))
        .<HttpResponse<?>>map(
            started ->
                resumed(next, carried(carryOf(form)), started, request)
                    .cookie(sessionCookie(started.cookie(), request)))
        .orElseGet(() -> unknownToken(next, check, texts));
  }

  /** The form again with the same check: the token was wrong, not the form. */
  private static HttpResponse<?> unknownToken(String next, String check, Texts texts) {
    return Pages.page(
        HttpStatus.UNAUTHORIZED,
        "sign-in",
        SignInPage.of(next, texts.get("error.unknownToken"), check, Map.of()));
  }

  /** The sign-in form with a new check, and the check's cookie. */
  private static MutableHttpResponse<?> freshSignIn(
      HttpStatus status, String next, String error, HttpRequest<?> request) {
    SignInPage page = SignInPage.fresh(next, error, Map.of());
    return Pages.page(status, "sign-in", page).cookie(signInCookie(page.check(), request));
  }

  /**
   * The fields of a form typed before the session ended, which the sign-in form carries as "carry-"
   * + name ("carry-", not "carry.": a dot in a form field's name is read as a nested object).
   */
  private static Map<String, String> carryOf(Map<String, String> form) {
    Map<String, String> carry = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("carry-")) {
            carry.put(k.substring("carry-".length()), v);
          }
        });
    return carry;
  }

  /**
   * After sign-in: the page it was asked from, or, for a claim's form sent when the session had
   * ended, that claim's page with the form as it was typed (not sent yet: the reviewer looks again
   * and sends it, with the new session's CSRF token).
   */
  private MutableHttpResponse<?> resumed(
      String next,
      Map<String, String> carry,
      PageSessions.Started started,
      HttpRequest<?> request) {
    Matcher claim = CLAIM_PAGE.matcher(next);
    if (carry.isEmpty() || !claim.matches()) {
      return HttpResponse.seeOther(URI.create(next));
    }
    Authentication auth = SessionAuthenticationFetcher.authentication(started.session());
    return actions.resume(Long.parseLong(claim.group(1)), auth, request, carry);
  }

  private static final Pattern CLAIM_PAGE = Pattern.compile("/ui/claims/(\\d{1,18})");

  @Post("/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> signOut(
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      @Nullable @CookieValue(PageSessions.COOKIE) String cookie,
      HttpRequest<?> request) {
    actions.requireCsrf(auth, request, form);
    sessions.signOut(cookie);
    return HttpResponse.seeOther(URI.create("/ui/sign-in"))
        .cookie(sessionCookie("", request).maxAge(0));
  }

  /**
   * The header's language switch: remembers the language in a cookie and goes back to the page it
   * was clicked on ({@code back}, a page of this service only: never an open redirect).
   */
  @Get("/language/{lang:en|de}{?back}")
  HttpResponse<?> language(String lang, @Nullable @QueryValue String back, HttpRequest<?> request) {
    return HttpResponse.seeOther(URI.create(safeNext(back)))
        .cookie(PageLanguage.cookie(PageLanguage.supported(lang), request));
  }

  @Get("/queue/{name}")
  HttpResponse<?> queue(
      String name,
      @Nullable @QueryValue Long entityId,
      @Nullable @QueryValue String entity,
      @Nullable @QueryValue String metric,
      @Nullable @QueryValue String language,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String check,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue String message,
      @Nullable Authentication auth,
      HttpRequest<?> request) {
    Visit visit = Visit.of(auth, request, this.language);
    if (!Pages.isQueue(name)) {
      return Pages.notFound(visit, visit.texts().get("error.noQueue", name));
    }
    QueueFilter filter =
        new QueueFilter(
            entityId,
            blank(metric),
            blank(language),
            blank(status),
            blank(check),
            blank(cursor),
            null);
    return HttpResponse.ok(
        new ModelAndView<>("queue", pages.queue(visit, name, filter, blank(entity), message)));
  }

  @Post("/queue/{name}/next")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> next(
      String name,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> request) {
    return actions.next(name, form, auth, request);
  }

  @Get("/articles/new")
  HttpResponse<?> articlePage(@Nullable Authentication auth, HttpRequest<?> request) {
    return emptyForm("article", ArticlePage::empty, auth, request);
  }

  /** Reading an article for its claims, and adding the ones picked. */
  @Post("/articles/{action:read|add}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> articleForm(
      String action,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> request) {
    return "read".equals(action)
        ? articles.read(form, auth, request)
        : articles.add(form, auth, request);
  }

  @Get("/claims/new")
  HttpResponse<?> newClaimPage(@Nullable Authentication auth, HttpRequest<?> request) {
    return emptyForm("claim-new", NewClaimPage::empty, auth, request);
  }

  @Post("/claims/new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> newClaim(
      @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
    return actions.create(form, auth, request);
  }

  /** A claim's page; {@code ?offer=N} fills the verdict form from linked claim N's verdict. */
  @Get("/claims/{id}{?offer}")
  HttpResponse<?> claim(
      long id,
      @Nullable @QueryValue String offer,
      @Nullable Authentication auth,
      HttpRequest<?> request) {
    Long from = UiActions.claimNumber(offer).orElse(null);
    return ofClaim(
        id, auth, request, v -> new ModelAndView<>("claim", pages.claim(v, id, null, from)));
  }

  @Get("/claims/{id}/edit")
  HttpResponse<?> editPage(long id, @Nullable Authentication auth, HttpRequest<?> request) {
    return ofClaim(
        id, auth, request, v -> new ModelAndView<>("claim-edit", pages.edit(v, id, null)));
  }

  /** A form page as it first shows (a new article, a new claim), for the visitor's session. */
  private HttpResponse<?> emptyForm(
      String view, Function<Layout, ?> page, Authentication auth, HttpRequest<?> request) {
    return HttpResponse.ok(
        new ModelAndView<>(view, page.apply(Visit.of(auth, request, language).layout())));
  }

  /** A page about a claim, or the friendly 404 page when there is no such claim. */
  private HttpResponse<?> ofClaim(
      long id, Authentication auth, HttpRequest<?> request, Function<Visit, ModelAndView<?>> page) {
    Visit visit = Visit.of(auth, request, language);
    return Pages.orNotFound(visit, visit.texts().get("error.noClaim", id), () -> page.apply(visit));
  }

  /**
   * The forms of a claim's page, and the edit page's. The route names its actions, so any other is
   * not found (and a GET of one not allowed) as when each had its own route.
   */
  @Post("/claims/{id}/{action:take|release|verdict|edit|link|unlink}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> claimForm(
      long id,
      String action,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> r) {
    return switch (action) {
      case "take" -> actions.take(id, form, auth, r);
      case "release" -> actions.release(id, form, auth, r);
      case "verdict" -> actions.verdict(id, form, auth, r);
      case "edit" -> actions.edit(id, form, auth, r);
      case "link" -> actions.link(id, form, auth, r);
      case "unlink" -> actions.unlink(id, form, auth, r);
      default -> throw ProblemException.notFound("No action " + action);
    };
  }

  /** An editor's decision on a proposed verdict. */
  @Post("/claims/{id}/verdicts/{verdictId}/{decision:approve|return}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> decide(
      long id,
      long verdictId,
      String decision,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> r) {
    return actions.decide(id, verdictId, decision, form, auth, r);
  }

  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,39}");

  /**
   * What a form's reviewer typed, kept across a sign-in: its fields but the session's own (CSRF,
   * sign-in check, token, next), at most 60 fields of 20,000 characters.
   */
  static Map<String, String> carried(Map<String, String> form) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : form.entrySet()) {
      String k = e.getKey();
      if (out.size() < 60
          && k != null
          && FIELD.matcher(k).matches()
          && !Set.of("_csrf", "_check", "token", "next").contains(k)
          && e.getValue() != null
          && e.getValue().length() <= 20_000) {
        out.put(k, e.getValue());
      }
    }
    return out;
  }

  /** The sign-in form's check, HttpOnly and SameSite=Strict like the session's cookie. */
  static Cookie signInCookie(String value, HttpRequest<?> request) {
    return cookie(SIGN_IN_COOKIE, value, request);
  }

  /** Only pages of this service: never an open redirect. */
  static String safeNext(String next) {
    String fallback = "/ui/queue/unreviewed";
    if (next == null || next.length() > 2048 || !next.startsWith("/ui/")) {
      return fallback;
    }
    try {
      URI uri = new URI(next);
      // A path of this service only: no scheme, no host, nothing that climbs out of /ui/.
      return uri.getScheme() == null
              && uri.getRawAuthority() == null
              && uri.normalize().getPath().startsWith("/ui/")
          ? next
          : fallback;
    } catch (java.net.URISyntaxException e) {
      return fallback;
    }
  }

  /** HttpOnly, SameSite=Strict, Secure when the page came over https. */
  static Cookie sessionCookie(String value, HttpRequest<?> request) {
    return cookie(PageSessions.COOKIE, value, request);
  }

  private static Cookie cookie(String name, String value, HttpRequest<?> request) {
    return Cookie.of(name, value)
        .path("/ui")
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .secure(isHttps(request));
  }

  /** Whether the page came over https (directly, or through a proxy that says so). */
  static boolean isHttps(HttpRequest<?> request) {
    return request.isSecure()
        || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
