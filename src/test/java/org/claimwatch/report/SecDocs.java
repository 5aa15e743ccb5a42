package org.claimwatch.report;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Small SEC companyfacts documents for tests, made up in the shape EDGAR serves them. */
final class SecDocs {
  private SecDocs() {}

  /** A CIK no fixture uses, so runs on a shared database never meet. */
  static long newCik() {
    return ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
  }

  static String fact(String start, String end, String val, String accn, String form, String filed) {
    return "{\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"val\":"
        + val
        + ",\"accn\":\""
        + accn
        + "\",\"fy\":2023,\"fp\":\"FY\",\"form\":\""
        + form
        + "\",\"filed\":\""
        + filed
        + "\"}";
  }

  static String doc(long cik, List<String> facts) {
    return doc(cik, "us-gaap", List.of(new Series("Revenues", "USD", facts)));
  }

  /** One concept's facts in one unit, as companyfacts lists them. */
  record Series(String concept, String unit, List<String> facts) {}

  /** A document of {@code series}, all in one taxonomy (us-gaap, ifrs-full). */
  static String doc(long cik, String taxonomy, List<Series> series) {
    StringBuilder concepts = new StringBuilder();
    for (Series s : series) {
      concepts.append(concepts.length() == 0 ? "" : ",");
      concepts
          .append("\"")
          .append(s.concept())
          .append("\":{\"label\":\"")
          .append(s.concept())
          .append("\",\"units\":{\"")
          .append(s.unit())
          .append("\":[")
          .append(String.join(",", s.facts()))
          .append("]}}");
    }
    return "{\"cik\":"
        + cik
        + ",\"entityName\":\"Company "
        + cik
        + "\",\"facts\":{\""
        + taxonomy
        + "\":{"
        + concepts
        + "}}}";
  }

  /**
   * One 10-K (filed 2025-02-01) giving fiscal 2024 in USD under two us-gaap concepts: 900 under
   * {@code total}, 700 under {@code part} (names without their taxonomy).
   */
  static String oneFilingTwoConcepts(long cik, String total, String part, String accn) {
    return doc(
        cik,
        "us-gaap",
        List.of(
            new Series(
                total,
                "USD",
                List.of(fact("2024-01-01", "2024-12-31", "900", accn, "10-K", "2025-02-01"))),
            new Series(
                part,
                "USD",
                List.of(fact("2024-01-01", "2024-12-31", "700", accn, "10-K", "2025-02-01")))));
  }
}
