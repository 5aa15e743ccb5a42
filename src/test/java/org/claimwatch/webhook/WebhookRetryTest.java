package org.claimwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.claimwatch.support.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * Retries, backoff, giving up and disabling, with time moved by the injected clock (never by
 * sleeping): the dispatcher is woken after each move instead of waiting for its poll.
 */
@MicronautTest(transactional = false)
class WebhookRetryTest extends WebhookTest {
  private static final List<Duration> SCHEDULE =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(14),
          Duration.ofHours(20),
          Duration.ofHours(24));

  @Inject SettableClock clock;
  @Inject Dispatcher dispatcher;
  @Inject Retention retention;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.test.settable-clock", "true");
    // Only the test moves time: no polling between moves.
    p.put("claimwatch.webhooks.poll-interval", "1h");
    return p;
  }

  @Test
  void fails_twice_then_delivered_on_the_third_attempt_with_the_same_id() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    receiver.answer("/flaky", q -> calls.incrementAndGet() <= 2 ? Answer.status(500) : Answer.ok());
    SubscriptionView s = subscribe("/flaky", List.of("claim.created"));
    long sub = s.id();
    long claimId = newClaim();
    Map<String, Object> d = awaitAttempts(sub, 1);
    assertEquals("PENDING", d.get("status"));

    moveTo(d);
    d = awaitAttempts(sub, 2);
    moveTo(d);
    d = awaitAttempts(sub, 3);
    assertEquals("DELIVERED", d.get("status"));

    List<Receiver.Request> got = about("/flaky", "claim.created", claimId);
    assertEquals(3, got.size());
    String msgId = (String) d.get("webhookId");
    for (Receiver.Request r : got) {
      assertEquals(msgId, r.header("webhook-id"));
      // The signature is the official library's over this id, timestamp and body.
      String expected =
          new Webhook(s.secret())
              .sign(msgId, Long.parseLong(r.header("webhook-timestamp")), r.body());
      assertEquals(expected, r.header("webhook-signature"));
    }
    List<Map<String, Object>> log = attempts(d);
    assertEquals(List.of(500, 500, 200), log.stream().map(a -> code(a)).toList());
    assertGap(log, 0, SCHEDULE.get(0));
    assertGap(log, 1, SCHEDULE.get(1));
    assertTrue(log.get(2).get("response").equals("ok"));
  }

  @Test
  void gives_up_when_the_schedule_is_used_up() {
    receiver.answer("/down", q -> Answer.status(503));
    long sub = subscribe("/down", List.of("claim.created")).id();
    newClaim();
    Map<String, Object> d = awaitAttempts(sub, 1);
    for (int attempt = 2; attempt <= SCHEDULE.size() + 1; attempt++) {
      moveTo(d);
      d = awaitAttempts(sub, attempt);
    }
    assertEquals("FAILED", d.get("status"), d::toString);
    List<Map<String, Object>> log = attempts(d);
    assertEquals(SCHEDULE.size() + 1, log.size());
    for (int i = 0; i < SCHEDULE.size(); i++) {
      assertGap(log, i, SCHEDULE.get(i));
    }
    Duration total = Duration.between(at(log.get(0)), at(log.get(log.size() - 1)));
    assertTrue(total.toHours() >= 60 && total.toHours() <= 110, "retried for " + total);
  }

  @Test
  void an_endpoint_failing_for_five_days_is_disabled_with_the_reason() {
    receiver.answer("/broken", q -> Answer.status(500));
    long sub = subscribe("/broken", List.of("claim.created")).id();
    newClaim();
    awaitAttempts(sub, 1);
    clock.advance(Duration.ofDays(5).plusMinutes(1));
    newClaim();
    Receiver.await(
        WAIT,
        "disabled",
        () ->
            Boolean.FALSE.equals(
                get("/api/v1/webhooks/" + sub, ADMIN_TOKEN).json().get("enabled")));
    String reason =
        (String) get("/api/v1/webhooks/" + sub, ADMIN_TOKEN).json().get("disabledReason");
    assertTrue(reason.contains("failed since"), reason);
  }

  @Test
  void a_receiver_down_for_a_day_loses_nothing_and_can_replay_what_it_missed() {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    receiver.answer("/outage", q -> down.get() ? Answer.status(503) : Answer.ok());
    long sub = subscribe("/outage", List.of("claim.created")).id();
    Instant outageStarts = clock.instant();
    List<Long> claims = new java.util.ArrayList<>();
    for (int hour = 0; hour < 24; hour += 8) {
      long claimId = newClaim();
      claims.add(claimId);
      awaitAbout("/outage", "claim.created", claimId, 1);
      awaitRecorded(sub, "/outage");
      clock.advance(Duration.ofHours(8));
      dispatcher.wake();
    }
    // A day later the receiver is back; the retries (5 s, 5 min, ... 10 h) find it. Each look
    // moves the clock an hour on and wakes the dispatcher, so a retry that was in flight while the
    // receiver came back (and failed) comes due again too: the test waits on deliveries, not on
    // the wall clock.
    // (At most 12 hours on: the longest wait after four failures is 5 h + 20%, and the endpoint
    // must not reach the 5 days of failure that disable it.)
    down.set(false);
    Instant back = clock.instant();
    Receiver.await(
        WAIT,
        "every claim delivered",
        () -> {
          if (delivered(sub) == claims.size()) {
            return true;
          }
          if (clock.instant().isBefore(back.plus(Duration.ofHours(12)))) {
            clock.advance(Duration.ofHours(1));
          }
          dispatcher.wake();
          return false;
        });
    assertEquals(claims.size(), delivered(sub));
    for (long claimId : claims) {
      List<Receiver.Request> got = about("/outage", "claim.created", claimId);
      assertTrue(got.size() >= 2, "claim " + claimId + " was tried " + got.size() + " times");
      assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
    }

    // Replay: everything since the outage began comes again, with the ids it had.
    Map<String, String> firstIds = new HashMap<>();
    for (long claimId : claims) {
      firstIds.put(
          Long.toString(claimId),
          about("/outage", "claim.created", claimId).get(0).header("webhook-id"));
    }
    int seen = receiver.at("/outage").size();
    Res replay =
        post(
            "/api/v1/webhooks/" + sub + "/replay",
            Map.of("since", outageStarts.toString()),
            ADMIN_TOKEN);
    assertEquals(202, replay.status(), replay::toString);
    assertEquals(claims.size(), ((Number) replay.json().get("requeued")).intValue());
    Receiver.await(WAIT, "replayed", () -> receiver.at("/outage").size() >= seen + claims.size());
    for (long claimId : claims) {
      List<Receiver.Request> got = about("/outage", "claim.created", claimId);
      assertEquals(
          firstIds.get(Long.toString(claimId)), got.get(got.size() - 1).header("webhook-id"));
    }
  }

  @Test
  void old_finished_deliveries_and_their_events_are_removed_and_waiting_ones_kept() {
    receiver.answer("/stuck", q -> Answer.status(503));
    long done = subscribe("/done", List.of("claim.created")).id();
    long stuck = subscribe("/stuck", List.of("claim.created")).id();
    long claimId = newClaim();
    String msgId = awaitAbout("/done", "claim.created", claimId, 1).get(0).header("webhook-id");
    awaitAbout("/stuck", "claim.created", claimId, 1);
    Receiver.await(
        WAIT,
        "the delivery recorded",
        () ->
            "DELIVERED"
                .equals(
                    get("/api/v1/webhooks/" + done + "/deliveries", ADMIN_TOKEN)
                        .items()
                        .get(0)
                        .get("status")));
    String event = "/api/v1/webhooks/events/" + msgId.substring("msg_".length());

    clock.advance(Duration.ofDays(31));
    retention.purgeAll();
    assertTrue(get("/api/v1/webhooks/" + done + "/deliveries", ADMIN_TOKEN).items().isEmpty());
    assertEquals(1, get("/api/v1/webhooks/" + stuck + "/deliveries", ADMIN_TOKEN).items().size());
    assertEquals(200, get(event, ADMIN_TOKEN).status(), "a waiting delivery keeps its event");

    call(io.micronaut.http.HttpRequest.DELETE("/api/v1/webhooks/" + stuck), ADMIN_TOKEN);
    retention.purgeAll();
    assertEquals(404, get(event, ADMIN_TOKEN).status());
  }

  private int delivered(long sub) {
    return get("/api/v1/webhooks/" + sub + "/deliveries?status=DELIVERED", ADMIN_TOKEN)
        .items()
        .size();
  }

  /**
   * Waits until every request the receiver got at {@code path} is recorded as an attempt, so the
   * deliveries' next attempt times are the ones the dispatcher settled on (a request seen by the
   * receiver is recorded a moment later, after its answer is read).
   */
  private void awaitRecorded(long sub, String path) {
    Receiver.await(
        WAIT,
        "the attempts recorded",
        () ->
            get("/api/v1/webhooks/" + sub + "/deliveries", ADMIN_TOKEN).items().stream()
                    .mapToInt(d -> ((Number) d.get("attempts")).intValue())
                    .sum()
                == receiver.at(path).size());
  }

  private void moveTo(Map<String, Object> d) {
    clock.set(Instant.parse((String) d.get("nextAttemptAt")));
    dispatcher.wake();
  }

  /** Waits until the subscription's only delivery has made {@code n} attempts. */
  private Map<String, Object> awaitAttempts(long sub, int n) {
    @SuppressWarnings("unchecked")
    Map<String, Object>[] found = new Map[1];
    Receiver.await(
        WAIT,
        n + " attempts",
        () -> {
          List<Map<String, Object>> items =
              get("/api/v1/webhooks/" + sub + "/deliveries", ADMIN_TOKEN).items();
          if (items.size() == 1 && ((Number) items.get(0).get("attempts")).intValue() >= n) {
            found[0] = items.get(0);
            return true;
          }
          dispatcher.wake();
          return false;
        });
    return found[0];
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attempts(Map<String, Object> d) {
    return (List<Map<String, Object>>) d.get("attemptLog");
  }

  private static int code(Map<String, Object> attempt) {
    return ((Number) attempt.get("statusCode")).intValue();
  }

  private static Instant at(Map<String, Object> attempt) {
    return Instant.parse((String) attempt.get("at"));
  }

  /** The wait after attempt {@code i} is the schedule's, give or take the 20% jitter. */
  private static void assertGap(List<Map<String, Object>> log, int i, Duration planned) {
    Duration gap = Duration.between(at(log.get(i)), at(log.get(i + 1)));
    long ms = gap.toMillis();
    long p = planned.toMillis();
    assertTrue(
        ms >= p * 0.8 - 1000 && ms <= p * 1.2 + 1000,
        "wait after attempt " + (i + 1) + " was " + gap + ", planned " + planned + " +-20%");
  }
}
