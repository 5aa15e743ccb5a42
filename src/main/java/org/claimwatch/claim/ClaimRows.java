package org.claimwatch.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.claimwatch.system.Dates;

/**
 * Reads a {@code claims} row ({@code SELECT c.*}, extra columns allowed) into a {@link Claim}. Hot
 * read paths (queue pages) use this instead of Micronaut Data's result mapper, which works out
 * every column's name from the property name again for every row and cost half the CPU of a queue
 * page in profiles.
 */
public final class ClaimRows {
  private ClaimRows() {}

  /**
   * Columns of a claim row with what its view needs: source, entity name, the id of the open flag
   * it shows (CONTRADICTS first, then the newest) and the key of its check ({@link
   * ClaimChecks#KEY_COLUMN}: only checks not seen at that key are read). Use with {@link #JOINS};
   * read with {@link #readJoined}. One statement instead of three lookups per page.
   */
  public static final String JOINED_COLUMNS =
      "c.*, s.url AS s_url, s.title AS s_title, s.publisher AS s_publisher,"
          + " s.published_at AS s_published_at, e.name AS e_name,"
          + " (SELECT f.id FROM rechecks f WHERE f.claim_id = c.id AND f.open_slot IS NOT NULL"
          + " ORDER BY f.outcome = 'CONTRADICTS' DESC, f.id DESC LIMIT 1) AS open_flag_id,"
          + " "
          + ClaimChecks.KEY_COLUMN
          + " AS check_key";

  public static final String JOINS =
      " LEFT JOIN sources s ON s.id = c.source_id LEFT JOIN subjects e ON e.id = c.entity_id";

  /** A claim row with its source, entity name and open flag's id, read in one query. */
  public record Joined(
      Claim claim,
      ClaimView.SourceView source,
      String entityName,
      Long openFlagId,
      String checkKey) {}

  public static Joined readJoined(ResultSet rs) throws SQLException {
    Claim c = read(rs);
    String url = rs.getString("s_url");
    Instant published = instant(rs, "s_published_at");
    return new Joined(
        c,
        url == null
            ? null
            : new ClaimView.SourceView(
                url,
                rs.getString("s_title"),
                rs.getString("s_publisher"),
                published == null ? null : Dates.iso(published)),
        rs.getString("e_name"),
        nullableLong(rs, "open_flag_id"),
        rs.getString("check_key"));
  }

  public static Claim read(ResultSet rs) throws SQLException {
    return new Claim(
        rs.getLong("id"),
        rs.getString("submitted_by"),
        rs.getString("external_ref"),
        new ClaimData(
            rs.getString("statement"),
            rs.getString("language"),
            rs.getString("claimant"),
            nullableLong(rs, "entity_id"),
            rs.getString("metric"),
            new ClaimedNumber(
                rs.getBigDecimal("value"),
                rs.getBigDecimal("value_high"),
                rs.getString("unit"),
                enumOf(Qualifier.class, rs.getString("qualifier")),
                rs.getBigDecimal("tolerance"),
                rs.getBigDecimal("tolerance_high")),
            new ClaimPeriod(
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                Periodicity.valueOf(rs.getString("periodicity"))),
            ClaimKind.valueOf(rs.getString("kind")),
            rs.getObject("resolves_on", LocalDate.class),
            instant(rs, "stated_at"),
            rs.getInt("priority")),
        nullableLong(rs, "source_id"),
        new ReviewState(
            ClaimStatus.valueOf(rs.getString("status")),
            rs.getString("assignee"),
            instant(rs, "lease_until"),
            enumOf(ClaimStatus.class, rs.getString("prior_status")),
            instant(rs, "last_verdict_at")),
        nullableLong(rs, "duplicate_of"),
        rs.getInt("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** DATETIME columns hold UTC (the session time zone is UTC). */
  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
