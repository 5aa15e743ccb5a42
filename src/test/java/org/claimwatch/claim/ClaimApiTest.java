package org.claimwatch.claim;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.claimwatch.support.ClaimBuilder.saying;
import static org.claimwatch.support.Refusal.refused;
import static org.claimwatch.support.Refusal.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.ClaimBuilder;
import org.claimwatch.support.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating, reading, listing and editing claims over HTTP. */
@MicronautTest
class ClaimApiTest extends ApiTest {

  private HttpResponse<ClaimView> create(ClaimBuilder claim) {
    return claims.create(ADMIN_TOKEN, claim.build());
  }

  private ClaimView read(long id) {
    return claims.get(ADMIN_TOKEN, id).body();
  }

  /** The claim the Kechuangban Daily made about Alphabet's capex, with every field set. */
  private ClaimBuilder alphabetCapex(long alphabet) {
    return about(alphabet)
        .statement("Google invests $12 billion per quarter in AI")
        .metric("capex")
        .value("12000000000")
        .approx()
        .perQuarter("2024-04-01", "2024-06-30")
        .kind("REPORTED")
        .language("en")
        .claimant("Kechuangban Daily")
        .statedAt("2024-07-27")
        .priority(80)
        .source(
            "https://example.org/600-days-" + unique(),
            "600 days after ChatGPT",
            "Kechuangban Daily",
            "2024-07-27T08:00:00Z");
  }

  @Test
  void creates_a_claim_and_returns_every_field_with_its_version_as_etag() {
    long alphabet = entity("Alphabet " + unique(), "Google " + unique());

    HttpResponse<ClaimView> r = create(alphabetCapex(alphabet));

    assertEquals(HttpStatus.CREATED, r.getStatus());
    assertEquals("\"1\"", r.header("ETag"));
    ClaimView c = r.body();
    assertEquals(1, c.version());
    assertEquals(ClaimStatus.UNVERIFIED, c.status());
    assertEquals("12000000000", c.value());
    assertEquals(Qualifier.APPROX, c.qualifier());
    assertEquals("2024-04-01", c.periodStart());
    assertEquals("2024-06-30", c.periodEnd());
    assertEquals(Periodicity.PER_QUARTER, c.periodicity());
    assertEquals("2024-07-27T00:00:00Z", c.statedAt());
    assertEquals(80, c.priority());
    assertEquals(alphabet, c.entityId());
    assertEquals("2024-07-27T08:00:00Z", c.source().publishedAt());
  }

  @Test
  void a_created_claim_reads_back_as_it_was_answered() {
    HttpResponse<ClaimView> created = create(alphabetCapex(entity("Alphabet " + unique())));

    HttpResponse<ClaimView> read = claims.get(ADMIN_TOKEN, created.body().id());

    assertEquals(HttpStatus.OK, read.getStatus());
    // The answer to a create also lists the claims it repeats (none here); a read does not.
    assertEquals(List.of(), created.body().duplicates());
    assertEquals(created.body().withDuplicates(null), read.body());
    assertEquals("\"1\"", read.header("ETag"));
  }

  @Test
  void a_claim_shows_its_open_recheck_even_when_there_is_none() {
    long id = claim(saying("no flag yet " + unique()));
    Res read = get("/api/v1/claims/" + id, ADMIN_TOKEN);
    assertTrue(read.json().containsKey("openRecheck"), read.toString());
  }

  @ParameterizedTest(name = "{0} is stored as {1}")
  @CsvSource({
    "5000000000, 5000000000",
    "-5000000000, -5000000000",
    "8.5, 8.5",
    "0.000001, 0.000001",
    "99999999999999999999999999999999.999999, 99999999999999999999999999999999.999999",
    "0, 0",
    "8.50, 8.5",
  })
  void numbers_come_back_exactly_as_stored(String sent, String stored) {
    HttpResponse<ClaimView> r = create(saying("number " + sent).value(sent));
    assertEquals(HttpStatus.CREATED, r.getStatus());
    assertEquals(stored, r.body().value());
    assertEquals(stored, read(r.body().id()).value());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {"1e9", "1,000", "0.0000001", "abc", "123456789012345678901234567890123", ""})
  void rejects_numbers_that_would_be_rounded_or_are_not_plain_decimals(String bad) {
    Refusal r = refused(() -> create(saying("bad number").value(bad)));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals("value", r.fields().get(0));
  }

  @Test
  void reports_every_invalid_field_by_name() {
    ClaimBuilder bad =
        saying("")
            .value("10")
            .qualifier("RANGE")
            .periodStart("2024-07-01")
            .periodEnd("2024-06-30")
            .entityId(987654321L)
            .language("not a language")
            .source("ftp://example.org/x")
            .priority(101);

    Refusal r = refused(() -> create(bad));

    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals("application/problem+json", r.contentType());
    assertEquals(
        Set.of(
            "statement",
            "valueHigh",
            "periodEnd",
            "entityId",
            "language",
            "source.url",
            "priority"),
        new HashSet<>(r.fields()));
  }

