package org.claimwatch.report;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.claimwatch.support.Refusal.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.claimwatch.claim.CheckView;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.claim.RecheckView;
import org.claimwatch.claim.RecheckView.ComparisonView;
import org.claimwatch.recheck.Comparator;
import org.claimwatch.recheck.Comparison;
import org.claimwatch.report.MetricMap.MetricConcepts;
import org.claimwatch.report.MetricMap.MetricsBody;
import org.claimwatch.report.ReportInput.FactInput;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Refusal;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports and SEC imports over HTTP: what they store, whom they flag, what they refuse. */
@MicronautTest(transactional = false)
class ReportApiTest extends ApiTest {

  /** The claim's open re-check flag (null: none). */
  private RecheckView open(long claimId) {
    return claims.get(ADMIN_TOKEN, claimId).body().openRecheck();
  }

  private HttpResponse<ReportImport> secImport(String document) {
    return reports.importCompanyFacts(ADMIN_TOKEN, document);
  }

  /** A one-fact SEC document about the CIK: its 2023 revenue, filed in a 10-K of 2024-02-10. */
  private static String revenue2023(long cik, String value, String accession) {
    return SecDocs.doc(
        cik,
        List.of(SecDocs.fact("2023-01-01", "2023-12-31", value, accession, "10-K", "2024-02-10")));
  }

  /** Whether an import made an entity for the CIK (SEC documents name it "Company <cik>"). */
  private boolean entityMadeFor(long cik) {
    return !reports.entities(ADMIN_TOKEN, Map.of("q", "Company " + cik)).body().items().isEmpty();
  }

  /** A press release of the entity's 2024 revenue, filed on {@code filedAt}; its import. */
  private ReportImport reported2024Revenue(long entity, String value, String filedAt) {
    ReportInput release =
        new ReportInput(
            entity,
            "Figures " + unique(),
            null,
            null,
            filedAt,
            List.of(new FactInput("revenue", value, "USD", "2024-01-01", "2024-12-31")));
    HttpResponse<ReportImport> r = reports.report(ADMIN_TOKEN, release);
    assertEquals(HttpStatus.CREATED, r.getStatus());
    return r.body();
  }

  // ---- A period reported in two currencies.

  private static FactInput revenue2024(String value, String unit) {
    return new FactInput("revenue", value, unit, "2024-01-01", "2024-12-31");
  }

  /** A claim of the entity's 2024 revenue in {@code unit}, said on {@code statedAt}. */
  private long revenue2024Claim(long entity, String value, String unit, String statedAt) {
    return claim(
        about(entity)
            .metric("revenue")
            .value(value)
            .unit(unit)
            .period("2024-01-01", "2024-12-31")
            .statedAt(statedAt));
  }

  private void file20F(long entity, List<FactInput> facts) {
    ReportInput twentyF =
        new ReportInput(entity, "20-F " + unique(), "20-F", null, "2025-04-01", facts);
    assertEquals(HttpStatus.CREATED, reports.report(ADMIN_TOKEN, twentyF).getStatus());
  }

  /**
   * A 20-F reports 2024 revenue in USD and in CNY: a claim in dollars is judged on the dollar
   * figure alone (the yuan figure cannot be compared and must not make it INCONCLUSIVE); a claim in
   * a currency its period was not reported in still sees the figures, as not comparable.
   */
  @Test
  void a_claim_is_judged_on_the_figure_in_its_own_currency_when_its_period_has_one() {
    long entity = entity("Dual currency " + unique());
    file20F(entity, List.of(revenue2024("5000000000", "USD"), revenue2024("35500000000", "CNY")));

    long dollars = revenue2024Claim(entity, "5000000000", "USD", "2025-05-01T00:00:00Z");
    CheckView check = claims.get(ADMIN_TOKEN, dollars).body().check();
    assertEquals("SUPPORTS", check.outcome(), check::toString);
    assertEquals(List.of("USD"), check.figures().stream().map(CheckView.Figure::unit).toList());

    long euros = revenue2024Claim(entity, "4600000000", "EUR", "2025-05-01T00:00:00Z");
    CheckView notComparable = claims.get(ADMIN_TOKEN, euros).body().check();
    assertEquals("INCONCLUSIVE", notComparable.outcome(), notComparable::toString);
    assertEquals(2, notComparable.figures().size(), notComparable::toString);
  }

