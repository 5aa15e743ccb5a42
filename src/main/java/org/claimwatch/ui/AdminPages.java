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
import java.util.Arrays;
import java.util.List;
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
  private final UiActions actions;
  private final SubscriptionService subscriptions;
  private final DeliveryService deliveries;
  private final TokenService tokens;
  private final PageLanguage language;

  AdminPages(
      UiActions actions,
      SubscriptionService subscriptions,
      DeliveryService deliveries,
      TokenService tokens,
      PageLanguage language) {
    this.language = language;
    this.actions = actions;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.tokens = tokens;
  }

  HttpResponse<?> webhooks(Authentication auth, HttpRequest<?> r, String message) {
    Visit visit = admin(auth, r);
    return HttpResponse.ok(
        new ModelAndView<>(
            "admin-webhooks",
            new AdminWebhooksPage(visit.layout(), subscriptions.list(visit.actor()), message)));
  }

  HttpResponse<?> webhook(long id, Authentication auth, HttpRequest<?> r, String message) {
    Visit visit = admin(auth, r);
    return Pages.orNotFound(
        visit,
        visit.texts().get("error.noSubscription", id),
        () ->
            new ModelAndView<>(
                "admin-webhook",
                new AdminWebhookPage(
                    visit.layout(),
                    subscriptions.get(id, visit.actor()),
                    deliveries.list(id, null, null, 50, visit.actor()).items(),
                    message)));
  }

  /** One of the buttons of a subscription's page: retry, replay, test, enable. */
  HttpResponse<?> act(
      long id, String what, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = actions.requireCsrf(auth, r, form);
    Actor actor = visit.actor();
    requireAdmin(actor);
    String message;
    try {
      message = perform(id, what, form, actor, visit.texts());
    } catch (DateTimeParseException | NumberFormatException e) {
      message = visit.texts().get("notice.giveTime");
    } catch (RuntimeException failure) {
      message = ProblemException.from(failure).getMessage();
    }
    return webhook(id, auth, r, message);
  }

  /** Does what the button says; what the page then tells the admin. */
  private String perform(long id, String what, Map<String, String> form, Actor actor, Texts texts) {
    switch (what) {
      case "retry" -> {
        long delivery = Long.parseLong(form.getOrDefault("delivery", "0"));
        deliveries.retry(id, delivery, actor);
        return texts.get("notice.retried", delivery);
      }
      case "replay" -> {
        Instant since = Instant.parse(form.getOrDefault("since", "").strip());
        DeliveryService.Replayed done = deliveries.replay(id, since, actor);
        return texts.get("notice.replaying", done.requeued() + done.added(), since);
      }
      case "test" -> {
        return texts.get("notice.testQueued", deliveries.test(id, actor).webhookId());
      }
      case "enable" -> {
        subscriptions.patch(id, new SubscriptionRequest(null, null, null, true), actor);
        return texts.get("notice.enabled");
      }
      default -> throw ProblemException.notFound("No action " + what);
    }
  }

  /** The tokens; {@code created} is a token just made, {@code error} why one was not. */
  HttpResponse<?> tokensPage(
      Authentication auth, HttpRequest<?> r, TokenService.CreatedToken created, String error) {
    Visit visit = admin(auth, r);
    return HttpResponse.ok(
        new ModelAndView<>(
            "admin-tokens",
            new AdminTokensPage(visit.layout(), tokens.list(), ROLES, created, error)));
  }

  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

  HttpResponse<?> createToken(Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = actions.requireCsrf(auth, r, form).actor();
    requireAdmin(actor);
    try {
      TokenService.CreatedToken t =
          tokens.create(
              new TokenService.TokenRequest(form.get("name"), form.get("role")), actor.name());
      return tokensPage(auth, r, t, null);
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      return tokensPage(auth, r, null, e.getMessage());
    }
  }

  HttpResponse<?> revokeToken(
      long id, Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Actor actor = actions.requireCsrf(auth, r, form).actor();
    requireAdmin(actor);
    tokens.revoke(id);
    return HttpResponse.seeOther(URI.create("/ui/admin/tokens"));
  }

  private Visit admin(Authentication auth, HttpRequest<?> r) {
    Visit visit = Visit.of(auth, r, language);
    requireAdmin(visit.actor());
    return visit;
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.has(Role.R_ADMIN)) {
      throw new UiRefused(HttpStatus.FORBIDDEN, "error.notAdmin");
    }
  }
}
