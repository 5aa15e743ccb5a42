package org.claimwatch.claim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code changes} of a claim history entry as JSON text: written with Jackson's streaming
 * generator (a batch writes a thousand of these, and the generic serializer's per-value type
 * lookups cost more than the rest).
 */
final class HistoryJson {
  private static final JsonFactory JSON = new JsonFactory();

  private HistoryJson() {}

  /**
   * History changes as JSON text, written with Jackson's streaming generator: a batch writes a
   * thousand of these, and the generic serializer's per-value type lookups cost more than the rest.
   */
  static String toJson(Map<String, Object> changes) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else {
      g.writeString(v.toString());
    }
  }

  /**
   * A new claim's changes, {@code {key: {from: null, to: value}}} for each field it was given,
   * written straight from its fields (what {@code toJson(diff(Map.of(), snapshot))} gives, without
   * a map per field: a batch writes a thousand of these).
   */
  static String created(Map<String, Object> snapshot, Long duplicateOf) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : snapshot.entrySet()) {
        if (e.getValue() != null) {
          writeCreated(g, e.getKey(), e.getValue());
        }
      }
      if (duplicateOf != null) {
        writeCreated(g, "duplicateOf", duplicateOf);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeCreated(JsonGenerator g, String key, Object value) throws IOException {
    g.writeFieldName(key);
    g.writeStartObject();
    g.writeNullField("from");
    g.writeFieldName("to");
    write(g, value);
    g.writeEndObject();
  }

  /** Per changed key: {from, to}. */
  static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : after.entrySet()) {
      Object old = before.get(e.getKey());
      if (!Objects.equals(old, e.getValue())) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", old);
        change.put("to", e.getValue());
        changes.put(e.getKey(), change);
      }
    }
    return changes;
  }

  /** Changes written by {@link #toJson}, read back. */
  static Map<String, Object> read(JsonMapper json, String text) {
    try {
      return json.readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
