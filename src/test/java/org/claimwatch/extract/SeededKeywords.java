package org.claimwatch.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric keywords of a language as the migrations seed them (every {@code
 * V*__metric_keywords*.sql}: what a new database reads sentences with), taken from the migrations
 * themselves so tests and benchmarks need no database. Run from the repository's top folder.
 */
final class SeededKeywords {
  private static final Pattern ROW =
      Pattern.compile("\\('(en|de)', '([^']+)', '([^']+)', (TRUE|FALSE)\\)");

  /**
   * A migration that seeds metric keywords: "V37__metric_keywords.sql",
   * "V48__metric_keywords_rates.sql".
   */
  private static final Pattern KEYWORD_MIGRATION =
      Pattern.compile("V\\d+__metric_keywords\\w*\\.sql");

  private SeededKeywords() {}

  /**
   * The extraction pipeline reading with these keywords, no stored entity, duplicate or fiscal
   * calendar, its clock fixed.
   */
  private static final ExtractionService READER =
      new ExtractionService(
          new TextModels(),
          t -> List.of(),
          c -> List.of(),
          language -> MetricKeywords.of(language, of(language)),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  /** The candidate quoted {@code quote} that {@link #READER} finds in {@code text}. */
  static Candidate candidate(String text, String language, String statedAt, String quote) {
    return READER.extract(new ExtractionRequest(text, language, statedAt)).candidates().stream()
        .filter(x -> quote.equals(x.quote()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no candidate " + quote));
  }

  static List<MetricKeywords.Keyword> of(String language) {
    StringBuilder sql = new StringBuilder();
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("db/migration"))) {
      for (Path f :
          files
              .filter(f -> KEYWORD_MIGRATION.matcher(f.getFileName().toString()).matches())
              .sorted(
                  java.util.Comparator.comparingInt(
                      f -> {
                        String name = f.getFileName().toString();
                        return Integer.parseInt(name.substring(1, name.indexOf("__")));
                      }))
              .toList()) {
        sql.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("run from the repository's top folder", e);
    }
    Matcher m = ROW.matcher(sql);
    List<MetricKeywords.Keyword> out = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(language)) {
        out.add(new MetricKeywords.Keyword(m.group(2), m.group(3), m.group(4).equals("TRUE")));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no " + language + " keywords found in the migrations");
    }
    return out;
  }
}
