package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "done when": two checkers and an editor work the demo data (db/seed) through the API
 * from queue to published verdict and ClaimReview, under two-person review.
 */
@MicronautTest(transactional = false)
class DemoReviewTest extends ReviewTest {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.review.two-person", "true");
    return p;
  }

  private long entityNamed(String name) {
    Res r = get("/api/v1/entities?q=" + name.replace(" ", "%20"), ADMIN_TOKEN);
    return r.items().stream()
        .filter(e -> name.equals(e.get("name")))
        .map(e -> ((Number) e.get("id")).longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + ": " + r));
  }

  @Test
  void two_checkers_and_an_editor_work_the_demo_claims_to_published_claimreviews()
      throws Exception {
    for (String line : Files.readAllLines(Path.of("db/seed/entities.jsonl"))) {
      if (!line.isBlank()) {
        call(
            HttpRequest.POST("/api/v1/entities", line).contentType(MediaType.APPLICATION_JSON),
            ADMIN_TOKEN);
      }
    }
    Res loaded =
        call(
            HttpRequest.POST(
                    "/api/v1/claims/batch",
                    Files.readString(Path.of("db/seed/claims-600-days-after-chatgpt.json")))
                .contentType(MediaType.APPLICATION_JSON),
            token("EDITOR"));
    assertEquals(201, loaded.status(), loaded.toString());
    long alphabet = entityNamed("Alphabet Inc.");
    long openAi = entityNamed("OpenAI");

    // A figure for Q2 2024 filed after "Google puts $12 billion a quarter into AI" was said (about
    // H1 2024, on 2024-07-27): capex $13.186 billion in an amended 10-Q (illustrative). It falls in
    // the claim's own period, is news to it, and flags it for re-checking. (A Q3 figure would not:
    // a later period never judges a claim about an earlier one.)
    long q3 =
        fact(alphabet, "capex", "10-Q/A", "2024-10-29", "13186000000", "2024-04-01", "2024-06-30");

    String alice = token("CHECKER");
    String bob = token("CHECKER");
    String editor = token("EDITOR");

    Res a = post("/api/v1/queue/rechecks/next?entityId=" + alphabet, Map.of(), alice);
    assertEquals(200, a.status(), a.toString());
    assertEquals("capex", a.json().get("metric"));
    long aId = ((Number) a.json().get("id")).longValue();
    Res aProposal =
        verdict(
            aId,
            a.header("ETag"),
            verdictBody(
                "MOSTLY_ACCURATE",
                "Alphabet's capex ran at $12-13 billion a quarter in H1 2024; Q2 was $13.19 billion.",
                List.of(Map.of("factId", q3, "note", "Q2 2024 capex, 10-Q/A"))),
            alice);
    assertEquals("PROPOSED", aProposal.json().get("state"), aProposal.toString());

    Res b = post("/api/v1/queue/unreviewed/next?entityId=" + openAi, Map.of(), bob);
    assertEquals(200, b.status(), b.toString());
    long bId = ((Number) b.json().get("id")).longValue();
    assertTrue(bId != aId);
    Res bProposal =
        verdict(
            bId,
            b.header("ETag"),
            verdictBody("UNVERIFIABLE", "OpenAI publishes no accounts.", List.of()),
            bob);
    assertEquals("PROPOSED", bProposal.json().get("state"), bProposal.toString());

    List<Long> waiting = ids(get("/api/v1/queue/proposals", editor));
    assertTrue(waiting.containsAll(List.of(aId, bId)), waiting.toString());
    assertEquals(200, approve(aId, aProposal.json().get("id"), editor).status());
    Res sentBack =
        post(
            "/api/v1/claims/" + bId + "/verdicts/" + bProposal.json().get("id") + "/return",
            Map.of("reason", "Link the reporting the forecast came from."),
            editor);
    assertEquals(200, sentBack.status(), sentBack.toString());
    assertEquals(List.of(bId), ids(get("/api/v1/queue/mine?entityId=" + openAi, bob)));
    Res bAgain =
        verdict(
            bId,
            sentBack.header("ETag"),
            verdictBody(
                "UNVERIFIABLE",
                "OpenAI publishes no accounts; the figure comes from reporting on internal data.",
                List.of(urlEvidence("https://www.theinformation.com/", "the original report"))),
            bob);
    assertEquals(201, bAgain.status(), bAgain.toString());
    assertEquals(200, approve(bId, bAgain.json().get("id"), editor).status());

    Res aReview =
        call(
            HttpRequest.GET("/api/v1/claims/" + aId + "/claimreview").accept("application/json"),
            bob);
    assertEquals(200, aReview.status(), aReview.toString());
    assertEquals(4, ((Map<?, ?>) aReview.json().get("reviewRating")).get("ratingValue"));
    Res bReview =
        call(
            HttpRequest.GET("/api/v1/claims/" + bId + "/claimreview").accept("application/json"),
            alice);
    assertEquals(
        "Unverifiable", ((Map<?, ?>) bReview.json().get("reviewRating")).get("alternateName"));

    List<String> story = summaries(aId);
    assertEquals("created", story.get(0));
    assertTrue(
        story.get(1).startsWith("flagged NEW_FILING (10-Q/A filed 2024-10-29): "),
        story.toString());
    assertEquals("MOSTLY_ACCURATE proposed as of 10-Q/A filed 2024-10-29", story.get(3));
    assertTrue(
        story.get(4).startsWith("MOSTLY_ACCURATE as of 10-Q/A filed 2024-10-29 (proposed by "),
        story.toString());
  }
}
