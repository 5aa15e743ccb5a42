package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery speed, against the packaged service ({@code java -jar}) on a fresh database and
 * a receiver on loopback that answers 200 at once (the JDK's HTTP server, in this process). A
 * program run by hand, not a test (see BENCHMARKS.md).
 *
 * <ol>
 *   <li><b>throughput</b>: {@code --events} (20,000) claims are created through {@code POST
 *       /api/v1/claims/batch} ({@code --batch} per request, {@code --producers} at once), each a
 *       claim.created event for one subscription; deliveries/s is received events over the time
 *       from the first receipt to the last (the dispatcher's sustained rate, production running
 *       ahead of it), and over the whole run from the first request;
 *   <li><b>latency</b>: for each of {@code --rates} (100,500,1000), claims are created one per
 *       {@code POST /api/v1/claims} (each its own transaction) at that rate, open loop, for {@code
 *       --seconds} (20); commit-to-receipt is the receiver's clock at arrival minus the moment the
 *       201 came back (the commit happened before it, so this slightly under-counts), and
 *       send-to-receipt (from sending the create request, which over-counts by the create itself).
 * </ol>
 */
public final class WebhookBenchmark {
  private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
  private final AtomicLong firstReceipt = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastReceipt = new AtomicLong();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(64, WebhookBenchmark::daemon))
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private BenchService svc;

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int events = a.integer("events", 20000);
    int batch = a.integer("batch", 200);
    int producers = a.integer("producers", 4);
    List<Integer> rates = a.integers("rates", "100,500,1000");
    int seconds = a.integer("seconds", 20);
    int perRequest = a.integer("per-request", 1);
    BenchService svc = BenchService.fromArgs(a, "target/bench-webhooks-service.log");
    svc.env("CLAIMWATCH_WEBHOOKS_ALLOWED_CIDRS", "127.0.0.0/8");
    WebhookBenchmark b = new WebhookBenchmark();
    HttpServer receiver = b.receiver();
    log("%s", Proc.machine());
    try {
      svc.run(
          a,
          b.http,
          s -> {
            b.svc = s;
            b.subscribe(receiver);
            // Warm the service's JIT and connections: not measured.
            b.produce(2000, batch, producers);
            b.await(2000, Duration.ofSeconds(120));
            b.throughput(events, batch, producers);
            for (int rate : rates) {
              b.latency(rate, seconds, perRequest);
            }
          });
    } finally {
      receiver.stop(0);
    }
  }

  /** One subscription to claim.created, delivered to the receiver. */
  private void subscribe(HttpServer receiver) throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    HttpResponse<String> sub =
        send("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"claim.created\"]}");
    if (sub.statusCode() != 201) {
      throw new IllegalStateException("subscribe: " + sub.statusCode() + " " + sub.body());
    }
  }

  private void throughput(int events, int batch, int producers) throws Exception {
    reset();
    long t0 = System.nanoTime();
    produce(events, batch, producers);
    double produceS = (System.nanoTime() - t0) / 1e9;
    await(events, Duration.ofSeconds(600));
    double window = (lastReceipt.get() - firstReceipt.get()) / 1e9;
    double whole = (lastReceipt.get() - t0) / 1e9;
    log(
        "THROUGHPUT events=%d produced in %.2f s (%.0f claims/s); delivered %d: %.0f deliveries/s"
            + " first-to-last receipt (%.2f s), %.0f/s from the first request (%.2f s);"
            + " duplicates=%d",
        events,
        produceS,
        events / produceS,
        received.get(),
        (received.get() - 1) / window,
        window,
        received.get() / whole,
        whole,
        duplicates.get());
  }

  private void latency(int rate, int seconds, int perRequest) throws Exception {
    reset();
    int requests = rate * seconds / perRequest;
    int total = requests * perRequest;
    String tag = Long.toString(System.nanoTime(), 36);
    Map<Long, long[]> sentAndCommitted = new ConcurrentHashMap<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(WebhookBenchmark::daemon);
    long periodNanos = 1_000_000_000L * perRequest / rate;
    long t0 = System.nanoTime();
    ticker.scheduleAtFixedRate(
        () -> {
          // Catch up if the ticker fell behind: open loop, the schedule does not wait for answers.
          long due = (System.nanoTime() - t0) / periodNanos + 1;
          while (next.get() < Math.min(due, requests)) {
            int i = next.getAndIncrement();
            long sent = System.nanoTime();
            http.sendAsync(create(rate, tag, i, perRequest), HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (r, e) -> {
                      long committed = System.nanoTime();
                      if (e != null || r.statusCode() != 201) {
                        errors.add(e != null ? e : new IllegalStateException(r.body()));
                        return;
                      }
                      Matcher m = ID.matcher(r.body());
                      while (m.find()) {
                        sentAndCommitted.put(
                            Long.parseLong(m.group(1)), new long[] {sent, committed});
                      }
                    });
          }
        },
        0,
        Math.max(1, periodNanos),
        TimeUnit.NANOSECONDS);
    while (next.get() < requests) {
      Thread.sleep(50);
    }
    ticker.shutdown();
    long scheduleEnd = System.nanoTime();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (sentAndCommitted.size() + errors.size() * perRequest < total
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    await(sentAndCommitted.size(), Duration.ofSeconds(120));
    List<Double> commitToReceipt = new ArrayList<>();
    List<Double> sendToReceipt = new ArrayList<>();
    int early = 0;
    for (Map.Entry<Long, long[]> e : sentAndCommitted.entrySet()) {
      Long at = receivedAt.get(e.getKey());
      if (at == null) {
        continue;
      }
      double c = (at - e.getValue()[1]) / 1e6;
      if (c < 0) {
        early++;
      }
      commitToReceipt.add(Math.max(0, c));
      sendToReceipt.add((at - e.getValue()[0]) / 1e6);
    }
    double achieved = (double) total / ((scheduleEnd - t0) / 1e9);
    log(
        "LATENCY rate=%d/s (%d per request; achieved %.0f/s) n=%d received=%d errors=%d |"
            + " commit-to-receipt ms"
            + " p50=%.1f p90=%.1f p99=%.1f max=%.1f (arrived before the 201: %d) |"
            + " send-to-receipt ms p50=%.1f p99=%.1f",
        rate,
        perRequest,
        achieved,
        total,
        commitToReceipt.size(),
        errors.size(),
        pct(commitToReceipt, 50),
        pct(commitToReceipt, 90),
        pct(commitToReceipt, 99),
        pct(commitToReceipt, 100),
        early,
        pct(sendToReceipt, 50),
        pct(sendToReceipt, 99));
  }

  /** One timed create: a single claim, or {@code perRequest} claims in one batch (one commit). */
  private HttpRequest create(int rate, String tag, int i, int perRequest) {
    if (perRequest == 1) {
      return request(
          "/api/v1/claims",
          "{\"statement\":\"Latency "
              + rate
              + " #"
              + i
              + "\",\"value\":\""
              + i
              + "\",\"unit\":\"USD\"}");
    }
    StringBuilder b = new StringBuilder("{\"claims\":[");
    for (int k = 0; k < perRequest; k++) {
      b.append(k == 0 ? "" : ",")
          .append("{\"externalRef\":\"")
          .append(tag)
          .append('-')
          .append(i)
          .append('-')
          .append(k)
          .append("\",\"statement\":\"Latency ")
          .append(rate)
          .append(" #")
          .append(i)
          .append("\",\"value\":\"")
          .append(k)
          .append("\",\"unit\":\"USD\"}");
    }
    return request("/api/v1/claims/batch", b.append("]}").toString());
  }

  /** Creates {@code n} claims through the batch endpoint, {@code producers} requests at once. */
  private void produce(int n, int batch, int producers) throws Exception {
    AtomicInteger made = new AtomicInteger();
    String tag = Long.toString(System.nanoTime(), 36);
    Runs.parallel(
        "producer",
        producers,
        () -> {},
        client -> {
          int start;
          while ((start = made.getAndAdd(batch)) < n) {
            StringBuilder b = new StringBuilder("{\"claims\":[");
            for (int i = start; i < Math.min(n, start + batch); i++) {
              b.append(i == start ? "" : ",")
                  .append("{\"externalRef\":\"")
                  .append(tag)
                  .append('-')
                  .append(i)
                  .append("\",\"statement\":\"Throughput claim ")
                  .append(i)
                  .append("\",\"metric\":\"revenue\",\"value\":\"")
                  .append(i)
                  .append("\",\"unit\":\"USD\"}");
            }
            HttpResponse<String> r = send("/api/v1/claims/batch", b.append("]}").toString());
            if (r.statusCode() != 201) {
              throw new IllegalStateException("batch failed: " + r.statusCode() + " " + r.body());
            }
          }
        });
  }

  private void await(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.get() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + received.get() + " of " + n + " received");
      }
      Thread.sleep(10);
    }
  }

  private void reset() {
    receivedAt.clear();
    received.set(0);
    duplicates.set(0);
    firstReceipt.set(Long.MAX_VALUE);
    lastReceipt.set(0);
  }

  private HttpServer receiver() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext(
        "/hook",
        x -> {
          long at = System.nanoTime();
          String body;
          try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          x.sendResponseHeaders(200, -1);
          x.close();
          Matcher m = CLAIM_ID.matcher(body);
          if (m.find() && receivedAt.putIfAbsent(Long.parseLong(m.group(1)), at) != null) {
            duplicates.incrementAndGet();
          }
          received.incrementAndGet();
          firstReceipt.accumulateAndGet(at, Math::min);
          lastReceipt.accumulateAndGet(at, Math::max);
        });
    server.setExecutor(Executors.newFixedThreadPool(64, WebhookBenchmark::daemon));
    server.start();
    return server;
  }

  private HttpResponse<String> send(String path, String body) throws Exception {
    return http.send(request(path, body), BenchService.ofString());
  }

  private HttpRequest request(String path, String body) {
    return svc.postJson(path, body, Duration.ofSeconds(60));
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    return t;
  }

  private static double pct(List<Double> values, double p) {
    return Stats.percentile(values, p);
  }
}
