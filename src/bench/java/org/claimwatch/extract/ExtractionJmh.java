package org.claimwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Extraction speed (JMH), in process and without a database: a 10 KB article made of the
 * development set's official texts (en, de), its language detected as the API does when none is
 * given, read on one thread by the extraction pipeline with no entity names and no duplicate lookup
 * (the lookups are database queries, measured over HTTP by {@code ExtractionSaveBenchmark}).
 * SampleTime gives p50/p99 per article, Throughput articles per millisecond; {@link #main} runs
 * both and prints MB of text per second on the one thread. Run by hand (after a build that compiled
 * the tests, e.g. {@code mvn -q -DskipTests -Dspotless.check.skip=true test-compile}):
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-classpath %classpath org.claimwatch.extract.ExtractionJmh -f 1 -wi 3 -i 5"
 * </pre>
 *
 * Other JMH options pass through ({@code -w 5s -r 5s}, {@code -p language=de}, {@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionJmh {
  /** The article's size in bytes of UTF-8. */
  static final int ARTICLE_BYTES = 10 * 1024;

  @Param({"en", "de"})
  public String language;

  private ExtractionService service;
  private ExtractionRequest request;

  @Setup
  public void setUp() {
    List<MetricKeywords.Keyword> keywords = SeededKeywords.of(language);
    MetricKeywords compiled = MetricKeywords.of(language, keywords);
    service =
        new ExtractionService(
            new TextModels(),
            text -> List.of(),
            c -> List.of(),
            l -> compiled,
            Clock.systemUTC(),
            1);
    request = new ExtractionRequest(article(language), null, "2024-06-01");
    if (!service.extract(request).language().equals(language)) {
      throw new IllegalStateException("the " + language + " article is detected as another");
    }
  }

  @Benchmark
  public Extraction extract() {
    return service.extract(request);
  }

  /** Runs the benchmark with JMH's command-line options and prints MB/s per language. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .parent(new CommandLineOptions(args))
                    .include(ExtractionJmh.class.getName() + ".extract")
                    .build())
            .run();
    System.out.println();
    System.out.println("Claims from text, a 10 KB article on one thread:");
    for (RunResult r : results) {
      String lang = r.getParams().getParam("language");
      var primary = r.getPrimaryResult();
      if (r.getParams().getMode() == Mode.SampleTime) {
        var stats = primary.getStatistics();
        System.out.printf(
            "  %s: p50 %.2f ms, p99 %.2f ms (%d samples)%n",
            lang, stats.getPercentile(50), stats.getPercentile(99), stats.getN());
      } else if (r.getParams().getMode() == Mode.Throughput) {
        double perSecond = primary.getScore() * 1000;
        int bytes = article(lang).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(
            "  %s: %.1f articles of %d bytes/s = %.2f MB/s of text per core%n",
            lang, perSecond, bytes, perSecond * bytes / 1e6);
      }
    }
  }

  /** The language's official texts of the development set, repeated to 10 KB. */
  static String article(String language) {
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
            ExtractionJmh.class.getResourceAsStream("/fixtures/articles/" + file)) {
          all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append("\n\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
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
