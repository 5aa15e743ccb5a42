package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.subject.EntityView;
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
    return reports.entities(ADMIN_TOKEN, Map.of("q", name)).body().items().stream()
        .filter(e -> name.equals(e.name()))
        .map(EntityView::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name));
  }

  /** The demo's entities and claims (db/seed), loaded as they are, the claims by an editor. */
  private void loadTheDemo() throws Exception {
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
  }

  /** Records the verdict at the version {@code taken} was answered with; insists on 201. */
  private VerdictView propose(
      String checker, HttpResponse<?> taken, long claim, VerdictRequest verdict) {
    HttpResponse<VerdictView> r = review.record(checker, claim, taken.header("ETag"), verdict);
    assertEquals(HttpStatus.CREATED, r.getStatus());
    return r.body();
  }

  /** The editor approves the verdict at the claim's current version. */
  private HttpStatus approved(String editor, long claim, VerdictView proposal) {
    String etag = claims.get(ADMIN_TOKEN, claim).header("ETag");
    return review.approve(editor, claim, proposal.id(), etag).getStatus();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rating(String viewer, long claim) {
    return (Map<String, Object>) review.claimReview(viewer, claim).body().get("reviewRating");
  }

  @Test
  void two_checkers_and_an_editor_work_the_demo_claims_to_published_claimreviews()
      throws Exception {
    loadTheDemo();
    long alphabet = entityNamed("Alphabet Inc.");
    long openAi = entityNamed("OpenAI");
    // A figure for Q2 2024 filed after "Google puts $12 billion a quarter into AI" was said (about
    // H1 2024, on 2024-07-27): capex $13.186 billion in an amended 10-Q (illustrative). It falls in
    // the claim's own period, is news to it, and flags it for re-checking. (A Q3 figure would not:
    // a later period never judges a claim about an earlier one.)
    long q2 =
        fact(alphabet, "capex", "10-Q/A", "2024-10-29", "13186000000", "2024-04-01", "2024-06-30");
    String alice = token("CHECKER");
    String bob = token("CHECKER");
    String editor = token("EDITOR");

    // Alice takes Alphabet's flagged claim and proposes a verdict on the new figure.
    HttpResponse<ClaimView> a = review.next(alice, "rechecks", Map.of("entityId", alphabet));
    assertEquals(HttpStatus.OK, a.getStatus());
    assertEquals("capex", a.body().metric());
    long aId = a.body().id();
    VerdictView aProposal =
        propose(
            alice,
            a,
            aId,
            new VerdictRequest(
                "MOSTLY_ACCURATE",
                "Alphabet's capex ran at $12-13 billion a quarter in H1 2024; Q2 was $13.19 billion.",
                List.of(new EvidenceInput(q2, null, null, "Q2 2024 capex, 10-Q/A"))));
    assertEquals("PROPOSED", aProposal.state());

    // Bob takes an unreviewed OpenAI claim and proposes one with no evidence.
    HttpResponse<ClaimView> b = review.next(bob, "unreviewed", Map.of("entityId", openAi));
    assertEquals(HttpStatus.OK, b.getStatus());
    long bId = b.body().id();
    assertTrue(bId != aId);
    VerdictView bProposal =
        propose(
            bob,
            b,
            bId,
            new VerdictRequest("UNVERIFIABLE", "OpenAI publishes no accounts.", List.of()));
    assertEquals("PROPOSED", bProposal.state());

    // The editor approves Alice's and sends Bob's back; Bob adds a source and it is approved.
    List<Long> waiting =
        review.queue(editor, "proposals", Map.of()).body().items().stream()
            .map(ClaimView::id)
            .toList();
    assertTrue(waiting.containsAll(List.of(aId, bId)), waiting.toString());
    assertEquals(HttpStatus.OK, approved(editor, aId, aProposal));
    HttpResponse<VerdictView> sentBack =
        review.sendBack(
            editor,
            bId,
            bProposal.id(),
            new ReturnRequest("Link the reporting the forecast came from."));
    assertEquals(HttpStatus.OK, sentBack.getStatus());
    assertEquals(
        List.of(bId),
        review.queue(bob, "mine", Map.of("entityId", openAi)).body().items().stream()
            .map(ClaimView::id)
            .toList());
    VerdictView bAgain =
        propose(
            bob,
            sentBack,
            bId,
            new VerdictRequest(
                "UNVERIFIABLE",
                "OpenAI publishes no accounts; the figure comes from reporting on internal data.",
                List.of(
                    new EvidenceInput(
                        null, null, "https://www.theinformation.com/", "the original report"))));
    assertEquals(HttpStatus.OK, approved(editor, bId, bAgain));

    // Both are published as ClaimReviews, and the flagged claim's history tells its story.
    assertEquals(4, rating(bob, aId).get("ratingValue"));
    assertEquals("Unverifiable", rating(alice, bId).get("alternateName"));
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
