package org.claimwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives {@code kill -9}: events of claims created just before the crash are delivered
 * after the restart, with the webhook-id they had (if they were on the wire when the process died,
 * they go out again after the send lease ran out).
 */
class WebhookCrashIT {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Map<String, String> ENV =
      Map.of(
          "CLAIMWATCH_WEBHOOKS_ALLOWED_CIDRS", "127.0.0.0/8",
          "CLAIMWATCH_WEBHOOKS_TOTAL_TIMEOUT", "2s");

  @Test
  void events_of_claims_created_just_before_kill_9_are_delivered_after_restart() throws Exception {
    String tag = UUID.randomUUID().toString();
    try (Receiver receiver = new Receiver()) {
      // While the first process lives, the receiver hangs: nothing can be delivered before the
      // kill.
      AtomicBoolean down = new AtomicBoolean(true);
      receiver.answer(
          "/crash",
          q ->
              down.get() ? new Answer(200, Map.of(), "late", Duration.ofSeconds(10)) : Answer.ok());
      ServiceProcess first = ServiceProcess.start("webhook-crash-before", ENV);
      String claimId;
      try {
        HttpResponse<String> sub =
            first.send(
                "POST",
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url("/crash") + "\",\"events\":[\"claim.created\"]}");
        assertEquals(201, sub.statusCode(), sub.body());
        HttpResponse<String> created =
            first.send(
                "POST",
                "/api/v1/claims",
                "{\"statement\":\"Crash test " + tag + "\",\"value\":\"5\",\"unit\":\"USD\"}");
        assertEquals(201, created.statusCode(), created.body());
        claimId = id(created.body());
      } finally {
        first.kill();
      }
      down.set(false);
      int before = receiver.at("/crash").size();

      ServiceProcess second = ServiceProcess.start("webhook-crash-after", ENV);
      try {
        Receiver.await(
            Duration.ofSeconds(60),
            "claim.created of claim " + claimId + " after the restart",
            () -> deliveredAfter(receiver, before, claimId));
        Set<String> ids = new HashSet<>();
        for (Receiver.Request r : receiver.at("/crash")) {
          if (r.body().contains("\"claimId\":" + claimId + ",")) {
            ids.add(r.header("webhook-id"));
          }
        }
        assertEquals(1, ids.size(), "every attempt carries the same webhook-id: " + ids);
      } finally {
        second.kill();
      }
    }
  }

  private static boolean deliveredAfter(Receiver receiver, int before, String claimId) {
    List<Receiver.Request> all = receiver.at("/crash");
    for (Receiver.Request r : all.subList(before, all.size())) {
      if (r.body().contains("\"claimId\":" + claimId + ",")) {
        return true;
      }
    }
    return false;
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    assertTrue(m.find(), json);
    return m.group(1);
  }
}
