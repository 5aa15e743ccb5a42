package org.claimwatch.webhook;

import static org.claimwatch.support.Refusal.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.claimwatch.support.Refusal;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscriptions, signing, outbox events and the operations API, against a real receiver. */
@MicronautTest(transactional = false)
class WebhookApiTest extends WebhookTest {
  @Inject Dispatcher dispatcher;

  /** A subscription request for the URL and events, as created by the API (enabled). */
  private static SubscriptionRequest subscription(String url, String... events) {
    return new SubscriptionRequest(url, List.of(events), null, null);
  }

  /** The first request at {@code path} announcing {@code type} about the claim, once it came. */
  private Receiver.Request first(String path, String type, long claimId) {
    return awaitAbout(path, type, claimId, 1).get(0);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> data(Receiver.Request r) {
    return (Map<String, Object>) parse(r.body()).get("data");
  }

  private static java.sql.Connection db() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
  }

  // ---- Secrets and signatures.

  @Test
  void creating_a_subscription_shows_its_secret_once() {
    SubscriptionView s = subscribe("/once", List.of("claim.*"));
    assertTrue(s.secret().startsWith("whsec_"), s.secret());
    assertEquals(32, Base64.getDecoder().decode(s.secret().substring(6)).length);

    Res read = get("/api/v1/webhooks/" + s.id(), ADMIN_TOKEN);

    assertEquals(200, read.status());
    assertFalse(read.json().containsKey("secret"), () -> "secret shown again: " + read);
    assertEquals(List.of("claim.*"), read.json().get("events"));
    assertEquals(true, read.json().get("enabled"));
  }

  @Test
  void a_secret_is_stored_sealed_not_as_issued() throws Exception {
    SubscriptionView s = subscribe("/sealed", List.of("claim.created"));
    try (java.sql.Connection db = db();
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT secret FROM webhook_subscriptions WHERE id = " + s.id())) {
      rs.next();
      String stored = rs.getString(1);
      assertTrue(stored.startsWith("enc:v1:test-key:"), stored);
      assertFalse(stored.contains(s.secret().substring(6)), "the secret is not in the row");
    }
  }

  @Test
  void a_delivery_verifies_with_the_official_standard_webhooks_library() {
    SubscriptionView s = subscribe("/signed", List.of("claim.created"));
    Receiver.Request r = first("/signed", "claim.created", newClaim());
    assertDoesNotThrow(() -> new Webhook(s.secret()).verify(r.body(), r.headers()));
  }

  @Test
  void a_delivery_does_not_verify_with_another_secret_or_a_changed_body() {
    SubscriptionView s = subscribe("/forged", List.of("claim.created"));
    Receiver.Request r = first("/forged", "claim.created", newClaim());
    Webhook other = new Webhook(SubscriptionService.newSecret());
    assertThrows(WebhookVerificationException.class, () -> other.verify(r.body(), r.headers()));
    Webhook mine = new Webhook(s.secret());
    assertThrows(
        WebhookVerificationException.class, () -> mine.verify(r.body() + " ", r.headers()));
  }

  @Test
  void a_delivery_is_json_with_its_id_type_time_and_a_link_to_the_claim() {
    subscribe("/shape", List.of("claim.created"));
    long claimId = newClaim();

    Receiver.Request r = first("/shape", "claim.created", claimId);

    assertEquals("application/json", r.header("content-type"));
    assertTrue(r.header("webhook-id").startsWith("msg_"));
    Map<String, Object> body = parse(r.body());
    assertEquals("claim.created", body.get("type"));
    assertNotNull(body.get("timestamp"));
    assertEquals("/api/v1/claims/" + claimId, data(r).get("href"));
  }

  @Test
  void rotating_gives_a_new_secret_and_keeps_the_old_one_a_while() {
    SubscriptionView s = subscribe("/rotate", List.of("claim.created"));

    HttpResponse<SubscriptionView> rotated = webhooks.rotateSecret(ADMIN_TOKEN, s.id());

    assertEquals(HttpStatus.OK, rotated.getStatus());
    assertNotNull(rotated.body().secret());
    assertFalse(s.secret().equals(rotated.body().secret()));
    assertNotNull(rotated.body().previousSecretExpiresAt());
  }

