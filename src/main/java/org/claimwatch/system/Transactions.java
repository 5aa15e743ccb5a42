package org.claimwatch.system;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Write transactions that are run again, whole, when they lost a race the database settles by
 * rolling one side back: a deadlock (for changes that touch rows a background job works on at the
 * same time, such as a subscription's deliveries while the dispatcher records them), and, for
 * {@link #writeRacing}, a concurrent insert of the same unique key (idempotent creates: the second
 * run finds the winner's rows). The one way the service retries a transaction; reads and
 * transactions of their own ({@link #writeAlone}) go through here too, so a feature uses one
 * mechanism.
 */
@Singleton
public class Transactions {
  private static final int ATTEMPTS = 3;

  private final TransactionOperations<Connection> tx;

  public Transactions(TransactionOperations<Connection> tx) {
    this.tx = tx;
  }

  /** Runs {@code work} in a read-only transaction (or the caller's). */
  public <T> T read(Supplier<T> work) {
    return tx.executeRead(status -> work.get());
  }

  /**
   * Runs {@code work} in a transaction of its own, committed when it returns even inside another (a
   * job's progress row, to be read while the job runs; its failure, kept when the job is undone).
   */
  public <T> T writeAlone(Supplier<T> work) {
    return tx.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> work.get());
  }

  /** Runs {@code work} in a write transaction, again after a deadlock (up to 3 runs). */
  public <T> T write(Supplier<T> work) {
    return run(work, false);
  }

  /** Like {@link #write}, and run once more when another writer inserted the same key first. */
  public <T> T writeRacing(Supplier<T> work) {
    return run(work, true);
  }

  private <T> T run(Supplier<T> work, boolean duplicateKeys) {
    boolean lostInsertRace = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.executeWrite(status -> work.get());
      } catch (RuntimeException e) {
        boolean again =
            attempt < ATTEMPTS
                && (Sql.isDeadlock(e)
                    || (duplicateKeys && !lostInsertRace && Sql.isDuplicateKey(e)));
        if (!again) {
          throw e;
        }
        lostInsertRace |= Sql.isDuplicateKey(e);
      }
    }
  }
}
