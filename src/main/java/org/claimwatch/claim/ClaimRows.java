package org.claimwatch.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.claimwatch.system.Dates;
import org.claimwatch.system.JdbcRows;

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

  /** A claim row with its source, entity name and open flag's id (see {@link Columns}). */
  public static Joined readJoined(ResultSet rs, Columns at) throws SQLException {
    Claim c = read(rs, at);
    String url = rs.getString(at.sourceUrl);
    String title = rs.getString(at.sourceTitle);
    String publisher = rs.getString(at.sourcePublisher);
    Instant published = instant(rs, at.sourcePublishedAt);
    return new Joined(
        c,
        url == null
            ? null
            : new ClaimView.SourceView(
                url, title, publisher, published == null ? null : Dates.iso(published)),
        rs.getString(at.entityName),
        nullableLong(rs, at.openFlagId),
        rs.getString(at.checkKey));
  }

  /** Reads the claim rows of one query, finding the {@link Columns} with its first row. */
  static JdbcRows.RowReader<Claim> reader() {
    return new JdbcRows.RowReader<>() {
      private ResultSet of;
      private Columns at;

      @Override
      public Claim read(ResultSet rs) throws SQLException {
        if (rs != of) {
          of = rs;
          at = new Columns(rs);
        }
        return ClaimRows.read(rs, at);
      }
    };
  }

  /**
   * Reads the columns in the table's order: Connector/J finds a column of a text row by skipping
   * the ones before it from the last one read, so reading backwards starts again at the first
   * column (in a profile of queue pages this, with looking columns up by name for every row, was a
   * quarter of the service's CPU).
   */
  public static Claim read(ResultSet rs, Columns at) throws SQLException {
    long id = rs.getLong(at.id);
    String submittedBy = rs.getString(at.submittedBy);
    String externalRef = rs.getString(at.externalRef);
    String statement = rs.getString(at.statement);
    String language = rs.getString(at.language);
    String claimant = rs.getString(at.claimant);
    Long entityId = nullableLong(rs, at.entityId);
    String metric = rs.getString(at.metric);
    BigDecimal value = rs.getBigDecimal(at.value);
    BigDecimal valueHigh = rs.getBigDecimal(at.valueHigh);
    String unit = rs.getString(at.unit);
    Qualifier qualifier = enumOf(Qualifier.class, rs.getString(at.qualifier));
    LocalDate periodStart = rs.getObject(at.periodStart, LocalDate.class);
    LocalDate periodEnd = rs.getObject(at.periodEnd, LocalDate.class);
    Periodicity periodicity = Periodicity.valueOf(rs.getString(at.periodicity));
    ClaimKind kind = ClaimKind.valueOf(rs.getString(at.kind));
    LocalDate resolvesOn = rs.getObject(at.resolvesOn, LocalDate.class);
    Instant statedAt = instant(rs, at.statedAt);
    Long sourceId = nullableLong(rs, at.sourceId);
    ClaimStatus status = ClaimStatus.valueOf(rs.getString(at.status));
    int priority = rs.getInt(at.priority);
    int version = rs.getInt(at.version);
    Instant createdAt = instant(rs, at.createdAt);
    Instant updatedAt = instant(rs, at.updatedAt);
    BigDecimal tolerance = rs.getBigDecimal(at.tolerance);
    BigDecimal toleranceHigh = rs.getBigDecimal(at.toleranceHigh);
    Instant lastVerdictAt = instant(rs, at.lastVerdictAt);
    String assignee = rs.getString(at.assignee);
    Instant leaseUntil = instant(rs, at.leaseUntil);
    ClaimStatus priorStatus = enumOf(ClaimStatus.class, rs.getString(at.priorStatus));
    Long duplicateOf = nullableLong(rs, at.duplicateOf);
    return new Claim(
        id,
        submittedBy,
        externalRef,
        new ClaimData(
            statement,
            language,
            claimant,
            entityId,
            metric,
            new ClaimedNumber(value, valueHigh, unit, qualifier, tolerance, toleranceHigh),
            new ClaimPeriod(periodStart, periodEnd, periodicity),
            kind,
            resolvesOn,
            statedAt,
            priority),
        sourceId,
        new ReviewState(status, assignee, leaseUntil, priorStatus, lastVerdictAt),
        duplicateOf,
        version,
        createdAt,
        updatedAt);
  }

  /**
   * Where each column is in one result set, looked up by name once per query rather than once per
   * row and column. The joined columns are 0 when the query has none (a plain {@code SELECT c.*}).
   */
  public static final class Columns {
    final int id;
    final int submittedBy;
    final int externalRef;
    final int statement;
    final int language;
    final int claimant;
    final int entityId;
    final int metric;
    final int value;
    final int valueHigh;
    final int unit;
    final int qualifier;
    final int periodStart;
    final int periodEnd;
    final int periodicity;
    final int kind;
    final int resolvesOn;
    final int statedAt;
    final int sourceId;
    final int status;
    final int priority;
    final int version;
    final int createdAt;
    final int updatedAt;
    final int tolerance;
    final int toleranceHigh;
    final int lastVerdictAt;
    final int assignee;
    final int leaseUntil;
    final int priorStatus;
    final int duplicateOf;
    final int sourceUrl;
    final int sourceTitle;
    final int sourcePublisher;
    final int sourcePublishedAt;
    final int entityName;
    final int openFlagId;
    final int checkKey;

    public Columns(ResultSet rs) throws SQLException {
      Map<String, Integer> named = new HashMap<>();
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = meta.getColumnCount(); i >= 1; i--) {
        named.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
      }
      id = at(named, "id");
      submittedBy = at(named, "submitted_by");
      externalRef = at(named, "external_ref");
      statement = at(named, "statement");
      language = at(named, "language");
      claimant = at(named, "claimant");
      entityId = at(named, "entity_id");
      metric = at(named, "metric");
      value = at(named, "value");
      valueHigh = at(named, "value_high");
      unit = at(named, "unit");
      qualifier = at(named, "qualifier");
      periodStart = at(named, "period_start");
      periodEnd = at(named, "period_end");
      periodicity = at(named, "periodicity");
      kind = at(named, "kind");
      resolvesOn = at(named, "resolves_on");
      statedAt = at(named, "stated_at");
      sourceId = at(named, "source_id");
      status = at(named, "status");
      priority = at(named, "priority");
      version = at(named, "version");
      createdAt = at(named, "created_at");
      updatedAt = at(named, "updated_at");
      tolerance = at(named, "tolerance");
      toleranceHigh = at(named, "tolerance_high");
      lastVerdictAt = at(named, "last_verdict_at");
      assignee = at(named, "assignee");
      leaseUntil = at(named, "lease_until");
      priorStatus = at(named, "prior_status");
      duplicateOf = at(named, "duplicate_of");
      sourceUrl = named.getOrDefault("s_url", 0);
      sourceTitle = named.getOrDefault("s_title", 0);
      sourcePublisher = named.getOrDefault("s_publisher", 0);
      sourcePublishedAt = named.getOrDefault("s_published_at", 0);
      entityName = named.getOrDefault("e_name", 0);
      openFlagId = named.getOrDefault("open_flag_id", 0);
      checkKey = named.getOrDefault("check_key", 0);
    }

    /** The first column of that name, as {@code ResultSet.findColumn} would find it. */
    private static int at(Map<String, Integer> named, String column) throws SQLException {
      Integer i = named.get(column);
      if (i == null) {
        throw new SQLException("No column " + column + " in the result");
      }
      return i;
    }
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** DATETIME columns hold UTC (the session time zone is UTC). */
  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
