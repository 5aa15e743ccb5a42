package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * A body the service refuses before reading it. Refused for its address (an id that is not a
 * number), the answer says {@code Connection: close} ({@link RefusedBodyFilter}); the server then
 * half-closes, reads and drops the rest of the body, and closes when the client does. Closing at
 * once with the body unread made the kernel reset the connection, and a client still writing its
 * body (as Java's HttpClient does) saw "broken pipe" or "connection reset" instead of the answer:
 * the fuzz suite saw it about once in 1,200 requests on a busy machine, and the first test here
 * every time, as it writes the rest only after reading the answer. Refused for a missing token, the
 * connection is kept and the rest of the body is skipped, not read as the next request.
 */
@MicronautTest(transactional = false)
class RefusedBodyTest extends ApiTest {
  private static final int BODY = 4 * 1024 * 1024;
  private static final int FIRST = 16 * 1024;

  @Inject EmbeddedServer server;

  /** Quiet for a minute before the server gives up on the rest: a busy machine may pause us. */
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.http.linger-quiet", "60s");
    return p;
  }

  @Test
  void a_client_still_sending_a_refused_body_reads_the_answer_and_is_not_reset() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      sendFirst(out, "PUT /api/v1/claims/abc/duplicate-of", ADMIN_TOKEN, '[');

      String answer = readAnswer(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
      assertTrue(answer.contains("\"field\":\"id\""), answer);
      assertEquals(-1, socket.getInputStream().read(), "the server's side ends after its answer");

      // The server has answered and ended its side; the rest of the body must still be taken.
      sendRest(out);
      socket.shutdownOutput();
    }
  }

  @Test
  void a_refused_body_left_unread_is_not_read_as_the_next_request() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      sendFirst(out, "POST /api/v1/claims", null, ' ');
      String answer = readAnswer(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
      assertFalse(answer.contains("Connection: close"), answer);
      sendRest(out);
      out.write(
          ("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String next = readAnswer(socket.getInputStream());
      assertTrue(next.startsWith("HTTP/1.1 200 "), next);
      assertTrue(next.contains("\"status\":\"UP\""), next);
    }
  }

  /** The request's head, announcing a body of {@link #BODY} bytes, and its first {@link #FIRST}. */
  private static void sendFirst(OutputStream out, String line, String token, char fill)
      throws java.io.IOException {
    out.write(
        (line
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: "
                + BODY
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    byte[] first = new byte[FIRST];
    Arrays.fill(first, (byte) fill);
    out.write(first);
    out.flush();
  }

  /** The rest of the body, blanks. */
  private static void sendRest(OutputStream out) throws java.io.IOException {
    byte[] chunk = new byte[FIRST];
    Arrays.fill(chunk, (byte) ' ');
    for (int sent = FIRST; sent < BODY; sent += chunk.length) {
      out.write(chunk, 0, Math.min(chunk.length, BODY - sent));
    }
    out.flush();
  }

  /** One answer: its head, and as many bytes of body as its Content-Length says. */
  private static String readAnswer(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0; // the last four bytes read, for the blank line that ends the head
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?im)^content-length: *(\\d+)").matcher(text);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
