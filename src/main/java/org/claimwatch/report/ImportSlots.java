package org.claimwatch.report;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.claimwatch.system.Slots;

/**
 * How many imports run at once in this instance ({@code claimwatch.imports.max-concurrent}, 2 by
 * default): each holds a database connection and its document in memory for its whole run, so an
 * unbounded number would take the pool and the heap from every other request.
 */
@Singleton
class ImportSlots {
  private final Slots slots;

  ImportSlots(@Value("${claimwatch.imports.max-concurrent:2}") int maxConcurrent) {
    this.slots =
        new Slots(
            maxConcurrent,
            Duration.ofSeconds(30),
            "imports-busy",
            "Imports busy",
            "Other imports are running; send this one again in a little while, or with"
                + " Prefer: respond-async to have it queued");
  }

  /** Waits for a slot (up to 30 s); 503 if none comes free. Release with {@link #release}. */
  void acquire() {
    slots.acquire();
  }

  /** A slot if one is free now. */
  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void release() {
    slots.release();
  }
}
