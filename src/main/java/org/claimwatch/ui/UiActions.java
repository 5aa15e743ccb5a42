package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.PageSessions;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimCommands;
import org.claimwatch.claim.ClaimInput;
import org.claimwatch.claim.ClaimLinks;
import org.claimwatch.claim.SourceInput;
import org.claimwatch.review.AssignmentService;
import org.claimwatch.review.QueueFilter;
import org.claimwatch.review.QueueService;
import org.claimwatch.review.ReturnRequest;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.review.VerdictService;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.StorableText;

/**
 * What the pages' forms do, through the services the API uses. A refused action shows the page
 * again with why (and the form as it was), never a lost verdict: a stale page says the claim moved
 * on and keeps what the checker wrote.
 */
@Singleton
class UiActions {
  private final Pages pages;
  private final QueueService queues;
  private final AssignmentService assignments;
  private final VerdictService verdicts;
  private final ClaimCommands claims;
  private final ClaimLinks links;
  private final PageLanguage language;

  UiActions(
      Pages pages,
      QueueService queues,
      AssignmentService assignments,
      VerdictService verdicts,
      ClaimCommands claims,
      ClaimLinks links,
      PageLanguage language) {
    this.links = links;
    this.claims = claims;
    this.language = language;
    this.pages = pages;
    this.queues = queues;
    this.assignments = assignments;
    this.verdicts = verdicts;
  }

