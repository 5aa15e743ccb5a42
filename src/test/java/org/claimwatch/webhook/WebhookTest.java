package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of webhook tests: a real receiver on loopback (allowed by the SSRF allow-list, as an
 * on-premise newsroom would configure it), subscriptions that are deleted after each test so later
 * tests do not deliver to them, and helpers to wait for what arrives.
 */
abstract class WebhookTest extends ApiTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  @Inject JsonMapper json;
  final Receiver receiver;
  private final List<Long> subscriptions = new ArrayList<>();

  WebhookTest() {
    try {
      receiver = new Receiver();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.webhooks.allowed-cidrs", "127.0.0.0/8");
    p.put("claimwatch.webhooks.poll-interval", "200ms");
    // Secrets sealed at rest: every delivery these tests verify signed with an opened secret.
    p.put("claimwatch.webhooks.secret-keys", "test-key:" + "S".repeat(43) + "=");
    return p;
  }

  /**
   * Subscribes {@code path} on the receiver to {@code events} (as ADMIN); returns the created view,
   * with its secret. It is deleted after the test.
   */
  SubscriptionView subscribe(String path, List<String> events) {
    return subscribeUrl(receiver.url(path), events, "test " + path);
  }

  /** Subscribes any URL (as ADMIN), deleted after the test. */
  SubscriptionView subscribeUrl(String url, List<String> events, String description) {
    HttpResponse<SubscriptionView> r =
        webhooks.create(ADMIN_TOKEN, new SubscriptionRequest(url, events, description, null));
    assertEquals(HttpStatus.CREATED, r.getStatus());
    subscriptions.add(r.body().id());
    return r.body();
  }

  /** Subscriptions this test made, deleted after it. */
  List<Long> subscriptions() {
    return subscriptions;
  }

  static long id(Map<String, Object> m) {
    return ((Number) m.get("id")).longValue();
  }

  /** The requests at {@code path} whose data names this claim. */
  List<Receiver.Request> about(String path, String type, long claimId) {
    List<Receiver.Request> out = new ArrayList<>();
    for (Receiver.Request r : receiver.at(path)) {
      Map<String, Object> body = parse(r.body());
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) body.get("data");
      Object id = data == null ? null : data.get("claimId");
      if (type.equals(body.get("type")) && id != null && ((Number) id).longValue() == claimId) {
        out.add(r);
      }
    }
    return out;
  }

  /** Waits until {@code n} requests about the claim have arrived at {@code path}. */
  List<Receiver.Request> awaitAbout(String path, String type, long claimId, int n) {
    Receiver.await(
        WAIT, n + " x " + type + " at " + path, () -> about(path, type, claimId).size() >= n);
    return about(path, type, claimId);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> parse(String body) {
    try {
      return json.readValue(body, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  long newClaim() {
    long entity = company("Webhook Co", null);
    return q1RevenueClaim(entity, "100");
  }

  @AfterEach
  void unsubscribe() {
    for (long id : subscriptions) {
      call(io.micronaut.http.HttpRequest.DELETE("/api/v1/webhooks/" + id), ADMIN_TOKEN);
    }
    subscriptions.clear();
  }

  @AfterAll
  void stopReceiver() {
    receiver.close();
  }
}
