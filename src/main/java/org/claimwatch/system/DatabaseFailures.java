package org.claimwatch.system;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.http.HttpStatus;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * What a database failure that no code handled means to the caller, instead of a 500: the database
 * cannot be reached (503, Retry-After), or the request lost a race another request won (a deadlock
 * or lock wait: send it again; a unique key taken at the same moment; a row changed under an
 * optimistic version check).
 */
final class DatabaseFailures {
  /** Seconds a client waits before sending a request again while the database is away. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
  private static final int ER_LOCK_DEADLOCK = 1213;
  private static final int ER_DUP_ENTRY = 1062;

  private DatabaseFailures() {}

  /** The problem to answer with, or null when the failure is not one of these. */
  static ProblemException problem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (unreachable(t)) {
        return new ProblemException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "database-unavailable",
            "Database unavailable",
            "The database cannot be reached just now; the request may or may not have been"
                + " stored. Send it again in a few seconds: a claim sent again with the same"
                + " externalRef is stored once.",
            List.of());
      }
      if (t instanceof io.micronaut.data.exceptions.OptimisticLockException) {
        return ProblemException.staleVersion(
            "Someone else changed this at the same moment; reload it and try again");
      }
      if (t instanceof SQLException sql) {
        int code = sql.getErrorCode();
        if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT) {
          return new ProblemException(
              HttpStatus.CONFLICT,
              "concurrent-change",
              "Concurrent change",
              "Another request changed the same data at the same moment and this one was undone"
                  + " whole; send it again.",
              List.of());
        }
        if (code == ER_DUP_ENTRY) {
          return ProblemException.conflict(
              "Another request stored the same thing at the same moment; look it up, or send"
                  + " this one again");
        }
      }
    }
    return null;
  }

  private static boolean unreachable(Throwable t) {
    // Micronaut's failure to prepare or reset a pooled connection (read-only, auto-commit): when a
    // connection died under a request, this is what reaches us, its SQL cause carrying no state.
    // NoConnectionException is code asking for a connection it never opened: a bug, not an outage.
    if (t instanceof ConnectionException && !(t instanceof NoConnectionException)) {
      return true;
    }
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    // SQLSTATE class 08: connection exception (how drivers report a lost or refused connection).
    return t instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("08");
  }
}
