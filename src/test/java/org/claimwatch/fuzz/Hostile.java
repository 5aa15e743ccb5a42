package org.claimwatch.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hostile requests for an operation of the OpenAPI document, drawn from a seeded random. */
final class Hostile {
  /** A request to send: method, path, query, headers and body. */
  record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String contentType,
      String body) {
    @Override
    public String toString() {
      String b =
          body == null
              ? ""
              : " body " + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
      return method + " " + path + (query.isEmpty() ? "" : " " + shortMap(query)) + headers + b;
    }

    private static String shortMap(Map<String, String> m) {
      StringBuilder s = new StringBuilder();
      m.forEach(
          (k, v) ->
              s.append(k)
                  .append('=')
                  .append(v.length() > 40 ? v.substring(0, 40) + "..." : v)
                  .append(' '));
      return s.toString();
    }
  }

  /** A JSON value written as it is (numbers no Java type holds). */
  private record Raw(String json) {}

  private static final String[] STRINGS = {
    "",
    " ",
    "\u0000",
    "a".repeat(4001),
    "a".repeat(100_000),
    "line\n".repeat(20_000),
    "' OR 1=1 --",
    "\"; DROP TABLE claims; --",
    "../../../../etc/passwd",
    "%zz",
    "\uD83D\uDE00".repeat(2000),
    "\u202Eevil\u202C",
    "<script>alert(1)</script>",
    "+10000-01-01",
    "2024-13-45",
    "-999999999-01-01",
    "2024-02-30T25:61:61Z",
    "+275760-09-13T00:00:00Z",
    "1e2147483647",
    "NaN",
    "-0",
    "${jndi:ldap://127.0.0.1/x}",
    "http://169.254.169.254/latest/meta-data/",
    "https://" + "a".repeat(3000) + ".example/",
    "CIK" + "9".repeat(40),
  };

  private static final String[] NUMBERS = {
    "0",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e400",
    "-1e400",
    "1e2147483647",
    "1e-2147483648",
    "0.0000001",
    "99999999999999999999999999999999999999.9999999",
    "2147483648",
    "1.5",
  };

  private static final String[] BAD_JSON = {
    "{",
    "{\"a\":}",
    "not json",
    "\uFEFF{}",
    "{\"a\":1,}",
    "[".repeat(5000) + "]".repeat(5000),
    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
    "{\"statement\":\"" + "\\u0000".repeat(1000) + "\"}",
    "\"" + "x".repeat(200_000) + "\"",
    "{\"x\":\"\\ud800\"}",
  };

  private static final String[] PATH_VALUES = {
    "-1",
    "0",
    "99999999999999999999",
    "9223372036854775807",
    "abc",
    "1e3",
    "1.5",
    "9".repeat(500),
    "%2e%2e",
    "%F0%9F%98%80",
    "%00",
    "%20",
  };

  private static final String[] IF_MATCH = {
    "\"1\"", "*", "\"abc\"", "\"99999999999999999999\"", "W/\"1\"", "1"
  };

  private final Random random;
  private final Map<String, Object> schemas;

  /** Ids of resources the run made, by the path prefix they live under. */
  private final Map<String, String> own;

  @SuppressWarnings("unchecked")
  Hostile(Random random, Map<String, Object> api, Map<String, String> own) {
    this.random = random;
    this.own = own;
    Map<String, Object> components = (Map<String, Object>) api.getOrDefault("components", Map.of());
    this.schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
  }

  /**
   * A hostile request for the operation. {@code shared}: never a body that might be valid (the
   * operation changes what other tests rely on).
   */
  @SuppressWarnings("unchecked")
  Request request(String method, String template, Map<String, Object> op, boolean shared) {
    String path = template;
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
      Map<String, Object> param = (Map<String, Object>) p;
      String name = (String) param.get("name");
      switch ((String) param.get("in")) {
        case "path" -> path = path.replace("{" + name + "}", pathValue(template, name));
        case "query" -> {
          if (random.nextBoolean()) {
            String v = random.nextInt(3) == 0 ? pick(NUMBERS) : pick(STRINGS);
            // A URL stays under the 16 KB first line the server reads (see application.yml).
            query.put(name, v.length() > 300 ? v.substring(0, 300) : v);
          }
        }
        case "header" -> {
          if (name.equalsIgnoreCase("If-Match") && random.nextInt(4) > 0) {
            headers.put("If-Match", pick(IF_MATCH));
          } else if (name.equalsIgnoreCase("Prefer") && random.nextBoolean()) {
            headers.put("Prefer", "respond-async");
          }
        }
        default -> {}
      }
    }
    Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
    if (requestBody == null) {
      return new Request(method, path, query, headers, null, null);
    }
    Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
    List<String> types = new ArrayList<>(content.keySet());
    String contentType =
        random.nextInt(10) == 0 ? "text/plain" : types.get(random.nextInt(types.size()));
    Map<String, Object> schema =
        (Map<String, Object>) ((Map<String, Object>) content.get(types.get(0))).get("schema");
    int strategy = random.nextInt(shared ? 2 : 4);
    String body =
        switch (strategy) {
          case 0 -> pick(BAD_JSON);
          case 1 -> write(wrongType());
          case 2 -> write(withOneHostile(skeleton(schema, 0)));
          default -> write(allHostile(skeleton(schema, 0)));
        };
    return new Request(method, path, query, headers, contentType, body);
  }

  /** A plausible value of the schema: what a client would send, before one field turns hostile. */
  @SuppressWarnings("unchecked")
  private Object skeleton(Map<String, Object> schema, int depth) {
    if (schema == null || depth > 3) {
      return "x";
    }
    Object ref = schema.get("$ref");
    if (ref instanceof String r) {
      return skeleton(
          (Map<String, Object>) schemas.get(r.substring(r.lastIndexOf('/') + 1)), depth);
    }
    String type = (String) schema.getOrDefault("type", "object");
    String format = (String) schema.get("format");
    return switch (type) {
      case "string" ->
          "date".equals(format)
              ? "2024-01-01"
              : "date-time".equals(format) ? "2024-01-01T00:00:00Z" : "x" + random.nextInt(1000);
      case "integer", "number" -> 1 + random.nextInt(9);
      case "boolean" -> random.nextBoolean();
      case "array" -> {
        List<Object> one = new ArrayList<>();
        one.add(skeleton((Map<String, Object>) schema.get("items"), depth + 1));
        yield one;
      }
      default -> {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> props =
            (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        props.forEach((k, v) -> out.put(k, skeleton((Map<String, Object>) v, depth + 1)));
        yield out;
      }
    };
  }

  private Object withOneHostile(Object value) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      Map<Object, Object> out = new LinkedHashMap<>(m);
      List<Object> keys = new ArrayList<>(m.keySet());
      Object key = keys.get(random.nextInt(keys.size()));
      out.put(key, random.nextInt(4) == 0 ? withOneHostile(out.get(key)) : hostileValue());
      return out;
    }
    if (value instanceof List<?> l && !l.isEmpty()) {
      List<Object> out = new ArrayList<>(l);
      out.set(0, withOneHostile(out.get(0)));
      return out;
    }
    return hostileValue();
  }

  private Object allHostile(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, random.nextBoolean() ? hostileValue() : allHostile(v)));
      return out;
    }
    return hostileValue();
  }

  private Object hostileValue() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(STRINGS);
      case 1 -> new Raw(pick(NUMBERS));
      case 2 -> wrongType();
      default ->
          random.nextBoolean()
              ? null
              : new Raw("[" + pick(NUMBERS) + ",\"" + "y".repeat(5000) + "\"]");
    };
  }

  private Object wrongType() {
    return switch (random.nextInt(6)) {
      case 0 -> new Raw("[]");
      case 1 -> new Raw("{}");
      case 2 -> Boolean.TRUE;
      case 3 -> new Raw("null");
      case 4 -> new Raw(pick(NUMBERS));
      default -> pick(STRINGS);
    };
  }

  /** A hostile id, or for the first id of a path under one of the run's own resources, often it. */
  private String pathValue(String template, String name) {
    for (Map.Entry<String, String> o : own.entrySet()) {
      if (template.startsWith(o.getKey() + "{" + name + "}") && random.nextBoolean()) {
        return o.getValue();
      }
    }
    return pick(PATH_VALUES);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** JSON text of a value made of maps, lists, strings, numbers, booleans, null and Raw. */
  static String write(Object v) {
    StringBuilder out = new StringBuilder();
    write(v, out);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Raw r) {
      out.append(r.json());
    } else if (v instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(l.get(i), out);
      }
      out.append(']');
    } else {
      out.append(v);
    }
  }
}
