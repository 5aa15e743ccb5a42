package org.claimwatch.webhook;

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
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.junit.jupiter.api.Test;

/** Subscriptions, signing, outbox events and the operations API, against a real receiver. */
@MicronautTest(transactional = false)
class WebhookApiTest extends WebhookTest {
  @jakarta.inject.Inject Dispatcher dispatcher;

  @Test
  void creating_a_subscription_shows_its_secret_once() {
    Map<String, Object> s = subscribe("/once", List.of("claim.*"));
    String secret = (String) s.get("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
    Res read = get("/api/v1/webhooks/" + id(s), ADMIN_TOKEN);
    assertEquals(200, read.status());
    assertFalse(read.json().containsKey("secret"), () -> "secret shown again: " + read);
    assertEquals(List.of("claim.*"), read.json().get("events"));
    assertEquals(true, read.json().get("enabled"));
  }

  @Test
  void a_secret_is_stored_sealed_not_as_issued() throws Exception {
    Map<String, Object> s = subscribe("/sealed", List.of("claim.created"));
    String secret = (String) s.get("secret");
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                org.claimwatch.support.TestDatabase.url(),
                org.claimwatch.support.TestDatabase.user(),
                org.claimwatch.support.TestDatabase.password());
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT secret FROM webhook_subscriptions WHERE id = " + id(s))) {
      rs.next();
      String stored = rs.getString(1);
      assertTrue(stored.startsWith("enc:v1:test-key:"), stored);
      assertFalse(stored.contains(secret.substring(6)), "the secret is not in the row");
    }
  }

  @Test
  void a_delivery_verifies_with_the_official_standard_webhooks_library() throws Exception {
    Map<String, Object> s = subscribe("/signed", List.of("claim.created"));
    long claimId = newClaim();
    Receiver.Request r = awaitAbout("/signed", "claim.created", claimId, 1).get(0);

    Map<String, List<String>> headers = r.headers();
    new Webhook((String) s.get("secret")).verify(r.body(), headers);
    assertEquals("application/json", r.header("content-type"));
    assertTrue(r.header("webhook-id").startsWith("msg_"));
    Map<String, Object> body = parse(r.body());
    assertEquals("claim.created", body.get("type"));
    assertNotNull(body.get("timestamp"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) body.get("data");
    assertEquals("/api/v1/claims/" + claimId, data.get("href"));
    // Signed by another secret, it must not verify: the check is real.
    Webhook other = new Webhook(SubscriptionService.newSecret());
    assertThrows(WebhookVerificationException.class, () -> other.verify(r.body(), headers));
    // Nor with the body changed.
    Webhook mine = new Webhook((String) s.get("secret"));
    assertThrows(WebhookVerificationException.class, () -> mine.verify(r.body() + " ", headers));
  }

  @Test
  void after_rotation_both_secrets_sign_during_the_overlap() throws Exception {
    Map<String, Object> s = subscribe("/rotated", List.of("claim.created"));
    String old = (String) s.get("secret");
    Res rotated = post("/api/v1/webhooks/" + id(s) + "/rotate-secret", Map.of(), ADMIN_TOKEN);
    assertEquals(200, rotated.status(), rotated::toString);
    String fresh = (String) rotated.json().get("secret");
    assertFalse(old.equals(fresh));
    assertNotNull(rotated.json().get("previousSecretExpiresAt"));

    long claimId = newClaim();
    Receiver.Request r = awaitAbout("/rotated", "claim.created", claimId, 1).get(0);
    assertEquals(2, r.header("webhook-signature").split(" ").length, r.header("webhook-signature"));
    assertDoesNotThrow(() -> new Webhook(fresh).verify(r.body(), r.headers()));
    assertDoesNotThrow(() -> new Webhook(old).verify(r.body(), r.headers()));
  }

  @Test
  void each_change_commits_with_its_events() {
    subscribe("/story", List.of("claim.*"));
    long claimId = newClaim();
    awaitAbout("/story", "claim.created", claimId, 1);
    Res read = get("/api/v1/claims/" + claimId, ADMIN_TOKEN);
    Res patched =
        patch(
            "/api/v1/claims/" + claimId,
            Map.of("statement", "Edited " + unique()),
            read.header("etag"),
            ADMIN_TOKEN);
    assertEquals(200, patched.status(), patched::toString);
    awaitAbout("/story", "claim.updated", claimId, 1);
    Res taken = post("/api/v1/claims/" + claimId + "/assignment", Map.of(), ADMIN_TOKEN);
    assertEquals(201, taken.status(), taken::toString);
    Receiver.Request change = awaitAbout("/story", "claim.status_changed", claimId, 1).get(0);
    assertTrue(change.body().contains("IN_REVIEW"), change.body());
    Res verdict =
        call(
            HttpRequest.POST(
                    "/api/v1/claims/" + claimId + "/verdicts",
                    Map.of(
                        "status",
                        "UNVERIFIABLE",
                        "rationale",
                        "No filing covers it.",
                        "evidence",
                        List.of()))
                .header("If-Match", taken.header("etag")),
            ADMIN_TOKEN);
    assertEquals(201, verdict.status(), verdict::toString);
    Receiver.Request published = awaitAbout("/story", "claim.verdict_published", claimId, 1).get(0);
    assertTrue(published.body().contains("No filing covers it."), published.body());
    awaitAbout("/story", "claim.status_changed", claimId, 2);
  }

  @Test
  void a_filing_that_flags_a_claim_announces_the_flag_with_both_numbers() {
    subscribe("/flags", List.of("claim.recheck_flagged", "report.ingested"));
    long entity = company("Flagged Co", null);
    long claimId = q1RevenueClaim(entity, "100");
    Res filed = report(entity, "2024-06-01", "revenue", "120", "2024-01-01", "2024-03-31");
    assertEquals(201, filed.status(), filed::toString);
    Receiver.Request flag = awaitAbout("/flags", "claim.recheck_flagged", claimId, 1).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) parse(flag.body()).get("data");
    assertEquals("NEW_FILING", data.get("reason"));
    assertEquals("CONTRADICTS", data.get("outcome"));
    assertEquals(
        0,
        new java.math.BigDecimal(data.get("claimedValue").toString())
            .compareTo(new java.math.BigDecimal("100")));
    assertEquals(
        0,
        new java.math.BigDecimal(data.get("reportedValue").toString())
            .compareTo(new java.math.BigDecimal("120")));
    Receiver.await(
        WAIT,
        "report.ingested",
        () ->
            receiver.at("/flags").stream()
                .anyMatch(
                    r ->
                        r.body().contains("\"report.ingested\"")
                            && r.body().contains("\"entityId\":" + entity + ",")));
    // The deferred row the flags were announced with is never delivered itself.
    assertTrue(receiver.at("/flags").stream().noneMatch(r -> r.body().contains("deferred:")));
  }

  @Test
  void a_refused_change_writes_no_event() {
    subscribe("/refused", List.of("claim.*"));
    long claimId = newClaim();
    awaitAbout("/refused", "claim.created", claimId, 1);
    Res stale =
        patch(
            "/api/v1/claims/" + claimId,
            Map.of("statement", "Never stored"),
            "\"999\"",
            ADMIN_TOKEN);
    assertEquals(412, stale.status());
    // A later change is delivered, the refused one never was: events follow commits only.
    Res read = get("/api/v1/claims/" + claimId, ADMIN_TOKEN);
    patch(
        "/api/v1/claims/" + claimId,
        Map.of("statement", "Stored"),
        read.header("etag"),
        ADMIN_TOKEN);
    List<Receiver.Request> updates = awaitAbout("/refused", "claim.updated", claimId, 1);
    assertEquals(1, updates.size());
    assertFalse(updates.get(0).body().contains("Never stored"));
  }

  @Test
  void bad_subscriptions_get_400_naming_why() {
    Res ftp =
        post(
            "/api/v1/webhooks",
            Map.of("url", "ftp://example.com/x", "events", List.of("claim.*")),
            ADMIN_TOKEN);
    assertEquals(400, ftp.status());
    assertEquals(List.of("url"), fields(ftp));
    assertTrue(ftp.json().get("detail").toString().contains("http or https"), ftp::toString);

    Res creds =
        post(
            "/api/v1/webhooks",
            Map.of("url", "https://user:pw@example.com/hook", "events", List.of("claim.*")),
            ADMIN_TOKEN);
    assertEquals(400, creds.status());
    assertTrue(creds.json().get("detail").toString().contains("credentials"), creds::toString);

    Res metadata =
        post(
            "/api/v1/webhooks",
            Map.of("url", "http://169.254.169.254/latest/meta-data", "events", List.of("claim.*")),
            ADMIN_TOKEN);
    assertEquals(400, metadata.status());
    assertTrue(metadata.json().get("detail").toString().contains("link-local"), metadata::toString);

    Res internal =
        post(
            "/api/v1/webhooks",
            Map.of("url", "http://10.1.2.3/hook", "events", List.of("claim.*")),
            ADMIN_TOKEN);
    assertEquals(400, internal.status());
    assertTrue(internal.json().get("detail").toString().contains("private"), internal::toString);

    Res mapped =
        post(
            "/api/v1/webhooks",
            Map.of("url", "http://[::ffff:10.1.2.3]/hook", "events", List.of("claim.*")),
            ADMIN_TOKEN);
    assertEquals(400, mapped.status(), mapped::toString);

    Res unknown =
        post(
            "/api/v1/webhooks",
            Map.of("url", receiver.url("/x"), "events", List.of("claim.*", "claim.deleted")),
            ADMIN_TOKEN);
    assertEquals(400, unknown.status());
    assertEquals(List.of("events[1]"), fields(unknown));

    Res none = post("/api/v1/webhooks", Map.of("url", receiver.url("/x")), ADMIN_TOKEN);
    assertEquals(400, none.status());
    assertEquals(List.of("events"), fields(none));
  }

  @Test
  void the_allow_list_is_for_an_admins_subscriptions_only() {
    String integration = token("INTEGRATION");
    Res refused =
        post(
            "/api/v1/webhooks",
            Map.of("url", receiver.url("/inside"), "events", List.of("claim.created")),
            integration);
    assertEquals(400, refused.status(), refused::toString);
    assertEquals(List.of("url"), fields(refused));
    assertTrue(
        refused.json().toString().contains("blocked"),
        "a loopback receiver is internal to an integration: " + refused);
    Res named =
        post(
            "/api/v1/webhooks",
            Map.of("url", "http://localhost:9/hook", "events", List.of("claim.created")),
            integration);
    assertEquals(400, named.status(), named::toString);
    assertTrue(
        !named.json().toString().contains("127.0.0.1"),
        "a name's internal address is not told: " + named);
  }

  @Test
  void an_event_is_read_only_by_an_admin_or_a_subscriber_it_was_delivered_to() {
    Map<String, Object> s = subscribe("/events", List.of("claim.created"));
    long claimId = newClaim();
    Receiver.Request r = awaitAbout("/events", "claim.created", claimId, 1).get(0);
    long eventId = Long.parseLong(r.header("webhook-id").substring("msg_".length()));
    assertEquals(200, get("/api/v1/webhooks/events/" + eventId, ADMIN_TOKEN).status());
    assertEquals(
        404,
        get("/api/v1/webhooks/events/" + eventId, token("INTEGRATION")).status(),
        "another integration cannot read it");
    assertTrue(id(s) > 0);
  }

  @Test
  void an_outbox_row_that_cannot_be_expanded_is_set_aside_and_stops_nothing() throws Exception {
    subscribe("/after-bad", List.of("claim.created"));
    long bad;
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                org.claimwatch.support.TestDatabase.url(),
                org.claimwatch.support.TestDatabase.user(),
                org.claimwatch.support.TestDatabase.password());
        java.sql.PreparedStatement ps =
            db.prepareStatement(
                "INSERT INTO outbox_events (type, data, occurred_at) VALUES (?, '{}', UTC_TIMESTAMP(3))",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, Outbox.DEFERRED + "no-such-expander");
      ps.executeUpdate();
      try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        bad = keys.getLong(1);
      }
      long claimId = newClaim();
      awaitAbout("/after-bad", "claim.created", claimId, 1);
      try (java.sql.ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "SELECT fanned_out, expand_error FROM outbox_events WHERE id = " + bad)) {
        rs.next();
        assertTrue(rs.getBoolean(1), "set aside");
        assertTrue(rs.getString(2).contains("no-such-expander"), rs.getString(2));
      }
    }
  }

  @Test
  void a_disabled_subscription_keeps_its_events_and_its_owner_may_read_them() {
    String mine = token("INTEGRATION");
    Res created =
        post(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "https://93.184.216.34/paused",
                "events",
                List.of("claim.created"),
                "enabled",
                false),
            mine);
    assertEquals(201, created.status(), created::toString);
    long id = id(created.json());
    try {
      newClaim();
      String deliveries = "/api/v1/webhooks/" + id + "/deliveries";
      Receiver.await(WAIT, "a kept delivery", () -> !get(deliveries, mine).items().isEmpty());
      Map<String, Object> d = get(deliveries, mine).items().get(0);
      assertEquals("PAUSED", d.get("status"), "kept for when it is enabled again");
      long eventId = ((Number) d.get("eventId")).longValue();
      assertEquals(200, get("/api/v1/webhooks/events/" + eventId, mine).status());
      assertEquals(404, get("/api/v1/webhooks/events/" + eventId, token("INTEGRATION")).status());
    } finally {
      call(HttpRequest.DELETE("/api/v1/webhooks/" + id), mine);
    }
  }

  @Test
  void integrations_manage_only_their_own_subscriptions() {
    String mine = token("INTEGRATION");
    String theirs = token("INTEGRATION");
    // A public address (documentation range addresses are blocked): nothing is delivered in the
    // test, it only has to pass the guard.
    Res created =
        post(
            "/api/v1/webhooks",
            Map.of("url", "https://93.184.216.34/own", "events", List.of("claim.created")),
            mine);
    assertEquals(201, created.status(), created::toString);
    long id = id(created.json());
    try {
      assertEquals(200, get("/api/v1/webhooks/" + id, mine).status());
      assertEquals(404, get("/api/v1/webhooks/" + id, theirs).status());
      assertTrue(get("/api/v1/webhooks", theirs).list().stream().noneMatch(s -> id(s) == id));
      assertEquals(403, get("/api/v1/webhooks", token("VIEWER")).status());
      assertEquals(403, get("/api/v1/webhooks", token("EDITOR")).status());
    } finally {
      call(HttpRequest.DELETE("/api/v1/webhooks/" + id), mine);
    }
  }

  @Test
  void redirects_are_failures_and_never_followed() {
    receiver.answer(
        "/moved",
        q -> new Answer(302, Map.of("Location", receiver.url("/target")), "", Duration.ZERO));
    Map<String, Object> s = subscribe("/moved", List.of("claim.created"));
    long claimId = newClaim();
    awaitAbout("/moved", "claim.created", claimId, 1);
    Map<String, Object> d =
        awaitDelivery(id(s), claimId, x -> ((List<?>) x.get("attemptLog")).size() >= 1);
    assertEquals("PENDING", d.get("status"));
    assertEquals(302, ((Number) d.get("lastStatusCode")).intValue());
    assertTrue(d.get("lastError").toString().contains("redirects are not followed"), d::toString);
    assertTrue(receiver.at("/target").isEmpty(), "the redirect was followed");
  }

  @Test
  void gone_disables_the_endpoint_and_re_enabling_sends_what_waited() {
    receiver.answer("/gone", q -> Answer.status(410));
    Map<String, Object> s = subscribe("/gone", List.of("claim.created"));
    long first = newClaim();
    awaitAbout("/gone", "claim.created", first, 1);
    Receiver.await(
        WAIT,
        "disabled",
        () ->
            Boolean.FALSE.equals(
                get("/api/v1/webhooks/" + id(s), ADMIN_TOKEN).json().get("enabled")));
    Res off = get("/api/v1/webhooks/" + id(s), ADMIN_TOKEN);
    assertTrue(off.json().get("disabledReason").toString().contains("410"), off::toString);
    long second = newClaim();

    receiver.answer("/gone", q -> Answer.ok());
    Res on = patch("/api/v1/webhooks/" + id(s), Map.of("enabled", true), null, ADMIN_TOKEN);
    assertEquals(200, on.status(), on::toString);
    assertNull(on.json().get("disabledReason"));
    // The delivery that met the 410, and the event that happened while it was disabled (kept
    // for it, paused), both go out now, with no replay.
    awaitAbout("/gone", "claim.created", first, 2);
    awaitAbout("/gone", "claim.created", second, 1);
    // Replayed from just before the second claim: since 2000 it would queue every claim.created
    // the whole test run made (thousands), and the second one's would come last.
    java.time.Instant since =
        java.time.Instant.parse(
                (String) get("/api/v1/claims/" + second, ADMIN_TOKEN).json().get("createdAt"))
            .minusSeconds(1);
    Res replay =
        post(
            "/api/v1/webhooks/" + id(s) + "/replay",
            Map.of("since", since.toString()),
            ADMIN_TOKEN);
    assertEquals(202, replay.status(), replay::toString);
    awaitAbout("/gone", "claim.created", second, 2);
  }

  @Test
  void retry_after_on_429_sets_the_next_attempt() {
    receiver.answer(
        "/busy", q -> new Answer(429, Map.of("Retry-After", "120"), "slow down", Duration.ZERO));
    Map<String, Object> s = subscribe("/busy", List.of("claim.created"));
    long claimId = newClaim();
    Map<String, Object> d =
        awaitDelivery(id(s), claimId, x -> ((List<?>) x.get("attemptLog")).size() >= 1);
    java.time.Instant next = java.time.Instant.parse((String) d.get("nextAttemptAt"));
    @SuppressWarnings("unchecked")
    Map<String, Object> attempt = ((List<Map<String, Object>>) d.get("attemptLog")).get(0);
    java.time.Instant at = java.time.Instant.parse((String) attempt.get("at"));
    long waited = Duration.between(at, next).toSeconds();
    assertTrue(waited >= 119 && waited <= 121, "waits " + waited + " s, not Retry-After's 120");
    assertEquals("slow down", attempt.get("response"));
    assertEquals(429, ((Number) attempt.get("statusCode")).intValue());
  }

  @Test
  void a_hanging_receiver_does_not_hold_up_others() {
    receiver.answer("/hangs", q -> new Answer(200, Map.of(), "late", Duration.ofSeconds(30)));
    subscribe("/hangs", List.of("claim.created"));
    subscribe("/quick", List.of("claim.created"));
    long claimId = newClaim();
    awaitAbout("/hangs", "claim.created", claimId, 1);
    long started = System.nanoTime();
    awaitAbout("/quick", "claim.created", claimId, 1);
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
  }

  @Test
  void receivers_answering_garbage_or_closing_the_connection_do_not_hold_up_others()
      throws Exception {
    try (java.net.ServerSocket garbage = rawServer("HELLO, THIS IS NOT HTTP\r\n\r\n");
        java.net.ServerSocket closing = rawServer(null)) {
      Map<String, Object> g = subscribeUrl("http://127.0.0.1:" + garbage.getLocalPort() + "/hook");
      Map<String, Object> c = subscribeUrl("http://127.0.0.1:" + closing.getLocalPort() + "/hook");
      subscribe("/fine", List.of("claim.created"));
      long claimId = newClaim();
      awaitAbout("/fine", "claim.created", claimId, 1);
      for (Map<String, Object> s : List.of(g, c)) {
        Map<String, Object> d =
            awaitDelivery(id(s), claimId, x -> ((List<?>) x.get("attemptLog")).size() >= 1);
        assertEquals("PENDING", d.get("status"), d::toString);
        assertNull(d.get("lastStatusCode"), d::toString);
        assertNotNull(d.get("lastError"), d::toString);
      }
    }
  }

  @Test
  void an_event_too_big_to_send_goes_as_a_reference_with_a_link() {
    String big = "{\"text\":\"" + "x".repeat(30_000) + "\"}";
    DeliveryStore.Pick p =
        new DeliveryStore.Pick(
            1,
            0,
            77,
            "claim.updated",
            5L,
            big,
            java.time.Instant.parse("2026-11-29T10:00:00Z"),
            1,
            "http://127.0.0.1/",
            "whsec_x",
            null,
            null,
            true);
    String body = dispatcher.body(p);
    assertTrue(body.length() < 20 * 1024, "body of " + body.length() + " bytes");
    Map<String, Object> parsed = parse(body);
    assertEquals("claim.updated", parsed.get("type"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) parsed.get("data");
    assertEquals(true, data.get("truncated"));
    assertTrue(data.get("href").toString().endsWith("/api/v1/webhooks/events/77"), data::toString);
    String small =
        dispatcher.body(
            new DeliveryStore.Pick(
                1,
                0,
                78,
                "claim.updated",
                5L,
                "{\"a\":1}",
                java.time.Instant.parse("2026-11-29T10:00:00Z"),
                1,
                "http://127.0.0.1/",
                "whsec_x",
                null,
                null,
                true));
    assertEquals(
        "{\"type\":\"claim.updated\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"data\":{\"a\":1}}",
        small);
  }

  @Test
  void the_whole_of_an_event_can_be_read_back() {
    subscribe("/whole", List.of("claim.created"));
    long claimId = newClaim();
    Receiver.Request r = awaitAbout("/whole", "claim.created", claimId, 1).get(0);
    String msgId = r.header("webhook-id");
    Res event = get("/api/v1/webhooks/events/" + msgId.substring(4), ADMIN_TOKEN);
    assertEquals(200, event.status(), event::toString);
    assertEquals(msgId, event.json().get("webhookId"));
    assertEquals(parse(r.body()).get("data"), event.json().get("data"));
    assertEquals(
        403, get("/api/v1/webhooks/events/" + msgId.substring(4), token("VIEWER")).status());
  }

  private Map<String, Object> subscribeUrl(String url) {
    Res r =
        post(
            "/api/v1/webhooks",
            Map.of("url", url, "events", List.of("claim.created")),
            ADMIN_TOKEN);
    assertEquals(201, r.status(), r::toString);
    subscriptions().add(id(r.json()));
    return r.json();
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

  @Test
  void test_events_and_manual_retry_reach_the_endpoint_with_the_same_id() {
    Map<String, Object> s = subscribe("/ops", List.of("report.ingested"));
    Res sent = post("/api/v1/webhooks/" + id(s) + "/test", Map.of(), ADMIN_TOKEN);
    assertEquals(202, sent.status(), sent::toString);
    String msgId = (String) sent.json().get("webhookId");
    Receiver.await(WAIT, "test event", () -> receiver.at("/ops").size() >= 1);
    Receiver.Request first = receiver.at("/ops").get(0);
    assertEquals(msgId, first.header("webhook-id"));
    assertEquals("webhook.test", parse(first.body()).get("type"));

    Res log = get("/api/v1/webhooks/" + id(s) + "/deliveries", ADMIN_TOKEN);
    Map<String, Object> d = log.items().get(0);
    assertEquals(msgId, d.get("webhookId"));
    Receiver.await(
        WAIT,
        "delivered",
        () ->
            "DELIVERED"
                .equals(
                    get("/api/v1/webhooks/" + id(s) + "/deliveries/" + id(d), ADMIN_TOKEN)
                        .json()
                        .get("status")));
    Res retried =
        post(
            "/api/v1/webhooks/" + id(s) + "/deliveries/" + id(d) + "/retry", Map.of(), ADMIN_TOKEN);
    assertEquals(202, retried.status(), retried::toString);
    Receiver.await(WAIT, "retried", () -> receiver.at("/ops").size() >= 2);
    assertEquals(msgId, receiver.at("/ops").get(1).header("webhook-id"));
  }

  @Test
  void health_and_prometheus_show_the_dispatcher() {
    Res health = get("/health", ADMIN_TOKEN);
    assertEquals(200, health.status());
    assertTrue(health.json().toString().contains("webhookDispatcher"), health::toString);
    subscribe("/metrics", List.of("claim.created"));
    long claimId = newClaim();
    awaitAbout("/metrics", "claim.created", claimId, 1);
    Receiver.await(
        WAIT,
        "delivered counted",
        () -> {
          String text = prometheus();
          return text.contains("claimwatch_webhooks_deliveries_total{outcome=\"delivered\"}");
        });
    String text = prometheus();
    assertTrue(text.contains("claimwatch_webhooks_queue_depth"), text);
    assertTrue(text.contains("claimwatch_webhooks_oldest_pending_seconds"), text);
    assertTrue(text.contains("claimwatch_webhooks_attempt_latency_seconds"), text);
    assertEquals(401, call(HttpRequest.GET("/prometheus"), null).status());
  }

  private String prometheus() {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_TOKEN), String.class);
  }

  /** Waits until the delivery of the claim's event to the subscription satisfies {@code done}. */
  @SuppressWarnings("unchecked")
  Map<String, Object> awaitDelivery(
      long subscriptionId, long claimId, java.util.function.Predicate<Map<String, Object>> done) {
    Map<String, Object>[] found = new Map[1];
    Receiver.await(
        WAIT,
        "delivery of claim " + claimId,
        () -> {
          for (Map<String, Object> d :
              get("/api/v1/webhooks/" + subscriptionId + "/deliveries", ADMIN_TOKEN).items()) {
            if (done.test(d)) {
              found[0] = d;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }
}
