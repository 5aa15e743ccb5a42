package org.claimwatch.floor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code POST /api/v1/claims/batch}: the least a batch of claims can cost on this platform. The
 * body is read into maps by Micronaut Serde; the sources' ids are read in one SELECT (by the URLs'
 * SHA-256, as the service keys them); then, in one transaction, the rows BatchIngestBenchmark's raw
 * side writes (claims, one claim_history row and one claim.created outbox event per claim, the
 * history's changes and the event's data built here from the request); the answer echoes every
 * claim with its id (only the ids and references with {@code Prefer: return=minimal}), written by
 * Jackson's generator ({@link Json}); the echo is about 630 bytes a claim against the service's
 * views' 1,100. No token, no validation, no idempotency lookup, no checks against reported figures,
 * no views: what is left is what the platform costs.
 */
@Controller
public class Batch {
  private static final String INSERT_CLAIM =
      "INSERT INTO claims (submitted_by, external_ref, statement, language, claimant, entity_id,"
          + " metric, value, value_high, unit, qualifier, period_start, period_end, periodicity,"
          + " kind, resolves_on, stated_at, source_id, status, priority, version, created_at,"
          + " updated_at, tolerance, tolerance_high)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String INSERT_HISTORY =
      "INSERT INTO claim_history (claim_id, claim_version, action, actor, occurred_at, changes,"
          + " note, summary) VALUES (?,?,?,?,?,?,?,?)";
  private static final String INSERT_EVENT =
      "INSERT INTO outbox_events (type, subject_id, data, occurred_at) VALUES (?, ?, ?, ?)";
  private static final String ACTOR = "admin";

  private final DataSource dataSource;
  private final JsonMapper json;

