package org.claimwatch.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.claimwatch.system.ProblemException;

/**
 * How many imports run at once in this instance ({@code claimwatch.imports.max-concurrent}, 2 by
 * default): each holds a database connection and its document in memory for its whole run, so an
 * unbounded number would take the pool and the heap from every other request.
 */
@Singleton
class ImportSlots {
  /** How long a synchronous import waits for a slot before it is told to come back. */
  private static final long WAIT_SECONDS = 30;

  private final Semaphore slots;

  ImportSlots(@Value("${claimwatch.imports.max-concurrent:2}") int maxConcurrent) {
    this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
  }

  /** Waits for a slot (up to 30 s); 503 if none comes free. Release with {@link #release}. */
  void acquire() {
    try {
      if (slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "imports-busy",
        "Imports busy",
        "Other imports are running; send this one again in a little while, or with"
            + " Prefer: respond-async to have it queued",
        List.of());
  }

  /** A slot if one is free now. */
  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void release() {
    slots.release();
  }
}