  @Test
  void a_range_whose_high_is_below_its_value_is_refused() {
    Refusal r = refused(() -> create(saying("between 4 and 3").range("4", "3")));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("valueHigh"), r.fields());
  }

  @Test
  void a_range_keeps_its_high_value() {
    HttpResponse<ClaimView> ok = create(saying("between 4 and 4.5").range("4", "4.5"));
    assertEquals(HttpStatus.CREATED, ok.getStatus());
    assertEquals("4.5", ok.body().valueHigh());
  }

  @Test
  void statement_longer_than_4000_characters_is_rejected() {
    Refusal r = refused(() -> create(saying("x".repeat(4001))));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("statement"), r.fields());
    assertEquals(HttpStatus.CREATED, create(saying("x".repeat(4000))).getStatus());
  }

  @Test
  void an_entity_alias_in_any_case_resolves_to_the_entity() {
    String alias = "Goog" + unique();
    long id = entity("Alphabet Inc " + unique(), alias);
    HttpResponse<ClaimView> r = create(saying("alias claim").entityName(alias.toUpperCase()));
    assertEquals(HttpStatus.CREATED, r.getStatus());
    assertEquals(id, r.body().entityId());
  }

  @Test
  void an_unknown_entity_name_is_refused_naming_the_field() {
    Refusal r = refused(() -> create(saying("alias claim").entityName("Nobody " + unique())));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("entityName"), r.fields());
  }

  @Test
  void same_external_ref_from_the_same_caller_returns_the_stored_claim() {
    String ref = "ref-" + unique();
    HttpResponse<ClaimView> first = create(saying("first").externalRef(ref));
    assertEquals(HttpStatus.CREATED, first.getStatus());

    HttpResponse<ClaimView> again = create(saying("second attempt").externalRef(ref));

    assertEquals(HttpStatus.OK, again.getStatus());
    assertEquals(first.body().id(), again.body().id());
    assertEquals("first", again.body().statement());
  }

  // Seven claims about one entity, for the list tests (which only read them): claim i is about
  // revenue when i is even, capex when odd, stated 2024-07-0(i+1), and says "number i".
  private long lister;
  private String word;
  private final Set<Long> listed = new HashSet<>();

  @BeforeAll
  void sevenClaimsToList() {
    lister = entity("Lister " + unique());
    word = "zebra" + unique();
    for (int i = 0; i < 7; i++) {
      listed.add(
          claim(
              saying("The " + word + " claim number " + i)
                  .entityId(lister)
                  .metric(i % 2 == 0 ? "revenue" : "capex")
                  .statedAt("2024-07-0" + (i + 1))));
    }
  }

  @Test
  void a_list_pages_newest_first_with_a_stable_cursor() {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, Object> query = new HashMap<>(Map.of("entityId", lister, "limit", 3));
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      var page = claims.list(ADMIN_TOKEN, query).body();
      page.items().forEach(c -> seen.add(c.id()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);

    assertEquals(3, pages);
    assertEquals(listed, new HashSet<>(seen));
    assertEquals(7, seen.size());
    List<Long> newestFirst = new ArrayList<>(seen);
    newestFirst.sort((a, b) -> Long.compare(b, a));
    assertEquals(newestFirst, seen, "newest first");
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metric=revenue                           | 4",
        "statedFrom=2024-07-03&statedTo=2024-07-05 | 3",
        "status=UNVERIFIED                        | 7",
        "status=ACCURATE                          | 0",
      })
  void a_filter_narrows_an_entitys_claims(String filter, int found) {
    Map<String, Object> query = new LinkedHashMap<>(Map.of("entityId", lister));
    for (String pair : filter.split("&")) {
      query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    assertEquals(found, claims.list(ADMIN_TOKEN, query).body().items().size());
  }

  @Test
  void q_finds_claims_by_the_words_of_their_statement() {
    assertEquals(7, claims.list(ADMIN_TOKEN, Map.of("q", word)).body().items().size());
    assertEquals(
        1, claims.list(ADMIN_TOKEN, Map.of("q", word + " claim number 3")).body().items().size());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "limit, 0",
    "limit, 201",
    "status, TRUE",
    "cursor, garbage",
    "statedFrom, July",
  })
  void list_rejects_bad_parameters_by_name(String parameter, String value) {
    Refusal r = refused(() -> claims.list(ADMIN_TOKEN, Map.of(parameter, value)));
    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of(parameter), r.fields());
  }

  @Test
  void like_wildcards_in_q_match_literally() {
    String tag = unique();
    create(saying("growth of 100% in " + tag));
    create(saying("growth of 1000 in " + tag));
    assertEquals(1, claims.list(ADMIN_TOKEN, Map.of("q", "100% in " + tag)).body().items().size());
  }

  /** A claim of Tesla's AI spending, 600000000 USD, at version 1; returns its id. */
  private long teslaClaim() {
    return claim(saying("Tesla spent $600M on AI in Q2 2024").value("600000000").unit("USD"));
  }

  @Test
  void a_patch_without_if_match_is_428() {
    long id = teslaClaim();
    Refusal r = refused(() -> claims.patch(ADMIN_TOKEN, id, null, Map.of("value", "650000000")));
    assertEquals(HttpStatus.PRECONDITION_REQUIRED, r.status());
  }

  @Test
  void a_patch_at_the_current_version_is_applied_and_moves_the_etag_on() {
    long id = teslaClaim();

    HttpResponse<ClaimView> ok =
        claims.patch(ADMIN_TOKEN, id, "\"1\"", Map.of("value", "650000000"));

    assertEquals(HttpStatus.OK, ok.getStatus());
    assertEquals("650000000", ok.body().value());
    assertEquals(2, ok.body().version());
    assertEquals("\"2\"", ok.header("ETag"));
  }

  @Test
  void rejects_a_stale_version() {
    long id = teslaClaim();
    claims.patch(ADMIN_TOKEN, id, "\"1\"", Map.of("value", "650000000"));

    Refusal stale =
        refused(() -> claims.patch(ADMIN_TOKEN, id, "\"1\"", Map.of("value", "700000000")));

    assertEquals(HttpStatus.PRECONDITION_FAILED, stale.status());
    assertEquals("650000000", read(id).value());
  }

  static Stream<Arguments> badPatches() {
    return Stream.of(
        Arguments.of(Map.of("qualifier", "RANGE", "status", "ACCURATE"), List.of("status")),
        Arguments.of(Map.of("qualifier", "RANGE"), List.of("valueHigh")));
  }

  @ParameterizedTest(name = "{0} is refused naming {1}")
  @MethodSource("badPatches")
  void a_patch_is_validated_as_its_result_and_a_bad_one_stores_nothing(
      Map<String, Object> patch, List<String> fields) {
    long id = claim(saying("range claim").value("1"));

    Refusal bad = refused(() -> claims.patch(ADMIN_TOKEN, id, "\"1\"", patch));

    assertEquals(HttpStatus.BAD_REQUEST, bad.status());
    assertEquals(fields, bad.fields());
    ClaimView after = read(id);
    assertEquals(1, after.version());
    assertEquals(Qualifier.EXACT, after.qualifier());
  }

  /** A claim by Someone of 5, then a checker's patch clearing the claimant and making it 6. */
  private long claimEditedByAChecker() {
    long id = claim(saying("history claim").value("5").claimant("Someone"));
    Map<String, Object> clear = new HashMap<>();
    clear.put("claimant", null);
    clear.put("value", "6");
    HttpResponse<ClaimView> r = claims.patch(token("CHECKER"), id, "\"1\"", clear);
    assertEquals(HttpStatus.OK, r.getStatus());
    return id;
  }

  @Test
  void a_patch_with_null_clears_the_field() {
    assertNull(read(claimEditedByAChecker()).claimant());
  }

  @Test
  void history_shows_who_changed_what() {
    List<HistoryEntry> history = claims.history(ADMIN_TOKEN, claimEditedByAChecker()).body();

    assertEquals(2, history.size());
    assertEquals("CREATED", history.get(0).action());
    assertEquals("admin", history.get(0).actor());
    HistoryEntry edit = history.get(1);
    assertEquals("UPDATED", edit.action());
    assertEquals(2, edit.version());
    assertTrue(edit.actor().startsWith("checker-"), edit.actor());
    assertEquals(
        Map.of(
            "claimant", mapOf("from", "Someone", "to", null),
            "value", mapOf("from", "5", "to", "6")),
        edit.changes());
  }

  @Test
  void concurrent_patches_with_the_same_if_match_exactly_one_wins() throws Exception {
    long id = claim(saying("race claim").value("1"));
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<String> values = new ArrayList<>();
    List<HttpStatus> statuses = new ArrayList<>();
    try {
      List<Callable<HttpStatus>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String value = String.valueOf(100 + i);
        values.add(value);
        calls.add(
            () -> statusOf(() -> claims.patch(ADMIN_TOKEN, id, "\"1\"", Map.of("value", value))));
      }
      for (Future<HttpStatus> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, statuses.stream().filter(s -> s == HttpStatus.OK).count(), statuses::toString);
    assertEquals(
        n - 1,
        statuses.stream().filter(s -> s == HttpStatus.PRECONDITION_FAILED).count(),
        statuses::toString);
    String winner = values.get(statuses.indexOf(HttpStatus.OK));
    ClaimView after = read(id);
    assertEquals(2, after.version());
    assertEquals(winner, after.value());
    assertEquals(2, claims.history(ADMIN_TOKEN, id).body().size());
  }

  @Test
  void unknown_claim_is_404_problem() {
    Refusal r = refused(() -> claims.get(ADMIN_TOKEN, 999999999L));
    assertEquals(HttpStatus.NOT_FOUND, r.status());
    assertEquals("application/problem+json", r.contentType());
    assertEquals(404, r.problem().status());
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new HashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
