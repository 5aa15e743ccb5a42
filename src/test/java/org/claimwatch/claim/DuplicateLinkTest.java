package org.claimwatch.claim;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.claimwatch.support.ClaimBuilder.saying;
import static org.claimwatch.support.Refusal.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwatch.review.VerdictRequest;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Refusal;
import org.junit.jupiter.api.Test;

/** A checker links a claim to the stored claim it repeats: {@code PUT .../duplicate-of}. */
@MicronautTest
class DuplicateLinkTest extends ApiTest {
  @Inject JdbcOperations jdbc;

  @Test
  void a_checker_links_a_claim_to_the_one_it_repeats_and_history_records_it() {
    long entity = company("Dup Co " + unique(), null);
    long original = claim(about(entity).value("5000000000"));
    long repeat = claim(about(entity).value("5000000000").language("de"));

    HttpResponse<ClaimView> linked =
        claims.linkDuplicate(
            token("CHECKER"),
            repeat,
            "\"1\"",
            Map.of("claimId", original, "note", "Same figure, German article"));

    assertEquals(HttpStatus.OK, linked.getStatus());
    assertEquals(original, linked.body().duplicateOf());
    assertEquals(2, linked.body().version());
    assertEquals("\"2\"", linked.header("ETag"));
    assertEquals(original, claims.get(ADMIN_TOKEN, repeat).body().duplicateOf());
    HistoryEntry last = lastHistory(repeat);
    assertEquals("DUPLICATE_LINKED", last.action());
    assertEquals(2, last.version());
    assertEquals("Same figure, German article", last.note());
    assertEquals(
        Map.of("from", "null", "to", String.valueOf(original)), asText(last, "duplicateOf"));
    assertEquals(1, events(repeat, "claim.updated"));
  }

  @Test
  void unlinking_takes_the_link_away_at_the_next_version() {
    long original = claim(saying("original " + unique()));
    long repeat = claim(saying("repeat " + unique()));
    String checker = token("CHECKER");
    claims.linkDuplicate(checker, repeat, "\"1\"", Map.of("claimId", original));

    HttpResponse<ClaimView> unlinked = claims.unlinkDuplicate(checker, repeat, "\"2\"");

    assertNull(unlinked.body().duplicateOf());
    assertEquals(3, unlinked.body().version());
    assertEquals("DUPLICATE_UNLINKED", lastHistory(repeat).action());
    assertEquals(2, events(repeat, "claim.updated"));
  }

  @Test
  void the_queue_shows_which_claim_a_claim_repeats() {
    long entity = company("Queue Dup Co " + unique(), null);
    long original = claim(about(entity));
    long repeat = claim(about(entity).duplicateOf(original));

    List<ClaimView> page =
        review.queue(ADMIN_TOKEN, "unreviewed", Map.of("entityId", entity)).body().items();

    Map<Long, Long> duplicateOf = new HashMap<>();
    page.forEach(c -> duplicateOf.put(c.id(), c.duplicateOf()));
    assertEquals(original, duplicateOf.get(repeat));
    assertNull(duplicateOf.get(original));
  }

  @Test
  void a_claim_can_be_created_as_a_duplicate_and_its_creation_says_so() {
    long original = claim(saying("original " + unique()));

    HttpResponse<ClaimView> created =
        claims.create(token("CHECKER"), saying("repeat " + unique()).duplicateOf(original).build());

    assertEquals(original, created.body().duplicateOf());
    HistoryEntry first = lastHistory(created.body().id());
    assertEquals("CREATED", first.action());
    assertEquals(
        Map.of("from", "null", "to", String.valueOf(original)), asText(first, "duplicateOf"));
  }

  @Test
  void an_integration_cannot_link_claims() {
    long original = claim(saying("original " + unique()));
    long repeat = claim(saying("repeat " + unique()));
    String integration = token("INTEGRATION");

    assertEquals(
        HttpStatus.FORBIDDEN,
        refused(
                () ->
                    claims.linkDuplicate(integration, repeat, "\"1\"", Map.of("claimId", original)))
            .status());
    Refusal onCreate =
        refused(
            () ->
                claims.create(
                    integration, saying("repeat " + unique()).duplicateOf(original).build()));
    assertEquals(HttpStatus.BAD_REQUEST, onCreate.status());
    assertEquals(List.of("duplicateOf"), onCreate.fields());
    assertNull(claims.get(ADMIN_TOKEN, repeat).body().duplicateOf());
  }

