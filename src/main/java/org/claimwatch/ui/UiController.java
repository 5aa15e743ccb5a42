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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.claimwatch.auth.Actor;
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
  private final PageSessions sessions;

  UiController(Pages pages, UiActions actions, PageSessions sessions) {
    this.pages = pages;
    this.actions = actions;
    this.sessions = sessions;
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
    String check = PageSessions.randomToken();
    return HttpResponse.ok(new ModelAndView<>("sign-in", signInModel(next, null, check)))
        .cookie(signInCookie(check, request));
  }

  @Post("/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> signIn(
      @Body Map<String, String> form,
      @Nullable @CookieValue(SIGN_IN_COOKIE) String check,
      HttpRequest<?> request) {
    String next = safeNext(form.get("next"));
    String given = form.get("_check");
    if (check == null || given == null || !check.equals(given)) {
      String fresh = PageSessions.randomToken();
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .cookie(signInCookie(fresh, request))
          .body(
              new ModelAndView<>(
                  "sign-in",
                  signInModel(
                      next,
                      "The sign-in form expired or came from elsewhere. Paste the token again.",
                      fresh)));
    }
    Map<String, String> carry = new java.util.LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          // "carry-" (not "carry."): a dot in a form field's name is read as a nested object
          if (k.startsWith("carry-")) {
            carry.put(k.substring("carry-".length()), v);
          }
        });
    return sessions
        .signIn(form.get("token"))
        .<HttpResponse<?>>map(
            started ->
                resumed(next, carried(carry), started, request)
                    .cookie(sessionCookie(started.cookie(), request)))
        .orElseGet(
            () ->
                HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(
                        new ModelAndView<>(
                            "sign-in",
                            signInModel(
                                next,
                                "That token is unknown or revoked. Paste it again.",
                                check))));
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
    java.util.regex.Matcher claim =
        java.util.regex.Pattern.compile("/ui/claims/(\\d{1,18})").matcher(next);
    if (carry.isEmpty() || !claim.matches()) {
      return HttpResponse.seeOther(URI.create(next));
    }
    PageSessions.Session s = started.session();
    Authentication auth =
        Authentication.build(
            s.name(),
            s.role().grantedRoles(),
            Map.of("role", s.role().name(), SessionAuthenticationFetcher.CSRF, s.csrf()));
    return actions.resume(Long.parseLong(claim.group(1)), auth, request, carry);
  }

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
    Actor actor = Pages.actor(auth, request);
    if (!Pages.isQueue(name)) {
      return notFound(auth, actor, request, "There is no queue called \"" + name + "\".");
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
        new ModelAndView<>(
            "queue",
            pages.queue(auth, actor, Pages.locale(request), name, filter, blank(entity), message)));
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

  @Get("/claims/{id}")
  HttpResponse<?> claim(long id, @Nullable Authentication auth, HttpRequest<?> request) {
    Actor actor = Pages.actor(auth, request);
    return ofClaim(
        id,
        auth,
        actor,
        request,
        () ->
            new ModelAndView<>("claim", pages.claim(auth, actor, Pages.locale(request), id, null)));
  }

  @Get("/claims/{id}/edit")
  HttpResponse<?> editPage(long id, @Nullable Authentication auth, HttpRequest<?> request) {
    Actor actor = Pages.actor(auth, request);
    return ofClaim(
        id,
        auth,
        actor,
        request,
        () ->
            new ModelAndView<>(
                "claim-edit", pages.edit(auth, actor, Pages.locale(request), id, null)));
  }

  @Post("/claims/{id}/edit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> edit(
      long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return actions.edit(id, form, auth, r);
  }

  @Post("/claims/{id}/take")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> take(
      long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return actions.take(id, form, auth, r);
  }

  @Post("/claims/{id}/release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> release(
      long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return actions.release(id, form, auth, r);
  }

  @Post("/claims/{id}/verdict")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> verdict(
      long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return actions.verdict(id, form, auth, r);
  }

  @Post("/claims/{id}/verdicts/{verdictId}/approve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> approve(
      long id,
      long verdictId,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> r) {
    return actions.approve(id, verdictId, form, auth, r);
  }

  @Post("/claims/{id}/verdicts/{verdictId}/return")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> sendBack(
      long id,
      long verdictId,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> r) {
    return actions.sendBack(id, verdictId, form, auth, r);
  }

  /** A page about a claim, or the friendly 404 page when there is no such claim. */
  private HttpResponse<?> ofClaim(
      long id,
      Authentication auth,
      Actor actor,
      HttpRequest<?> request,
      java.util.function.Supplier<ModelAndView<Map<String, Object>>> page) {
    try {
      return HttpResponse.ok(page.get());
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      if (e.status() == HttpStatus.NOT_FOUND) {
        return notFound(auth, actor, request, "There is no claim " + id + ".");
      }
      throw e;
    }
  }

  private HttpResponse<?> notFound(
      Authentication auth, Actor actor, HttpRequest<?> request, String what) {
    return HttpResponse.status(HttpStatus.NOT_FOUND)
        .body(
            new ModelAndView<>(
                "not-found", pages.notFound(auth, actor, Pages.locale(request), what)));
  }

  private static Map<String, Object> signInModel(String next, String error, String check) {
    return signInModel(next, error, check, Map.of());
  }

  private static Map<String, Object> signInModel(
      String next, String error, String check, Map<String, String> carry) {
    Map<String, Object> m = new HashMap<>();
    m.put("next", safeNext(next));
    m.put("error", error);
    m.put("check", check);
    m.put("carry", carry);
    return m;
  }

  /**
   * The sign-in page (401) keeping a form's typed fields, to be shown again after sign-in: its
   * model and the cookie of its check, for {@link UiErrors}, which renders it.
   */
  static HttpResponse<Map<String, Object>> signInPage(
      String next, String error, Map<String, String> carry, HttpRequest<?> request) {
    String check = PageSessions.randomToken();
    return HttpResponse.<Map<String, Object>>status(HttpStatus.UNAUTHORIZED)
        .cookie(signInCookie(check, request))
        .body(signInModel(next, error, check, carry));
  }

  private static final java.util.regex.Pattern FIELD =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,39}");

  /**
   * What a form's reviewer typed, kept across a sign-in: its fields but the session's own (CSRF,
   * sign-in check, token, next), at most 60 fields of 20,000 characters.
   */
  static Map<String, String> carried(Map<String, String> form) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
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

  private static Cookie signInCookie(String value, HttpRequest<?> request) {
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
    boolean https =
        request.isSecure()
            || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    return Cookie.of(name, value)
        .path("/ui")
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .secure(https);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
