package org.claimwatch.system;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body that could not be read (not JSON, an unknown field, a wrong JSON type) into
 * a problem naming the field, without the parser's internals.
 */
final class BodyErrors {
  private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

  /** StrictScalars' reason for text it refuses. */
  private static final Pattern UNSTORABLE =
      Pattern.compile("holds (?:an unpaired surrogate|a control character) \\(\\\\u[0-9a-f]{4}\\)");

  private BodyErrors() {}

  /** The problem for this failure, or null when it is not a body-reading failure. */
  static ProblemException of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonSyntaxException) {
        return malformed(t.getMessage());
      }
      if (t instanceof SerdeException se) {
        if (se.getPath().isEmpty()) {
          return se.getMessage() != null && se.getMessage().contains("Unexpected")
              ? malformed(se.getMessage())
              : ProblemException.invalidField("body", "does not have the expected shape");
        }
        return ProblemException.invalidField(path(se.getPath()), message(se));
      }
    }
    return null;
  }

  private static ProblemException malformed(String parserMessage) {
    String where = "";
    if (parserMessage != null) {
      Matcher m = LOCATION.matcher(parserMessage);
      if (m.find()) {
        where = " (line " + m.group(1) + ", column " + m.group(2) + ")";
      }
    }
    return new ProblemException(
        io.micronaut.http.HttpStatus.BAD_REQUEST,
        "malformed-json",
        "Malformed JSON",
        "The request body is not valid JSON" + where,
        List.of());
  }

  /** The JSON path (e.g. {@code claims[3].priority}) of the innermost-first reference list. */
  private static String path(List<ReferencePath> refs) {
    StringBuilder sb = new StringBuilder();
    for (int i = refs.size() - 1; i >= 0; i--) {
      ReferencePath r = refs.get(i);
      if (r instanceof PropertyReferencePath p) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(p.property().getName());
      } else if (r instanceof CollectionItemReferencePath c) {
        sb.append('[').append(c.index()).append(']');
      } else if (r instanceof MapItemReferencePath m) {
        sb.append('.').append(m.key());
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  /**
   * What a whole number or a boolean must be, in a body's field or a query's parameter alike; null
   * for any other type.
   */
  static String scalarRule(Class<?> type) {
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "must be a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    return null;
  }

  private static String message(SerdeException se) {
    String text = se.getMessage() == null ? "" : se.getMessage();
    if (text.startsWith("Unknown property")) {
      return "unknown field";
    }
    // text that cannot be stored as sent (StrictScalars): why, as it said
    Matcher unstorable = UNSTORABLE.matcher(text);
    if (unstorable.find()) {
      return unstorable.group();
    }
    Argument<?> arg = se.getPath().get(0).getArgument();
    Class<?> type = arg == null ? Object.class : arg.getType();
    String scalar = scalarRule(type);
    if (scalar != null) {
      return scalar;
    }
    if (Number.class.isAssignableFrom(type)) {
      return "must be a number";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong JSON type";
  }
}
