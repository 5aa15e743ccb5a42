package org.claimwatch.system;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * A write transaction that is run again when the database picked it as a deadlock victim (it was
 * rolled back whole, so running it again is safe). For changes that touch rows a background job
 * works on at the same time, such as a subscription's deliveries while the dispatcher records them.
 */
@Singleton
public class Transactions {
  private static final int ATTEMPTS = 3;

  private final TransactionOperations<Connection> tx;

  public Transactions(TransactionOperations<Connection> tx) {
    this.tx = tx;
  }

  public <T> T write(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.executeWrite(status -> work.get());
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !Sql.isDeadlock(e)) {
          throw e;
        }
      }
    }
  }
}
