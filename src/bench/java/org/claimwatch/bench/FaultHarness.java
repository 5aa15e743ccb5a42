package org.claimwatch.bench;

import static org.claimwatch.bench.BenchService.log;

import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.support.Fixtures;
import org.claimwatch.support.Receiver;

/**
 * The fault test: {@code --instances} (3) copies of the packaged jar on one database, {@code
 * --clients} (6) clients driving claims (single and batch), assignments and verdicts at them, and
 * an SEC import of the Tesla and the Apple companyfacts fixtures (which flags claims), while one
 * instance is killed with SIGKILL every {@code --kill-every} (5) seconds and started again. Run by
 * hand (a short run of it is {@code FaultIT} in {@code mvn verify}); bounded by {@code --seconds}
 * (60) of load, {@code --max-requests} and {@code --drain-seconds}; everything on loopback.
 *
 * <p>Clients are spread over the instances; on a connection error, a timeout or a 503 they send the
 * same request again to another instance, relying on what the API makes idempotent: a claim's
 * {@code externalRef} (single and batch), taking a claim one already holds, a verdict's {@code
 * If-Match} (a verdict sent again after it was stored gets 412; the client then reads the claim's
 * verdicts to learn it was), and a companyfacts import (a re-import adds nothing).
 *
 * <p>At the end, with every instance up and no more kills, it waits (with a deadline) until every
 * stored claim's {@code claim.created} and every stored verdict's {@code claim.verdict_published}
 * has reached its webhook receiver, which verifies each request with the official Standard Webhooks
 * library. Then it counts, from the database and the receiver: claims and verdicts acknowledged
 * (2xx) but not stored or stored twice, duplicate open re-check flags, events never delivered or
 * put in the outbox twice, bad signatures, and deliveries received more than once (at least once
 * allows that after a kill: repeats with a kill nearby are shown apart from the others). A
 * re-import of both documents at the end must add no facts and flag no claims. Any loss, duplicate
 * or bad signature, and any answer the API should never give (a 5xx other than 503, an unexpected
 * 4xx), fails the run (exit 1).
 *
 * <p>Build the jar first ({@code mvn -q -DskipTests -Dspotless.check.skip=true package}), then:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath org.claimwatch.bench.FaultHarness --instances=3 --seconds=60 --kill-every=5 --clients=6"
 * </pre>
 *
 * Database options as for every benchmark ({@link BenchService}): a fresh database on {@code
 * --server-url} (dropped at the end unless {@code --keep=true}) or {@code --jdbc-url}. {@code
 * --help} lists the rest. The instances log to {@code target/fault/}.
 */
public final class FaultHarness {
  /** What a run found: the summary table, and what failed it (empty: passed). */
  public record Result(String summary, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern REF_ITEM =
      Pattern.compile("\\{\"id\":(\\d+),\"externalRef\":\"([^\"]*)\"");
  private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
  private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":(\\d+)");
  private static final Pattern VERDICT_ID = Pattern.compile("\"verdict\":\\{\"id\":(\\d+)");
  private static final Pattern EXISTING = Pattern.compile("\"existing\":(\\d+)");
  private static final Pattern FACTS_ADDED = Pattern.compile("\"factsAdded\":(\\d+)");
  private static final Pattern FLAGGED = Pattern.compile("\"claimsFlagged\":(\\d+)");
  private static final long TESLA_CIK = 1318605;
  private static final long APPLE_CIK = 320193;

  // --- options
  private final int instanceCount;
  private final int seconds;
  private final int killEvery;
  private final int clients;
  private final int batch;
  private final int maxRequests;
  private final int drainSeconds;
  private final int opSeconds;
  private final String deliveryTimeout;
  private final int startSeconds;
  private final List<String> serviceOpts;
  private final Path logDir;
  private final BenchService db;

  // --- the run
  private final String tag = "fault-" + Long.toString(System.currentTimeMillis(), 36);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .executor(Executors.newCachedThreadPool(FaultHarness::daemon))
          .build();
  private final List<Instance> instances = new ArrayList<>();
  private final AtomicBoolean loadOver = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final List<Long> killsAt = new CopyOnWriteArrayList<>();
  private final List<Long> restartMs = new CopyOnWriteArrayList<>();
  private final AtomicInteger skippedKills = new AtomicInteger();
  private final List<String> harnessErrors = new CopyOnWriteArrayList<>();

  // requests
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong connectionErrors = new AtomicLong();
  private final AtomicLong unavailable = new AtomicLong();
  private final AtomicLong raced = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final Map<String, AtomicInteger> unexpected = new ConcurrentHashMap<>();
  private final List<String> unexpectedExamples = new CopyOnWriteArrayList<>();