  /** The figure in yuan comes first, the one in dollars in a later report: it takes over. */
  @Test
  void a_later_figure_in_the_claims_currency_replaces_one_in_another() {
    long entity = entity("Later dollars " + unique());
    long dollars = revenue2024Claim(entity, "5000000000", "USD", "2025-01-15T00:00:00Z");
    file20F(entity, List.of(revenue2024("35500000000", "CNY")));
    file20F(entity, List.of(revenue2024("5000000000", "USD")));
    CheckView check = claims.get(ADMIN_TOKEN, dollars).body().check();
    assertEquals("SUPPORTS", check.outcome(), check::toString);
    assertEquals(List.of("USD"), check.figures().stream().map(CheckView.Figure::unit).toList());
  }

  /**
   * "Cash of $30 billion at the end of September 2024": a claim with only an end date is about a
   * point in time. It is judged on the balance of that day, not on the year that ends then.
   */
  @Test
  void a_claim_with_only_an_end_date_is_judged_on_the_balance_of_that_day() {
    long entity = entity("Balance " + unique());
    ReportInput tenK =
        new ReportInput(
            entity,
            "10-K " + unique(),
            "10-K",
            null,
            "2024-11-01",
            List.of(
                new FactInput("cash", "29900000000", "USD", null, "2024-09-28"),
                new FactInput("cash", "75000000000", "USD", "2023-10-01", "2024-09-28")));
    assertEquals(HttpStatus.CREATED, reports.report(ADMIN_TOKEN, tenK).getStatus());
    long c =
        claim(
            about(entity)
                .metric("cash")
                .value("30000000000")
                .unit("USD")
                .periodEnd("2024-09-30")
                .statedAt("2024-12-01T00:00:00Z"));
    CheckView check = claims.get(ADMIN_TOKEN, c).body().check();
    assertTrue(check != null, "judged on no figure");
    assertEquals("SUPPORTS", check.outcome(), check::toString);
    assertEquals(
        List.of("2024-09-28..2024-09-28"),
        check.figures().stream().map(f -> f.periodStart() + ".." + f.periodEnd()).toList());
  }

  // ---- A report that is not an SEC filing.

  /** OpenAI's reported 2024 loss, in a press release of 2025-03-01. */
  private static ReportInput openAiResults(long openai) {
    return new ReportInput(
        openai,
        "OpenAI 2024 results (reported)",
        "press release",
        "https://example.org/openai-2024",
        "2025-03-01",
        List.of(new FactInput("net_income", "-5300000000", "USD", "2024-01-01", "2024-12-31")));
  }

  /** "OpenAI lost $5 billion in 2024", said 2024-07-27. */
  private long openAiLossClaim(long openai) {
    return claim(
        about(openai)
            .metric("net_income")
            .value("-5000000000")
            .period("2024-01-01", "2024-12-31")
            .statedAt("2024-07-27"));
  }

  @Test
  void a_private_companys_reported_loss_flags_the_claim_about_it() {
    long openai = company("OpenAI", null);
    long loss = openAiLossClaim(openai);

    HttpResponse<ReportImport> r = reports.report(ADMIN_TOKEN, openAiResults(openai));

    assertEquals(HttpStatus.CREATED, r.getStatus());
    assertEquals(1, r.body().factsAdded());
    assertEquals(1, r.body().claimsFlagged());
    RecheckView flag = open(loss);
    assertEquals("SUPPORTS", flag.comparison().outcome());
    assertEquals("-6", flag.comparison().deviationPct().toString().replace(".0", ""));
    assertEquals(
        "Reported 2024 net income -$5.3B (press release filed 2025-03-01) is 6% below the claimed"
            + " -$5B (stated to ±$0.5B: within it).",
        flag.comparison().explanation());
  }

  @Test
  void the_same_report_again_adds_and_flags_nothing() {
    long openai = company("OpenAI", null);
    openAiLossClaim(openai);
    reports.report(ADMIN_TOKEN, openAiResults(openai));

    ReportImport again = reports.report(ADMIN_TOKEN, openAiResults(openai)).body();

    assertEquals(0, again.factsAdded());
    assertEquals(0, again.claimsFlagged());
  }

