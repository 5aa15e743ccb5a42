package org.claimwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real public data the tests run on, copied into {@code src/test/resources/fixtures} (provenance in
 * its README), read from the classpath so a clone with nothing beside it passes.
 */
public final class Fixtures {
  /** Tesla's companyfacts, newest filing 2022-10-24, key concepts only. */
  public static final String TESLA =
      "fixtures/sec/trimmed_companyfacts_CIK0001318605_tesla_as-of-2022-10_keyconcepts.json";

  /** Apple's companyfacts, recorded 2026-03-21, key concepts only. */
  public static final String APPLE =
      "fixtures/sec/trimmed_companyfacts_CIK0000320193_apple_fetched-2026-03-21_keyconcepts.json";

  /** Apple's companyfacts as recorded on 2026-03-21, every concept (3.7 MB, 24,579 facts). */
  public static final String APPLE_FULL =
      "fixtures/sec/companyfacts_CIK0000320193_apple_fetched-2026-03-21.json";

  private Fixtures() {}

  /**
   * One of the demo's trimmed Apple companyfacts files ({@code db/seed/companyfacts}, read from the
   * checkout the tests run in) as the company with CIK {@code cik}.
   */
  public static String seedAppleFilings(String file, long cik) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("db/seed/companyfacts", file))
          .replaceFirst("\"cik\":\\s*320193", "\"cik\":" + cik);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A companyfacts fixture as a company of its own: CIK {@code cik}, named after it, so tests share
   * the database without sharing a company.
   */
  public static String companyFacts(String resource, long originalCik, long cik) {
    return read(resource)
        .replaceFirst("\"cik\":\\s*" + originalCik, "\"cik\":" + cik)
        .replaceFirst("\"entityName\":\\s*\"[^\"]*\"", "\"entityName\":\"Company " + cik + "\"");
  }
}
