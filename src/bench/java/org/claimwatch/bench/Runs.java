package org.claimwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** How the benchmarks run their steps: sides in alternating order, clients in parallel. */
final class Runs {
  private Runs() {}

  /** A step of a run. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /** What one of several parallel clients does. */
  @FunctionalInterface
  interface Client {
    void run(int client) throws Exception;
  }

  /**
   * Runs both sides of a comparison, {@code a} first when {@code aFirst}: callers alternate it
   * (round by round, entity by entity) so that neither side always runs on a warmer or a busier
   * machine.
   */
  static void alternate(boolean aFirst, Step a, Step b) throws Exception {
    (aFirst ? a : b).run();
    (aFirst ? b : a).run();
  }

  /** The steps in turn, starting at {@code first} (mod their number): rounds take turns first. */
  static void rotate(int first, List<Step> steps) throws Exception {
    for (int k = 0; k < steps.size(); k++) {
      steps.get(Math.floorMod(first + k, steps.size())).run();
    }
  }

  /**
   * Runs {@code n} clients on threads of their own, all let go at once: {@code atStart} runs when
   * every thread is ready, just before they are (e.g. to take readings and set a deadline). Returns
   * when all are done; a client's exception fails the run.
   */
  static void parallel(String name, int n, Step atStart, Client client) throws Exception {
    Throwable[] failures = new Throwable[n];
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      int c = t;
      Thread th =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  client.run(c);
                } catch (Throwable e) {
                  failures[c] = e;
                }
              },
              "bench-" + name + "-" + t);
      th.start();
      threads.add(th);
    }
    ready.await();
    try {
      atStart.run();
    } finally {
      go.countDown();
      for (Thread th : threads) {
        th.join();
      }
    }
    for (Throwable f : failures) {
      if (f != null) {
        throw new IllegalStateException(name + " client failed", f);
      }
    }
  }
}