  @Test
  void after_rotation_both_secrets_sign_during_the_overlap() {
    SubscriptionView s = subscribe("/rotated", List.of("claim.created"));
    String fresh = webhooks.rotateSecret(ADMIN_TOKEN, s.id()).body().secret();

    Receiver.Request r = first("/rotated", "claim.created", newClaim());

    assertEquals(2, r.header("webhook-signature").split(" ").length, r.header("webhook-signature"));
    assertDoesNotThrow(() -> new Webhook(fresh).verify(r.body(), r.headers()));
    assertDoesNotThrow(() -> new Webhook(s.secret()).verify(r.body(), r.headers()));
  }

  // ---- Events follow commits.

  @Test
  void editing_a_claim_announces_it() {
    subscribe("/edited", List.of("claim.*"));
    long claimId = newClaim();
    first("/edited", "claim.created", claimId);

    HttpResponse<ClaimView> patched =
        claims.patch(ADMIN_TOKEN, claimId, "\"1\"", Map.of("statement", "Edited " + unique()));

    assertEquals(HttpStatus.OK, patched.getStatus());
    first("/edited", "claim.updated", claimId);
  }

  @Test
  void taking_a_claim_announces_its_status_change() {
    subscribe("/taken", List.of("claim.*"));
    long claimId = newClaim();

    assertEquals(HttpStatus.CREATED, review.take(ADMIN_TOKEN, claimId).getStatus());

    Receiver.Request change = first("/taken", "claim.status_changed", claimId);
    assertTrue(change.body().contains("IN_REVIEW"), change.body());
  }

  @Test
  void a_verdict_announces_its_publication_and_the_status_change() {
    subscribe("/verdict", List.of("claim.*"));
    long claimId = newClaim();
    String etag = review.take(ADMIN_TOKEN, claimId).header("ETag");
    first("/verdict", "claim.status_changed", claimId);

    VerdictRequest unverifiable =
        new VerdictRequest("UNVERIFIABLE", "No filing covers it.", List.of());
    assertEquals(
        HttpStatus.CREATED, review.record(ADMIN_TOKEN, claimId, etag, unverifiable).getStatus());

    Receiver.Request published = first("/verdict", "claim.verdict_published", claimId);
    assertTrue(published.body().contains("No filing covers it."), published.body());
    awaitAbout("/verdict", "claim.status_changed", claimId, 2);
  }

  @Test
  void a_filing_that_flags_a_claim_announces_the_flag_with_both_numbers() {
    subscribe("/flags", List.of("claim.recheck_flagged"));
    long entity = company("Flagged Co", null);
    long claimId = q1RevenueClaim(entity, "100");

    Res filed = report(entity, "2024-06-01", "revenue", "120", "2024-01-01", "2024-03-31");

    assertEquals(201, filed.status(), filed::toString);
    Map<String, Object> data = data(first("/flags", "claim.recheck_flagged", claimId));
    assertEquals("NEW_FILING", data.get("reason"));
    assertEquals("CONTRADICTS", data.get("outcome"));
    // Decimal strings, as the API writes numbers (not JSON numbers such as 100.000000).
    assertEquals("100", data.get("claimedValue"));
    assertEquals("120", data.get("reportedValue"));
    assertEquals("20.0", data.get("deviationPct"));
  }

  @Test
  void a_filing_announces_its_report_but_never_the_deferred_row_behind_its_flags() {
    subscribe("/ingested", List.of("claim.recheck_flagged", "report.ingested"));
    long entity = company("Flagged Co", null);
    long claimId = q1RevenueClaim(entity, "100");

    report(entity, "2024-06-01", "revenue", "120", "2024-01-01", "2024-03-31");

    first("/ingested", "claim.recheck_flagged", claimId);
    Receiver.await(
        WAIT,
        "report.ingested",
        () ->
            receiver.at("/ingested").stream()
                .anyMatch(
                    r ->
                        r.body().contains("\"report.ingested\"")
                            && r.body().contains("\"entityId\":" + entity + ",")));
    assertTrue(receiver.at("/ingested").stream().noneMatch(r -> r.body().contains("deferred:")));
  }

  @Test
  void a_refused_change_writes_no_event() {
    subscribe("/refused", List.of("claim.*"));
    long claimId = newClaim();
    first("/refused", "claim.created", claimId);
    Refusal stale =
        refused(
            () ->
                claims.patch(ADMIN_TOKEN, claimId, "\"999\"", Map.of("statement", "Never stored")));
    assertEquals(HttpStatus.PRECONDITION_FAILED, stale.status());

    // A later change is delivered, the refused one never was: events follow commits only.
    claims.patch(ADMIN_TOKEN, claimId, "\"1\"", Map.of("statement", "Stored"));

    List<Receiver.Request> updates = awaitAbout("/refused", "claim.updated", claimId, 1);
    assertEquals(1, updates.size());
    assertFalse(updates.get(0).body().contains("Never stored"));
  }

