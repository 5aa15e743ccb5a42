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

  @Singleton
  @Order(-100)
  Deserializer<Boolean> strictBoolean() {
    return new Deserializer<>() {
      @Override
      public Boolean deserialize(
          Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
          throws IOException {
        Object v = decoder.decodeArbitrary();
        if (v instanceof Boolean b) {
          return b;
        }
        throw decoder.createDeserializationException("must be true or false", v);
      }
    };
  }

  @Singleton
  @Order(-100)
  Deserializer<Long> strictLong() {
    return new Deserializer<>() {
      @Override
      public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type)
          throws IOException {
        return integral(decoder, Long.MIN_VALUE, Long.MAX_VALUE);
      }
    };
  }

  @Singleton
  @Order(-100)
  Deserializer<Integer> strictInteger() {
    return new Deserializer<>() {
      @Override
      public Integer deserialize(
          Decoder decoder, DecoderContext context, Argument<? super Integer> type)
          throws IOException {
        return (int) integral(decoder, Integer.MIN_VALUE, Integer.MAX_VALUE);
      }
    };
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
