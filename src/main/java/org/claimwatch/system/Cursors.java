package org.claimwatch.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset paging: a cursor is the opaque form of the last id a page returned; the next page is "id
 * below it", which an index range scan answers without OFFSET.
 */
public final class Cursors {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private Cursors() {}

  public static String encode(long lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The id a cursor stands for, or null for the first page. */
  public static Long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("id:")) {
        return Long.parseLong(text.substring(3));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
  }

  /** Checks {@code limit} (1..200, default 50). */
  public static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /**
   * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that a next
   * page exists.
   */
  public static <R, T> Page<T> page(
      List<R> rows,
      int limit,
      ToLongFunction<R> id,
      java.util.function.Function<List<R>, List<T>> view) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? encode(id.applyAsLong(shown.get(shown.size() - 1))) : null;
    return new Page<>(view.apply(shown), next);
  }
}
