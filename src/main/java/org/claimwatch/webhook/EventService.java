package org.claimwatch.webhook;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import org.claimwatch.system.ProblemException;

/** Reads events back whole: what a delivery too big to send links to. */
@Singleton
class EventService {
  /** An event as sent: {@code webhook-id}, type, timestamp and data. */
  @Serdeable
  record EventBody(String webhookId, String type, Instant timestamp, Object data) {}

  private final JdbcOperations jdbc;
  private final JsonMapper json;

  EventService(JdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional
  EventBody get(long id, org.claimwatch.auth.Actor actor) {
    // Only an ADMIN, or the owner of a subscription the event was delivered to, reads it; anyone
    // else hears 404, as for an event that does not exist (no probing for ids).
    boolean admin = actor.has(org.claimwatch.auth.Role.R_ADMIN);
    EventBody body =
        jdbc.prepareStatement(
            "SELECT e.type, e.occurred_at, e.data FROM outbox_events e WHERE e.id = ?"
                + (admin
                    ? ""
                    : " AND EXISTS (SELECT 1 FROM webhook_deliveries d JOIN webhook_subscriptions s"
                        + " ON s.id = d.subscription_id WHERE d.event_id = e.id AND s.owner = ?)"),
            ps -> {
              ps.setLong(1, id);
              if (!admin) {
                ps.setString(2, actor.name());
              }
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? new EventBody(
                        DeliveryStore.webhookId(id),
                        rs.getString(1),
                        org.claimwatch.system.Sql.instant(rs.getObject(2, LocalDateTime.class)),
                        parse(rs.getString(3)))
                    : null;
              }
            });
    if (body == null) {
      throw ProblemException.notFound("No event " + id);
    }
    return body;
  }

  private Object parse(String data) {
    try {
      return json.readValue(data, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
