package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.auth.TokenService;
import org.claimwatch.system.ProblemException;
import org.claimwatch.webhook.DeliveryService;
import org.claimwatch.webhook.SubscriptionRequest;
import org.claimwatch.webhook.SubscriptionService;

/**
 * The ADMIN pages: webhook subscriptions with their delivery log and the retry, replay, test and
 * re-enable buttons; API tokens. Everything goes through the services the API uses.
 */
@Singleton
class AdminPages {
  private final Pages pages;
  private final UiActions actions;
  private final SubscriptionService subscriptions;
  private final DeliveryService deliveries;
  private final TokenService tokens;

  AdminPages(
      Pages pages,
      UiActions actions,
      SubscriptionService subscriptions,
      DeliveryService deliveries,
      TokenService tokens) {
    this.pages = pages;
    this.actions = actions;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.tokens = tokens;
  }

  HttpResponse<?> webhooks(Authentication auth, HttpRequest<?> r, String message) {
    Actor actor = admin(auth, r);
    Map<String, Object> m = pages.base(auth, actor, Pages.locale(r));
    m.put("subscriptions", pages.toMaps(subscriptions.list(actor)));
    m.put("message", message);
    return HttpResponse.ok(new ModelAndView<>("admin-webhooks", m));
  }

  HttpResponse<?> webhook(long id, Authentication auth, HttpRequest<?> r, String message) {
    Actor actor = admin(auth, r);
    Map<String, Object> m = pages.base(auth, actor, Pages.locale(r));
    try {
      m.put("sub", pages.toMap(subscriptions.get(id, actor)));
      m.put("deliveries", pages.toMaps(deliveries.list(id, null, null, 50, actor).items()));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      if (e.status() == HttpStatus.NOT_FOUND) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
            .body(
                new ModelAndView<>(
                    "not-found",
                    pages.notFound(
                        auth, actor, Pages.locale(r), "There is no subscription " + id + ".")));
      }
      throw e;
    }
    m.put("message", message);
    return HttpResponse.ok(new ModelAndView<>("admin-webhook", m));
  }

  /** One of the buttons of a subscription's page: retry, replay, test, enable. */
  HttpResponse<?> act(
      long id, String what, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = actions.requireCsrf(auth, r, form);
    requireAdmin(actor);
    String message;
    try {
      switch (what) {
        case "retry" -> {
          deliveries.retry(id, Long.parseLong(form.getOrDefault("delivery", "0")), actor);
          message = "Delivery " + form.get("delivery") + " queued again.";
        }
        case "replay" -> {
          Instant since = Instant.parse(form.getOrDefault("since", "").strip());
          DeliveryService.Replayed done = deliveries.replay(id, since, actor);
          message =
              "Replaying " + (done.requeued() + done.added()) + " events since " + since + ".";
        }
        case "test" ->
            message = "Test event " + deliveries.test(id, actor).webhookId() + " queued.";
        case "enable" -> {
          subscriptions.patch(id, new SubscriptionRequest(null, null, null, true), actor);
          message = "Enabled again; what waited is going out.";
        }
        default -> throw ProblemException.notFound("No action " + what);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      message = "Give the time as 2026-11-28T00:00:00Z.";
    } catch (RuntimeException failure) {
      message = ProblemException.from(failure).getMessage();
    }
    return webhook(id, auth, r, message);
  }

  HttpResponse<?> tokensPage(Authentication auth, HttpRequest<?> r, Map<String, Object> extra) {
    Actor actor = admin(auth, r);
    Map<String, Object> m = pages.base(auth, actor, Pages.locale(r));
    m.put("tokens", pages.toMaps(tokens.list()));
    m.put("roles", java.util.Arrays.stream(Role.values()).map(Role::name).toList());
    m.putAll(extra);
    return HttpResponse.ok(new ModelAndView<>("admin-tokens", m));
  }

  HttpResponse<?> createToken(Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = actions.requireCsrf(auth, r, form);
    requireAdmin(actor);
    try {
      TokenService.CreatedToken t =
          tokens.create(
              new TokenService.TokenRequest(form.get("name"), form.get("role")), actor.name());
      return tokensPage(auth, r, Map.of("created", pages.toMap(t)));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return tokensPage(auth, r, Map.of("error", e.getMessage()));
    }
  }

  HttpResponse<?> revokeToken(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = actions.requireCsrf(auth, r, form);
    requireAdmin(actor);
    tokens.revoke(id);
    return HttpResponse.seeOther(URI.create("/ui/admin/tokens"));
  }

  private static Actor admin(Authentication auth, HttpRequest<?> r) {
    Actor actor = Pages.actor(auth, r);
    requireAdmin(actor);
    return actor;
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.has(Role.R_ADMIN)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "These pages are for administrators.");
    }
  }
}
