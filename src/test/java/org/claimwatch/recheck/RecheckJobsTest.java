package org.claimwatch.recheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.support.ApiTest;
import org.claimwatch.system.JobLeases;
import org.junit.jupiter.api.Test;

/** The jobs commit their own work: no test transaction around these tests. */
@MicronautTest(transactional = false)
class RecheckJobsTest extends ApiTest {
  @Inject RecheckJobs jobs;
  @Inject JobLeases leases;
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  private Object forecast(String resolvesOn) {
    Map<String, Object> c = new HashMap<>();
    c.put("statement", "forecast " + unique());
    c.put("metric", "ai_spending");
    c.put("value", "60000000000");
    c.put("unit", "USD");
    c.put("kind", "FORECAST");
    c.put("resolvesOn", resolvesOn);
    c.put("statedAt", "2024-07-27");
    Res r = post("/api/v1/claims", c, ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    return r.json().get("id");
  }

  private int flags(Object claimId) {
    return get("/api/v1/rechecks?claimId=" + claimId, ADMIN_TOKEN).items().size();
  }

  @Test
  void a_forecast_whose_day_has_come_is_flagged_once() {
    Object due = forecast("2024-12-31");
    Object notYet = forecast("2999-01-01");
    assertTrue(jobs.flagForecastsDue() >= 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> flag =
        (Map<String, Object>) get("/api/v1/claims/" + due, ADMIN_TOKEN).json().get("openRecheck");
    assertEquals("FORECAST_DUE", flag.get("reason"));
    assertTrue(
        ((String) ((Map<?, ?>) flag.get("comparison")).get("explanation")).contains("2024-12-31"));
    assertEquals(0, flags(notYet));

    jobs.flagForecastsDue();
    assertEquals(1, flags(due));
  }

  @Test
  void only_one_instance_holds_a_job_lease_at_a_time() throws Exception {
    String job = "test-lease-" + unique();
    try (ApplicationContext other =
        ApplicationContext.run(new HashMap<String, Object>(getProperties()), "test")) {
      JobLeases otherLeases = other.getBean(JobLeases.class);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Boolean>> both =
            List.of(
                () -> leases.tryAcquire(job, Duration.ofMinutes(5)),
                () -> otherLeases.tryAcquire(job, Duration.ofMinutes(5)));
        int holders = 0;
        for (Future<Boolean> f : pool.invokeAll(both)) {
          holders += f.get() ? 1 : 0;
        }
        assertEquals(1, holders);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(false, leases.tryAcquire(job, Duration.ofMinutes(5)));
    }
  }

  @Test
  void a_leased_run_holds_the_job_while_it_runs_and_gives_it_back_however_it_ends() {
    String job = "test-run-" + unique();
    List<String> holders = new ArrayList<>();
    assertTrue(leases.runLeased(job, Duration.ZERO, () -> holders.add(holder(job))));
    assertNotNull(holders.get(0), "held while it runs");
    assertNull(holder(job), "given back");
    // A run that fails gives the job back as well.
    assertThrows(
        IllegalStateException.class,
        () ->
            leases.runLeased(
                job,
                Duration.ZERO,
                () -> {
                  throw new IllegalStateException("the work failed");
                }));
    assertNull(holder(job));
    // Until the lease of the last run has passed nobody runs it again, this instance neither.
    assertTrue(leases.runLeased(job, Duration.ofHours(1), () -> {}));
    assertEquals(
        false, leases.runLeased(job, Duration.ofHours(1), () -> fail("ran within the lease")));
  }

  private String holder(String job) {
    return tx.executeRead(
        status ->
            jdbc.prepareStatement(
                "SELECT holder FROM job_leases WHERE name = ?",
                ps -> {
                  ps.setString(1, job);
                  try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), job);
                    return rs.getString(1);
                  }
                }));
  }

  @Test
  void a_stopping_instance_gives_back_the_jobs_it_runs_and_keeps_the_schedule_of_finished_ones()
      throws Exception {
    String running = "test-running-" + unique();
    String finished = "test-finished-" + unique();
    try (ApplicationContext other =
        ApplicationContext.run(new HashMap<String, Object>(getProperties()), "test")) {
      JobLeases otherLeases = other.getBean(JobLeases.class);
      assertTrue(otherLeases.tryAcquire(running, Duration.ofHours(1)));
      assertTrue(otherLeases.tryAcquire(finished, Duration.ofHours(1)));
      otherLeases.done(finished);
      assertEquals(false, leases.tryAcquire(running, Duration.ofHours(1)), "held by the other");
    }
    // The other instance stopped with one run going on: that job is due here at once, not in an
    // hour; the one it had finished keeps its schedule.
    assertTrue(leases.tryAcquire(running, Duration.ofHours(1)));
    assertEquals(false, leases.tryAcquire(finished, Duration.ofHours(1)));
  }

  @Test
  void two_instances_running_the_job_together_flag_each_claim_once() throws Exception {
    List<Object> due = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      due.add(forecast("2025-0" + (1 + i % 9) + "-01"));
    }
    try (ApplicationContext other =
        ApplicationContext.run(new HashMap<String, Object>(getProperties()), "test")) {
      RecheckJobs otherJobs = other.getBean(RecheckJobs.class);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          RecheckJobs j = i % 2 == 0 ? jobs : otherJobs;
          runs.add(j::flagForecastsDue);
        }
        for (Future<Integer> f : pool.invokeAll(runs)) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    for (Object id : due) {
      assertEquals(1, flags(id), "claim " + id);
    }
  }

  @Test
  void a_verdict_older_than_newer_figures_is_flagged_stale() {
    Res entity =
        post(
            "/api/v1/entities",
            Map.of("name", "Stale Co " + unique(), "kind", "COMPANY"),
            ADMIN_TOKEN);
    long entityId = ((Number) entity.json().get("id")).longValue();
    Map<String, Object> c = new HashMap<>();
    c.put("statement", "stale " + unique());
    c.put("entityId", entityId);
    c.put("metric", "revenue");
    c.put("value", "100");
    c.put("unit", "USD");
    c.put("periodStart", "2020-01-01");
    c.put("periodEnd", "2020-12-31");
    c.put("statedAt", "2021-03-01");
    Object claimId = post("/api/v1/claims", c, ADMIN_TOKEN).json().get("id");
    assertEquals(
        201, report(entityId, "2022-02-01", "revenue", "120", "2021-01-01", "2021-12-31").status());
    // Verdicts arrive with the review workflow; until then the test records one directly.
    tx.executeWrite(
        s ->
            jdbc.prepareStatement(
                "UPDATE claims SET last_verdict_at = '2021-06-01 00:00:00' WHERE id = ?",
                ps -> {
                  ps.setLong(1, ((Number) claimId).longValue());
                  return ps.executeUpdate();
                }));
    assertTrue(jobs.flagStale() >= 1);
    List<Map<String, Object>> flags =
        get("/api/v1/rechecks?reason=STALE&claimId=" + claimId, ADMIN_TOKEN).items();
    assertEquals(1, flags.size());
    jobs.flagStale();
    assertEquals(
        1, get("/api/v1/rechecks?reason=STALE&claimId=" + claimId, ADMIN_TOKEN).items().size());
  }
}
