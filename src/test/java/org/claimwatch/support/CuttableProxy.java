package org.claimwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback in front of the test database, to take the database away from a service
 * and give it back: {@link #cut()} closes every open connection and refuses new ones (at once, as a
 * database whose server died does), {@link #restore()} lets connections through again.
 */
public final class CuttableProxy implements AutoCloseable {
  private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^/:]+)(?::(\\d+))?");

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private CuttableProxy(String host, int port) throws IOException {
    this.upstreamHost = host;
    this.upstreamPort = port;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** A proxy to the database of this JDBC URL. */
  public static CuttableProxy before(String jdbcUrl) {
    Matcher m = HOST_PORT.matcher(jdbcUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("no host in " + jdbcUrl);
    }
    try {
      return new CuttableProxy(
          m.group(2), m.group(3) == null ? 3306 : Integer.parseInt(m.group(3)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDBC URL with its host and port replaced by this proxy's. */
  public String url(String jdbcUrl) {
    return HOST_PORT
        .matcher(jdbcUrl)
        .replaceFirst(
            "$1" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
  }

  public void cut() {
    cut = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  public void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(server);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // the server socket closed, or the database refused: the client sees its socket close
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // cut, or closed by either side
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
