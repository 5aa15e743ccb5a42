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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimCommands;
import org.claimwatch.review.AssignmentService;
import org.claimwatch.review.QueueFilter;
import org.claimwatch.review.QueueService;
import org.claimwatch.review.ReturnRequest;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.review.VerdictService;
import org.claimwatch.system.ProblemException;

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

  UiActions(
      Pages pages,
      QueueService queues,
      AssignmentService assignments,
      VerdictService verdicts,
      ClaimCommands claims) {
    this.claims = claims;
    this.pages = pages;
    this.queues = queues;
    this.assignments = assignments;
    this.verdicts = verdicts;
  }

  /** The form must carry the session's CSRF token (compared in constant time). */
  Actor requireCsrf(Authentication auth, HttpRequest<?> request, Map<String, String> form) {
    if (auth == null) {
      throw new SignInRequired(Pages.pageOf(request), form);
    }
    Actor actor = Pages.actor(auth, request);
    Object expected = auth.getAttributes().get(SessionAuthenticationFetcher.CSRF);
    String given = form.get("_csrf");
    if (expected == null
        || given == null
        || !MessageDigest.isEqual(
            expected.toString().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8))) {
      throw new UiRefused(
          HttpStatus.FORBIDDEN,
          "This form is not from your current session (it may have expired): reload the page and"
              + " try again.");
    }
    return actor;
  }

  HttpResponse<?> next(
      String name, Map<String, String> form, Authentication auth, HttpRequest<?> request) {
    Actor actor = checker(auth, request, form);
    return queues
        .next(name, QueueFilter.none(), actor)
        .<HttpResponse<?>>map(c -> HttpResponse.seeOther(URI.create("/ui/claims/" + c.id())))
        .orElseGet(
            () ->
                HttpResponse.seeOther(
                    URI.create("/ui/queue/" + name + "?message=" + encode("Nothing waits here."))));
  }

  HttpResponse<?> take(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = checker(auth, r, form);
    try {
      assignments.take(id, actor);
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return again(id, auth, actor, r, form, e);
    }
  }

  HttpResponse<?> release(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = checker(auth, r, form);
    try {
      assignments.release(id, actor);
      return HttpResponse.seeOther(URI.create("/ui/queue/unreviewed"));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return again(id, auth, actor, r, form, e);
    }
  }

  HttpResponse<?> verdict(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = checker(auth, r, form);
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
    VerdictRequest body =
        new VerdictRequest(blank(form.get("status")), blank(form.get("rationale")), evidence);
    try {
      verdicts.record(id, "\"" + form.getOrDefault("version", "") + "\"", body, actor);
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id + "?recorded=1"));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return again(id, auth, actor, r, form, e);
    }
  }

  /** An editor publishes a proposed verdict. */
  HttpResponse<?> approve(
      long id, long verdictId, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = editor(auth, r, form);
    try {
      verdicts.approve(id, verdictId, "\"" + form.getOrDefault("version", "") + "\"", actor);
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return again(id, auth, actor, r, form, e);
    }
  }

  /** An editor sends a proposed verdict back to its checker, saying why. */
  HttpResponse<?> sendBack(
      long id, long verdictId, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = editor(auth, r, form);
    try {
      verdicts.sendBack(id, verdictId, new ReturnRequest(form.get("reason")), actor);
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return again(id, auth, actor, r, form, e);
    }
  }

  /** Saves the edited fields (a PATCH of the claim, version-checked); the form again if refused. */
  HttpResponse<?> edit(long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = checker(auth, r, form);
    Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    for (String f : Pages.EDITABLE) {
      if (form.containsKey(f)) {
        String v = form.get(f).strip();
        fields.put(f, v.isEmpty() ? JsonNode.nullNode() : JsonNode.createStringNode(v));
      }
    }
    try {
      claims.patch(
          id,
          JsonNode.createObjectNode(fields),
          "\"" + form.getOrDefault("version", "") + "\"",
          actor);
      return HttpResponse.seeOther(URI.create("/ui/claims/" + id));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      Map<String, Object> model = pages.edit(auth, actor, Pages.locale(r), id, form);
      model.put(
          "error",
          e.status() == HttpStatus.PRECONDITION_FAILED
              ? "Someone changed this claim after you opened it, so nothing was saved. Reload the"
                  + " claim and make your change again."
              : e.getMessage());
      model.put("errorFields", e.errors().stream().map(f -> f.field()).toList());
      return HttpResponse.status(e.status()).body(new ModelAndView<>("claim-edit", model));
    }
  }

  /** The claim page again, with why the action was refused and the form as it was sent. */
  /** A claim's page with a form the reviewer had typed before signing in again, not sent yet. */
  MutableHttpResponse<?> resume(
      long id, Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    Actor actor = Actor.of(auth);
    Map<String, Object> model = pages.claim(auth, actor, Pages.locale(r), id, Pages.formOf(form));
    model.put(
        "error",
        "You are signed in again. What you typed is below and was not sent yet: check it and send"
            + " it.");
    model.put("errorFields", List.of());
    return HttpResponse.ok(new ModelAndView<>("claim", model));
  }

  private HttpResponse<?> again(
      long id,
      Authentication auth,
      Actor actor,
      HttpRequest<?> r,
      Map<String, String> form,
      ProblemException e) {
    Locale locale = Pages.locale(r);
    if (e.status() == HttpStatus.NOT_FOUND) {
      return HttpResponse.status(HttpStatus.NOT_FOUND)
          .body(
              new ModelAndView<>("not-found", pages.notFound(auth, actor, locale, e.getMessage())));
    }
    Map<String, Object> model = pages.claim(auth, actor, locale, id, Pages.formOf(form));
    String message =
        e.status() == HttpStatus.PRECONDITION_FAILED
            ? "Someone changed this claim after you opened it, so your verdict was not saved."
                + " Check what changed below; your verdict is still in the form: send it again."
            : e.getMessage();
    model.put("error", message);
    model.put("errorFields", e.errors().stream().map(f -> f.field()).toList());
    return HttpResponse.status(e.status()).body(new ModelAndView<>("claim", model));
  }

  private Actor checker(Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    Actor actor = requireCsrf(auth, r, form);
    if (!actor.has(Role.R_CHECKER)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "Your role can read claims but not review them.");
    }
    return actor;
  }

  private Actor editor(Authentication auth, HttpRequest<?> r, Map<String, String> form) {
    Actor actor = requireCsrf(auth, r, form);
    if (!actor.has(Role.R_EDITOR)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "Only an editor approves or sends back proposals.");
    }
    return actor;
  }

  private static Long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("evidence", "not a fact id: " + s);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
