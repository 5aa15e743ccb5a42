package org.claimwatch.system;

import io.micronaut.json.tree.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON merge patch (RFC 7396) body: a member present with a value sets it, present with null
 * clears it, absent leaves it alone. Unknown members and wrong JSON types are reported by name.
 */
public final class JsonPatch {
  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonPatch(JsonNode body) {
    this.body = body;
  }

  /** Reads a patch body, rejecting anything that is not an object or names an unknown member. */
  public static JsonPatch of(JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("body", "must be a JSON object");
    }
    JsonPatch patch = new JsonPatch(body);
    for (var entry : body.entries()) {
      if (!allowed.contains(entry.getKey())) {
        patch.errors.add(
            new FieldError(
                entry.getKey(),
                "unknown field (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList())
                    + ")"));
      }
    }
    return patch;
  }

  public boolean has(String field) {
    return body.get(field) != null;
  }

  /** The member as text, or null when it is JSON null; a number is accepted as its decimal text. */
  public String text(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.getStringValue();
    }
    if (node.isNumber()) {
      return node.getNumberValue().toString();
    }
    errors.add(new FieldError(field, "must be a string"));
    return null;
  }

  public Integer integer(String field) {
    return whole(field, BigInteger::intValueExact);
  }

  public Long longValue(String field) {
    return whole(field, BigInteger::longValueExact);
  }

  /** The member as a whole number that {@code exact} fits (or refuses: ArithmeticException). */
  private <T> T whole(String field, Function<BigInteger, T> exact) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      try {
        return exact.apply(node.getBigIntegerValue());
      } catch (ArithmeticException e) {
        // fall through
      }
    }
    errors.add(new FieldError(field, "must be an integer"));
    return null;
  }

  public List<String> strings(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      errors.add(new FieldError(field, "must be an array of strings"));
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node.values()) {
      if (!item.isString()) {
        errors.add(new FieldError(field, "must be an array of strings"));
        return null;
      }
      values.add(item.getStringValue());
    }
    return values;
  }

  /** A nested object member as its own patch (e.g. a claim's source). */
  public JsonNode node(String field) {
    JsonNode node = body.get(field);
    if (node != null && !node.isNull() && !node.isObject()) {
      errors.add(new FieldError(field, "must be an object"));
      return null;
    }
    return node == null || node.isNull() ? null : node;
  }

  /** Type errors found so far (unknown members included). */
  public List<FieldError> errors() {
    return errors;
  }
}
