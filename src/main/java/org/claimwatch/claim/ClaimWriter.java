package org.claimwatch.claim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Sql;
import org.claimwatch.webhook.EventTypes;
import org.claimwatch.webhook.Outbox;

/**
 * Inserts claims and history rows as JDBC batches in the caller's transaction. Micronaut Data's
 * {@code saveAll} inserts rows with generated ids one statement at a time on MySQL; a batch lets
 * Connector/J send one multi-row INSERT ({@code rewriteBatchedStatements}) and still hand back
 * every generated id. This is the one way claims and history rows are inserted.
 */
@Singleton
class ClaimWriter {
  private static final String INSERT_HISTORY =
      "INSERT INTO claim_history (claim_id, claim_version, action, actor, occurred_at, changes,"
          + " note, summary) VALUES (?,?,?,?,?,?,?,?)";

  private static final JsonFactory JSON = new JsonFactory();

  /** Entries that change what a claim says or links (claim.updated), never its status. */
  private static final java.util.Set<String> CONTENTS =
      java.util.Set.of(
          HistoryAction.UPDATED.name(),
          HistoryAction.DUPLICATE_LINKED.name(),
          HistoryAction.DUPLICATE_UNLINKED.name());

  private final JdbcOperations jdbc;
  private final Outbox outbox;

  ClaimWriter(JdbcOperations jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /**
   * Appends history rows, and the events newsroom tools hear of them, in the same transaction:
   * claim.created, claim.updated (an edit, a duplicate linked or unlinked), and
   * claim.status_changed for every entry that moved the status. History is never updated or
   * deleted.
   */
  void appendHistory(List<ClaimHistory> entries) {
    if (entries.isEmpty()) {
      return;
    }
    JdbcRows.batch(
        jdbc,
        INSERT_HISTORY,
        entries,
        (ps, h) -> {
          ps.setLong(1, h.claimId());
          ps.setInt(2, h.claimVersion());
          ps.setString(3, h.action());
          ps.setString(4, h.actor());
          // DATETIME columns hold UTC (the session time zone is forced to UTC in application.yml)
          JdbcRows.setNullable(ps, 5, Sql.utc(h.occurredAt()), Types.TIMESTAMP);
          ps.setString(6, h.changes());
          ps.setString(7, h.note());
          ps.setString(8, h.summary());
        });
    outbox.appendAll(events(entries));
  }

  private static List<Outbox.Event> events(List<ClaimHistory> entries) {
    List<Outbox.Event> out = new ArrayList<>(entries.size());
    for (ClaimHistory h : entries) {
      String data = eventData(h);
      boolean contents = CONTENTS.contains(h.action());
      if (HistoryAction.CREATED.name().equals(h.action())) {
        out.add(new Outbox.Event(EventTypes.CLAIM_CREATED, h.claimId(), data));
      } else if (contents) {
        out.add(new Outbox.Event(EventTypes.CLAIM_UPDATED, h.claimId(), data));
      }
      // A claim's creation, edits and links never move its status: only review work's entries are
      // read for it (a batch of 1,000 new claims parsed every entry again before).
      if (!contents
          && !HistoryAction.CREATED.name().equals(h.action())
          && changesStatus(h.changes())) {
        out.add(new Outbox.Event(EventTypes.CLAIM_STATUS_CHANGED, h.claimId(), data));
      }
    }
    return out;
  }

  /** Whether a history entry's changes name the status at their top level. */
  private static boolean changesStatus(String changes) {
    if (changes == null) {
      return false;
    }
    try (JsonParser p = JSON.createParser(changes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if ("status".equals(p.currentName())) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event's data: the history entry, with a link to the claim. */
  private static String eventData(ClaimHistory h) {
    StringWriter out = new StringWriter(256 + (h.changes() == null ? 0 : h.changes().length()));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("claimId", h.claimId());
      g.writeNumberField("version", h.claimVersion());
      g.writeStringField("action", h.action());
      g.writeStringField("actor", h.actor());
      g.writeStringField("at", h.occurredAt().toString());
      g.writeStringField("summary", h.summary());
      g.writeStringField("note", h.note());
      g.writeFieldName("changes");
      if (h.changes() == null) {
        g.writeNull();
      } else {
        g.writeRawValue(h.changes());
      }
      g.writeStringField("href", "/api/v1/claims/" + h.claimId());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