  // what was acknowledged
  private final Map<String, Long> ackedClaims = new ConcurrentHashMap<>();
  private final AtomicLong claimRequestsAcked = new AtomicLong();
  private final AtomicLong foundOnRetry = new AtomicLong();
  private final AtomicLong batchRequestsAcked = new AtomicLong();
  private final Map<Long, Long> ackedVerdicts = new ConcurrentHashMap<>(); // verdict id -> claim
  private final AtomicLong verdictsConfirmedByReading = new AtomicLong();
  private final AtomicLong assignmentsAcked = new AtomicLong();
  private final List<String> importResults = new CopyOnWriteArrayList<>();
  private final List<String> importFailures = new CopyOnWriteArrayList<>();

  // what was received
  private record Receipt(String webhookId, String type, long claimId, long verdictId, long at) {}

  private final ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
  private final Set<Long> createdSeen = ConcurrentHashMap.newKeySet();
  private final Set<Long> verdictsSeen = ConcurrentHashMap.newKeySet();
  private final AtomicLong badSignatures = new AtomicLong();
  private final List<String> badSignatureExamples = new CopyOnWriteArrayList<>();
  private volatile Webhook verifier;

  /** One copy of the service: its current process and port (a new port at each start). */
  private final class Instance {
    final int index;
    volatile Process process;
    volatile int port;
    volatile boolean up;
    int starts;

    Instance(int index) {
      this.index = index;
    }

    synchronized void start() throws Exception {
      int p = BenchService.freePort();
      starts++;
      Path logFile = logDir.resolve("instance-" + index + "-start-" + starts + ".log");
      Map<String, String> env = new HashMap<>();
      env.put("CLAIMWATCH_WEBHOOKS_ALLOWED_CIDRS", "127.0.0.1/32");
      env.put("CLAIMWATCH_WEBHOOKS_TOTAL_TIMEOUT", deliveryTimeout);
      process = db.launch(serviceOpts, p, env, logFile);
      if (closing.get()) {
        process.destroyForcibly();
        return;
      }
      awaitHealth(process, p, logFile);
      port = p;
      up = true;
    }