  /**
   * The form must carry the session's CSRF token (compared in constant time), and only text a
   * database keeps as it is ({@link StorableText}); the visit of the reviewer who sent it.
   */
  Visit requireCsrf(Authentication auth, HttpRequest<?> request, Map<String, String> form) {
    if (auth == null) {
      // what was typed comes back on the sign-in page only from a form of this site: another
      // site's page could otherwise post a verdict for the reviewer to send after signing in
      throw new SignInRequired(Visit.pageOf(request), fromThisSite(request) ? form : Map.of());
    }
    Visit visit = Visit.of(auth, request, language);
    Object expected = auth.getAttributes().get(SessionAuthenticationFetcher.CSRF);
    String given = form.get("_csrf");
    if (expected == null
        || given == null
        || !MessageDigest.isEqual(
            expected.toString().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8))) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "error.csrf");
    }
    // the API's rule for text (a NUL, a terminal's escape, a lone surrogate), for every field
    for (String value : form.values()) {
      if (value != null && StorableText.why(value) != null) {
        throw new UiRefused(HttpStatus.BAD_REQUEST, "error.unstorableText");
      }
    }
    return visit;
  }

  /**
   * Whether a request came from a page of this site: the browser says so ({@code Sec-Fetch-Site:
   * same-origin}), or, from a browser that does not, it carries the session cookie, which is
   * SameSite=Strict and so never sent from another site.
   */
  static boolean fromThisSite(HttpRequest<?> request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    return request.getCookies().contains(PageSessions.COOKIE);
  }

  HttpResponse<?> next(
      String name, Map<String, String> form, Authentication auth, HttpRequest<?> request) {
    Visit visit = checker(auth, request, form);
    return queues
        .next(name, QueueFilter.none(), visit.actor())
        .<HttpResponse<?>>map(c -> HttpResponse.seeOther(URI.create("/ui/claims/" + c.id())))
        .orElseGet(
            () ->
                HttpResponse.seeOther(
                    URI.create("/ui/queue/" + name + "?message=" + Pages.NOTHING_WAITS)));
  }

  HttpResponse<?> take(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    return attempt(visit, id, form, () -> assignments.take(id, visit.actor()), "/ui/claims/" + id);
  }

  HttpResponse<?> release(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    return attempt(
        visit, id, form, () -> assignments.release(id, visit.actor()), "/ui/queue/unreviewed");
  }

  HttpResponse<?> verdict(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    VerdictRequest body =
        new VerdictRequest(
            blank(form.get("status")), blank(form.get("rationale")), evidenceOf(form));
    return attempt(
        visit,
        id,
        form,
        () -> verdicts.record(id, version(form), body, visit.actor()),
        "/ui/claims/" + id + "?recorded=1");
  }

  /** The figures ticked on the verdict form, each with its note, and the URL given, if any. */
  private static List<VerdictRequest.EvidenceInput> evidenceOf(Map<String, String> form) {
    List<VerdictRequest.EvidenceInput> evidence = new ArrayList<>();
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (e.getKey().startsWith("fact-") && "on".equals(e.getValue())) {
        String factId = e.getKey().substring(5);
        String note = form.getOrDefault("note-" + factId, "").strip();
        evidence.add(
            new VerdictRequest.EvidenceInput(
                parseId(factId), null, null, note.isEmpty() ? "The reported figure" : note));
      }
    }
    String url = form.getOrDefault("url", "").strip();
    if (!url.isEmpty()) {
      String note = form.getOrDefault("urlNote", "").strip();
      evidence.add(new VerdictRequest.EvidenceInput(null, null, url, note.isEmpty() ? null : note));
    }
    return evidence;
  }

  /**
   * An editor's decision on a proposed verdict: {@code approve} publishes it, {@code return} sends
   * it back to its checker, saying why.
   */
  HttpResponse<?> decide(
      long id,
      long verdictId,
      String decision,
      Map<String, String> form,
      Authentication auth,
      HttpRequest<?> r) {
    Visit visit = editor(auth, r, form);
    Runnable action =
        decision.equals("approve")
            ? () -> verdicts.approve(id, verdictId, version(form), visit.actor())
            : () ->
                verdicts.sendBack(
                    id, verdictId, new ReturnRequest(form.get("reason")), visit.actor());
    return attempt(visit, id, form, action, "/ui/claims/" + id);
  }

  /** Links the claim to the stored claim it repeats (the number typed in the form). */
  HttpResponse<?> link(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    String typed = blank(form.get("duplicateOf"));
    return attempt(
        visit,
        id,
        form,
        () ->
            links.link(
                id,
                typed == null
                    ? null
                    : claimNumber(typed)
                        .orElseThrow(
                            () ->
                                ProblemException.invalidField(
                                    "claimId", "not a claim number: " + typed)),
                version(form),
                blank(form.get("linkNote")),
                visit.actor()),
        "/ui/claims/" + id);
  }

  /** Takes the claim's duplicate link away. */
  HttpResponse<?> unlink(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    return attempt(
        visit,
        id,
        form,
        () -> links.unlink(id, version(form), null, visit.actor()),
        "/ui/claims/" + id);
  }

  /**
   * A claim number as a form or link gives it ("#12" or "12"); empty when it is none. The one way
   * the pages read a claim number typed or sent back.
   */
  static java.util.Optional<Long> claimNumber(String typed) {
    String s = blank(typed);
    String digits = s != null && s.startsWith("#") ? s.substring(1).strip() : s;
    return digits != null && digits.matches("[0-9]{1,18}")
        ? java.util.Optional.of(Long.valueOf(digits))
        : java.util.Optional.empty();
  }

  /** Saves the edited fields (a PATCH of the claim, version-checked); the form again if refused. */
  HttpResponse<?> edit(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    JsonNode patch = JsonNode.createObjectNode(editedFields(form));
    try {
      claims.patch(id, patch, version(form), visit.actor());
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      String why =
          e.status() == HttpStatus.PRECONDITION_FAILED
              ? visit.texts().get("error.staleEdit")
              : e.getMessage();
      EditPage page = pages.edit(visit, id, form).failed(why, fieldsOf(e));
      return Pages.page(e.status(), "claim-edit", page);
    }
  }

  /** Adds the claim of the new-claim form and shows it; the form again, marked, if refused. */
  HttpResponse<?> create(Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = checker(auth, r, form);
    String url = text(form, "sourceUrl");
    ClaimInput input =
        new ClaimInput(
            null,
            text(form, "statement"),
            text(form, "language"),
            text(form, "claimant"),
            null,
            text(form, "entityName"),
            text(form, "metric"),
            text(form, "value"),
            text(form, "valueHigh"),
            text(form, "unit"),
            text(form, "qualifier"),
            text(form, "periodStart"),
            text(form, "periodEnd"),
            text(form, "periodicity"),
            text(form, "kind"),
            text(form, "resolvesOn"),
            text(form, "statedAt"),
            url == null
                ? null
                : new SourceInput(
                    url, text(form, "sourceTitle"), text(form, "sourcePublisher"), null),
            null,
            null);
    try {
      long id = claims.create(input, visit.actor()).claim().id();
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      List<String> fields =
          fieldsOf(e).stream().map(f -> f.startsWith("source.") ? "sourceUrl" : f).toList();
      NewClaimPage page = NewClaimPage.empty(visit.layout()).failed(form, e.getMessage(), fields);
      return Pages.page(e.status(), "claim-new", page);
    }
  }

  /** A form field, stripped; null when empty or absent. */
  private static String text(Map<String, String> form, String name) {
    return blank(form.get(name));
  }

  /** The edit form's fields as a merge patch: an emptied field clears the claim's member. */
  private static Map<String, JsonNode> editedFields(Map<String, String> form) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (String f : Pages.EDITABLE) {
      if (form.containsKey(f)) {
        String v = form.get(f).strip();
        fields.put(f, v.isEmpty() ? JsonNode.nullNode() : JsonNode.createStringNode(v));
      }
    }
    return fields;
  }

  /** A claim's page with a form the reviewer had typed before signing in again, not sent yet. */
  MutableHttpResponse<?> resume(
      long id, Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    Visit visit = Visit.of(auth, Actor.of(auth), r, language);
    ClaimPage page =
        pages
            .claim(visit, id, new LinkedHashMap<>(form))
            .failed(visit.texts().get("notice.resumed"), List.of());
    return HttpResponse.ok(new ModelAndView<>("claim", page));
  }

  /**
   * Does a claim's form's action and goes on to {@code then}; refused, the claim's page again with
   * why and the form as it was sent.
   */
  private HttpResponse<?> attempt(
      Visit visit, long id, Map<String, String> form, Runnable action, String then) {
    try {
      action.run();
      return HttpResponse.seeOther(URI.create(then));
    } catch (RuntimeException failure) {
      return again(visit, id, form, ProblemException.from(failure));
    }
  }

  /** The claim page again, with why the action was refused and the form as it was sent. */
  private HttpResponse<?> again(
      Visit visit, long id, Map<String, String> form, ProblemException e) {
    if (e.status() == HttpStatus.NOT_FOUND) {
      return Pages.notFound(visit, e.getMessage());
    }
    String why =
        e.status() == HttpStatus.PRECONDITION_FAILED
            ? visit.texts().get("error.staleVerdict")
            : e.getMessage();
    ClaimPage page = pages.claim(visit, id, new LinkedHashMap<>(form)).failed(why, fieldsOf(e));
    return Pages.page(e.status(), "claim", page);
  }

  private static List<String> fieldsOf(ProblemException e) {
    return e.errors().stream().map(f -> f.field()).toList();
  }

  private Visit checker(Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    return checker(auth, r, form, "error.notChecker");
  }

  /**
   * The signed-in checker of a form with the session's CSRF token; 403 saying why (the {@code why}
   * key).
   */
  Visit checker(Authentication auth, HttpRequest<?> r, Map<String, String> form, String why) {
    Visit visit = requireCsrf(auth, r, form);
    if (!visit.actor().has(Role.R_CHECKER)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, why);
    }
    return visit;
  }

  private Visit editor(Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    Visit visit = requireCsrf(auth, r, form);
    if (!visit.actor().has(Role.R_EDITOR)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "error.notEditor");
    }
    return visit;
  }

  /** The version the form's page was read at, as an If-Match value. */
  private static String version(Map<String, String> form) {
    return "\"" + form.getOrDefault("version", "") + "\"";
  }

  private static Long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("evidence", "not a fact id: " + s);
    }
  }

  /** A form value, stripped; null when empty or absent. */
  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
