package org.claimwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Extraction speed, in process (no HTTP): a 10 KB article of the development set's official texts
 * (each language separately, its language detected as the API does when none is given) read over
 * and over on one thread. Prints p50/p99 per article and the throughput in MB of text per second
 * per core. Run by hand (after one build):
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-classpath %classpath org.claimwatch.extract.ExtractionBenchmark [runs]"
 * </pre>
 */
public final class ExtractionBenchmark {
  private static final int ARTICLE_BYTES = 10 * 1024;

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    ExtractionService service =
        new ExtractionService(
            new TextModels(),
            text -> java.util.List.of(),
            c -> java.util.List.of(),
            java.time.Clock.systemUTC(),
            1);
    for (String language : List.of("en", "de")) {
      String article = article(language);
      ExtractionRequest request = new ExtractionRequest(article, null, "2024-06-01");
      int candidates = service.extract(request).candidates().size();
      for (int i = 0; i < runs / 4; i++) {
        service.extract(request); // warm-up: models loaded, code compiled
      }
      long[] nanos = new long[runs];
      long total = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        service.extract(request);
        nanos[i] = System.nanoTime() - t;
      }
      total = System.nanoTime() - total;
      Arrays.sort(nanos);
      double mb = (double) article.getBytes(StandardCharsets.UTF_8).length * runs / 1e6;
      System.out.printf(
          "%s: %d bytes, %d candidates, %d runs: p50 %.2f ms, p99 %.2f ms, %.2f MB/s on one"
              + " thread%n",
          language,
          article.getBytes(StandardCharsets.UTF_8).length,
          candidates,
          runs,
          nanos[runs / 2] / 1e6,
          nanos[(int) (runs * 0.99)] / 1e6,
          mb / (total / 1e9));
    }
  }

  /** The language's official texts, repeated to 10 KB. */
  private static String article(String language) throws IOException {
    StringBuilder all = new StringBuilder();
    for (String file :
        List.of(
            "bls-employment-situation-2021-01.en.txt",
            "bls-employment-situation-2000-09.en.txt",
            "destatis-aussenhandel-2008-03.de.txt",
            "destatis-meldungen-2018-09-21.de.txt",
            "destatis-umsatz-2020-05.de.txt")) {
      if (file.contains("." + language + ".")) {
        try (InputStream in =
            ExtractionBenchmark.class.getResourceAsStream("/fixtures/articles/" + file)) {
          all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append("\n\n");
        }
      }
    }
    StringBuilder article = new StringBuilder();
    while (article.toString().getBytes(StandardCharsets.UTF_8).length < ARTICLE_BYTES) {
      article.append(all);
    }
    byte[] bytes = article.toString().getBytes(StandardCharsets.UTF_8);
    return new String(Arrays.copyOf(bytes, ARTICLE_BYTES), StandardCharsets.UTF_8)
        .replace("\uFFFD", "");
  }
}
