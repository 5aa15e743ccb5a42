package org.claimwatch.report;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Small SEC companyfacts documents for tests: one us-gaap Revenues series in USD. */
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
    return "{\"cik\":"
        + cik
        + ",\"entityName\":\"Company "
        + cik
        + "\",\"facts\":{\"us-gaap\":{\"Revenues\":{\"label\":\"Revenues\",\"units\":{\"USD\":["
        + String.join(",", facts)
        + "]}}}}}";
  }
}