  @Test
  void bad_links_are_refused_naming_the_field_and_change_nothing() {
    long claim = claim(saying("claim " + unique()));
    String checker = token("CHECKER");

    assertEquals(
        List.of("claimId"),
        refused(() -> claims.linkDuplicate(checker, claim, "\"1\"", Map.of())).fields());
    assertEquals(
        List.of("claimId"),
        refused(() -> claims.linkDuplicate(checker, claim, "\"1\"", Map.of("claimId", claim)))
            .fields());
    assertEquals(
        List.of("claimId"),
        refused(
                () ->
                    claims.linkDuplicate(
                        checker, claim, "\"1\"", Map.of("claimId", 987_654_321_000L)))
            .fields());
    assertEquals(
        List.of("note"),
        refused(
                () ->
                    claims.linkDuplicate(
                        checker,
                        claim,
                        "\"1\"",
                        Map.of(
                            "claimId", claim(saying("o " + unique())), "note", "x".repeat(2001))))
            .fields());
    assertEquals(
        HttpStatus.PRECONDITION_REQUIRED,
        refused(() -> claims.linkDuplicate(checker, claim, null, Map.of("claimId", 1))).status());
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(
                () ->
                    claims.linkDuplicate(
                        checker, 987_654_321_000L, "\"1\"", Map.of("claimId", claim)))
            .status());
    ClaimView after = claims.get(ADMIN_TOKEN, claim).body();
    assertEquals(1, after.version());
    assertNull(after.duplicateOf());
  }

  @Test
  void a_stale_version_is_refused_with_412() {
    long original = claim(saying("original " + unique()));
    long repeat = claim(saying("repeat " + unique()));

    Refusal r =
        refused(
            () ->
                claims.linkDuplicate(
                    token("CHECKER"), repeat, "\"7\"", Map.of("claimId", original)));

    assertEquals(HttpStatus.PRECONDITION_FAILED, r.status());
    assertNull(claims.get(ADMIN_TOKEN, repeat).body().duplicateOf());
  }

  @Test
  void links_stay_one_level_deep() {
    String checker = token("CHECKER");
    long a = claim(saying("a " + unique()));
    long b = claim(saying("b " + unique()));
    long c = claim(saying("c " + unique()));
    claims.linkDuplicate(checker, b, "\"1\"", Map.of("claimId", a));

    // c cannot point at b, which is itself a duplicate: it is told to name a instead.
    Refusal toDuplicate =
        refused(() -> claims.linkDuplicate(checker, c, "\"1\"", Map.of("claimId", b)));
    assertEquals(HttpStatus.CONFLICT, toDuplicate.status());
    assertTrue(toDuplicate.detail().contains("claim " + a), toDuplicate.detail());
    // a, which b repeats, cannot become a duplicate itself.
    assertEquals(
        HttpStatus.CONFLICT,
        refused(() -> claims.linkDuplicate(checker, a, "\"1\"", Map.of("claimId", c))).status());
    // Creating a claim as a duplicate of a duplicate is refused the same way.
    assertEquals(
        List.of("duplicateOf"),
        refused(() -> claims.create(checker, saying("d " + unique()).duplicateOf(b).build()))
            .fields());
  }

  @Test
  void two_checkers_linking_two_claims_to_each_other_at_once_make_no_cycle() throws Exception {
    String checker = token("CHECKER");
    for (int round = 0; round < 10; round++) {
      long a = claim(saying("a " + unique()));
      long b = claim(saying("b " + unique()));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<HttpStatus>> both = new ArrayList<>();
        both.add(() -> statusOf(checker, a, b));
        both.add(() -> statusOf(checker, b, a));
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<HttpStatus> f : pool.invokeAll(both)) {
          statuses.add(f.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == HttpStatus.OK).count(), "" + statuses);
        Long aOf = claims.get(ADMIN_TOKEN, a).body().duplicateOf();
        Long bOf = claims.get(ADMIN_TOKEN, b).body().duplicateOf();
        assertTrue((aOf == null) != (bOf == null), "exactly one link: " + aOf + " / " + bOf);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void a_chain_cannot_form_when_a_claim_is_linked_while_another_is_linked_to_it() throws Exception {
    String checker = token("CHECKER");
    for (int round = 0; round < 10; round++) {
      long a = claim(saying("a " + unique()));
      long b = claim(saying("b " + unique()));
      long c = claim(saying("c " + unique()));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        // a -> b and c -> a at once: both would make the chain c -> a -> b.
        List<Callable<HttpStatus>> both = new ArrayList<>();
        both.add(() -> statusOf(checker, a, b));
        both.add(() -> statusOf(checker, c, a));
        for (Future<HttpStatus> f : pool.invokeAll(both)) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      Long aOf = claims.get(ADMIN_TOKEN, a).body().duplicateOf();
      Long cOf = claims.get(ADMIN_TOKEN, c).body().duplicateOf();
      assertTrue(aOf == null || cOf == null, "no chain: a -> " + aOf + ", c -> " + cOf);
      assertTrue(aOf != null || cOf != null, "one of the two links was made");
    }
  }

  @Test
  void a_new_claim_naming_a_claim_that_is_being_linked_makes_no_chain() throws Exception {
    String checker = token("CHECKER");
    for (int round = 0; round < 10; round++) {
      long a = claim(saying("a " + unique()));
      long b = claim(saying("b " + unique()));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<Long> created;
      try {
        // a -> b at the moment a new claim is created as a duplicate of a.
        Future<HttpStatus> link = pool.submit(() -> statusOf(checker, a, b));
        created =
            pool.submit(
                () -> {
                  try {
                    return claims
                        .create(checker, saying("new " + unique()).duplicateOf(a).build())
                        .body()
                        .id();
                  } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                    return null;
                  }
                });
        link.get();
        created.get();
      } finally {
        pool.shutdownNow();
      }
      Long aOf = claims.get(ADMIN_TOKEN, a).body().duplicateOf();
      Long made = created.get();
      assertTrue(
          aOf == null || made == null,
          "no chain: a -> " + aOf + " while new claim " + made + " -> a");
      assertTrue(aOf != null || made != null, "one of the two was done");
    }
  }

  @Test
  void linking_is_allowed_under_a_published_verdict() {
    long original = claim(saying("original " + unique()));
    long repeat = claim(saying("repeat " + unique()));
    String editor = token("EDITOR");
    review.take(editor, repeat);
    int version = claims.get(ADMIN_TOKEN, repeat).body().version();
    review.record(
        editor,
        repeat,
        "\"" + version + "\"",
        new VerdictRequest("UNVERIFIABLE", "No filing covers it.", List.of()));
    int rated = claims.get(ADMIN_TOKEN, repeat).body().version();

    HttpResponse<ClaimView> linked =
        claims.linkDuplicate(editor, repeat, "\"" + rated + "\"", Map.of("claimId", original));

    assertEquals(original, linked.body().duplicateOf());
    assertEquals(ClaimStatus.UNVERIFIABLE, linked.body().status());
  }

  private HttpStatus statusOf(String token, long id, long original) {
    try {
      return claims.linkDuplicate(token, id, "\"1\"", Map.of("claimId", original)).getStatus();
    } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  private HistoryEntry lastHistory(long id) {
    List<HistoryEntry> h = claims.history(ADMIN_TOKEN, id).body();
    return h.stream()
        .filter(e -> e.id() != null)
        .reduce((x, y) -> y.version() >= x.version() ? y : x)
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> asText(HistoryEntry e, String key) {
    Map<String, Object> change = (Map<String, Object>) e.changes().get(key);
    Map<String, String> out = new HashMap<>();
    change.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** How many events of this type the outbox holds about the claim. */
  private int events(long claimId, String type) {
    return jdbc.prepareStatement(
        "SELECT COUNT(*) FROM outbox_events WHERE subject_id = ? AND type = ?",
        ps -> {
          ps.setLong(1, claimId);
          ps.setString(2, type);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