  @Test
  void report_input_is_checked_field_by_field() {
    ReportInput bad =
        new ReportInput(
            987654321L,
            "",
            null,
            null,
            "yesterday",
            List.of(new FactInput("Net Income", "5e9", "USD", null, "2024-13-01")));

    Refusal r = refused(() -> reports.report(ADMIN_TOKEN, bad));

    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(
        List.of(
            "entityId",
            "title",
            "filedAt",
            "facts[0].metric",
            "facts[0].value",
            "facts[0].periodEnd"),
        r.fields());
  }

  // ---- Manual re-checks.

  /** "Manual made $10B in 2024", said 2026-01-01, after any filing of 2024 figures. */
  private long claimSaidLate(long entity) {
    return claim(
        about(entity)
            .value("10000000000")
            .period("2024-01-01", "2024-12-31")
            .statedAt("2026-01-01"));
  }

  @Test
  void a_manual_recheck_with_no_figure_is_inconclusive() {
    long c = claimSaidLate(company("Manual", null));

    HttpResponse<RecheckView> none = claims.recheck(token("CHECKER"), c);

    assertEquals(HttpStatus.CREATED, none.getStatus());
    assertEquals("MANUAL", none.body().reason());
    assertEquals("INCONCLUSIVE", none.body().comparison().outcome());
  }

  @Test
  void a_figure_filed_before_the_claim_was_made_flags_nothing() {
    long entity = company("Manual", null);
    claimSaidLate(entity);
    ReportImport imported = reported2024Revenue(entity, "10200000000", "2025-02-01");
    assertEquals(0, imported.claimsFlagged(), "filed before the claim was made");
  }

  /**
   * A filing is dated by its day, a claim by its instant: a claim said at 02:00 UTC on 2025-02-01
   * (the evening before in New York) is news to a filing dated 2025-02-01, and so is one said at
   * noon that day; a filing dated the day before is not.
   */
  @Test
  void a_figure_filed_on_the_day_the_claim_was_made_flags_it() {
    for (String said : List.of("2025-02-01T02:00:00Z", "2025-02-01T12:00:00Z")) {
      long entity = company("Same day", null);
      long c =
          claim(
              about(entity).value("10000000000").period("2024-01-01", "2024-12-31").statedAt(said));
      ReportImport imported = reported2024Revenue(entity, "12000000000", "2025-02-01");
      assertEquals(1, imported.claimsFlagged(), said);
      assertEquals("NEW_FILING", open(c).reason());
    }
    long entity = company("Day before", null);
    claim(
        about(entity)
            .value("10000000000")
            .period("2024-01-01", "2024-12-31")
            .statedAt("2025-02-01T02:00:00Z"));
    assertEquals(0, reported2024Revenue(entity, "12000000000", "2025-01-31").claimsFlagged());
  }

  @Test
  void a_manual_recheck_compares_with_the_newest_figure_now() {
    long entity = company("Manual", null);
    long c = claimSaidLate(entity);
    String checker = token("CHECKER");
    claims.recheck(checker, c);
    reported2024Revenue(entity, "10200000000", "2025-02-01");

    HttpResponse<RecheckView> now = claims.recheck(checker, c, Map.of("note", "reader asked"));

    assertEquals(HttpStatus.CREATED, now.getStatus());
    assertEquals("SUPPORTS", now.body().comparison().outcome());
    assertEquals("10200000000", now.body().comparison().reportedValue());
    assertEquals(now.body().id(), open(c).id());
    assertEquals(
        1,
        claims.rechecks(ADMIN_TOKEN, Map.of("state", "OPEN", "claimId", c)).body().items().size());
  }

  @Test
  void a_viewer_may_not_ask_for_a_recheck() {
    long c = claimSaidLate(company("Manual", null));
    assertEquals(HttpStatus.FORBIDDEN, refused(() -> claims.recheck(token("VIEWER"), c)).status());
  }

  @Test
  void a_recheck_of_an_unknown_claim_is_404() {
    assertEquals(
        HttpStatus.NOT_FOUND, refused(() -> claims.recheck(token("CHECKER"), 999999999L)).status());
  }

  // ---- Restatements: a 10-K of 2024-02-10 says 2023 revenue was 10.1B, a 10-K/A of 2024-05-01
  // says 9.2B; "Restater made $10B in 2023" was said 2023-06-01, before both.

  private record Restater(long cik, long entity, long claim) {}

