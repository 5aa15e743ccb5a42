package org.claimwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Accepted data survives {@code kill -9} of the service: a 201 means committed. */
class CrashRecoveryIT {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @Test
  void claims_that_got_201_are_there_after_kill_9_and_restart() throws Exception {
    String tag = UUID.randomUUID().toString();
    ServiceProcess first = ServiceProcess.start("crash-it-before");
    String single;
    HttpResponse<String> batch;
    try {
      HttpResponse<String> created =
          first.send(
              "POST",
              "/api/v1/claims",
              "{\"statement\":\"OpenAI may lose $5 billion in 2024 "
                  + tag
                  + "\","
                  + "\"metric\":\"net_income\",\"value\":\"-5000000000\",\"unit\":\"USD\"}");
      assertEquals(201, created.statusCode(), created.body());
      single = id(created.body());
      StringBuilder claims = new StringBuilder("{\"claims\":[");
      for (int i = 0; i < 200; i++) {
        claims
            .append(i == 0 ? "" : ",")
            .append("{\"externalRef\":\"")
            .append(tag)
            .append('-')
            .append(i)
            .append("\",\"statement\":\"batch ")
            .append(tag)
            .append("\",\"value\":\"")
            .append(i)
            .append(".5\"}");
      }
      batch = first.send("POST", "/api/v1/claims/batch", claims.append("]}").toString());
      assertEquals(201, batch.statusCode(), batch.body());
    } finally {
      first.kill();
    }

    ServiceProcess second = ServiceProcess.start("crash-it-after");
    try {
      HttpResponse<String> read = second.send("GET", "/api/v1/claims/" + single, null);
      assertEquals(200, read.statusCode(), read.body());
      assertTrue(read.body().contains("\"value\":\"-5000000000\""), read.body());
      HttpResponse<String> history =
          second.send("GET", "/api/v1/claims/" + single + "/history", null);
      assertTrue(history.body().contains("\"action\":\"CREATED\""), history.body());
      HttpResponse<String> listed =
          second.send("GET", "/api/v1/claims?limit=200&q=batch%20" + tag, null);
      Matcher m = ID.matcher(listed.body());
      int count = 0;
      while (m.find()) {
        count++;
      }
      assertEquals(200, count, "every claim of the acknowledged batch is stored");
    } finally {
      second.kill();
    }
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    assertTrue(m.find(), json);
    return m.group(1);
  }
}