  public Batch(DataSource dataSource, JsonMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  @Post(uri = "/api/v1/claims/batch", consumes = MediaType.APPLICATION_JSON)
  public HttpResponse<?> batch(@Body byte[] body, @Nullable @Header("Prefer") String prefer)
      throws IOException, SQLException {
    Map<String, Object> doc = json.readValue(body, Argument.mapOf(String.class, Object.class));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> claims = (List<Map<String, Object>>) doc.get("claims");
    if (claims == null || claims.isEmpty()) {
      return HttpResponse.badRequest();
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    try (Connection c = dataSource.getConnection()) {
      Map<String, Long> sources = sourceIds(c, claims);
      c.setAutoCommit(false);
      try {
        long[] ids = insertClaims(c, claims, sources, now);
        List<String> changes = new ArrayList<>(claims.size());
        for (Map<String, Object> claim : claims) {
          changes.add(changes(claim));
        }
        insertHistory(c, ids, changes, now);
        insertEvents(c, ids, changes, now);
        c.commit();
        boolean minimal = prefer != null && prefer.contains("return=minimal");
        for (int k = 0; k < ids.length; k++) {
          if (minimal) {
            // as the service's minimal answer: each claim's id and reference only
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("id", ids[k]);
            ref.put("externalRef", claims.get(k).get("externalRef"));
            ref.put("version", 1);
            claims.set(k, ref);
          } else {
            claims.get(k).put("id", ids[k]);
          }
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("created", claims.size());
    answer.put("existing", 0);
    answer.put("items", claims);
    return HttpResponse.status(HttpStatus.CREATED)
        .body(Json.bytes(answer))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static Map<String, Long> sourceIds(Connection c, List<Map<String, Object>> claims)
      throws SQLException {
    Map<String, String> urlByHash = new LinkedHashMap<>();
    for (Map<String, Object> claim : claims) {
      String url = (String) source(claim).get("url");
      urlByHash.putIfAbsent(sha256(url), url);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    String marks = String.join(",", java.util.Collections.nCopies(urlByHash.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, url_hash FROM sources WHERE url_hash IN (" + marks + ")")) {
      int i = 0;
      for (String hash : urlByHash.keySet()) {
        ps.setString(++i, hash);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(urlByHash.get(rs.getString(2)), rs.getLong(1));
        }
      }
    }
    if (out.size() != urlByHash.size()) {
      throw new IllegalStateException("the floor writes claims of stored sources only");
    }
    return out;
  }

  private static long[] insertClaims(
      Connection c, List<Map<String, Object>> claims, Map<String, Long> sources, LocalDateTime now)
      throws SQLException {
    long[] ids = new long[claims.size()];
    try (PreparedStatement ps = c.prepareStatement(INSERT_CLAIM, Statement.RETURN_GENERATED_KEYS)) {
      for (Map<String, Object> claim : claims) {
        BigDecimal value = new BigDecimal((String) claim.get("value"));
        int i = 0;
        ps.setString(++i, ACTOR);
        ps.setString(++i, (String) claim.get("externalRef"));
        ps.setString(++i, (String) claim.get("statement"));
        ps.setString(++i, (String) claim.get("language"));
        ps.setString(++i, (String) claim.get("claimant"));
        ps.setLong(++i, ((Number) claim.get("entityId")).longValue());
        ps.setString(++i, (String) claim.get("metric"));
        ps.setBigDecimal(++i, value);
        ps.setNull(++i, Types.DECIMAL);
        ps.setString(++i, (String) claim.get("unit"));
        ps.setString(++i, (String) claim.get("qualifier"));
        ps.setDate(++i, Date.valueOf(LocalDate.parse((String) claim.get("periodStart"))));
        ps.setDate(++i, Date.valueOf(LocalDate.parse((String) claim.get("periodEnd"))));
        ps.setString(++i, (String) claim.get("periodicity"));
        ps.setString(++i, (String) claim.get("kind"));
        ps.setNull(++i, Types.DATE);
        ps.setObject(
            ++i,
            LocalDateTime.ofInstant(Instant.parse((String) claim.get("statedAt")), ZoneOffset.UTC));
        ps.setLong(++i, sources.get((String) source(claim).get("url")));
        ps.setString(++i, "UNVERIFIED");
        ps.setInt(++i, ((Number) claim.get("priority")).intValue());
        ps.setInt(++i, 1);
        ps.setObject(++i, now);
        ps.setObject(++i, now);
        // Half a unit of the last digit given: the cheapest tolerance there is.
        ps.setBigDecimal(++i, BigDecimal.valueOf(5, value.scale() + 1));
        ps.setNull(++i, Types.DECIMAL);
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        for (int k = 0; k < ids.length; k++) {
          if (!keys.next()) {
            throw new SQLException("fewer generated ids than claims");
          }
          ids[k] = keys.getLong(1);
        }
      }
    }
    return ids;
  }

  private static void insertHistory(
      Connection c, long[] ids, List<String> changes, LocalDateTime now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
      for (int k = 0; k < ids.length; k++) {
        ps.setLong(1, ids[k]);
        ps.setInt(2, 1);
        ps.setString(3, "CREATED");
        ps.setString(4, ACTOR);
        ps.setObject(5, now);
        ps.setString(6, changes.get(k));
        ps.setString(7, null);
        ps.setString(8, "created");
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertEvents(
      Connection c, long[] ids, List<String> changes, LocalDateTime now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
      for (int k = 0; k < ids.length; k++) {
        ps.setString(1, "claim.created");
        ps.setLong(2, ids[k]);
        ps.setString(
            3,
            "{\"claimId\":"
                + ids[k]
                + ",\"version\":1,\"action\":\"CREATED\",\"actor\":\""
                + ACTOR
                + "\",\"at\":\""
                + now.toInstant(ZoneOffset.UTC)
                + "\",\"summary\":\"created\",\"note\":null,\"changes\":"
                + changes.get(k)
                + ",\"href\":\"/api/v1/claims/"
                + ids[k]
                + "\"}");
        ps.setObject(4, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The history row's changes of a created claim: each field given, from null to its value. */
  private static String changes(Map<String, Object> claim) {
    Map<String, Object> to = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : claim.entrySet()) {
      if (e.getKey().equals("externalRef")) {
        continue;
      }
      if (e.getValue() instanceof Map<?, ?> nested) {
        for (Map.Entry<?, ?> n : nested.entrySet()) {
          to.put(e.getKey() + "." + n.getKey(), change(n.getValue()));
        }
      } else {
        to.put(e.getKey(), change(e.getValue()));
      }
    }
    return new String(Json.bytes(to), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> change(Object to) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", null);
    out.put("to", to);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(Map<String, Object> claim) {
    return (Map<String, Object>) claim.get("source");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