  private static final String ORIGINAL =
      SecDocs.fact(
          "2023-01-01", "2023-12-31", "10100000000", "0000000001-24-000001", "10-K", "2024-02-10");
  private static final String AMENDED =
      SecDocs.fact(
          "2023-01-01", "2023-12-31", "9200000000", "0000000001-25-000001", "10-K/A", "2024-05-01");

  private Restater restater() {
    long cik = SecDocs.newCik();
    long entity = company("Restater", cik);
    long claim =
        claim(
            about(entity)
                .value("10000000000")
                .period("2023-01-01", "2023-12-31")
                .statedAt("2023-06-01"));
    return new Restater(cik, entity, claim);
  }

  private HttpResponse<ReportImport> fileOriginal(Restater r) {
    return secImport(SecDocs.doc(r.cik(), List.of(ORIGINAL)));
  }

  private HttpResponse<ReportImport> fileAmendment(Restater r) {
    return secImport(SecDocs.doc(r.cik(), List.of(ORIGINAL, AMENDED)));
  }

  @Test
  void a_first_filing_flags_the_claim_as_new() {
    Restater r = restater();

    HttpResponse<ReportImport> first = fileOriginal(r);

    assertEquals(HttpStatus.CREATED, first.getStatus());
    assertEquals(1, first.body().claimsFlagged());
    assertEquals("NEW_FILING", open(r.claim()).reason());
    assertEquals("SUPPORTS", open(r.claim()).comparison().outcome());
  }

  @Test
  void a_restatement_flags_the_claim_again() {
    Restater r = restater();
    fileOriginal(r);

    ReportImport restated = fileAmendment(r).body();

    assertEquals(1, restated.restatements());
    assertEquals(1, restated.factsAdded());
    assertEquals(1, restated.claimsFlagged());
    RecheckView flag = open(r.claim());
    assertEquals("RESTATEMENT", flag.reason());
    assertEquals("CONTRADICTS", flag.comparison().outcome());
    assertEquals("9200000000", flag.comparison().reportedValue());
  }

  @Test
  void a_restated_figure_is_kept_marked_under_the_amendment() {
    Restater r = restater();
    fileOriginal(r);
    fileAmendment(r);

    List<FigureView> figures =
        reports.figures(ADMIN_TOKEN, r.entity(), Map.of("metric", "revenue")).body();

    assertEquals(1, figures.size());
    assertTrue(figures.get(0).restated());
    assertEquals("10-K/A", figures.get(0).report().form());
  }

  @Test
  void the_new_filing_flag_is_resolved_and_the_restatement_flag_is_open() {
    Restater r = restater();
    fileOriginal(r);
    fileAmendment(r);

    assertEquals(
        2, claims.rechecks(ADMIN_TOKEN, Map.of("claimId", r.claim())).body().items().size());
    assertEquals(
        1,
        claims
            .rechecks(ADMIN_TOKEN, Map.of("state", "OPEN", "claimId", r.claim()))
            .body()
            .items()
            .size());
  }

  // ---- Documents refused.

  @Test
  void a_document_that_is_not_json_is_400() {
    assertEquals(HttpStatus.BAD_REQUEST, refused(() -> secImport("this is not json")).status());
  }

