package org.claimwatch.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.claimwatch.webhook.DeliveryStore.Outcome;
import org.claimwatch.webhook.DeliveryStore.Pick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhook deliveries. One thread per instance does the database work in rounds: fan new
 * events out into deliveries, record finished attempts, take due deliveries and hand them to the
 * non-blocking {@link Sender}. A commit that wrote events wakes it at once; otherwise it looks
 * every {@code poll-interval}. Instances share the work through the database (SKIP LOCKED), and a
 * taken delivery's due time moves past the total timeout, so no two instances send it at the same
 * time; if an instance dies, its deliveries come due again and go out with the same webhook-id.
 */
@Context
public class Dispatcher implements GracefulShutdownCapable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final Duration STATS_EVERY = Duration.ofSeconds(5);
  private static final Duration DUE_PICK_EVERY = Duration.ofMillis(250);

  private final DeliveryStore store;
  private final FanOutStore fanOuts;
  private final Sender sender;
  private final WebhookConfig config;
  private final Clock clock;
  private final Backoff backoff;
  private final Signer signer = new Signer();
  private final Semaphore wake = new Semaphore(0);
  private final ConcurrentLinkedQueue<Outcome> finished = new ConcurrentLinkedQueue<>();
  private final Map<Long, AtomicInteger> inFlightBySubscription = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong picks = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicBoolean pickRequested =
      new java.util.concurrent.atomic.AtomicBoolean();
  private long nextDuePick;
  private boolean dueBacklog;

  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final MeterRegistry meters;
  private final Timer latency;
  private volatile long queueDepth;
  private volatile Instant oldestPending;
  private volatile Instant lastRound;
  private volatile String lastError;
  private volatile boolean running;
  private Thread thread;

  // Graceful shutdown: take nothing new, let what is on the wire finish and record it (drained),
  // then hand back whatever is still out (closed: a later answer is no longer recorded).
  private volatile boolean stopping;
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final Object closing = new Object();
  private boolean closed;

  Dispatcher(
      DeliveryStore store,
      FanOutStore fanOuts,
      Sender sender,
      WebhookConfig config,
      Clock clock,
      MeterRegistry meters) {
    this.fanOuts = fanOuts;
    this.store = store;
    this.sender = sender;
    this.config = config;
    this.clock = clock;
    this.meters = meters;
    this.backoff =
        new Backoff(config.retrySchedule(), config.jitter(), RandomGenerator.getDefault());
    this.latency =
        Timer.builder("claimwatch.webhooks.attempt.latency")
            .description("Time from sending a webhook to its answer (or failure)")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    Gauge.builder("claimwatch.webhooks.queue.depth", () -> queueDepth)
        .description("Deliveries due now and not yet sent")
        .register(meters);
    Gauge.builder("claimwatch.webhooks.oldest.pending.seconds", this::oldestPendingSeconds)
        .description("Age of the oldest event not yet delivered everywhere")
        .register(meters);
    Gauge.builder("claimwatch.webhooks.in.flight", inFlight::get)
        .description("Requests on the wire")
        .register(meters);
    // Every outcome's series exists from the start (at 0), so rate() works before the first.
    for (String outcome : List.of("delivered", "retrying", "failed", "endpoint_gone")) {
      counter(outcome);
    }
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (config.dispatcherEnabled() && thread == null) {
      running = true;
      thread = new Thread(this::loop, "webhook-dispatcher");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** After a commit that wrote events: look at once. */
  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void onAppended(OutboxAppended event) {
    signal();
  }

  /**
   * Makes the dispatcher look for all work now, deliveries come due included (also used by tests
   * after moving the clock).
   */
  public void wake() {
    pickRequested.set(true);
    signal();
  }

  private void signal() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** For /health. */
  Map<String, Object> health() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("enabled", config.dispatcherEnabled());
    d.put("running", running && thread != null && thread.isAlive());
    d.put("lastRound", lastRound == null ? null : lastRound.toString());
    d.put("inFlight", inFlight.get());
    d.put("queueDepth", queueDepth);
    d.put("oldestPendingSeconds", oldestPendingSeconds());
    d.put("lastError", lastError);
    return d;
  }

  boolean healthy() {
    return !config.dispatcherEnabled() || (running && thread != null && thread.isAlive());
  }

  private double oldestPendingSeconds() {
    Instant o = oldestPending;
    return o == null ? 0 : Math.max(0, Duration.between(o, clock.instant()).toMillis() / 1000.0);
  }

  private void loop() {
    Instant nextStats = Instant.MIN;
    boolean polled = true;
    while (running) {
      try {
        if (stopping) {
          if (finishInFlight()) {
            return;
          }
          continue;
        }
        boolean busy = round(polled);
        polled = false;
        Instant now = clock.instant();
        if (!now.isBefore(nextStats)) {
          DeliveryStore.Stats s = store.stats(now);
          queueDepth = s.due();
          oldestPending = s.oldestPending();
          nextStats = now.plus(STATS_EVERY);
        }
        lastRound = now;
        lastError = null;
        if (!busy) {
          polled = !wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // A deadlock victim just tries again; if the database is away, wait a poll. Nothing else
        // ends the loop either (an Error included): a dispatcher that stops stops every webhook.
        boolean transient_ = isTransient(e);
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (transient_) {
          LOG.debug("webhook dispatcher round retried: {}", lastError);
        } else {
          LOG.warn("webhook dispatcher round failed: {}", lastError);
        }
        try {
          Thread.sleep(transient_ ? 5 : config.pollInterval().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * While stopping: records the attempts that finished; true once nothing is on the wire and every
   * answer is recorded (the graceful shutdown may go on), else waits for the next answer.
   */
  private boolean finishInFlight() throws InterruptedException {
    recordFinished();
    if (inFlight.get() == 0 && finished.isEmpty()) {
      drained.complete(null);
      return true;
    }
    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    wake.drainPermits();
    return false;
  }

  private static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientException
          || t instanceof java.sql.SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  /**
   * One round; true when it found work (so the next round starts at once). New events are fanned
   * out and their deliveries sent in the same step; deliveries that came due again (retries, a dead
   * instance's) are looked for on request ({@link #wake}), at least every quarter second while
   * busy, and at every poll.
   */
  boolean round(boolean polled) {
    boolean busy = false;
    // Read the request before the clock: a wake that comes after this read is kept for the next
    // round, and one that came before it sees a clock at least as late as the waker's.
    boolean pickNow = pickRequested.getAndSet(false);
    Instant now = clock.instant();
    String token = instance + "-" + picks.incrementAndGet();
    Instant until = leaseUntil(now);
    int room = config.maxInFlight() - inFlight.get();
    FanOutStore.FanOut fanned =
        fanOuts.fanOut(
            config.fanOutBatch(),
            Math.max(0, room),
            sub -> config.maxConnectionsPerEndpoint() - inFlightOf(sub),
            token,
            now,
            until);
    for (Pick p : fanned.taken()) {
      send(p, token);
    }
    busy |= fanned.events() > 0;
    if (fanned.waiting() > 0) {
      // New deliveries wait for room: take them as soon as requests finish, not at the next tick.
      dueBacklog = true;
    }
    busy |= recordFinished();
    long t = System.nanoTime();
    if (polled || dueBacklog || pickNow || t >= nextDuePick) {
      nextDuePick = t + DUE_PICK_EVERY.toNanos();
      room = config.maxInFlight() - inFlight.get();
      if (room > 0) {
        busy |= !take(Math.min(room, config.batchSize()), now).isEmpty();
      }
    }
    return busy;
  }

  private Instant leaseUntil(Instant now) {
    return now.plus(config.totalTimeout()).plus(config.totalTimeout());
  }

  private int inFlightOf(long subscriptionId) {
    AtomicInteger n = inFlightBySubscription.get(subscriptionId);
    return n == null ? 0 : n.get();
  }

  private List<Pick> take(int max, Instant now) {
    List<Long> saturated = new ArrayList<>();
    inFlightBySubscription.forEach(
        (sub, n) -> {
          if (n.get() >= config.maxConnectionsPerEndpoint()) {
            saturated.add(sub);
          }
        });
    String token = instance + "-" + picks.incrementAndGet();
    List<Pick> picked = store.pick(max, saturated, token, now, leaseUntil(now));
    // Rows came due, or busy endpoints were left out: there may be more, so look again next round
    // (a finished request wakes the loop).
    dueBacklog = !picked.isEmpty() || !saturated.isEmpty();
    List<Pick> send = new ArrayList<>(picked.size());
    List<Pick> back = new ArrayList<>();
    Map<Long, Integer> added = new HashMap<>();
    for (Pick p : picked) {
      int mine = added.merge(p.subscriptionId(), 1, Integer::sum);
      // One endpoint gets at most its share of connections, so a slow one cannot hold up others.
      if (inFlightOf(p.subscriptionId()) + mine > config.maxConnectionsPerEndpoint()) {
        back.add(p);
      } else {
        send.add(p);
      }
    }
    if (!back.isEmpty()) {
      store.unpick(back, token, now);
    }
    for (Pick p : send) {
      send(p, token);
    }
    return send;
  }

  private void send(Pick p, String token) {
    inFlight.incrementAndGet();
    inFlightBySubscription
        .computeIfAbsent(p.subscriptionId(), k -> new AtomicInteger())
        .incrementAndGet();
    Instant at = clock.instant();
    long started = System.nanoTime();
    String msgId = DeliveryStore.webhookId(p.eventId());
    long timestamp = at.getEpochSecond();
    String body = body(p);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", msgId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put(
        "webhook-signature",
        signer.signatures(
            msgId, timestamp, body, p.secret(), p.previousSecret(), p.previousSecretUntil(), at));
    java.util.concurrent.CompletableFuture<Sender.Response> sent;
    try {
      sent = sender.post(URI.create(p.url()), headers, body, p.internal());
    } catch (RuntimeException e) {
      // Never leave the in-flight counts behind: a request that could not even start is a failure.
      sent =
          java.util.concurrent.CompletableFuture.completedFuture(
              new Sender.Response(null, null, null, "not sent: " + e.getMessage()));
    }
    sent.whenComplete(
        (r, e) -> {
          long nanos = System.nanoTime() - started;
          Sender.Response res =
              r != null ? r : new Sender.Response(null, null, null, String.valueOf(e));
          Outcome o = outcome(p, token, at, nanos, res);
          synchronized (closing) {
            if (!closed) {
              finished.add(o);
            }
          }
          inFlight.decrementAndGet();
          inFlightBySubscription.get(p.subscriptionId()).decrementAndGet();
          signal();
        });
  }

  /** What an answer means for the delivery: done, try again later, or give up. */
  Outcome outcome(Pick p, String token, Instant at, long nanos, Sender.Response r) {
    int ms = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos));
    Integer code = r.status();
    boolean ok = code != null && code >= 200 && code < 300;
    latency.record(nanos, TimeUnit.NANOSECONDS);
    if (ok) {
      count("delivered");
      return new Outcome(
          p, token, DeliveryStatus.DELIVERED, at, null, code, ms, r.body(), null, null);
    }
    String error = r.error();
    if (code != null && error == null) {
      error =
          code >= 300 && code < 400
              ? "HTTP "
                  + code
                  + ": redirects are not followed; point the subscription at the final URL"
              : "HTTP " + code;
    }
    if (code != null && code == 410) {
      count("endpoint_gone");
      return new Outcome(
          p,
          token,
          DeliveryStatus.PAUSED,
          at,
          null,
          code,
          ms,
          r.body(),
          error,
          "the endpoint answered 410 Gone at " + at);
    }
    Duration retryAfter =
        code != null && (code == 429 || code == 503)
            ? Backoff.parseRetryAfter(r.retryAfter(), at)
            : null;
    Optional<Duration> wait = backoff.after(p.attempts() + 1, retryAfter);
    if (wait.isEmpty()) {
      count("failed");
      return new Outcome(
          p, token, DeliveryStatus.FAILED, at, null, code, ms, r.body(), error, null);
    }
    count("retrying");
    return new Outcome(
        p, token, DeliveryStatus.PENDING, at, at.plus(wait.get()), code, ms, r.body(), error, null);
  }

  private boolean recordFinished() {
    List<Outcome> batch = new ArrayList<>();
    Outcome o;
    while ((o = finished.poll()) != null) {
      batch.add(o);
    }
    if (batch.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    Instant failingBefore = now.minus(config.disableAfter());
    Map<Long, String> disabled = new HashMap<>();
    try {
      disabled.putAll(store.record(batch, now, failingBefore));
    } catch (RuntimeException batchFailed) {
      // One bad row must not lose the others: record them one by one.
      for (Outcome one : batch) {
        try {
          disabled.putAll(store.record(List.of(one), now, failingBefore));
        } catch (RuntimeException e) {
          LOG.warn(
              "could not record attempt of delivery {}: {}",
              one.pick().deliveryId(),
              e.getMessage());
        }
      }
    }
    disabled.forEach((sub, why) -> LOG.warn("webhook subscription {} disabled: {}", sub, why));
    return true;
  }

  /**
   * The request body: {@code {type, timestamp, data}}. An event too big to send is replaced by a
   * reference and a link to the whole of it.
   */
  String body(Pick p) {
    String head =
        "{\"type\":\"" + p.type() + "\",\"timestamp\":\"" + p.occurredAt() + "\",\"data\":";
    String full = head + p.data() + "}";
    if (full.getBytes(StandardCharsets.UTF_8).length <= config.maxBodyBytes()) {
      return full;
    }
    return head
        + "{\"truncated\":true,\"eventId\":"
        + p.eventId()
        + ",\"subjectId\":"
        + p.subjectId()
        + ",\"href\":\""
        + config.apiUrl()
        + "/api/v1/webhooks/events/"
        + p.eventId()
        + "\"}}";
  }

  private void count(String outcome) {
    counter(outcome).increment();
  }

  private Counter counter(String outcome) {
    return outcomes.computeIfAbsent(
        outcome,
        k ->
            Counter.builder("claimwatch.webhooks.deliveries")
                .description("Webhook attempts by outcome")
                .tag("outcome", k)
                .register(meters));
  }

  /**
   * First step of a graceful shutdown (Micronaut's, on SIGTERM): no new deliveries are taken here
   * (other instances take them); completes when the requests on the wire have been answered and
   * recorded. If that takes longer than the grace period, {@link #stop} hands them back.
   */
  @Override
  public CompletionStage<?> shutdownGracefully() {
    stopping = true;
    if (thread == null || !thread.isAlive()) {
      drained.complete(null);
    }
    signal();
    return drained;
  }

  @Override
  public OptionalLong reportActiveTasks() {
    return OptionalLong.of(inFlight.get());
  }

  /**
   * Stops the loop, records the answers that came, and hands back every delivery this instance
   * still holds (on the wire, no answer yet): due now, not leased, the attempt not counted, so
   * another instance sends it at once with the same webhook-id instead of waiting for the lease.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(5000);
    }
    synchronized (closing) {
      closed = true;
    }
    try {
      recordFinished();
      int back = store.handBack(instance + "-", clock.instant());
      if (back > 0) {
        LOG.info("shutdown: handed back {} webhook deliveries still on the wire", back);
      }
    } catch (RuntimeException e) {
      LOG.warn("shutdown: could not hand back webhook deliveries: {}", e.toString());
    }
  }
}