  // ---- Subscriptions refused.

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ftp://example.com/x, http or https",
    "https://user:pw@example.com/hook, credentials",
    "http://169.254.169.254/latest/meta-data, link-local",
    "http://10.1.2.3/hook, private",
  })
  void a_url_that_is_no_public_web_address_is_refused_saying_why(String url, String why) {
    Refusal r = refused(() -> webhooks.create(ADMIN_TOKEN, subscription(url, "claim.*")));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("url"), r.fields());
    assertTrue(r.detail().contains(why), r.body());
  }

  @Test
  void an_ipv4_mapped_private_address_is_refused() {
    Refusal r =
        refused(
            () ->
                webhooks.create(
                    ADMIN_TOKEN, subscription("http://[::ffff:10.1.2.3]/hook", "claim.*")));
    assertEquals(HttpStatus.BAD_REQUEST, r.status(), r.body());
  }

  static Stream<Arguments> badEvents() {
    return Stream.of(
        Arguments.of(List.of("claim.*", "claim.deleted"), "events[1]"),
        Arguments.of(null, "events"));
  }

  @ParameterizedTest(name = "{0} is refused naming {1}")
  @MethodSource("badEvents")
  void events_must_be_known_and_at_least_one(List<String> events, String field) {
    Refusal r =
        refused(
            () ->
                webhooks.create(
                    ADMIN_TOKEN, new SubscriptionRequest(receiver.url("/x"), events, null, null)));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of(field), r.fields());
  }

  @Test
  void an_integration_may_not_subscribe_an_address_inside_the_network() {
    Refusal refused =
        refused(
            () ->
                webhooks.create(
                    token("INTEGRATION"), subscription(receiver.url("/inside"), "claim.created")));
    assertEquals(HttpStatus.BAD_REQUEST, refused.status(), refused.body());
    assertEquals(List.of("url"), refused.fields());
    assertTrue(
        refused.body().contains("blocked"),
        "a loopback receiver is internal to an integration: " + refused.body());
  }

  @Test
  void an_integration_is_not_told_the_internal_address_a_name_stands_for() {
    Refusal named =
        refused(
            () ->
                webhooks.create(
                    token("INTEGRATION"),
                    subscription("http://localhost:9/hook", "claim.created")));
    assertEquals(HttpStatus.BAD_REQUEST, named.status(), named.body());
    assertFalse(
        named.body().contains("127.0.0.1"),
        "a name's internal address is not told: " + named.body());
  }

  // ---- Who sees what.

  @Test
  void an_event_is_read_only_by_an_admin_or_a_subscriber_it_was_delivered_to() {
    assertTrue(subscribe("/events", List.of("claim.created")).id() > 0);
    Receiver.Request r = first("/events", "claim.created", newClaim());
    long eventId = Long.parseLong(r.header("webhook-id").substring("msg_".length()));

    assertEquals(HttpStatus.OK, webhooks.event(ADMIN_TOKEN, eventId).getStatus());
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(() -> webhooks.event(token("INTEGRATION"), eventId)).status(),
        "another integration cannot read it");
  }

  /** A disabled subscription of a new integration to a public address; deleted after the test. */
  private SubscriptionView pausedSubscription(String integration) {
    SubscriptionView s =
        webhooks
            .create(
                integration,
                new SubscriptionRequest(
                    "https://93.184.216.34/paused", List.of("claim.created"), null, false))
            .body();
    subscriptions().add(s.id());
    return s;
  }

  /** The first delivery of the subscription, once the outbox has fanned one out to it. */
  private DeliveryView firstDelivery(String token, long subscriptionId) {
    Receiver.await(
        WAIT,
        "a kept delivery",
        () -> !webhooks.deliveries(token, subscriptionId).body().items().isEmpty());
    return webhooks.deliveries(token, subscriptionId).body().items().get(0);
  }

  @Test
  void a_disabled_subscription_keeps_its_events_paused() {
    String mine = token("INTEGRATION");
    SubscriptionView s = pausedSubscription(mine);
    newClaim();
    assertEquals(
        "PAUSED", firstDelivery(mine, s.id()).status(), "kept for when it is enabled again");
  }

  @Test
  void the_owner_of_a_disabled_subscription_may_read_its_events_others_may_not() {
    String mine = token("INTEGRATION");
    SubscriptionView s = pausedSubscription(mine);
    newClaim();
    long eventId = firstDelivery(mine, s.id()).eventId();

    assertEquals(HttpStatus.OK, webhooks.event(mine, eventId).getStatus());
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(() -> webhooks.event(token("INTEGRATION"), eventId)).status());
  }

  @Test
  void integrations_manage_only_their_own_subscriptions() {
    String mine = token("INTEGRATION");
    String theirs = token("INTEGRATION");
    // A public address (documentation range addresses are blocked): nothing is delivered in the
    // test, it only has to pass the guard.
    HttpResponse<SubscriptionView> created =
        webhooks.create(mine, subscription("https://93.184.216.34/own", "claim.created"));
    assertEquals(HttpStatus.CREATED, created.getStatus());
    long id = created.body().id();
    subscriptions().add(id);

    assertEquals(HttpStatus.OK, webhooks.get(mine, id).getStatus());
    assertEquals(HttpStatus.NOT_FOUND, refused(() -> webhooks.get(theirs, id)).status());
    assertTrue(webhooks.list(theirs).body().stream().noneMatch(s -> s.id() == id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"VIEWER", "EDITOR"})
  void only_admins_and_integrations_list_subscriptions(String role) {
    assertEquals(HttpStatus.FORBIDDEN, refused(() -> webhooks.list(token(role))).status());
  }

  // ---- Receivers that misbehave.

  /** Waits until a delivery of the subscription satisfies {@code done}; returns it. */
  private DeliveryView awaitDelivery(long subscriptionId, Predicate<DeliveryView> done) {
    DeliveryView[] found = new DeliveryView[1];
    Receiver.await(
        WAIT,
        "a delivery of subscription " + subscriptionId,
        () -> {
          for (DeliveryView d : webhooks.deliveries(ADMIN_TOKEN, subscriptionId).body().items()) {
            if (done.test(d)) {
              found[0] = d;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }

  private DeliveryView awaitFirstAttempt(long subscriptionId) {
    return awaitDelivery(subscriptionId, d -> !d.attemptLog().isEmpty());
  }

  @Test
  void redirects_are_failures_and_never_followed() {
    receiver.answer(
        "/moved",
        q -> new Answer(302, Map.of("Location", receiver.url("/target")), "", Duration.ZERO));
    SubscriptionView s = subscribe("/moved", List.of("claim.created"));
    first("/moved", "claim.created", newClaim());

    DeliveryView d = awaitFirstAttempt(s.id());

    assertEquals("PENDING", d.status());
    assertEquals(302, d.lastStatusCode());
    assertTrue(d.lastError().contains("redirects are not followed"), d::toString);
    assertTrue(receiver.at("/target").isEmpty(), "the redirect was followed");
  }

  /** A subscription of /gone, disabled by its 410 to the claim.created of {@code claim}. */
  private record Gone(SubscriptionView subscription, long claim) {}

  private Gone goneAndDisabled() {
    receiver.answer("/gone", q -> Answer.status(410));
    SubscriptionView s = subscribe("/gone", List.of("claim.created"));
    long claim = newClaim();
    first("/gone", "claim.created", claim);
    Receiver.await(WAIT, "disabled", () -> !webhooks.get(ADMIN_TOKEN, s.id()).body().enabled());
    return new Gone(s, claim);
  }

  @Test
  void gone_disables_the_endpoint_naming_the_410() {
    SubscriptionView off = webhooks.get(ADMIN_TOKEN, goneAndDisabled().subscription().id()).body();
    assertTrue(off.disabledReason().contains("410"), off::toString);
  }

  @Test
  void re_enabling_sends_what_waited() {
    Gone gone = goneAndDisabled();
    long second = newClaim();
    receiver.answer("/gone", q -> Answer.ok());

    HttpResponse<SubscriptionView> on =
        webhooks.patch(
            ADMIN_TOKEN, gone.subscription().id(), new SubscriptionRequest(null, null, null, true));

    assertEquals(HttpStatus.OK, on.getStatus());
    assertNull(on.body().disabledReason());
    // The delivery that met the 410, and the event that happened while it was disabled (kept
    // for it, paused), both go out now, with no replay.
    awaitAbout("/gone", "claim.created", gone.claim(), 2);
    awaitAbout("/gone", "claim.created", second, 1);
  }

  @Test
  void a_replay_sends_again_what_happened_since() {
    SubscriptionView s = subscribe("/replayed", List.of("claim.created"));
    long claimId = newClaim();
    first("/replayed", "claim.created", claimId);
    // Replayed from just before the claim: since 2000 it would queue every claim.created the
    // whole test run made (thousands), and this claim's would come last.
    Instant since =
        Instant.parse(claims.get(ADMIN_TOKEN, claimId).body().createdAt()).minusSeconds(1);

    HttpResponse<DeliveryService.Replayed> replay =
        webhooks.replay(ADMIN_TOKEN, s.id(), Map.of("since", since.toString()));

    assertEquals(HttpStatus.ACCEPTED, replay.getStatus());
    awaitAbout("/replayed", "claim.created", claimId, 2);
  }

  @Test
  void retry_after_on_429_sets_the_next_attempt() {
    receiver.answer(
        "/busy", q -> new Answer(429, Map.of("Retry-After", "120"), "slow down", Duration.ZERO));
    SubscriptionView s = subscribe("/busy", List.of("claim.created"));
    newClaim();

    DeliveryView d = awaitFirstAttempt(s.id());

    DeliveryView.Attempt attempt = d.attemptLog().get(0);
    long waited = Duration.between(attempt.at(), d.nextAttemptAt()).toSeconds();
    assertTrue(waited >= 119 && waited <= 121, "waits " + waited + " s, not Retry-After's 120");
    assertEquals("slow down", attempt.response());
    assertEquals(429, attempt.statusCode());
  }

  @Test
  void a_hanging_receiver_does_not_hold_up_others() {
    receiver.answer("/hangs", q -> new Answer(200, Map.of(), "late", Duration.ofSeconds(30)));
    subscribe("/hangs", List.of("claim.created"));
    subscribe("/quick", List.of("claim.created"));
    long claimId = newClaim();
    first("/hangs", "claim.created", claimId);
    long started = System.nanoTime();
    first("/quick", "claim.created", claimId);
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
  }

  @ParameterizedTest(name = "answering {0}")
  @NullSource
  @ValueSource(strings = "HELLO, THIS IS NOT HTTP\r\n\r\n")
  void a_receiver_answering_garbage_or_closing_the_connection_does_not_hold_up_others(String reply)
      throws Exception {
    try (java.net.ServerSocket bad = rawServer(reply)) {
      SubscriptionView s =
          subscribeUrl(
              "http://127.0.0.1:" + bad.getLocalPort() + "/hook", List.of("claim.created"), null);
      subscribe("/fine", List.of("claim.created"));
      long claimId = newClaim();
      first("/fine", "claim.created", claimId);

      DeliveryView d = awaitFirstAttempt(s.id());

      assertEquals("PENDING", d.status(), d::toString);
      assertNull(d.lastStatusCode(), d::toString);
      assertNotNull(d.lastError(), d::toString);
    }
  }

  /** A TCP server that answers every connection with {@code reply} (or nothing) and closes it. */
  private static java.net.ServerSocket rawServer(String reply) throws java.io.IOException {
    java.net.ServerSocket server =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (java.net.Socket s = server.accept()) {
                  s.getInputStream().read(new byte[8192]);
                  if (reply != null) {
                    s.getOutputStream()
                        .write(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                  }
                } catch (java.io.IOException closed) {
                  // server closed, or the client gave up
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return server;
  }

  // ---- Large events.

  /** What the dispatcher picks to send: event {@code eventId}, a claim.updated with this data. */
  private static DeliveryStore.Pick pick(long eventId, String data) {
    return new DeliveryStore.Pick(
        1,
        0,
        eventId,
        "claim.updated",
        5L,
        data,
        Instant.parse("2026-11-29T10:00:00Z"),
        1,
        "http://127.0.0.1/",
        "whsec_x",
        null,
        null,
        true);
  }

  @Test
  void an_event_too_big_to_send_goes_as_a_reference_with_a_link() {
    String big = "{\"text\":\"" + "x".repeat(30_000) + "\"}";

    String body = dispatcher.body(pick(77, big));

    assertTrue(body.length() < 20 * 1024, "body of " + body.length() + " bytes");
    Map<String, Object> parsed = parse(body);
    assertEquals("claim.updated", parsed.get("type"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) parsed.get("data");
    assertEquals(true, data.get("truncated"));
    assertTrue(data.get("href").toString().endsWith("/api/v1/webhooks/events/77"), data::toString);
  }

  @Test
  void a_small_event_goes_whole() {
    assertEquals(
        "{\"type\":\"claim.updated\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"data\":{\"a\":1}}",
        dispatcher.body(pick(78, "{\"a\":1}")));
  }

  @Test
  void the_whole_of_an_event_can_be_read_back() {
    subscribe("/whole", List.of("claim.created"));
    Receiver.Request r = first("/whole", "claim.created", newClaim());
    String msgId = r.header("webhook-id");

    HttpResponse<Map<String, Object>> event =
        webhooks.event(ADMIN_TOKEN, Long.parseLong(msgId.substring(4)));

    assertEquals(HttpStatus.OK, event.getStatus());
    assertEquals(msgId, event.body().get("webhookId"));
    assertEquals(data(r), event.body().get("data"));
  }

  @Test
  void a_viewer_may_not_read_events() {
    subscribe("/viewer", List.of("claim.created"));
    Receiver.Request r = first("/viewer", "claim.created", newClaim());
    long eventId = Long.parseLong(r.header("webhook-id").substring(4));
    assertEquals(
        HttpStatus.FORBIDDEN, refused(() -> webhooks.event(token("VIEWER"), eventId)).status());
  }

  // ---- Operations.

  @Test
  void a_test_event_reaches_the_endpoint() {
    SubscriptionView s = subscribe("/test", List.of("report.ingested"));

    HttpResponse<DeliveryService.TestSent> sent = webhooks.test(ADMIN_TOKEN, s.id());

    assertEquals(HttpStatus.ACCEPTED, sent.getStatus());
    Receiver.await(WAIT, "test event", () -> receiver.at("/test").size() >= 1);
    Receiver.Request first = receiver.at("/test").get(0);
    assertEquals(sent.body().webhookId(), first.header("webhook-id"));
    assertEquals("webhook.test", parse(first.body()).get("type"));
  }

  @Test
  void a_manual_retry_sends_a_delivery_again_with_the_same_id() {
    SubscriptionView s = subscribe("/retry", List.of("report.ingested"));
    String msgId = webhooks.test(ADMIN_TOKEN, s.id()).body().webhookId();
    // The test event reaches the endpoint first; its delivery row exists by then.
    Receiver.await(WAIT, "test event", () -> receiver.at("/retry").size() >= 1);
    DeliveryView d = webhooks.deliveries(ADMIN_TOKEN, s.id()).body().items().get(0);
    assertEquals(msgId, d.webhookId());
    Receiver.await(
        WAIT,
        "delivered",
        () -> "DELIVERED".equals(webhooks.delivery(ADMIN_TOKEN, s.id(), d.id()).body().status()));

    HttpResponse<DeliveryView> retried = webhooks.retry(ADMIN_TOKEN, s.id(), d.id());

    assertEquals(HttpStatus.ACCEPTED, retried.getStatus());
    Receiver.await(WAIT, "retried", () -> receiver.at("/retry").size() >= 2);
    assertEquals(msgId, receiver.at("/retry").get(1).header("webhook-id"));
  }

  @Test
  void health_shows_the_dispatcher() {
    Res health = get("/health", ADMIN_TOKEN);
    assertEquals(200, health.status());
    assertTrue(health.json().toString().contains("webhookDispatcher"), health::toString);
  }

  @Test
  void prometheus_counts_deliveries_and_shows_the_queue() {
    subscribe("/metrics", List.of("claim.created"));
    first("/metrics", "claim.created", newClaim());
    Receiver.await(WAIT, "delivered counted", () -> delivered(prometheus()) >= 1);
    String text = prometheus();
    assertTrue(text.contains("claimwatch_webhooks_queue_depth"), text);
    assertTrue(text.contains("claimwatch_webhooks_oldest_pending_seconds"), text);
    assertTrue(text.contains("claimwatch_webhooks_attempt_latency_seconds"), text);
  }

  @Test
  void prometheus_needs_a_token() {
    assertEquals(401, call(HttpRequest.GET("/prometheus"), null).status());
  }

  /** The delivered counter's value (its series exists from the start, at 0). */
  private static double delivered(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^claimwatch_webhooks_deliveries_total\\{outcome=\"delivered\"\\} (\\S+)$")
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private String prometheus() {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_TOKEN), String.class);
  }
}
