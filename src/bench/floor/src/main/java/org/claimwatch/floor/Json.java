package org.claimwatch.floor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** JSON written by hand into one byte array: the cheapest way there is. */
final class Json {
  private Json() {}

  /** A queue page: {@code {"items":[...],"next":...}}. */
  static byte[] page(List<Map<String, Object>> items, String next) {
    Map<String, Object> page = new java.util.LinkedHashMap<>();
    page.put("items", items);
    page.put("next", next);
    return bytes(page);
  }

  /** Maps, lists, strings, numbers, booleans and null; anything else as its string. */
  static byte[] bytes(Object value) {
    StringBuilder out = new StringBuilder(32 * 1024);
    value(out, value);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void value(StringBuilder out, Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        value(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(out, list.get(i));
      }
      out.append(']');
    } else {
      string(out, v.toString());
    }
  }

  private static void string(StringBuilder out, String v) {
    out.append('"');
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    out.append('"');
  }
}
