package org.claimwatch.system;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many of a costly kind of request run at once in this instance: a caller waits a while for a
 * slot, then is told to come back (503 with Retry-After). Work that holds a connection or a lot of
 * memory or CPU for a long time (imports, extractions) takes a slot, so a burst of it cannot take
 * the pool, the heap or the cores from every other request.
 */
public final class Slots {
  private final Semaphore slots;
  private final Duration wait;
  private final String slug;
  private final String title;
  private final String detail;

  public Slots(int max, Duration wait, String slug, String title, String detail) {
    this.slots = new Semaphore(Math.max(1, max), true);
    this.wait = wait;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
  }

  /** Runs {@code work} in a slot, waiting for one; 503 if none comes free in time. */
  public <T> T run(Supplier<T> work) {
    acquire();
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  /** Waits for a slot; 503 if none comes free in time. Give it back with {@link #release}. */
  public void acquire() {
    try {
      if (slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail, List.of());
  }

  /** A slot if one is free now. */
  public boolean tryAcquire() {
    return slots.tryAcquire();
  }

  public void release() {
    slots.release();
  }
}
