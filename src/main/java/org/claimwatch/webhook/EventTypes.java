package org.claimwatch.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event types newsroom tools can subscribe to, and the patterns a subscription may name: an
 * exact type, or a family ({@code claim.*}).
 */
public final class EventTypes {
  public static final String CLAIM_CREATED = "claim.created";
  public static final String CLAIM_UPDATED = "claim.updated";
  public static final String CLAIM_STATUS_CHANGED = "claim.status_changed";
  public static final String CLAIM_RECHECK_FLAGGED = "claim.recheck_flagged";
  public static final String CLAIM_VERDICT_PUBLISHED = "claim.verdict_published";
  public static final String REPORT_INGESTED = "report.ingested";
  public static final String WEBHOOK_TEST = "webhook.test";

  public static final List<String> ALL =
      List.of(
          CLAIM_CREATED,
          CLAIM_UPDATED,
          CLAIM_STATUS_CHANGED,
          CLAIM_RECHECK_FLAGGED,
          CLAIM_VERDICT_PUBLISHED,
          REPORT_INGESTED,
          WEBHOOK_TEST);

  private static final Set<String> FAMILIES = Set.of("claim.*", "report.*", "webhook.*");

  private EventTypes() {}

  /** Null when the pattern is fine, else why not. */
  static String problemWith(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return "an event type must not be empty";
    }
    if (ALL.contains(pattern) || FAMILIES.contains(pattern)) {
      return null;
    }
    List<String> known = new ArrayList<>(ALL);
    known.addAll(FAMILIES);
    return "unknown event type '" + pattern + "'; known: " + String.join(", ", known);
  }

  static boolean matches(List<String> patterns, String type) {
    for (String p : patterns) {
      if (p.equals(type) || (p.endsWith(".*") && type.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