    /** Waits for a 200 on /health, at most {@code --start-seconds}. */
    private void awaitHealth(Process p, int port, Path logFile) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startSeconds);
      while (!BenchService.healthy(http, port)) {
        if (!p.isAlive()) {
          throw new IllegalStateException("exited with " + p.exitValue() + "; see " + logFile);
        }
        if (System.nanoTime() > deadline || closing.get()) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "no 200 on /health within " + startSeconds + " s; see " + logFile);
        }
        Thread.sleep(100);
      }
    }

    void kill() throws InterruptedException {
      up = false;
      Process p = process;
      if (p != null) {
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private FaultHarness(BenchArgs a) {
    instanceCount = a.integer("instances", 3);
    seconds = a.integer("seconds", 60);
    killEvery = a.integer("kill-every", 5);
    clients = a.integer("clients", 6);
    batch = a.integer("batch", 10);
    maxRequests = a.integer("max-requests", 50_000);
    drainSeconds = a.integer("drain-seconds", 180);
    opSeconds = a.integer("op-seconds", 90);
    deliveryTimeout = a.string("delivery-timeout", "3s");
    startSeconds = a.integer("start-seconds", 300);
    serviceOpts = a.words("service-opts");
    logDir = Path.of(a.string("log-dir", "target/fault"));
    db = BenchService.databaseFromArgs(a, "claimwatch_fault_");
    if (instanceCount < 1 || clients < 1 || seconds < 1 || batch < 1 || batch > 1000) {
      throw new IllegalArgumentException(
          "--instances, --clients, --seconds must be at least 1; --batch 1..1000");
    }
  }

  public static void main(String[] args) throws Exception {
    Result r = run(args);
    System.exit(r.passed() ? 0 : 1);
  }

  /** One whole run with these options ({@code --name=value}); prints and returns its result. */
  public static Result run(String... args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    FaultHarness h = new FaultHarness(a);
    a.done();
    try (BenchService svc = h.db) {
      svc.onStop(h::killAll);
      return h.runIn();
    } finally {
      h.killAll();
    }
  }

  private void killAll() {
    closing.set(true);
    for (Instance i : instances) {
      Process p = i.process;
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
        try {
          p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private Result runIn() throws Exception {
    LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC);
    String machineBefore = Proc.machine();
    log("%s", machineBefore);
    Files.createDirectories(logDir);
    db.prepareDatabase();
    long t0 = System.nanoTime();
    for (int i = 0; i < instanceCount; i++) {
      instances.add(new Instance(i));
    }
    // The first start applies the migrations; the others then start side by side.
    instances.get(0).start();
    startAll(instances.subList(1, instances.size()));
    log("%d instances up after %d ms", instanceCount, (System.nanoTime() - t0) / 1_000_000);

    try (Receiver receiver = new Receiver();
        Connection jdbc = db.connect()) {
      receiver.answer("/hook", this::receive);
      String secret = subscribe(receiver.url("/hook"));
      verifier = new Webhook(secret);
      long cikBase = 9_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L);
      long teslaCik = cikBase;
      long appleCik = cikBase + 1;
      long tesla = entity("Tesla " + tag, teslaCik);
      long apple = entity("Apple " + tag, appleCik);
      String teslaDoc =
          Fixtures.companyFacts(
              "fixtures/sec/trimmed_companyfacts_CIK0001318605_tesla_as-of-2022-10_keyconcepts.json",
              TESLA_CIK,
              teslaCik);
      String appleDoc =
          Fixtures.companyFacts(
              "fixtures/sec/trimmed_companyfacts_CIK0000320193_apple_fetched-2026-03-21_keyconcepts.json",
              APPLE_CIK,
              appleCik);

      long machine0 = Proc.machineBusyMs();
      long loadStart = System.nanoTime();
      long loadEnd = loadStart + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newCachedThreadPool(FaultHarness::daemon);
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        work.add(pool.submit(() -> client(client, loadEnd, tesla, apple)));
      }
      work.add(
          pool.submit(
              () -> {
                importAt(loadStart + (loadEnd - loadStart) / 4, "Tesla", teslaDoc);
                importAt(loadStart + (loadEnd - loadStart) * 11 / 20, "Apple", appleDoc);
                return null;
              }));
      Future<?> killer = pool.submit(() -> killer(loadEnd));
      for (Future<?> f : work) {
        f.get();
      }
      loadOver.set(true);
      killer.get();
      double loadS = (System.nanoTime() - loadStart) / 1e9;
      long machineMs = Proc.machineBusyMs() - machine0;
      log("Load over after %.1f s; waiting for every instance to be up", loadS);
      awaitAllUp();

      // Quiet: every instance up, no more kills. Wait for the outbox to drain (the events).
      Stored stored = stored(jdbc);
      long drainStart = System.nanoTime();
      long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(drainSeconds);
      while (!(createdSeen.containsAll(stored.claimIds())
              && verdictsSeen.containsAll(stored.verdictIds()))
          && System.nanoTime() < drainDeadline) {
        Thread.sleep(200);
      }
      double drainS = (System.nanoTime() - drainStart) / 1e9;
      log("Outbox drained (or deadline) after %.1f s", drainS);
      String reTesla = importOnce("Tesla again", teslaDoc);
      String reApple = importOnce("Apple again", appleDoc);
      Result r =
          report(
              jdbc, stored, startedAt, machineBefore, loadS, machineMs, drainS, reTesla, reApple);
      pool.shutdownNow();
      return r;
    }
  }

  private void startAll(List<Instance> list) throws Exception {
    ExecutorService ex =
        Executors.newFixedThreadPool(Math.max(1, list.size()), FaultHarness::daemon);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (Instance i : list) {
        fs.add(
            ex.submit(
                () -> {
                  i.start();
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      ex.shutdownNow();
    }
  }

  private void awaitAllUp() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startSeconds + 30L);
    while (instances.stream().anyMatch(i -> !i.up)) {
      if (System.nanoTime() > deadline) {
        harnessErrors.add(
            "not every instance came back up within " + (startSeconds + 30) + " s after the load");
        return;
      }
      Thread.sleep(100);
    }
  }

  // --- the killer ---------------------------------------------------------------------------

  private Void killer(long loadEnd) throws InterruptedException {
    if (killEvery <= 0 || instanceCount < 2) {
      return null;
    }
    ExecutorService restarts = Executors.newCachedThreadPool(FaultHarness::daemon);
    long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(killEvery);
    int turn = 0;
    try {
      while (true) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (System.nanoTime() >= loadEnd || loadOver.get()) {
          return null;
        }
        next += TimeUnit.SECONDS.toNanos(killEvery);
        // Never the last one standing: a kill needs another instance up.
        Instance victim = null;
        for (int k = 0; k < instanceCount && victim == null; k++) {
          Instance i = instances.get((turn + k) % instanceCount);
          if (i.up && instances.stream().filter(o -> o.up).count() >= 2) {
            victim = i;
          }
        }
        turn++;
        if (victim == null) {
          skippedKills.incrementAndGet();
          continue;
        }
        victim.kill();
        killsAt.add(System.nanoTime());
        log("SIGKILL instance %d (pid %d)", victim.index, victim.process.pid());
        Instance v = victim;
        restarts.submit(
            () -> {
              long t = System.nanoTime();
              try {
                v.start();
                restartMs.add((System.nanoTime() - t) / 1_000_000);
              } catch (Exception e) {
                harnessErrors.add("instance " + v.index + " did not start again: " + e);
              }
            });
      }
    } finally {
      restarts.shutdown();
      if (!restarts.awaitTermination(startSeconds + 30L, TimeUnit.SECONDS)) {
        harnessErrors.add("a restart still ran " + (startSeconds + 30) + " s after the load");
      }
    }
  }

  // --- requests, sent again to another instance on a connection error or 503 -------------------

  /** The answer, or null when no instance answered within the operation's time. */
  private record Answer(HttpResponse<String> response, boolean ambiguous) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }
  }

  private Answer send(
      int client, String method, String path, String body, Map<String, String> headers) {
    return send(client, method, path, body, headers, Duration.ofSeconds(30));
  }

  private Answer send(
      int client,
      String method,
      String path,
      String body,
      Map<String, String> headers,
      Duration timeout) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(opSeconds);
    boolean ambiguous = false;
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      Instance target = pick(client + attempt);
      if (target == null) {
        pause(100);
        continue;
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port + path))
              .timeout(timeout)
              .header("Authorization", "Bearer " + BenchService.TOKEN);
      headers.forEach(b::header);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      requests.incrementAndGet();
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 503 || r.statusCode() == 502 || r.statusCode() == 504) {
          unavailable.incrementAndGet();
          ambiguous = true; // "may or may not have been stored"
          pause(Math.min(1000, 100L * (attempt + 1)));
          continue;
        }
        if (r.statusCode() == 409 && (r.body().contains("concurrent-change") || byKey(path))) {
          // Undone whole, or a create racing one whose answer was lost: send it again.
          raced.incrementAndGet();
          pause(Math.min(1000, 50L * (attempt + 1)));
          continue;
        }
        return new Answer(r, ambiguous);
      } catch (IOException e) {
        connectionErrors.incrementAndGet();
        ambiguous = true;
        pause(Math.min(1000, 50L * (attempt + 1)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    gaveUp.incrementAndGet();
    return null;
  }

  /** Whether a POST to {@code path} is idempotent by its content (externalRef, the document). */
  private static boolean byKey(String path) {
    return path.equals("/api/v1/claims")
        || path.equals("/api/v1/claims/batch")
        || path.equals("/api/v1/reports/sec-companyfacts");
  }

  /** An instance that is up, starting from {@code n} (mod the count); null if none is. */
  private Instance pick(int n) {
    for (int k = 0; k < instanceCount; k++) {
      Instance i = instances.get(Math.floorMod(n + k, instanceCount));
      if (i.up) {
        return i;
      }
    }
    return null;
  }

  private void unexpected(String what, Answer a) {
    String key = what + " " + a.status();
    unexpected.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (unexpectedExamples.size() < 10) {
      String b = a.body();
      unexpectedExamples.add(key + ": " + b.substring(0, Math.min(300, b.length())));
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- setup ----------------------------------------------------------------------------------

  private String subscribe(String url) {
    Answer a =
        send(
            0,
            "POST",
            "/api/v1/webhooks",
            "{\"url\":\""
                + url
                + "\",\"events\":[\"claim.created\",\"claim.verdict_published\"],"
                + "\"description\":\""
                + tag
                + "\"}",
            Map.of());
    Matcher m = a == null ? null : Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(a.body());
    if (a == null || a.status() != 201 || !m.find()) {
      throw new IllegalStateException("subscribe: " + (a == null ? "no answer" : a.body()));
    }
    return m.group(1);
  }

  private long entity(String name, long cik) {
    Answer a =
        send(
            0,
            "POST",
            "/api/v1/entities",
            "{\"name\":\"" + name + "\",\"kind\":\"COMPANY\",\"secCik\":" + cik + "}",
            Map.of());
    if (a == null || a.status() != 201) {
      throw new IllegalStateException("entity: " + (a == null ? "no answer" : a.body()));
    }
    return BenchService.id(a.response());
  }

  // --- the clients ----------------------------------------------------------------------------

  private Void client(int client, long loadEnd, long tesla, long apple) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    List<Long> mine = new ArrayList<>();
    int next = 0;
    int n = 0;
    while (System.nanoTime() < loadEnd && requests.get() < maxRequests) {
      int op = rnd.nextInt(10);
      if (op < 3 && next < mine.size()) {
        verdict(client, mine.get(next++));
      } else if (op < 5) {
        List<String> refs = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"claims\":[");
        for (int k = 0; k < batch; k++) {
          String ref = tag + "-c" + client + "-" + n++;
          refs.add(ref);
          body.append(k == 0 ? "" : ",").append(claimJson(ref, rnd, tesla, apple));
        }
        body.append("]}");
        Answer a =
            send(
                client,
                "POST",
                "/api/v1/claims/batch",
                body.toString(),
                Map.of("Prefer", "return=minimal"));
        if (a != null && (a.status() == 201 || a.status() == 200)) {
          batchRequestsAcked.incrementAndGet();
          Matcher existing = EXISTING.matcher(a.body());
          if (a.ambiguous() && existing.find()) {
            foundOnRetry.addAndGet(Long.parseLong(existing.group(1)));
          }
          Matcher m = REF_ITEM.matcher(a.body());
          int items = 0;
          while (m.find()) {
            long id = Long.parseLong(m.group(1));
            ackedClaims.put(m.group(2), id);
            mine.add(id);
            items++;
          }
          if (items != refs.size()) { // read every item, or the counts would prove nothing
            unexpected("POST /claims/batch (" + items + " items read of " + refs.size() + ")", a);
          }
        } else if (a != null) {
          unexpected("POST /claims/batch", a);
        }
      } else {
        String ref = tag + "-c" + client + "-" + n++;
        Answer a =
            send(client, "POST", "/api/v1/claims", claimJson(ref, rnd, tesla, apple), Map.of());
        if (a != null && (a.status() == 201 || (a.status() == 200 && a.ambiguous()))) {
          claimRequestsAcked.incrementAndGet();
          if (a.status() == 200) {
            foundOnRetry.incrementAndGet();
          }
          long id = BenchService.id(a.response());
          ackedClaims.put(ref, id);
          mine.add(id);
        } else if (a != null) {
          unexpected("POST /claims", a);
        }
      }
    }
    return null;
  }

  /**
   * A claim: most about no one; some about the run's Tesla or Apple, said before their filings, so
   * that importing the figures flags them.
   */
  private String claimJson(String ref, ThreadLocalRandom rnd, long tesla, long apple) {
    String value = Long.toString(1_000_000L * (1 + rnd.nextInt(100_000)));
    int kind = rnd.nextInt(4);
    String about;
    if (kind == 0) {
      about =
          ",\"entityId\":"
              + tesla
              + ",\"metric\":\"net_income\",\"periodStart\":\"2021-01-01\","
              + "\"periodEnd\":\"2021-12-31\",\"statedAt\":\"2021-12-01\"";
    } else if (kind == 1) {
      about =
          ",\"entityId\":"
              + apple
              + ",\"metric\":\"revenue\",\"periodStart\":\"2023-10-01\","
              + "\"periodEnd\":\"2024-09-28\",\"statedAt\":\"2024-06-01\"";
    } else {
      about = ",\"metric\":\"capex\",\"statedAt\":\"2024-07-27\"";
    }
    return "{\"externalRef\":\""
        + ref
        + "\",\"statement\":\"Fault test claim "
        + ref
        + "\",\"value\":\""
        + value
        + "\",\"unit\":\"USD\""
        + about
        + "}";
  }

  /** Takes the claim, then records a verdict at the version taking it returned. */
  private void verdict(int client, long claimId) {
    String rationale = tag + " verdict on claim " + claimId;
    String body =
        "{\"status\":\"ACCURATE\",\"rationale\":\""
            + rationale
            + "\",\"evidence\":[{\"url\":\"https://example.org/"
            + tag
            + "\",\"note\":\"fault test\"}]}";
    for (int round = 0; round < 5; round++) {
      Answer take =
          send(client, "POST", "/api/v1/claims/" + claimId + "/assignment", null, Map.of());
      if (take == null) {
        return;
      }
      if (take.status() != 201 && take.status() != 200) {
        unexpected("POST /assignment", take);
        return;
      }
      assignmentsAcked.incrementAndGet();
      String etag = take.response().headers().firstValue("ETag").orElse("");
      Answer v =
          send(
              client,
              "POST",
              "/api/v1/claims/" + claimId + "/verdicts",
              body,
              Map.of("If-Match", etag));
      if (v == null) {
        return;
      }
      if (v.status() == 201) {
        ackedVerdicts.put(BenchService.id(v.response()), claimId);
        return;
      }
      if (v.status() != 412) {
        unexpected("POST /verdicts", v);
        return;
      }
      // 412: it was stored by an attempt whose answer was lost, or the claim moved on (a flag).
      Answer list = send(client, "GET", "/api/v1/claims/" + claimId + "/verdicts", null, Map.of());
      if (list != null && list.status() == 200 && list.body().contains(rationale)) {
        Matcher m = Pattern.compile("\"id\":(\\d+),\"claimId\":" + claimId).matcher(list.body());
        if (v.ambiguous() && m.find()) {
          verdictsConfirmedByReading.incrementAndGet();
          ackedVerdicts.put(Long.parseLong(m.group(1)), claimId);
        } else {
          unexpected("POST /verdicts (412 with the verdict stored, no lost answer)", v);
        }
        return;
      }
      stale.incrementAndGet(); // the claim changed between taking it and the verdict: again
    }
  }

  // --- the import -----------------------------------------------------------------------------

  private void importAt(long at, String name, String doc) throws InterruptedException {
    long wait = at - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    String r = importOnce(name, doc);
    if (r != null) {
      importResults.add(r);
    }
  }

  /** "name: factsAdded N, claimsFlagged M", or null (noted as a failure). */
  private String importOnce(String name, String doc) {
    Answer a =
        send(
            ThreadLocalRandom.current().nextInt(instanceCount),
            "POST",
            "/api/v1/reports/sec-companyfacts",
            doc,
            Map.of(),
            Duration.ofSeconds(120));
    if (a == null || a.status() != 201) {
      importFailures.add(
          name + ": " + (a == null ? "no instance answered" : a.status() + " " + a.body()));
      return null;
    }
    Matcher added = FACTS_ADDED.matcher(a.body());
    Matcher flagged = FLAGGED.matcher(a.body());
    String r =
        name
            + ": factsAdded "
            + (added.find() ? added.group(1) : "?")
            + ", claimsFlagged "
            + (flagged.find() ? flagged.group(1) : "?")
            + (a.ambiguous() ? " (sent again after a lost answer)" : "");
    log("Import %s", r);
    return r;
  }

  // --- the receiver ---------------------------------------------------------------------------

  private Receiver.Answer receive(Receiver.Request r) {
    long at = System.nanoTime();
    // A delivery can come before subscribe() has handed over the secret: wait for it.
    for (int i = 0; verifier == null && i < 300; i++) {
      pause(100);
    }
    try {
      verifier.verify(r.body(), r.headers());
    } catch (Exception e) {
      badSignatures.incrementAndGet();
      if (badSignatureExamples.size() < 5) {
        badSignatureExamples.add(e + " on " + r.header("webhook-id"));
      }
    }
    Matcher type = TYPE.matcher(r.body());
    Matcher claim = CLAIM_ID.matcher(r.body());
    Matcher verdict = VERDICT_ID.matcher(r.body());
    String t = type.find() ? type.group(1) : "?";
    long claimId = claim.find() ? Long.parseLong(claim.group(1)) : -1;
    long verdictId = verdict.find() ? Long.parseLong(verdict.group(1)) : -1;
    receipts.add(new Receipt(r.header("webhook-id"), t, claimId, verdictId, at));
    if (t.equals("claim.created")) {
      createdSeen.add(claimId);
    } else if (t.equals("claim.verdict_published")) {
      verdictsSeen.add(verdictId);
    }
    return Receiver.Answer.ok();
  }

  // --- counting -------------------------------------------------------------------------------

  /** What the database holds of this run. */
  private record Stored(
      Map<String, List<Long>> claimsByRef,
      Map<String, Integer> statements,
      Map<Long, List<Long>> verdictsByClaim,
      Map<String, Integer> openFlags,
      Map<String, Integer> flagsByReport,
      int flaggedClaims,
      long pendingDeliveries) {
    Set<Long> claimIds() {
      Set<Long> s = new HashSet<>();
      claimsByRef.values().forEach(s::addAll);
      return s;
    }

    Set<Long> verdictIds() {
      Set<Long> s = new HashSet<>();
      verdictsByClaim.values().forEach(s::addAll);
      return s;
    }
  }

  private Stored stored(Connection c) throws Exception {
    String like = tag + "-%";
    Map<String, List<Long>> byRef = new HashMap<>();
    Map<String, Integer> statements = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, external_ref, statement FROM claims WHERE external_ref LIKE ?")) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byRef.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
          statements.merge(rs.getString(3), 1, Integer::sum);
        }
      }
    }
    // Claims stored without their externalRef would escape the query above: by statement too.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT statement, COUNT(*) FROM claims WHERE statement LIKE ? AND"
                + " (external_ref IS NULL OR external_ref NOT LIKE ?) GROUP BY statement")) {
      ps.setString(1, "Fault test claim " + like);
      ps.setString(2, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          statements.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        }
      }
    }
    Map<Long, List<Long>> verdicts = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.id, v.claim_id FROM verdicts v JOIN claims c ON c.id = v.claim_id"
                + " WHERE c.external_ref LIKE ? AND v.state = 'PUBLISHED'")) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          verdicts.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
        }
      }
    }
    Map<String, Integer> open = new HashMap<>();
    Map<String, Integer> byReport = new HashMap<>();
    Set<Long> flagged = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.claim_id, r.reason, r.report_id, r.resolved_at IS NULL FROM rechecks r"
                + " JOIN claims c ON c.id = r.claim_id WHERE c.external_ref LIKE ?")) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          flagged.add(rs.getLong(1));
          String claimReason = rs.getLong(1) + " " + rs.getString(2);
          if (rs.getBoolean(4)) {
            open.merge(claimReason, 1, Integer::sum);
          }
          if (rs.getObject(3) != null) {
            byReport.merge(claimReason + " report " + rs.getLong(3), 1, Integer::sum);
          }
        }
      }
    }
    long pending;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM webhook_deliveries d JOIN webhook_subscriptions s"
                + " ON s.id = d.subscription_id WHERE s.description = ? AND d.status <> 'DELIVERED'")) {
      ps.setString(1, tag);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        pending = rs.getLong(1);
      }
    }
    return new Stored(byRef, statements, verdicts, open, byReport, flagged.size(), pending);
  }

  private Result report(
      Connection jdbc,
      Stored before,
      LocalDateTime startedAt,
      String machineBefore,
      double loadS,
      long machineMs,
      double drainS,
      String reTesla,
      String reApple)
      throws Exception {
    Stored s = stored(jdbc); // again: after the drain (flags, deliveries)
    // claims
    int claimsLost = 0;
    List<String> lostExamples = new ArrayList<>();
    for (Map.Entry<String, Long> e : ackedClaims.entrySet()) {
      List<Long> ids = s.claimsByRef().getOrDefault(e.getKey(), List.of());
      if (!ids.contains(e.getValue())) {
        claimsLost++;
        if (lostExamples.size() < 5) {
          lostExamples.add(e.getKey() + " acknowledged as " + e.getValue() + ", stored " + ids);
        }
      }
    }
    long claimsTwice =
        s.claimsByRef().values().stream().filter(l -> l.size() > 1).count()
            + s.statements().values().stream().filter(n -> n > 1).count();
    int storedClaims = s.claimIds().size();
    long storedUnacked =
        s.claimsByRef().keySet().stream().filter(r -> !ackedClaims.containsKey(r)).count();
    // verdicts
    Set<Long> storedVerdicts = s.verdictIds();
    long verdictsLost =
        ackedVerdicts.keySet().stream().filter(v -> !storedVerdicts.contains(v)).count();
    long verdictsTwice = s.verdictsByClaim().values().stream().filter(l -> l.size() > 1).count();
    // flags
    long openFlags = s.openFlags().values().stream().mapToLong(Integer::longValue).sum();
    long flagsTwice =
        s.openFlags().values().stream().filter(n -> n > 1).count()
            + s.flagsByReport().values().stream().filter(n -> n > 1).count();
    // deliveries
    List<Receipt> all = new ArrayList<>(receipts);
    Set<Long> claimIds = s.claimIds();
    Map<String, List<Receipt>> byId = new LinkedHashMap<>();
    Map<Long, Set<String>> createdIds = new HashMap<>();
    Map<Long, Set<String>> verdictIds = new HashMap<>();
    for (Receipt r : all) {
      boolean ours =
          (r.type().equals("claim.created") && claimIds.contains(r.claimId()))
              || (r.type().equals("claim.verdict_published")
                  && storedVerdicts.contains(r.verdictId()));
      if (!ours) {
        continue;
      }
      byId.computeIfAbsent(r.webhookId(), k -> new ArrayList<>()).add(r);
      if (r.type().equals("claim.created")) {
        createdIds.computeIfAbsent(r.claimId(), k -> new HashSet<>()).add(r.webhookId());
      } else {
        verdictIds.computeIfAbsent(r.verdictId(), k -> new HashSet<>()).add(r.webhookId());
      }
    }
    long createdMissing = claimIds.stream().filter(id -> !createdIds.containsKey(id)).count();
    long verdictMissing = storedVerdicts.stream().filter(id -> !verdictIds.containsKey(id)).count();
    long eventsTwice =
        createdIds.values().stream().filter(x -> x.size() > 1).count()
            + verdictIds.values().stream().filter(x -> x.size() > 1).count();
    long window = 2 * parseSeconds(deliveryTimeout) * 1_000_000_000L + TimeUnit.SECONDS.toNanos(5);
    long repeatsNearKill = 0;
    long repeatsOther = 0;
    for (List<Receipt> rs : byId.values()) {
      rs.sort((x, y) -> Long.compare(x.at(), y.at()));
      for (int k = 1; k < rs.size(); k++) {
        long from = rs.get(0).at() - window;
        long to = rs.get(k).at();
        boolean near = killsAt.stream().anyMatch(t -> t >= from && t <= to);
        if (near) {
          repeatsNearKill++;
        } else {
          repeatsOther++;
        }
      }
    }
    long received = byId.values().stream().mapToLong(List::size).sum();

    List<String> failures = new ArrayList<>(harnessErrors);
    check(
        failures, claimsLost == 0, claimsLost + " acknowledged claims not stored: " + lostExamples);
    check(failures, claimsTwice == 0, claimsTwice + " claims stored twice");
    check(failures, verdictsLost == 0, verdictsLost + " acknowledged verdicts not stored");
    check(failures, verdictsTwice == 0, verdictsTwice + " claims with two verdicts");
    check(failures, flagsTwice == 0, flagsTwice + " duplicate re-check flags");
    check(failures, createdMissing == 0, createdMissing + " claim.created never delivered");
    check(failures, verdictMissing == 0, verdictMissing + " verdict events never delivered");
    check(failures, eventsTwice == 0, eventsTwice + " events in the outbox twice");
    check(
        failures,
        badSignatures.get() == 0,
        badSignatures.get() + " bad signatures: " + badSignatureExamples);
    check(failures, unexpected.isEmpty(), "unexpected answers: " + unexpectedExamples);
    check(failures, importFailures.isEmpty(), "imports failed: " + importFailures);
    check(
        failures,
        reTesla != null && reTesla.contains("factsAdded 0, claimsFlagged 0"),
        "re-import of Tesla was not a no-op: " + reTesla);
    check(
        failures,
        reApple != null && reApple.contains("factsAdded 0, claimsFlagged 0"),
        "re-import of Apple was not a no-op: " + reApple);
    check(failures, gaveUp.get() == 0, gaveUp.get() + " operations no instance answered in time");

    StringBuilder out = new StringBuilder();
    out.append(BenchService.dateLine(startedAt)).append('\n');
    row(out, "machine at the start", machineBefore);
    row(out, "machine at the end", Proc.machine());
    row(
        out,
        "machine busy during the load",
        Proc.otherLoad(machineMs, loadS * 1000) + " (everything, this run included)");
    row(
        out,
        "run",
        String.format(
            Locale.ROOT,
            "%d instances, %d clients, %.1f s of load, kill every %d s, batch %d, delivery timeout %s",
            instanceCount,
            clients,
            loadS,
            killEvery,
            batch,
            deliveryTimeout));
    row(
        out,
        "kills (SIGKILL) / restarts",
        killsAt.size()
            + " / "
            + restartMs.size()
            + (restartMs.isEmpty() ? "" : ", restart to healthy ms " + Stats.medianRange(restartMs))
            + (skippedKills.get() > 0
                ? ", " + skippedKills.get() + " kills skipped (one up)"
                : ""));
    row(
        out,
        "requests sent",
        requests.get()
            + " ("
            + connectionErrors.get()
            + " connection errors, "
            + unavailable.get()
            + " 503, "
            + raced.get()
            + " 409 lost races: each sent again; "
            + gaveUp.get()
            + " gave up)");
    row(
        out,
        "acknowledged (2xx)",
        claimRequestsAcked.get()
            + " single creates, "
            + batchRequestsAcked.get()
            + " batches, "
            + assignmentsAcked.get()
            + " assignments, "
            + ackedVerdicts.size()
            + " verdicts ("
            + verdictsConfirmedByReading.get()
            + " known from a 412 after a lost answer), "
            + importResults.size()
            + " imports");
    row(
        out,
        "claims",
        ackedClaims.size()
            + " acknowledged, "
            + storedClaims
            + " stored ("
            + foundOnRetry.get()
            + " found stored by a request sent again after a lost answer, "
            + storedUnacked
            + " stored but never acknowledged); LOST "
            + claimsLost
            + ", STORED TWICE "
            + claimsTwice);
    row(
        out,
        "verdicts",
        ackedVerdicts.size()
            + " acknowledged, "
            + storedVerdicts.size()
            + " stored; LOST "
            + verdictsLost
            + ", DUPLICATED "
            + verdictsTwice
            + " (after a 412 a client took the claim again "
            + stale.get()
            + " times)");
    row(
        out,
        "re-check flags",
        s.flaggedClaims()
            + " claims flagged, "
            + openFlags
            + " open; DUPLICATED "
            + flagsTwice
            + " (one open flag per claim and cause, one per report)");
    row(out, "imports", String.join("; ", importResults) + "; then " + reTesla + "; " + reApple);
    row(
        out,
        "deliveries",
        (claimIds.size() + storedVerdicts.size())
            + " events expected, "
            + received
            + " requests received in "
            + String.format(Locale.ROOT, "%.1f", drainS)
            + " s after the load; LOST "
            + (createdMissing + verdictMissing)
            + " ("
            + createdMissing
            + " claim.created, "
            + verdictMissing
            + " verdicts), EVENTS TWICE "
            + eventsTwice
            + ", BAD SIGNATURES "
            + badSignatures.get()
            + " (Standard Webhooks library)");
    row(
        out,
        "repeats (same webhook-id)",
        repeatsNearKill
            + " with a kill nearby, "
            + repeatsOther
            + " without; deliveries not DELIVERED at the end "
            + s.pendingDeliveries());
    row(
        out,
        "unexpected answers",
        unexpected.isEmpty() ? "none" : unexpected.toString() + " " + unexpectedExamples);
    out.append(failures.isEmpty() ? "PASSED" : "FAILED: " + String.join("; ", failures))
        .append('\n');
    System.out.println();
    System.out.print(out);
    System.out.flush();
    return new Result(out.toString(), List.copyOf(failures));
  }

  private static void check(List<String> failures, boolean ok, String what) {
    if (!ok) {
      failures.add(what);
    }
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "%-28s %s%n", name, value));
  }

  private static long parseSeconds(String duration) {
    Matcher m = Pattern.compile("(\\d+)s").matcher(duration.strip());
    return m.matches() ? Long.parseLong(m.group(1)) : 15;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fault");
    t.setDaemon(true);
    return t;
  }
}
