package org.claimwatch.floor;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/queue/{name}?...}: the page whose address QueueBenchmark asks for, answered
 * from the SQL and parameters the benchmark wrote for that address to the file {@code
 * FLOOR_QUERIES} names (a JSON list of {@code {"uri", "sql", "params", "limit"}}). Each request
 * takes a pooled connection, prepares, binds and runs the query in autocommit, reads every column
 * of every row (as the raw side does), and writes the first {@code limit} rows as JSON objects
 * keyed by the columns' names in camel case ({@code externalRef}, which the benchmark counts), with
 * a {@code next} marker when there is one more row. No token, no transaction, no views: what is
 * left is what the platform costs. The JSON is written straight to bytes by Jackson's generator
 * ({@link Json}), the least a page can cost; with {@code FLOOR_JSON=serde} the rows go as maps
 * through Micronaut Serde instead.
 */
@Controller
public class Pages {
  private final DataSource dataSource;
  private final Map<String, Query> queries = new HashMap<>();

  /** FLOOR_JSON=serde: the page as a map through Micronaut Serde; else Jackson's generator. */
  private final boolean serde = "serde".equals(System.getenv("FLOOR_JSON"));

  record Query(String sql, List<Object> params, int limit) {}

  public Pages(DataSource dataSource, JsonMapper json) {
    this.dataSource = dataSource;
    String file = System.getenv("FLOOR_QUERIES");
    if (file == null) {
      throw new IllegalStateException("FLOOR_QUERIES: the file of the pages' queries");
    }
    try {
      List<Map<String, Object>> all =
          json.readValue(
              Files.readAllBytes(Path.of(file)),
              Argument.listOf(Argument.mapOf(String.class, Object.class)));
      for (Map<String, Object> q : all) {
        @SuppressWarnings("unchecked")
        List<Object> params = (List<Object>) q.get("params");
        queries.put(
            (String) q.get("uri"),
            new Query((String) q.get("sql"), params, ((Number) q.get("limit")).intValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/api/v1/queue/{name}")
  public HttpResponse<?> page(HttpRequest<?> request, String name) throws SQLException {
    Query q = queries.get(request.getUri().toString());
    if (q == null) {
      return HttpResponse.notFound();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(q.sql())) {
      for (int i = 0; i < q.params().size(); i++) {
        ps.setObject(i + 1, q.params().get(i));
      }
      List<Map<String, Object>> items = new ArrayList<>(q.limit());
      boolean more = false;
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        String[] keys = new String[md.getColumnCount()];
        for (int i = 0; i < keys.length; i++) {
          keys[i] = camel(md.getColumnLabel(i + 1));
        }
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < keys.length; i++) {
            Object v = rs.getObject(i + 1);
            boolean plain = v == null || v instanceof Number || v instanceof Boolean;
            row.put(keys[i], plain ? v : v.toString());
          }
          if (items.size() < q.limit()) {
            items.add(row);
          } else {
            more = true;
          }
        }
      }
      String next = more ? name + "-next" : null;
      if (serde) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", next);
        return HttpResponse.ok(body);
      }
      return HttpResponse.ok(Json.page(items, next)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private static String camel(String column) {
    StringBuilder out = new StringBuilder(column.length());
    boolean up = false;
    for (int i = 0; i < column.length(); i++) {
      char ch = column.charAt(i);
      if (ch == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return out.toString();
  }
}
