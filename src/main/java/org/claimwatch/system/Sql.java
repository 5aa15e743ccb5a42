package org.claimwatch.system;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/** Helpers for reading database errors the same way on MySQL and MariaDB. */
public final class Sql {
  private static final int ER_DUP_ENTRY = 1062;
  private static final int ER_LOCK_DEADLOCK = 1213;

  private Sql() {}

  /** True when the failure (or any cause) is a unique-key violation. */
  public static boolean isDuplicateKey(Throwable failure) {
    return hasErrorCode(failure, ER_DUP_ENTRY);
  }

  /** True when the failure is a deadlock: the transaction was rolled back and may be retried. */
  public static boolean isDeadlock(Throwable failure) {
    return hasErrorCode(failure, ER_LOCK_DEADLOCK);
  }

  private static boolean hasErrorCode(Throwable failure, int code) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == code) {
        return true;
      }
    }
    return false;
  }

  /** {@code ?,?,...,?}: the placeholders of an {@code IN (...)} list of {@code n} values. */
  public static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /** An instant as the UTC DATETIME value the columns hold (the session time zone is UTC). */
  public static LocalDateTime utc(Instant i) {
    return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** A UTC DATETIME value read back as an instant. */
  public static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Escapes LIKE wildcards so user text matches literally. */
  public static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
