package org.claimwatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/extractions} with {@code save: true} of a text holding 50 claimable numbers,
 * each run from a new source URL (so each run stores 50 claims, with their history and events),
 * against the same text read without saving. Over HTTP, against the packaged jar and a database of
 * its own ({@link BenchService}). Run by hand after {@code mvn -DskipTests package}:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-classpath %classpath org.claimwatch.bench.ExtractionSaveBenchmark --runs=40"
 * </pre>
 */
public final class ExtractionSaveBenchmark {
  private ExtractionSaveBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int runs = a.integer("runs", 40);
    int warmup = a.integer("warmup", 10);
    BenchService svc = BenchService.fromArgs(a, "target/bench-extraction-service.log");
    svc.run(
        a,
        s -> {
          StringBuilder text = new StringBuilder();
          for (int i = 1; i <= 50; i++) {
            text.append("Revenue was $").append(i).append(".5 billion in Q2 2023. ");
          }
          List<Long> read = new ArrayList<>();
          List<Long> saved = new ArrayList<>();
          for (int i = 0; i < warmup + runs; i++) {
            String readOnly = body(text.toString(), null);
            String save = body(text.toString(), "https://example.org/bench/" + System.nanoTime());
            long t0 = System.nanoTime();
            s.post("/api/v1/extractions", readOnly, 200);
            long t1 = System.nanoTime();
            String answer = s.post("/api/v1/extractions", save, 200).body();
            long t2 = System.nanoTime();
            if (!answer.contains("\"claimIds\":[")) {
              throw new IllegalStateException("nothing saved: " + answer.substring(0, 300));
            }
            if (i >= warmup) {
              read.add((t1 - t0) / 1_000);
              saved.add((t2 - t1) / 1_000);
            }
          }
          System.out.printf(
              "read 50 candidates:  p50 %.1f ms, p99 %.1f ms%n",
              Stats.median(read) / 1000, Stats.percentile(read, 99) / 1000);
          System.out.printf(
              "save 50 candidates:  p50 %.1f ms, p99 %.1f ms (%d runs after %d warm-up)%n",
              Stats.median(saved) / 1000, Stats.percentile(saved, 99) / 1000, runs, warmup);
        });
  }

  private static String body(String text, String url) {
    String base = "{\"text\":\"" + text + "\",\"language\":\"en\",\"statedAt\":\"2024-05-10\"";
    return url == null ? base + "}" : base + ",\"save\":true,\"source\":{\"url\":\"" + url + "\"}}";
  }
}
