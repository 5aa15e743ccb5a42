package org.claimwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.support.Receiver;
import org.claimwatch.support.Receiver.Answer;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops the packaged service gracefully (issue 15): readiness goes DOWN while liveness
 * stays UP and the service still answers; then the listener closes, the request in flight finishes
 * with its normal answer and its change is stored, the webhook delivery answered during the grace
 * period is recorded, the one never answered is handed back (due now, not leased, no attempt
 * counted), the jobs it ran hold no lease, and the process exits with 143 as for any SIGTERM.
 *
 * <p>Nothing here waits for wall-clock time: a row lock held by the test keeps a PATCH in flight,
 * and a receiver that answers only when released keeps deliveries on the wire.
 */
class GracefulShutdownIT {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final List<String> JOBS =
      List.of("forecasts-due", "stale-verdicts", "webhook-retention");
  private static final Map<String, String> ENV =
      Map.of(
          "CLAIMWATCH_WEBHOOKS_ALLOWED_CIDRS", "127.0.0.0/8",
          // an unanswered delivery stays on the wire past the grace period
          "CLAIMWATCH_WEBHOOKS_TOTAL_TIMEOUT", "120s",
          // long enough to see readiness DOWN on a busy machine; the test's second SIGTERM ends it
          "CLAIMWATCH_SHUTDOWN_DRAIN", "120s",
          "CLAIMWATCH_SHUTDOWN_GRACE_PERIOD", "8s",
          // the scheduled jobs run (and take their leases) as soon as the service starts
          "CLAIMWATCH_RECHECKS_INITIAL_DELAY", "0s");

