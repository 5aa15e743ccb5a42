package org.claimwatch.review;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;

/** Helpers of the review tests: claims about one fresh company, leases, verdicts, facts. */
abstract class ReviewTest extends ApiTest {

  /** A claim that the entity's Q1 2024 revenue was 100000000 USD, said 2024-04-01; its id. */
  protected long claimAbout(long entityId, int priority, String language) {
    return claim(
        about(entityId)
            .value("100000000")
            .period("2024-01-01", "2024-03-31")
            .statedAt("2024-04-01")
            .priority(priority)
            .language(language));
  }

  /** Approves at the claim's current version. */
  protected Res approve(long claimId, Object verdictId, String token) {
    return approveAt(claimId, verdictId, claimRes(claimId).header("ETag"), token);
  }

  protected Res approveAt(long claimId, Object verdictId, String etag, String token) {
    MutableHttpRequest<?> r =
        HttpRequest.POST(
            "/api/v1/claims/" + claimId + "/verdicts/" + verdictId + "/approve", Map.of());
    if (etag != null) {
      r.header("If-Match", etag);
    }
    return call(r, token);
  }

  protected Res take(long claimId, String token) {
    return post("/api/v1/claims/" + claimId + "/assignment", Map.of(), token);
  }

  protected Res release(long claimId, String token) {
    return call(HttpRequest.DELETE("/api/v1/claims/" + claimId + "/assignment"), token);
  }

  protected Res verdict(long claimId, String ifMatch, Map<String, Object> body, String token) {
    MutableHttpRequest<?> r = HttpRequest.POST("/api/v1/claims/" + claimId + "/verdicts", body);
    if (ifMatch != null) {
      r.header("If-Match", ifMatch);
    }
    return call(r, token);
  }

  protected static Map<String, Object> verdictBody(
      String status, String rationale, List<Map<String, Object>> evidence) {
    Map<String, Object> b = new HashMap<>();
    b.put("status", status);
    b.put("rationale", rationale);
    b.put("evidence", evidence);
    return b;
  }

  protected static Map<String, Object> urlEvidence(String url, String note) {
    return Map.of("url", url, "note", note);
  }

  /** Posts a report with one revenue fact (form and filing date as given); returns the fact id. */
  protected long revenueFact(
      long entityId, String form, String filedAt, String value, String start, String end) {
    return fact(entityId, "revenue", form, filedAt, value, start, end);
  }

  /** Posts a report with one fact of the metric, in USD; returns the fact's id. */
  protected long fact(
      long entityId,
      String metric,
      String form,
      String filedAt,
      String value,
      String start,
      String end) {
    Map<String, Object> body = new HashMap<>();
    body.put("entityId", entityId);
    body.put("title", form + " " + unique());
    body.put("form", form);
    body.put("filedAt", filedAt);
    body.put(
        "facts",
        List.of(
            Map.of(
                "metric", metric,
                "value", value,
                "unit", "USD",
                "periodStart", start,
                "periodEnd", end)));
    Res r = post("/api/v1/reports", body, ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    Res facts =
        get(
            "/api/v1/entities/"
                + entityId
                + "/facts?metric="
                + metric
                + "&periodStart="
                + start
                + "&periodEnd="
                + end,
            ADMIN_TOKEN);
    assertEquals(200, facts.status(), facts.toString());
    return facts.list().stream()
        .filter(f -> filedAt.startsWith((String) ((Map<?, ?>) f.get("report")).get("filedOn")))
        .filter(f -> start.equals(f.get("periodStart")) && end.equals(f.get("periodEnd")))
        .map(f -> ((Number) f.get("id")).longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact filed " + filedAt + " in " + facts));
  }

  protected Res claimRes(long id) {
    return get("/api/v1/claims/" + id, ADMIN_TOKEN);
  }

  protected static List<Long> ids(Res page) {
    return page.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  @SuppressWarnings("unchecked")
  protected static String holder(Res claim) {
    Map<String, Object> a = (Map<String, Object>) claim.json().get("assignment");
    return a == null ? null : (String) a.get("holder");
  }

  protected List<String> summaries(long claimId) {
    Res h = get("/api/v1/claims/" + claimId + "/history", ADMIN_TOKEN);
    assertEquals(200, h.status(), h.toString());
    return h.list().stream().map(e -> (String) e.get("summary")).toList();
  }
}
