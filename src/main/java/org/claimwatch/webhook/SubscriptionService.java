package org.claimwatch.webhook;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.auth.TokenService;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/**
 * Webhook subscriptions: an ADMIN manages all of them, an INTEGRATION token only its own (others'
 * are 404 to it). URLs pass the SSRF guard when saved, and again at every delivery.
 */
@Singleton
public class SubscriptionService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRepository subscriptions;
  private final DeliveryStore store;
  private final UrlGuard guard;
  private final WebhookConfig config;
  private final Transactions tx;
  private final Dispatcher dispatcher;
  private final OperatorLimits limits;
  private final TokenService tokens;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      DeliveryStore store,
      UrlGuard guard,
      WebhookConfig config,
      Transactions tx,
      Dispatcher dispatcher,
      OperatorLimits limits,
      TokenService tokens,
      Clock clock) {
    this.limits = limits;
    this.tokens = tokens;
    this.tx = tx;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
    this.store = store;
    this.guard = guard;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Seals again, at start, every secret stored as issued or under an older key (key rotation);
   * several instances starting at once write the same secrets, each sealed under the same key.
   */
  @io.micronaut.runtime.event.annotation.EventListener
  void resealAtStartup(io.micronaut.context.event.StartupEvent event) {
    int n =
        tx.write(
            () -> {
              List<Long> stale = store.staleSecrets();
              // read open and written back: the converter seals under the current key
              stale.forEach(id -> subscriptions.findById(id).ifPresent(subscriptions::update));
              return stale.size();
            });
    if (n > 0) {
      LOG.info("Sealed the secrets of {} webhook subscriptions under the current key", n);
    }
  }

  /** Makes a subscription; the answer is the only place its secret appears (and rotate's). */
  @Transactional
  public SubscriptionView create(SubscriptionRequest body, Actor actor) {
    if (body == null) {
      throw ProblemException.invalidField("url", "required");
    }
    // one request of a token at a time past here: two that both counted 24 would make 26
    tokens.lockOwner(actor.name());
    limits.requireRoomFor(subscriptions.countByOwner(actor.name()));
    List<FieldError> errors = new ArrayList<>();
    String url = checkUrl(body.url(), actor, errors);
    String events = checkEvents(body.events(), errors);
    String description = checkDescription(body.description(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    Instant now = clock.instant();
    boolean enabled = body.enabled() == null || body.enabled();
    Subscription saved =
        subscriptions.save(
            new Subscription(
                null,
                url,
                events,
                description,
                enabled,
                enabled ? null : "disabled when created by " + actor.name(),
                actor.name(),
                newSecret(),
                null,
                null,
                null,
                now,
                now,
                1,
                actor.has(Role.R_ADMIN)));
    return SubscriptionView.of(saved, true, now);
  }

  @Transactional
  public List<SubscriptionView> list(Actor actor) {
    Instant now = clock.instant();
    List<Subscription> all =
        actor.has(Role.R_ADMIN)
            ? subscriptions.findAllOrderById()
            : subscriptions.findByOwnerOrderById(actor.name());
    return all.stream().map(s -> SubscriptionView.of(s, false, now)).toList();
  }

  @Transactional
  public SubscriptionView get(long id, Actor actor) {
    return SubscriptionView.of(visible(id, actor), false, clock.instant());
  }

  /**
   * Changes the fields given. {@code enabled: true} on a disabled subscription re-enables it: its
   * parked deliveries go out again; {@code enabled: false} parks them.
   */
  public SubscriptionView patch(long id, SubscriptionRequest body, Actor actor) {
    visible(id, actor);
    // Checked before the row is locked: resolving the URL's host can take seconds, and fan-out
    // waits for a locked subscription.
    List<FieldError> errors = new ArrayList<>();
    String url = body == null || body.url() == null ? null : checkUrl(body.url(), actor, errors);
    String events =
        body == null || body.events() == null ? null : checkEvents(body.events(), errors);
    String description =
        body == null || body.description() == null
            ? null
            : checkDescription(body.description(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    SubscriptionView v =
        tx.write(() -> patchNow(id, body, new Edit(url, events, description), actor));
    // Re-enabled: what waited goes out now, not at the next poll.
    dispatcher.wake();
    return v;
  }

  /** The checked new values of a PATCH (null: unchanged). */
  private record Edit(String url, String events, String description) {}

  private SubscriptionView patchNow(long id, SubscriptionRequest body, Edit edit, Actor actor) {
    Subscription s = locked(id, actor);
    if (body == null) {
      return SubscriptionView.of(s, false, clock.instant());
    }
    Instant now = clock.instant();
    Subscription updated =
        subscriptions.update(
            s.edited(
                edit.url() == null ? s.url() : edit.url(),
                edit.events() == null ? s.events() : edit.events(),
                edit.description() == null ? s.description() : edit.description(),
                edit.url() == null ? s.internal() : actor.has(Role.R_ADMIN),
                now));
    if (body.enabled() != null && body.enabled() != updated.enabled()) {
      if (body.enabled()) {
        updated = reenable(updated, now);
      } else {
        store.disable(id, "disabled by " + actor.name(), now);
        updated = subscriptions.findById(id).orElseThrow();
      }
    }
    return SubscriptionView.of(updated, false, now);
  }

  public void delete(long id, Actor actor) {
    tx.write(
        () -> {
          subscriptions.delete(visible(id, actor));
          return null;
        });
  }

  /**
   * A new secret, returned once; the old one keeps signing alongside it for the configured overlap,
   * so receivers can switch without missing a delivery.
   */
  @Transactional
  public SubscriptionView rotate(long id, Actor actor) {
    Subscription s = locked(id, actor);
    Instant now = clock.instant();
    Subscription rotated =
        subscriptions.update(s.rotated(newSecret(), now.plus(config.secretOverlap()), now));
    return SubscriptionView.of(rotated, true, now);
  }

  /** The subscription if the caller may see it; 404 otherwise (not 403: no probing for ids). */
  @Transactional
  public Subscription visible(long id, Actor actor) {
    return owned(subscriptions.findById(id), id, actor);
  }

  /**
   * {@link #visible}, locked until the transaction ends: a PATCH, a rotation and the dispatcher
   * disabling it take turns, so none writes back what another changed (the old secret, or enabled =
   * 1 over a disable).
   */
  private Subscription locked(long id, Actor actor) {
    return owned(subscriptions.lock(id), id, actor);
  }

  /** The subscription if the caller may see it; 404 otherwise (not 403: no probing for ids). */
  private static Subscription owned(Optional<Subscription> found, long id, Actor actor) {
    return found
        .filter(s -> actor.has(Role.R_ADMIN) || s.owner().equals(actor.name()))
        .orElseThrow(() -> ProblemException.notFound("No webhook subscription " + id));
  }

  private Subscription reenable(Subscription s, Instant now) {
    Subscription on = subscriptions.update(s.reenabled(now));
    store.resume(s.id(), now);
    return on;
  }

  private String checkUrl(String url, Actor actor, List<FieldError> errors) {
    if (url == null || url.isBlank()) {
      errors.add(new FieldError("url", "required"));
      return null;
    }
    if (url.length() > 2048) {
      errors.add(new FieldError("url", "at most 2048 characters"));
      return null;
    }
    try {
      // The allow-list is for an ADMIN's own subscriptions (services inside the network).
      UrlGuard g = actor.has(Role.R_ADMIN) ? guard : guard.withoutAllowList();
      return g.check(url.strip()).toString();
    } catch (UrlGuard.Rejected e) {
      errors.add(new FieldError("url", e.getMessage()));
      return null;
    }
  }

  private static String checkEvents(List<String> events, List<FieldError> errors) {
    if (events == null || events.isEmpty()) {
      errors.add(
          new FieldError(
              "events",
              "name at least one event type, e.g. [\"claim.*\"]; known: " + EventTypes.ALL));
      return null;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      String e = events.get(i) == null ? null : events.get(i).strip();
      String problem = EventTypes.problemWith(e);
      if (problem != null) {
        errors.add(new FieldError("events[" + i + "]", problem));
      } else {
        seen.add(e);
      }
    }
    return String.join(",", seen);
  }

  private static String checkDescription(String description, List<FieldError> errors) {
    if (description != null && description.length() > 500) {
      errors.add(new FieldError("description", "at most 500 characters"));
    }
    return description;
  }

  /** {@code whsec_} and 32 random bytes in base64, as Standard Webhooks secrets look. */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
