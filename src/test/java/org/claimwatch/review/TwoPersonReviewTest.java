package org.claimwatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With two-person review on, a CHECKER's verdict is a proposal until an EDITOR decides. */
@MicronautTest(transactional = false)
class TwoPersonReviewTest extends ReviewTest {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("claimwatch.review.two-person", "true");
    return p;
  }

  private Res sendBack(long claimId, Object verdictId, Map<String, Object> body, String token) {
    MutableHttpRequest<?> r =
        HttpRequest.POST("/api/v1/claims/" + claimId + "/verdicts/" + verdictId + "/return", body);
    return call(r, token);
  }

  private Res propose(long claimId, String etag, String checker) {
    return verdict(
        claimId,
        etag,
        verdictBody(
            "MISLEADING",
            "The number is right but the framing is not.",
            List.of(urlEvidence("https://example.org/context", "the full quote"))),
        checker);
  }

  @Test
  void a_checkers_verdict_waits_for_an_editor_who_approves_it() {
    long e = company("Two Person Co", null);
    long id = claimAbout(e, 50, "en");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    Res taken = take(id, checker);
    String checkerName = holder(taken);

    Res proposed = propose(id, taken.header("ETag"), checker);
    assertEquals(201, proposed.status(), proposed.toString());
    assertEquals("PROPOSED", proposed.json().get("state"));
    Res claim = claimRes(id);
    assertEquals("IN_REVIEW", claim.json().get("status"));
    assertNull(claim.json().get("assignment"));
    assertEquals(List.of(id), ids(get("/api/v1/queue/proposals?entityId=" + e, editor)));
    assertEquals(List.of(), ids(get("/api/v1/queue/mine?entityId=" + e, checker)));
    assertEquals(404, get("/api/v1/claims/" + id + "/claimreview", editor).status());

    assertEquals(
        409, take(id, token("CHECKER")).status(), "nobody takes a claim awaiting approval");
    Res direct =
        verdict(
            id,
            proposed.header("ETag"),
            verdictBody(
                "ACCURATE", "editor shortcut", List.of(urlEvidence("https://a.example/x", "x"))),
            editor);
    assertEquals(409, direct.status(), "decide the proposal first: " + direct);

    Object verdictId = proposed.json().get("id");
    assertEquals(403, approve(id, verdictId, checker).status());
    Res approved = approve(id, verdictId, editor);
    assertEquals(200, approved.status(), approved.toString());
    assertEquals("PUBLISHED", approved.json().get("state"));
    assertEquals("MISLEADING", claimRes(id).json().get("status"));
    assertEquals(409, approve(id, verdictId, editor).status(), "already published");
    assertEquals(200, get("/api/v1/claims/" + id + "/claimreview", checker).status());

    List<String> story = summaries(id);
    assertEquals("MISLEADING proposed", story.get(2));
    assertEquals("MISLEADING (proposed by " + checkerName + ", approved)", story.get(3));
  }

  @Test
  void approving_needs_the_claims_version_and_refuses_a_proposal_about_older_words() {
    long e = company("Approve Version Co", null);
    long id = claimAbout(e, 50, "en");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    Res proposed = propose(id, take(id, checker).header("ETag"), checker);
    Object verdictId = proposed.json().get("id");

    assertEquals(428, approveAt(id, verdictId, null, editor).status(), "If-Match is required");
    Res stale = approveAt(id, verdictId, "\"1\"", editor);
    assertEquals(412, stale.status(), stale.toString());
    Res edit =
        patch("/api/v1/claims/" + id, Map.of("value", "99"), claimRes(id).header("ETag"), editor);
    assertEquals(409, edit.status(), "no edit of the words while a proposal waits: " + edit);
    Res priority =
        patch("/api/v1/claims/" + id, Map.of("priority", 7), claimRes(id).header("ETag"), editor);
    assertEquals(200, priority.status(), "the priority is not what the verdict rates: " + priority);
    Res approved = approve(id, verdictId, editor);
    assertEquals(200, approved.status(), "a priority change does not stale it: " + approved);
  }

  @Test
  void an_editor_sends_a_proposal_back_and_the_checker_holds_the_claim_again() {
    long e = company("Send Back Co", null);
    long id = claimAbout(e, 50, "en");
    String checker = token("CHECKER");
    String editor = token("EDITOR");
    Res proposed = propose(id, take(id, checker).header("ETag"), checker);
    Object verdictId = proposed.json().get("id");

    Res noReason = sendBack(id, verdictId, Map.of("reason", " "), editor);
    assertEquals(400, noReason.status());
    assertEquals(List.of("reason"), fields(noReason));

    Res back = sendBack(id, verdictId, Map.of("reason", "Cite the filing, not a blog."), editor);
    assertEquals(200, back.status(), back.toString());
    assertEquals("RETURNED", back.json().get("state"));
    assertEquals("Cite the filing, not a blog.", back.json().get("decisionNote"));
    assertEquals(List.of(id), ids(get("/api/v1/queue/mine?entityId=" + e, checker)));
    assertTrue(
        summaries(id).get(3).endsWith(": Cite the filing, not a blog."), summaries(id).toString());

    Res again = propose(id, back.header("ETag"), checker);
    assertEquals(201, again.status(), again.toString());
    assertEquals("PROPOSED", again.json().get("state"));
    assertEquals(2, get("/api/v1/claims/" + id + "/verdicts", checker).list().size());
  }

  @Test
  void an_editors_own_verdict_is_published_at_once() {
    long e = company("Editor Co", null);
    long id = claimAbout(e, 50, "en");
    String editor = token("EDITOR");
    Res taken = take(id, editor);
    Res v = propose(id, taken.header("ETag"), editor);
    assertEquals(201, v.status(), v.toString());
    assertEquals("PUBLISHED", v.json().get("state"));
    assertEquals("MISLEADING", claimRes(id).json().get("status"));
  }
}
