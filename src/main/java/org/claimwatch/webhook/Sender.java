package org.claimwatch.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts deliveries with Apache HttpClient 5 (non-blocking: a receiver that hangs holds a
 * connection, not a thread). Every new connection resolves its host through the {@link UrlGuard},
 * which hands back only the addresses it checked, so a second DNS answer can never redirect a
 * delivery inside the network. Redirects are never followed, nothing is retried here (the
 * dispatcher decides), and each attempt is cut off after the total timeout.
 */
@Singleton
class Sender {
  static final int KEEP_BYTES = 2048;
  private static final ContentType JSON = ContentType.create("application/json");

  /** An answer, or why none came; {@code status} is null when there was no HTTP answer. */
  record Response(Integer status, String body, String retryAfter, String error) {}

  /**
   * Built on the first delivery, not at start-up: a client loads Apache HttpClient and the TLS
   * trust store (about 250 classes and the JDK's CA certificates), which an instance that never
   * sends a webhook should not pay for before it answers its first request.
   */
  private final Lazy client;

  private final Lazy publicOnly;

  /** The requests on the wire, to end them before the client closes. */
  private final Set<Future<Response>> calls = ConcurrentHashMap.newKeySet();

  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "webhook-deadlines");
            t.setDaemon(true);
            return t;
          });
  private final long totalMillis;

  Sender(WebhookConfig config, UrlGuard guard) {
    this.totalMillis = config.totalTimeout().toMillis();
    client = new Lazy(() -> client(config, guard));
    publicOnly = new Lazy(() -> client(config, guard.withoutAllowList()));
  }

  /** One client, made once by whichever delivery needs it first. */
  private static final class Lazy {
    private final Supplier<CloseableHttpAsyncClient> make;
    private CloseableHttpAsyncClient made;
    private boolean closed;

    Lazy(Supplier<CloseableHttpAsyncClient> make) {
      this.make = make;
    }

    synchronized CloseableHttpAsyncClient get() {
      if (closed) {
        throw new IllegalStateException("webhook sender closed");
      }
      if (made == null) {
        made = make.get();
      }
      return made;
    }

    synchronized void close() {
      closed = true;
      if (made != null) {
        made.close(CloseMode.GRACEFUL);
      }
    }
  }

  /**
   * A client whose every new connection resolves its host through {@code guard}: deliveries of a
   * subscription an ADMIN saved go through the allow-list, every other one through the guard
   * without it, so a name that comes to resolve inside (DNS rebinding) is refused at connect time.
   */
  private static CloseableHttpAsyncClient client(WebhookConfig config, UrlGuard guard) {
    Timeout total = Timeout.of(config.totalTimeout());
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setDnsResolver(guard)
                    .setMaxConnTotal(config.maxInFlight())
                    .setMaxConnPerRoute(config.maxConnectionsPerEndpoint())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(config.connectTimeout()))
                            .setSocketTimeout(total)
                            .setTimeToLive(TimeValue.ofMinutes(5))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(total)
                    .setConnectionRequestTimeout(total)
                    .build())
            .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(total).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("Claimwatch-Webhooks/1.0")
            .build();
    client.start();
    return client;
  }

  /** Posts {@code body}; the future always completes (never exceptionally). */
  CompletableFuture<Response> post(
      URI url, Map<String, String> headers, String body, boolean internal) {
    CloseableHttpAsyncClient client = (internal ? this.client : publicOnly).get();
    SimpleRequestBuilder b =
        SimpleRequestBuilder.post(url).setBody(body.getBytes(StandardCharsets.UTF_8), JSON);
    headers.forEach(b::addHeader);
    SimpleHttpRequest request = b.build();
    CompletableFuture<Response> result = new CompletableFuture<>();
    Future<Response> call =
        client.execute(
            SimpleRequestProducer.create(request),
            new Capped(),
            new FutureCallback<>() {
              @Override
              public void completed(Response r) {
                result.complete(r);
              }

              @Override
              public void failed(Exception e) {
                result.complete(new Response(null, null, null, describe(e)));
              }

              @Override
              public void cancelled() {
                result.complete(
                    new Response(null, null, null, "timed out after " + totalMillis + " ms"));
              }
            });
    // The client's timeouts are per read; this one bounds the whole attempt (a receiver trickling
    // bytes forever is cut off too).
    var deadline = deadlines.schedule(() -> call.cancel(true), totalMillis, TimeUnit.MILLISECONDS);
    calls.add(call);
    result.whenComplete(
        (r, e) -> {
          deadline.cancel(false);
          calls.remove(call);
        });
    return result;
  }

  private static String describe(Exception e) {
    String kind = e.getClass().getSimpleName();
    String message = e.getMessage();
    if (e instanceof UrlGuard.BlockedAddressException) {
      return "blocked: " + message;
    }
    return message == null ? kind : kind + ": " + message;
  }

  /**
   * The dispatcher (which uses this sender, so it closes first) has recorded every answer that came
   * and handed back the deliveries still waiting for one: the requests still on the wire are ended
   * first, so the graceful close does not wait (seconds) for receivers whose answers nobody records
   * any more.
   */
  @PreDestroy
  void close() {
    deadlines.shutdownNow();
    for (Future<Response> call : List.copyOf(calls)) {
      call.cancel(true);
    }
    client.close();
    publicOnly.close();
  }

  /**
   * Keeps the status, Retry-After and the first 2 KB of the answer; the rest is read and dropped,
   * so a receiver answering megabytes of garbage costs no memory.
   */
  private static final class Capped extends AbstractBinResponseConsumer<Response> {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
    private int status;
    private String retryAfter;

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
      status = response.getCode();
      Header h = response.getFirstHeader("Retry-After");
      retryAfter = h == null ? null : h.getValue();
    }

    @Override
    protected int capacityIncrement() {
      return 8192;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
      int room = KEEP_BYTES - kept.size();
      int n = Math.min(room, src.remaining());
      for (int i = 0; i < n; i++) {
        kept.write(src.get());
      }
      src.position(src.limit());
    }

    @Override
    protected Response buildResult() {
      return new Response(
          status, new String(kept.toByteArray(), StandardCharsets.UTF_8), retryAfter, null);
    }

    @Override
    public void releaseResources() {}
  }
}
