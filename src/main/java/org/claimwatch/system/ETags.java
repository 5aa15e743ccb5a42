package org.claimwatch.system;

/** Versions travel as strong ETags ({@code "3"}); If-Match must name the version being changed. */
public final class ETags {
  private ETags() {}

  public static String of(int version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an If-Match header names. Missing: 428. Not a version: 400. Accepts {@code "3"},
   * {@code W/"3"} and a bare {@code 3}.
   */
  public static int requireVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired(
          "Send If-Match with the ETag (version) you read, e.g. If-Match: \"1\"");
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(
          "If-Match", "must be the ETag of the resource, e.g. \"1\"");
    }
  }
}
