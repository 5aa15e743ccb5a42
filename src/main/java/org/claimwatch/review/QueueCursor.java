package org.claimwatch.review;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.claimwatch.system.ProblemException;

/**
 * Where a queue page ended, in the queue's own order: (priority, claim id) for queues of claims,
 * (outcome, priority, claim id) for queues of flags. Opaque to clients.
 */
record QueueCursor(String outcome, int priority, long claimId) {

  String encode() {
    String text = (outcome == null ? "" : outcome) + ":" + priority + ":" + claimId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("q:" + text).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's position, or null for the first page; 400 when it is not one of ours. */
  static QueueCursor decode(String cursor, boolean byFlags) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split(":", -1);
      if (parts.length == 4 && parts[0].equals("q") && parts[1].isEmpty() != byFlags) {
        return new QueueCursor(
            parts[1].isEmpty() ? null : parts[1],
            Integer.parseInt(parts[2]),
            Long.parseLong(parts[3]));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ProblemException.invalidField("cursor", "is not a cursor of this queue");
  }
}
