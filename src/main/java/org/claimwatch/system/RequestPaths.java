package org.claimwatch.system;

import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A request's path as the static resources see it: Micronaut serves {@code
 * /%73wagger-ui/index.html} as {@code /swagger-ui/index.html} (it decodes the path before it looks
 * a file up), while a filter's pattern is matched against the path as sent. A filter that must hold
 * for every file under a prefix therefore matches every path and asks {@link #under} of the decoded
 * one.
 */
public final class RequestPaths {
  private RequestPaths() {}

  /** The path percent-decoded once ('+' kept), or as sent when it is not valid percent-encoding. */
  public static String decoded(HttpRequest<?> request) {
    String raw = request.getPath();
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** Whether {@code path} is {@code prefix} or lies under it ("/swagger-ui", "/swagger-ui/x"). */
  public static boolean under(String path, String prefix) {
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
