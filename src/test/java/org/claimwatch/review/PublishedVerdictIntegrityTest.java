package org.claimwatch.review;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ClaimBuilder;
import org.junit.jupiter.api.Test;

/**
 * A published verdict rates the words and the number it was given: they cannot change under it
 * (issue 12, item 1); a source is described anew by a PATCH (item 3).
 */
@MicronautTest(transactional = false)
class PublishedVerdictIntegrityTest extends ReviewTest {

  /** "About $12B capex in Q2 2024", said 2024-07-27, first seen at {@code url}. */
  private ClaimBuilder claimBody(long entity, String url) {
    return about(entity)
        .metric("capex")
        .value("12000000000")
        .approx()
        .period("2024-04-01", "2024-06-30")
        .statedAt("2024-07-27")
        .source(url, "First title", "First Times", null);
  }

  private Res publishAccurate(long id) {
    String checker = token("CHECKER");
    Res v =
        verdict(
            id,
            take(id, checker).header("ETag"),
            verdictBody(
                "ACCURATE",
                "Matches the filing.",
                List.of(urlEvidence("https://example.org/filing", "the 10-Q"))),
            checker);
    assertEquals(201, v.status(), v.toString());
    return v;
  }

  private Object claimReview(long id) {
    Res r =
        call(
            io.micronaut.http.HttpRequest.GET("/api/v1/claims/" + id + "/claimreview")
                .accept("application/json"),
            ADMIN_TOKEN);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  @Test
  void a_rated_claims_words_and_number_cannot_change_under_its_verdict() {
    long e = company("Rated Co", null);
    String integration = token("INTEGRATION");
    Res created =
        post(
            "/api/v1/claims",
            claimBody(e, "https://example.org/r-" + unique()).toMap(),
            integration);
    assertEquals(201, created.status(), created.toString());
    long id = ((Number) created.json().get("id")).longValue();
    publishAccurate(id);
    Object review = claimReview(id);

    for (String token : List.of(integration, token("CHECKER"), token("EDITOR"))) {
      Res edit =
          patch(
              "/api/v1/claims/" + id,
              Map.of("value", "50000000000"),
              claimRes(id).header("ETag"),
              token);
      assertEquals(409, edit.status(), edit.toString());
      assertEquals("application/problem+json", edit.header("Content-Type"), edit.toString());
    }
    Res byTool =
        patch(
            "/api/v1/claims/" + id,
            Map.of("priority", 3),
            claimRes(id).header("ETag"),
            integration);
    assertEquals(400, byTool.status(), "the queue's order is the checkers' to set: " + byTool);
    Res priority =
        patch(
            "/api/v1/claims/" + id,
            Map.of("priority", 3),
            claimRes(id).header("ETag"),
            token("CHECKER"));
    assertEquals(200, priority.status(), priority.toString());
    assertEquals("ACCURATE", priority.json().get("status"));
    assertEquals("12000000000", claimRes(id).json().get("value"));
    assertEquals(review, claimReview(id), "the published rating still rates the same words");

    // Taken again for a re-review, it is still rated by the published verdict.
    String checker = token("CHECKER");
    Res taken = take(id, checker);
    assertTrue(taken.status() == 200 || taken.status() == 201, taken.toString());
    Res edit =
        patch(
            "/api/v1/claims/" + id,
            Map.of("statement", "other words"),
            taken.header("ETag"),
            checker);
    assertEquals(409, edit.status(), edit.toString());
  }

  @Test
  void an_unrated_claim_may_still_be_edited_by_its_holder() {
    long e = company("Unrated Co", null);
    long id = claim(claimBody(e, "https://example.org/u-" + unique()));
    String checker = token("CHECKER");
    Res taken = take(id, checker);
    Res edit =
        patch(
            "/api/v1/claims/" + id, Map.of("value", "13000000000"), taken.header("ETag"), checker);
    assertEquals(200, edit.status(), edit.toString());
    assertEquals("13000000000", edit.json().get("value"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_patch_describes_its_source_anew_for_every_claim_citing_it() {
    long e = company("Source Co", null);
    String url = "https://example.org/s-" + unique();
    long first = claim(claimBody(e, url));
    long second = claim(claimBody(e, url));
    Res edit =
        patch(
            "/api/v1/claims/" + first,
            Map.of("source", Map.of("url", url, "title", "Corrected title", "publisher", "Times")),
            claimRes(first).header("ETag"),
            ADMIN_TOKEN);
    assertEquals(200, edit.status(), edit.toString());
    for (long id : List.of(first, second)) {
      Map<String, Object> source = (Map<String, Object>) claimRes(id).json().get("source");
      assertEquals("Corrected title", source.get("title"));
      assertEquals("Times", source.get("publisher"));
    }
    List<Map<String, Object>> history =
        get("/api/v1/claims/" + first + "/history", ADMIN_TOKEN).list();
    Map<String, Object> changes =
        (Map<String, Object>) history.get(history.size() - 1).get("changes");
    assertEquals(
        java.util.Set.of("source.title", "source.publisher"), changes.keySet(), history.toString());
  }
}
