package org.claimwatch.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Request bodies take a JSON boolean only for a boolean field and a JSON integer only for an id or
 * a count: no "yes" read as false ({@code {"enabled": "yes"}} disabled a webhook), no {@code true}
 * read as entity 1, no 1.9 cut to 1, no "1". A value of another JSON type is a 400 naming the field
 * ({@link BodyErrors}). Null stays null.
 */
@Factory
class StrictScalars {

  /** Reads one value of a JSON type, or refuses it. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(Decoder decoder) throws IOException;
  }

  /** A deserializer that reads with {@code reader}, ahead of Micronaut's lenient ones. */
  private static <T> Deserializer<T> strict(Reader<T> reader) {
    return new Deserializer<>() {
      @Override
      public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type)
          throws IOException {
        return reader.read(decoder);
      }
    };
  }

  @Singleton
  @Order(-100)
  Deserializer<Boolean> strictBoolean() {
    return strict(
        decoder -> {
          Object v = decoder.decodeArbitrary();
          if (v instanceof Boolean b) {
            return b;
          }
          throw decoder.createDeserializationException("must be true or false", v);
        });
  }

  @Singleton
  @Order(-100)
  Deserializer<Long> strictLong() {
    return strict(decoder -> integral(decoder, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Singleton
  @Order(-100)
  Deserializer<Integer> strictInteger() {
    return strict(decoder -> (int) integral(decoder, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /**
   * A JSON string only (no 12 read as "12", no ["a"] as "a"), and text a database keeps as it is:
   * no unpaired surrogate (MariaDB stored it as "?") and no control character but tab, line feed
   * and carriage return (a NUL, or an escape sequence for a terminal).
   */
  @Singleton
  @Order(-100)
  Deserializer<String> strictString() {
    return strict(
        decoder -> {
          Object v = decoder.decodeArbitrary();
          if (!(v instanceof String s)) {
            throw decoder.createDeserializationException("must be a string", v);
          }
          String wrong = StorableText.why(s);
          if (wrong != null) {
            throw decoder.createDeserializationException(wrong, null);
          }
          return s;
        });
  }

  /** A JSON integer within [min, max]: not a fraction, an exponent, a string or a boolean. */
  private static long integral(Decoder decoder, long min, long max) throws IOException {
    Object v = decoder.decodeArbitrary();
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      long n = ((Number) v).longValue();
      if (n >= min && n <= max) {
        return n;
      }
    } else if (v instanceof BigInteger b
        && b.compareTo(BigInteger.valueOf(min)) >= 0
        && b.compareTo(BigInteger.valueOf(max)) <= 0) {
      return b.longValue();
    }
    throw decoder.createDeserializationException("must be a whole number", v);
  }
}
