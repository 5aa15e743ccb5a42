package org.claimwatch.claim;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A claim's history as the API shows it: its own entries and its re-check flags, merged by the
 * claim version each flag was raised at (flags are not copied into history: that would double the
 * cost of flagging 100,000 claims).
 */
@Singleton
public class ClaimHistoryReader {
  private final ClaimLookup lookup;
  private final ClaimHistoryRepository history;
  private final OpenRechecks openRechecks;
  private final JsonMapper json;

  ClaimHistoryReader(
      ClaimLookup lookup,
      ClaimHistoryRepository history,
      OpenRechecks openRechecks,
      JsonMapper json) {
    this.lookup = lookup;
    this.history = history;
    this.openRechecks = openRechecks;
    this.json = json;
  }

  /**
   * The claim's history, oldest first: its own entries and its re-check flags, each flag right
   * after the entry that made the version it was raised at.
   */
  public List<HistoryEntry> history(long id) {
    lookup.find(id);
    List<ClaimHistory> rows = history.findByClaimIdOrderById(id);
    List<OpenRechecks.FlagEvent> flags = new ArrayList<>(openRechecks.historyOf(id));
    flags.sort(java.util.Comparator.comparingLong(OpenRechecks.FlagEvent::recheckId));
    List<HistoryEntry> out = new ArrayList<>(rows.size() + flags.size());
    int f = 0;
    int version = 1;
    for (ClaimHistory h : rows) {
      Map<String, Object> changes =
          h.changes() == null ? null : HistoryJson.read(json, h.changes());
      while (f < flags.size() && flagComesFirst(flags.get(f), h, changes)) {
        out.add(flagEntry(flags.get(f++), version));
      }
      version = h.claimVersion();
      out.add(
          new HistoryEntry(
              h.id(),
              h.claimVersion(),
              h.action(),
              h.actor(),
              h.occurredAt().toString(),
              changes,
              h.note(),
              h.summary() != null ? h.summary() : h.action().toLowerCase(java.util.Locale.ROOT),
              null));
    }
    while (f < flags.size()) {
      out.add(flagEntry(flags.get(f++), version));
    }
    return out;
  }

  private static boolean flagComesFirst(
      OpenRechecks.FlagEvent flag, ClaimHistory h, Map<String, Object> changes) {
    if (flag.claimVersion() != null) {
      return flag.claimVersion() < h.claimVersion();
    }
    // Flags raised before versions were recorded: by time, then before the entry that resolved it.
    int c = flag.at().compareTo(h.occurredAt());
    if (c != 0) {
      return c < 0;
    }
    return changes != null
        && changes.get("resolvedFlags") instanceof List<?> resolved
        && resolved.stream()
            .anyMatch(r -> r instanceof Number n && n.longValue() == flag.recheckId());
  }

  private static HistoryEntry flagEntry(OpenRechecks.FlagEvent e, int version) {
    return new HistoryEntry(
        null,
        e.claimVersion() != null ? e.claimVersion() : version,
        HistoryAction.FLAGGED.name(),
        e.actor(),
        e.at().toString(),
        e.details(),
        null,
        e.summary(),
        e.recheckId());
  }
}