  @Test
  void sigterm_drains_finishes_what_is_in_flight_and_leaves_nothing_leased() throws Exception {
    String tag = UUID.randomUUID().toString();
    CountDownLatch answer = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    try (Receiver receiver = new Receiver();
        Connection db = db();
        Connection lock = db()) {
      receiver.answer("/answered-" + tag, q -> waitFor(answer));
      receiver.answer("/unanswered-" + tag, q -> waitFor(never));
      // So that this instance runs the jobs (and takes their leases) at start.
      update(
          db,
          "UPDATE job_leases SET holder = NULL, lease_until = '2000-01-01', last_run_at = NULL"
              + " WHERE name IN ('forecasts-due', 'stale-verdicts', 'webhook-retention')");
      ServiceProcess service = ServiceProcess.start("graceful-shutdown", ENV);
      List<String> subscriptions = new ArrayList<>();
      try {
        String answered = subscribe(service, receiver.url("/answered-" + tag));
        subscriptions.add(answered);
        String unanswered = subscribe(service, receiver.url("/unanswered-" + tag));
        subscriptions.add(unanswered);
        HttpResponse<String> created =
            service.send(
                "POST",
                "/api/v1/claims",
                "{\"statement\":\"Shutdown test " + tag + "\",\"value\":\"5\",\"unit\":\"USD\"}");
        assertEquals(201, created.statusCode(), created.body());
        String claim = id(created.body());
        String event = "\"claimId\":" + claim + ",";
        Receiver.await(
            WAIT,
            "claim.created on the wire to both receivers",
            () ->
                has(receiver, "/answered-" + tag, event)
                    && has(receiver, "/unanswered-" + tag, event));
        Receiver.await(WAIT, "the jobs run at start", () -> jobsRun(db) == JOBS.size());

        // A PATCH that waits for the test's row lock: in flight until the test lets it go.
        lock.setAutoCommit(false);
        query(lock, "SELECT id FROM claims WHERE id = " + claim + " FOR UPDATE");
        CompletableFuture<HttpResponse<String>> patch =
            service.sendAsync(
                "PATCH",
                "/api/v1/claims/" + claim,
                "{\"value\":\"6\"}",
                Map.of("If-Match", "\"1\"", "Content-Type", "application/merge-patch+json"));
        try {
          Receiver.await(
              WAIT,
              "the PATCH waiting for the row lock",
              () -> {
                if (patch.isDone()) {
                  throw new AssertionError("the PATCH did not wait: " + patch.join().body());
                }
                return lockWaits(db) > 0;
              });
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + diagnosis(db, service), e);
        }

        service.terminate();
        Receiver.await(WAIT, "readiness DOWN", () -> status(service, "/health/readiness") == 503);
        assertEquals(200, status(service, "/health/liveness"), "liveness stays UP");
        assertFalse(patch.isDone(), "the PATCH is still in flight");

        service.terminate(); // a second SIGTERM ends the drain
        Receiver.await(WAIT, "the listener closed", () -> !service.accepting());
        assertFalse(patch.isDone(), "the PATCH is still in flight after the listener closed");

        lock.rollback();
        answer.countDown();
        HttpResponse<String> patched = patch.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(patched.body().contains("\"value\":\"6\""), patched.body());

        assertEquals(143, service.awaitExit(WAIT), "the exit code of a SIGTERM");
        never.countDown();

        assertEquals(
            List.of("6.000000", "2"),
            row(db, "SELECT value, version FROM claims WHERE id = " + claim),
            "the PATCH answered during the shutdown is stored");
        String delivery =
            // due_at: a taken delivery's lease runs to twice the total timeout (4 minutes) ahead
            "SELECT d.status, d.attempts, d.picked_by IS NULL,"
                + " (SELECT COUNT(*) FROM webhook_attempts a WHERE a.delivery_id = d.id),"
                + " d.due_at <= UTC_TIMESTAMP(3)"
                + " FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id"
                + " WHERE e.type = 'claim.created' AND e.subject_id = "
                + claim
                + " AND d.subscription_id = ";
        assertEquals(
            List.of("DELIVERED", "1", "1", "1"),
            row(db, delivery + answered).subList(0, 4),
            "answered during the grace period: recorded as delivered");
        assertEquals(
            List.of("PENDING", "0", "1", "0", "1"),
            row(db, delivery + unanswered),
            "never answered: handed back, due now, not leased, no attempt counted");
        String mine = service.pid() + "@%";
        assertEquals(
            List.of("0"),
            row(db, "SELECT COUNT(*) FROM job_leases WHERE holder LIKE '" + mine + "'"),
            "no job lease is held by the stopped instance");
      } finally {
        answer.countDown();
        never.countDown();
        if (!lock.getAutoCommit()) {
          lock.rollback();
        }
        service.kill(); // only if it is still running: a failed test leaves nothing behind
        // Its receiver is gone: later tests' events must not wait on deliveries to it.
        for (String sub : subscriptions) {
          update(
              db,
              "UPDATE webhook_subscriptions SET enabled = 0,"
                  + " disabled_reason = 'GracefulShutdownIT: its receiver is gone' WHERE id = "
                  + sub);
        }
      }
    }
  }

  private static Answer waitFor(CountDownLatch latch) {
    try {
      latch.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Answer.ok();
  }

  private static String subscribe(ServiceProcess service, String url) throws Exception {
    HttpResponse<String> r =
        service.send(
            "POST", "/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"claim.created\"]}");
    assertEquals(201, r.statusCode(), r.body());
    return id(r.body());
  }

  private static boolean has(Receiver receiver, String path, String text) {
    return receiver.at(path).stream().anyMatch(r -> r.body().contains(text));
  }

  private static int status(ServiceProcess service, String path) {
    try {
      return service.send("GET", path, null).statusCode();
    } catch (IOException e) {
      throw new AssertionError("the service no longer answers " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static int jobsRun(Connection db) {
    return Integer.parseInt(
        row(
                db,
                "SELECT COUNT(*) FROM job_leases WHERE last_run_at IS NOT NULL AND name IN"
                    + " ('forecasts-due', 'stale-verdicts', 'webhook-retention')")
            .get(0));
  }

  /**
   * The service's UPDATE of a claim running, that is waiting for the test's row lock (nothing else
   * updates claims here). Read from the process list: MariaDB's INNODB_TRX does not always list a
   * transaction that waits.
   */
  private static int lockWaits(Connection db) {
    return Integer.parseInt(
        row(
                db,
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE COMMAND = 'Query' AND INFO LIKE 'UPDATE claims SET %'")
            .get(0));
  }

  /** What the database and the service's threads were doing, for a failure message. */
  private static String diagnosis(Connection db, ServiceProcess service) {
    StringBuilder out = new StringBuilder("database sessions:\n");
    try (PreparedStatement ps =
            db.prepareStatement(
                "SELECT p.ID, p.COMMAND, p.STATE, LEFT(p.INFO, 200), t.trx_state"
                    + " FROM information_schema.PROCESSLIST p LEFT JOIN"
                    + " information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        for (int i = 1; i <= 5; i++) {
          out.append(rs.getString(i)).append(i < 5 ? " | " : "\n");
        }
      }
    } catch (SQLException e) {
      out.append(e).append('\n');
    }
    try {
      Process jcmd =
          new ProcessBuilder(
                  java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(service.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .start();
      out.append(new String(jcmd.getInputStream().readAllBytes()));
    } catch (IOException e) {
      out.append(e);
    }
    return out.toString();
  }

  private static Connection db() throws SQLException {
    return DriverManager.getConnection(
        TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
  }

  private static void update(Connection db, String sql) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  private static void query(Connection db, String sql) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next(), sql);
    }
  }

  /** The first row of a query, each column as text. */
  private static List<String> row(Connection db, String sql) {
    try (PreparedStatement ps = db.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next(), "no row: " + sql);
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getString(i));
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    assertTrue(m.find(), json);
    return m.group(1);
  }
}
