package org.claimwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimwatch.bench.FaultHarness;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A short run of the fault test ({@link FaultHarness}, BENCHMARKS.md "Fault test"): two instances
 * of the packaged jar on the test database, claims, verdicts and an SEC import driven at them while
 * one is killed with SIGKILL and started again; nothing acknowledged is lost or stored twice, every
 * event is delivered and verifies with the Standard Webhooks library.
 */
class FaultIT {
  @Test
  void nothing_acknowledged_is_lost_or_doubled_and_every_event_arrives_signed_under_kill_9()
      throws Exception {
    String jar = System.getProperty("claimwatch.jar");
    FaultHarness.Result r =
        FaultHarness.run(
            "--jdbc-url=" + TestDatabase.url(),
            "--user=" + TestDatabase.user(),
            "--password=" + (TestDatabase.password() == null ? "" : TestDatabase.password()),
            "--jar=" + jar,
            "--instances=2",
            "--clients=3",
            "--seconds=12",
            "--kill-every=4",
            "--batch=5",
            // C1 only: the instances start in about half the time on a busy machine; what is
            // counted does not depend on the JIT.
            "--service-opts=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            "--log-dir=target/fault-it");
    assertTrue(r.passed(), r.summary());
  }
}