  @Test
  void a_truncated_document_is_400_saying_so() {
    long cik = SecDocs.newCik();
    String good = revenue2023(cik, "1", "0000000001-24-000001");

    Refusal r = refused(() -> secImport(good.substring(0, good.length() / 2)));

    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertTrue(
        r.detail().contains("ended early") || r.detail().contains("not valid JSON"), r.body());
    assertFalse(entityMadeFor(cik), "nothing imported");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.5", "true", "[]", "\"\"", "null"})
  void a_document_that_is_not_an_object_is_refused_at_once(String body) {
    assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(() -> secImport(body)).status());
  }

  static Stream<Arguments> badFacts() {
    return Stream.of(
        Arguments.of(
            "an end date that is not ISO",
            (UnaryOperator<String>) d -> d.replace("\"2023-12-31\"", "\"31/12/2023\""),
            "facts.us-gaap.Revenues.units.USD[0].end"),
        Arguments.of(
            "a value that is not a number",
            (UnaryOperator<String>) d -> d.replace("\"val\":1,", "\"val\":\"one\","),
            "facts.us-gaap.Revenues.units.USD[0].val"),
        Arguments.of(
            "a value that would be rounded",
            (UnaryOperator<String>)
                d -> d.replace("\"val\":1,", "\"val\":1" + "0".repeat(40) + ","),
            "facts.us-gaap.Revenues.units.USD[0].val"),
        Arguments.of(
            "no CIK", (UnaryOperator<String>) d -> d.replaceFirst("\"cik\":\\d+,", ""), "cik"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFacts")
  void a_bad_document_is_422_naming_the_place_and_stores_nothing(
      String what, UnaryOperator<String> spoil, String field) {
    long cik = SecDocs.newCik();
    String bad = spoil.apply(revenue2023(cik, "1", "0000000001-24-000001"));

    Refusal r = refused(() -> secImport(bad));

    assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, r.status());
    assertEquals(List.of(field), r.fields());
    assertFalse(entityMadeFor(cik), "nothing imported");
  }

  @Test
  void a_document_about_another_company_than_asked_is_422() {
    long cik = SecDocs.newCik();
    String good = revenue2023(cik, "1", "0000000001-24-000001");

    Refusal r = refused(() -> reports.importCompanyFacts(ADMIN_TOKEN, good, 320193L, null));

    assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, r.status());
    assertEquals(List.of("cik"), r.fields());
    assertFalse(entityMadeFor(cik), "nothing imported");
  }

  // ---- Asynchronous imports.

  @Test
  void an_async_import_is_a_job_to_follow() throws Exception {
    String tesla = SecImportTest.fixture(SecImportTest.TESLA, 1318605, SecDocs.newCik());

    HttpResponse<ReportImport> accepted =
        reports.importCompanyFacts(ADMIN_TOKEN, tesla, null, "respond-async");

    assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
    String location = accepted.header("Location");
    assertTrue(location.startsWith("/api/v1/reports/imports/"), location);
    assertTrue(accepted.body().factsTotal() > 1000);
    ReportImport job = accepted.body();
    for (int i = 0; i < 300 && "RUNNING".equals(job.status()); i++) {
      Thread.sleep(100);
      job = reports.importRecord(ADMIN_TOKEN, job.id()).body();
    }
    assertEquals("DONE", job.status(), job.toString());
    assertEquals(job.factsTotal(), job.factsAdded());
    assertEquals("done", job.phase());
    assertEquals("/api/v1/reports/imports/" + job.id(), location);
  }

  @Inject SecImporter secImporter;

  /**
   * What an instance leaves behind when it dies right after answering 202: the job (RUNNING,
   * queued) and its document (Tesla's, gzipped), committed together, claimed by the dead instance
   * until a minute ago. Returns the job's id.
   */
  private static long leftBehindByADeadInstance(long cik) throws Exception {
    return queuedDocument(cik, "dead-instance", "UTC_TIMESTAMP() - INTERVAL 1 MINUTE");
  }

  /** A queued import's job and document, held by {@code holder} until {@code until} (SQL). */
  private static long queuedDocument(long cik, String holder, String until) throws Exception {
    byte[] json =
        SecImportTest.fixture(SecImportTest.TESLA, 1318605, cik).getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(packed)) {
      z.write(json);
    }
    try (java.sql.Connection db =
        java.sql.DriverManager.getConnection(
            TestDatabase.url(), TestDatabase.user(), TestDatabase.password())) {
      long jobId;
      try (java.sql.PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO report_imports (kind, status, requested_by, started_at, phase,"
                  + " facts_total) VALUES ('SEC_COMPANYFACTS', 'RUNNING', 'editor-who-left',"
                  + " UTC_TIMESTAMP(), 'queued', 100)",
              java.sql.Statement.RETURN_GENERATED_KEYS)) {
        ps.executeUpdate();
        try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          jobId = keys.getLong(1);
        }
      }
      try (java.sql.PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO import_documents (import_id, expected_cik, document, created_at,"
                  + " claimed_by, claimed_until) VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, "
                  + until
                  + ")")) {
        ps.setLong(1, jobId);
        ps.setLong(2, cik);
        ps.setBytes(3, packed.toByteArray());
        ps.setString(4, holder);
        ps.executeUpdate();
      }
      return jobId;
    }
  }

  private static int documentsOf(long jobId) throws Exception {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT COUNT(*) FROM import_documents WHERE import_id = " + jobId)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void a_stopping_instance_gives_back_the_imports_it_holds() throws Exception {
    long jobId;
    String holder;
    try (io.micronaut.context.ApplicationContext other =
        io.micronaut.context.ApplicationContext.run(
            new java.util.HashMap<String, Object>(getProperties()), "test")) {
      holder = other.getBean(org.claimwatch.system.InstanceName.class).value();
      other.getBean(ImportQueue.class); // the bean whose close gives the document back
      jobId = queuedDocument(SecDocs.newCik(), holder, "UTC_TIMESTAMP() + INTERVAL 10 MINUTE");
    }
    // Not held by the stopped instance any more: waiting to be taken up at once (or taken already
    // by this one's scheduled run), instead of in ten minutes.
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
        java.sql.PreparedStatement ps =
            db.prepareStatement(
                "SELECT COUNT(*) FROM import_documents WHERE import_id = ? AND claimed_by = ?")) {
      ps.setLong(1, jobId);
      ps.setString(2, holder);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
    ReportImport job = reports.importRecord(ADMIN_TOKEN, jobId).body();
    for (int i = 0; i < 600 && "RUNNING".equals(job.status()); i++) {
      if (secImporter.importQueued() == 0) {
        Thread.sleep(50);
      }
      job = reports.importRecord(ADMIN_TOKEN, jobId).body();
    }
    assertEquals("DONE", job.status(), job.toString());
  }

  @Test
  void an_accepted_async_import_is_finished_after_its_instance_died() throws Exception {
    long jobId = leftBehindByADeadInstance(SecDocs.newCik());

    // What the scheduled run does every few seconds, done here; if the scheduled run took it
    // first, wait for that one to finish.
    ReportImport job = reports.importRecord(ADMIN_TOKEN, jobId).body();
    for (int i = 0; i < 600 && "RUNNING".equals(job.status()); i++) {
      if (secImporter.importQueued() == 0) {
        Thread.sleep(100);
      }
      job = reports.importRecord(ADMIN_TOKEN, jobId).body();
    }

    assertEquals("DONE", job.status(), job.toString());
    assertTrue(job.factsAdded() > 1000, job.toString());
    assertEquals(0, documentsOf(jobId), "the document went with the finished job");
  }

  // ---- The metric map.

  private MetricConcepts metric(List<MetricConcepts> map, String name) {
    return map.stream().filter(m -> name.equals(m.metric())).findFirst().orElseThrow();
  }

  @Test
  void the_metric_map_says_which_concepts_stand_for_a_metric() {
    HttpResponse<List<MetricConcepts>> map = reports.metrics(token("VIEWER"));
    assertEquals(HttpStatus.OK, map.getStatus());
    assertEquals(
        List.of(
            "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment",
            "us-gaap:PaymentsToAcquireProductiveAssets",
            "ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities"),
        metric(map.body(), "capex").concepts(),
        "the preferred first");
    // V45: the headline figure before its part, and the old revenue concepts last.
    assertEquals(
        "us-gaap:NetCashProvidedByUsedInOperatingActivities",
        metric(map.body(), "operating_cash_flow").concepts().get(0));
    assertEquals(
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        metric(map.body(), "pretax_income").concepts().get(0));
    List<String> revenue = metric(map.body(), "revenue").concepts();
    assertEquals("us-gaap:Revenues", revenue.get(0));
    assertEquals(
        List.of(
            "us-gaap:SalesRevenueNet",
            "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax",
            "ifrs-full:RevenueFromContractsWithCustomers"),
        revenue.subList(revenue.size() - 3, revenue.size()));
  }

  /**
   * The order of a metric's concepts in the map says which counts where one filing gives a period
   * under both: a PUT that swaps them recomputes the figures, and GET reads the new order. (A
   * metric and concepts of this test's own, so no other company's figures move.)
   */
  @Test
  void the_order_of_a_metrics_concepts_says_which_counts() {
    long cik = SecDocs.newCik();
    String metric = "order_probe_" + cik;
    String total = "us-gaap:OrderProbeTotal" + cik;
    String part = "us-gaap:OrderProbePart" + cik;
    long entity = company("Order test", cik);
    String accn = "0000000001-25-000001";
    reports.importCompanyFacts(
        ADMIN_TOKEN,
        SecDocs.oneFilingTwoConcepts(cik, total.substring(8), part.substring(8), accn));
    List<MetricConcepts> before = reports.metrics(ADMIN_TOKEN).body();
    try {
      for (List<String> order : List.of(List.of(total, part), List.of(part, total))) {
        List<MetricConcepts> map = new ArrayList<>(before);
        map.add(new MetricConcepts(metric, order));
        HttpResponse<List<MetricConcepts>> put =
            reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(map));
        assertEquals(order, metric(put.body(), metric).concepts());
        assertEquals(order, metric(reports.metrics(ADMIN_TOKEN).body(), metric).concepts());
        List<FigureView> figures =
            reports.figures(ADMIN_TOKEN, entity, Map.of("metric", metric)).body();
        assertEquals(1, figures.size(), figures::toString);
        assertEquals(order.get(0).equals(total) ? "900" : "700", figures.get(0).value());
      }
    } finally {
      assertEquals(
          HttpStatus.OK, reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(before)).getStatus());
    }
    assertEquals(List.of(), reports.figures(ADMIN_TOKEN, entity, Map.of("metric", metric)).body());
  }

  @Test
  void a_checker_may_not_change_the_metric_map() {
    List<MetricConcepts> metrics = reports.metrics(ADMIN_TOKEN).body();
    Refusal r = refused(() -> reports.replaceMetrics(token("CHECKER"), new MetricsBody(metrics)));
    assertEquals(HttpStatus.FORBIDDEN, r.status());
  }

  @Test
  void a_metric_map_with_a_bad_name_is_refused_naming_it() {
    List<MetricConcepts> metrics = reports.metrics(ADMIN_TOKEN).body();
    List<MetricConcepts> bad = new ArrayList<>(metrics);
    bad.add(new MetricConcepts("Bad Metric", List.of("nonsense")));

    Refusal r = refused(() -> reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(bad)));

    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("metrics[" + metrics.size() + "].metric"), r.fields());
  }

  @Test
  void a_metric_map_that_lists_a_metric_twice_is_refused_naming_it() {
    List<MetricConcepts> metrics = reports.metrics(ADMIN_TOKEN).body();
    List<MetricConcepts> twice = new ArrayList<>(metrics);
    twice.add(new MetricConcepts("capex", List.of("us-gaap:CapexTwiceProbe")));

    Refusal r = refused(() -> reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(twice)));

    assertEquals(HttpStatus.BAD_REQUEST, r.status());
    assertEquals(List.of("metrics[" + metrics.size() + "].metric"), r.fields());
    assertEquals(metrics, reports.metrics(ADMIN_TOKEN).body(), "nothing changed");
  }

  @Test
  void the_metric_map_put_back_as_it_was_reads_the_same() {
    List<MetricConcepts> metrics = reports.metrics(ADMIN_TOKEN).body();

    HttpResponse<List<MetricConcepts>> same =
        reports.replaceMetrics(ADMIN_TOKEN, new MetricsBody(metrics));

    assertEquals(HttpStatus.OK, same.getStatus());
    assertEquals(metrics, same.body());
  }

  // ---- Flags computed in SQL and the Comparator agree.

  /**
   * A claim about 2024 revenue against the reported 10.3B (a press release of 2025-02-01): the flag
   * the SQL raised has the outcome, deviation and explanation the Java Comparator gives.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "10000000000, EXACT,",
    "10400000000, EXACT,",
    "10600000000, EXACT,",
    "11000000000, APPROX,",
    "12000000000, APPROX,",
    "10000000000, AT_LEAST,",
    "10300000000, MORE_THAN,",
    "10300000000, AT_MOST,",
    "10000000000, LESS_THAN,",
    "9000000000, RANGE, 10000000000",
    "9000000000, RANGE, 11000000000",
    "0, EXACT,",
    "-10300000000, EXACT,",
    "10.3, EXACT,",
    "10299999999.999999, EXACT,",
  })
  void flags_computed_in_sql_agree_with_the_comparator(
      String value, String qualifier, String valueHigh) {
    long entity = company("Agreement", null);
    long id =
        claim(
            about(entity)
                .statement("agreement " + unique())
                .value(value)
                .qualifier(qualifier)
                .valueHigh(valueHigh)
                .period("2024-01-01", "2024-12-31")
                .statedAt("2024-06-01"));

    assertEquals(1, reported2024Revenue(entity, "10300000000", "2025-02-01").claimsFlagged());

    Comparison expected =
        Comparator.compare(
            new Comparator.Claimed(
                new BigDecimal(value),
                valueHigh == null ? null : new BigDecimal(valueHigh),
                Qualifier.valueOf(qualifier),
                "USD",
                "revenue"),
            new Comparator.Reported(
                new BigDecimal("10300000000"),
                "USD",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31),
                null,
                "press release",
                LocalDate.of(2025, 2, 1)));
    ComparisonView flagged = openFlag(id).comparison();
    assertEquals(expected.outcome().name(), flagged.outcome());
    assertEquals(
        expected.deviationPct() == null ? null : expected.deviationPct().toPlainString(),
        flagged.deviationPct());
    assertEquals(expected.explanation(), flagged.explanation());
  }

  private RecheckView openFlag(long claimId) {
    List<RecheckView> open =
        claims.rechecks(ADMIN_TOKEN, Map.of("state", "OPEN", "claimId", claimId)).body().items();
    assertEquals(1, open.size(), open::toString);
    return open.get(0);
  }

  // ---- Who may publish figures.

  @Test
  void only_editors_publish_a_report() {
    long e = company("Integration Co " + unique(), null);
    ReportInput q1 =
        new ReportInput(
            e,
            "Figures " + unique(),
            null,
            null,
            "2024-05-01T00:00:00Z",
            List.of(new FactInput("revenue", "1", "USD", "2024-01-01", "2024-03-31")));

    assertEquals(
        HttpStatus.FORBIDDEN, refused(() -> reports.report(token("INTEGRATION"), q1)).status());
    assertEquals(List.of(), reports.list(ADMIN_TOKEN, Map.of("entityId", e)).body().items());
    assertEquals(HttpStatus.CREATED, reports.report(token("EDITOR"), q1).getStatus());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"INTEGRATION", "CHECKER"})
  void only_editors_import_filings_and_a_refused_one_makes_no_entity(String role) {
    long cik = SecDocs.newCik();
    String doc = revenue2023(cik, "5", "0000000001-24-000777");

    Refusal r = refused(() -> reports.importCompanyFacts(token(role), doc));

    assertEquals(HttpStatus.FORBIDDEN, r.status());
    assertFalse(entityMadeFor(cik), "no entity was made for the refused document");
  }

  // ---- Which entity a filing belongs to.

  @Test
  void a_filing_is_matched_by_company_and_accession_never_by_accession_alone() {
    String accession =
        "0000" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + "-24-000001";
    HttpResponse<ReportImport> a =
        secImport(
            SecDocs.doc(
                SecDocs.newCik(),
                List.of(
                    SecDocs.fact(
                        "2023-01-01", "2023-12-31", "5", accession, "10-K", "2024-02-10"))));
    HttpResponse<ReportImport> b =
        secImport(
            SecDocs.doc(
                SecDocs.newCik(),
                List.of(
                    SecDocs.fact(
                        "2023-01-01", "2023-03-31", "7", accession, "10-Q", "2024-05-03"))));
    assertEquals(HttpStatus.CREATED, a.getStatus());
    assertEquals(HttpStatus.CREATED, b.getStatus());

    Report reportA = onlyReportOf(a.body().entityId());
    Report reportB = onlyReportOf(b.body().entityId());

    assertEquals(List.of("10-K", "2024-02-10"), List.of(reportA.form(), "" + reportA.filedOn()));
    assertEquals(List.of("10-Q", "2024-05-03"), List.of(reportB.form(), "" + reportB.filedOn()));
    assertEquals(accession, reportB.accessionNumber());
  }

  private Report onlyReportOf(long entityId) {
    return reports.list(ADMIN_TOKEN, Map.of("entityId", entityId)).body().items().get(0);
  }

  @Test
  void an_uploaded_cik_is_never_given_to_an_entity_because_the_names_match() {
    long cik = SecDocs.newCik();
    long existing = entity("Company " + cik); // the very name the document gives

    HttpResponse<ReportImport> r = secImport(revenue2023(cik, "5", "0000000002-24-000001"));

    assertEquals(HttpStatus.CREATED, r.getStatus());
    long imported = r.body().entityId();
    assertTrue(imported != existing, "a new entity for the CIK");
    assertNull(reports.entity(ADMIN_TOKEN, existing).body().secCik());
    assertEquals(cik, reports.entity(ADMIN_TOKEN, imported).body().secCik());
  }
}
