package org.claimwatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A real webhook receiver on loopback: records every request (path, headers, body) and answers what
 * the test scripts per path; by default 200 at once.
 */
public final class Receiver implements AutoCloseable {
  /** A request as it arrived. Header names are lower case. */
  public record Request(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  /** What to answer: status, headers, body; or hang for a while first. */
  public record Answer(int status, Map<String, String> headers, String body, Duration hang) {
    public static Answer ok() {
      return new Answer(200, Map.of(), "ok", Duration.ZERO);
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of(), "status " + status, Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Request, Answer>> scripts = new ConcurrentHashMap<>();

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The URL of {@code path} on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answer(String path, Function<Request, Answer> script) {
    scripts.put(path, script);
  }

  public List<Request> at(String path) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.path().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Waits (polling) until {@code done} holds; fails after {@code timeout}. */
  public static void await(Duration timeout, String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void handle(HttpExchange x) throws IOException {
    String body;
    try (InputStream in = x.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> headers = new HashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
    Request r = new Request(x.getRequestURI().getPath(), headers, body);
    requests.add(r);
    Answer a = scripts.getOrDefault(r.path(), q -> Answer.ok()).apply(r);
    if (!a.hang().isZero()) {
      try {
        Thread.sleep(a.hang().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    try {
      x.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        x.getResponseBody().write(out);
      }
    } catch (IOException gone) {
      // the sender gave up (timeout) before the answer
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
