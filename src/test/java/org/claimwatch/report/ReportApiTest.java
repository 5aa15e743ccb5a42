package org.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.recheck.Comparator;
import org.claimwatch.recheck.Comparison;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ReportApiTest extends ApiTest {

  private Object claim(
      long entityId,
      String metric,
      String value,
      String qualifier,
      String periodicity,
      String start,
      String end,
      String statedAt,
      String unit) {
    Map<String, Object> c =
        numberClaim(entityId, metric, value, qualifier, periodicity, start, end, statedAt);
    c.put("unit", unit);
    return claim(c);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> open(Object claimId) {
    return (Map<String, Object>)
        get("/api/v1/claims/" + claimId, ADMIN_TOKEN).json().get("openRecheck");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cmp(Map<String, Object> flag) {
    return (Map<String, Object>) flag.get("comparison");
  }

  @Test
  void a_private_companys_reported_loss_flags_the_claim_about_it() {
    long openai = company("OpenAI", null);
    Object loss =
        claim(
            openai,
            "net_income",
            "-5000000000",
            "EXACT",
            "NONE",
            "2024-01-01",
            "2024-12-31",
            "2024-07-27",
            "USD");
    Map<String, Object> report = new HashMap<>();
    report.put("entityId", openai);
    report.put("title", "OpenAI 2024 results (reported)");
    report.put("form", "press release");
    report.put("url", "https://example.org/openai-2024");
    report.put("filedAt", "2025-03-01");
    report.put(
        "facts",
        List.of(
            Map.of(
                "metric",
                "net_income",
                "value",
                "-5300000000",
                "unit",
                "USD",
                "periodStart",
                "2024-01-01",
                "periodEnd",
                "2024-12-31")));

    Res r = post("/api/v1/reports", report, ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    assertEquals(1, r.json().get("factsAdded"));
    assertEquals(1, r.json().get("claimsFlagged"));
    Map<String, Object> flag = open(loss);
    assertEquals("SUPPORTS", cmp(flag).get("outcome"));
    assertEquals("-6", cmp(flag).get("deviationPct").toString().replace(".0", ""));
    assertEquals(
        "Reported 2024 net income -$5.3B (press release filed 2025-03-01) is 6% below the claimed -$5B (stated to ±$0.5B: within it).",
        cmp(flag).get("explanation"));

    Res again = post("/api/v1/reports", report, ADMIN_TOKEN);
    assertEquals(0, again.json().get("factsAdded"));
    assertEquals(0, again.json().get("claimsFlagged"));
  }

  @Test
  void a_manual_recheck_compares_with_the_newest_figure_now() {
    long entity = company("Manual", null);
    Object c =
        claim(
            entity,
            "revenue",
            "10000000000",
            "EXACT",
            "NONE",
            "2024-01-01",
            "2024-12-31",
            "2026-01-01",
            "USD");
    String checker = token("CHECKER");

    Res none = post("/api/v1/claims/" + c + "/recheck", Map.of(), checker);
    assertEquals(201, none.status(), none.toString());
    assertEquals("MANUAL", none.json().get("reason"));
    assertEquals("INCONCLUSIVE", cmp(none.json()).get("outcome"));

    Res imported =
        report(entity, "2025-02-01", "revenue", "10200000000", "2024-01-01", "2024-12-31");
    assertEquals(0, imported.json().get("claimsFlagged"), "filed before the claim was made");

    Res now = post("/api/v1/claims/" + c + "/recheck", Map.of("note", "reader asked"), checker);
    assertEquals(201, now.status());
    assertEquals("SUPPORTS", cmp(now.json()).get("outcome"));
    assertEquals("10200000000", cmp(now.json()).get("reportedValue"));
    assertEquals(now.json().get("id"), open(c).get("id"));
    assertEquals(1, get("/api/v1/rechecks?state=OPEN&claimId=" + c, ADMIN_TOKEN).items().size());
    assertEquals(403, post("/api/v1/claims/" + c + "/recheck", Map.of(), token("VIEWER")).status());
    assertEquals(404, post("/api/v1/claims/999999999/recheck", Map.of(), checker).status());
  }

  @Test
  void report_input_is_checked_field_by_field() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("entityId", 987654321);
    bad.put("title", "");
    bad.put("filedAt", "yesterday");
    bad.put(
        "facts",
        List.of(
            Map.of(
                "metric", "Net Income", "value", "5e9", "unit", "USD", "periodEnd", "2024-13-01")));
    Res r = post("/api/v1/reports", bad, ADMIN_TOKEN);
    assertEquals(400, r.status());
    assertEquals(
        List.of(
            "entityId",
            "title",
            "filedAt",
            "facts[0].metric",
            "facts[0].value",
            "facts[0].periodEnd"),
        fields(r));
  }

  @Test
  void a_restatement_is_kept_marked_and_flags_the_claim_again() {
    long cik = SecDocs.newCik();
    long entity = company("Restater", cik);
    Object claim =
        claim(
            entity,
            "revenue",
            "10000000000",
            "EXACT",
            "NONE",
            "2023-01-01",
            "2023-12-31",
            "2023-06-01",
            "USD");

    String original =
        SecDocs.fact(
            "2023-01-01",
            "2023-12-31",
            "10100000000",
            "0000000001-24-000001",
            "10-K",
            "2024-02-10");
    String amended =
        SecDocs.fact(
            "2023-01-01",
            "2023-12-31",
            "9200000000",
            "0000000001-25-000001",
            "10-K/A",
            "2024-05-01");
    Res first = secImport(SecDocs.doc(cik, List.of(original)));
    assertEquals(201, first.status(), first.toString());
    assertEquals(1, first.json().get("claimsFlagged"));
    assertEquals("NEW_FILING", open(claim).get("reason"));
    assertEquals("SUPPORTS", cmp(open(claim)).get("outcome"));

    Res restated = secImport(SecDocs.doc(cik, List.of(original, amended)));
    assertEquals(1, restated.json().get("restatements"));
    assertEquals(1, restated.json().get("factsAdded"));
    assertEquals(1, restated.json().get("claimsFlagged"));
    Map<String, Object> flag = open(claim);
    assertEquals("RESTATEMENT", flag.get("reason"));
    assertEquals("CONTRADICTS", cmp(flag).get("outcome"));
    assertEquals("9200000000", cmp(flag).get("reportedValue"));

    List<Map<String, Object>> facts =
        get("/api/v1/entities/" + entity + "/facts?metric=revenue", ADMIN_TOKEN).list();
    assertEquals(1, facts.size());
    assertEquals(true, facts.get(0).get("restated"));
    assertEquals("10-K/A", ((Map<?, ?>) facts.get(0).get("report")).get("form"));
    // The NEW_FILING flag stays in the history, resolved; the RESTATEMENT flag is open.
    assertEquals(2, get("/api/v1/rechecks?claimId=" + claim, ADMIN_TOKEN).items().size());
    assertEquals(
        1, get("/api/v1/rechecks?state=OPEN&claimId=" + claim, ADMIN_TOKEN).items().size());
  }

  @Test
  void bad_companyfacts_documents_are_refused_naming_the_place_and_store_nothing() {
    long cik = SecDocs.newCik();
    String good =
        SecDocs.doc(
            cik,
            List.of(
                SecDocs.fact(
                    "2023-01-01",
                    "2023-12-31",
                    "1",
                    "0000000001-24-000001",
                    "10-K",
                    "2024-02-10")));

    Res notJson = secImport("this is not json");
    assertEquals(400, notJson.status());
    Res truncated = secImport(good.substring(0, good.length() / 2));
    assertEquals(400, truncated.status());
    assertTrue(
        ((String) truncated.json().get("detail")).contains("ended early")
            || ((String) truncated.json().get("detail")).contains("not valid JSON"),
        truncated.toString());

    Res badDate = secImport(good.replace("\"2023-12-31\"", "\"31/12/2023\""));
    assertEquals(422, badDate.status());
    assertEquals(List.of("facts.us-gaap.Revenues.units.USD[0].end"), fields(badDate));

    Res badValue = secImport(good.replace("\"val\":1", "\"val\":\"one\""));
    assertEquals(422, badValue.status());
    assertEquals(List.of("facts.us-gaap.Revenues.units.USD[0].val"), fields(badValue));

    Res noCik = secImport(good.replace("\"cik\":" + cik + ",", ""));
    assertEquals(422, noCik.status());
    assertEquals(List.of("cik"), fields(noCik));

    Res otherCik =
        call(
            HttpRequest.POST("/api/v1/reports/sec-companyfacts?cik=320193", good)
                .contentType(MediaType.APPLICATION_JSON),
            ADMIN_TOKEN);
    assertEquals(422, otherCik.status());
    assertEquals(List.of("cik"), fields(otherCik));

    assertEquals(
        0,
        get("/api/v1/entities?q=Company%20" + cik, ADMIN_TOKEN).items().size(),
        "nothing imported");
  }

  @Test
  void an_async_import_is_a_job_to_follow() throws Exception {
    long cik = SecDocs.newCik();
    String json = SecImportTest.fixture(SecImportTest.TESLA, 1318605, cik);
    var req =
        HttpRequest.POST("/api/v1/reports/sec-companyfacts", json)
            .contentType(MediaType.APPLICATION_JSON);
    req.header("Prefer", "respond-async");
    Res accepted = call(req, ADMIN_TOKEN);
    assertEquals(202, accepted.status(), accepted.toString());
    String location = accepted.header("Location");
    assertTrue(location.startsWith("/api/v1/reports/imports/"), location);
    assertTrue((Integer) accepted.json().get("factsTotal") > 1000);
    Map<String, Object> job = accepted.json();
    for (int i = 0; i < 300 && "RUNNING".equals(job.get("status")); i++) {
      Thread.sleep(100);
      job = get(location, ADMIN_TOKEN).json();
    }
    assertEquals("DONE", job.get("status"), job.toString());
    assertEquals(job.get("factsTotal"), job.get("factsAdded"));
    assertEquals("done", job.get("phase"));
  }

  @jakarta.inject.Inject SecImporter reports;

  /**
   * What an instance leaves behind when it dies right after answering 202: the job (RUNNING,
   * queued) and its document, committed together, claimed by the dead instance until a minute ago.
   * The scheduled run of any instance takes it up and finishes it.
   */
  @Test
  void an_accepted_async_import_is_finished_after_its_instance_died() throws Exception {
    long cik = SecDocs.newCik();
    byte[] json =
        SecImportTest.fixture(SecImportTest.TESLA, 1318605, cik).getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(packed)) {
      z.write(json);
    }
    long jobId;
    try (java.sql.Connection db =
        java.sql.DriverManager.getConnection(
            TestDatabase.url(), TestDatabase.user(), TestDatabase.password())) {
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
                  + " claimed_by, claimed_until) VALUES (?, ?, ?, UTC_TIMESTAMP(),"
                  + " 'dead-instance', UTC_TIMESTAMP() - INTERVAL 1 MINUTE)")) {
        ps.setLong(1, jobId);
        ps.setLong(2, cik);
        ps.setBytes(3, packed.toByteArray());
        ps.executeUpdate();
      }
    }
    // What the scheduled run does every few seconds, done here; if the scheduled run took it
    // first, wait for that one to finish.
    Map<String, Object> job = get("/api/v1/reports/imports/" + jobId, ADMIN_TOKEN).json();
    for (int i = 0; i < 600 && "RUNNING".equals(job.get("status")); i++) {
      if (reports.importQueued() == 0) {
        Thread.sleep(100);
      }
      job = get("/api/v1/reports/imports/" + jobId, ADMIN_TOKEN).json();
    }
    assertEquals("DONE", job.get("status"), job.toString());
    assertTrue(((Number) job.get("factsAdded")).intValue() > 1000, job.toString());
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT COUNT(*) FROM import_documents WHERE import_id = " + jobId)) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the document went with the finished job");
    }
  }

  @Test
  void a_document_that_is_not_an_object_is_refused_at_once() {
    for (String body : List.of("1.5", "true", "[]", "\"\"", "null")) {
      Res r = secImport(body);
      assertEquals(422, r.status(), body + " -> " + r);
    }
  }

  @Test
  void a_reported_value_that_would_be_rounded_is_refused() {
    long cik = SecDocs.newCik();
    Res r =
        secImport(
            SecDocs.doc(
                cik,
                List.of(
                    SecDocs.fact(
                        "2023-01-01",
                        "2023-12-31",
                        "1" + "0".repeat(40),
                        "0000000001-24-000001",
                        "10-K",
                        "2024-02-10"))));
    assertEquals(422, r.status());
    assertEquals(List.of("facts.us-gaap.Revenues.units.USD[0].val"), fields(r));
  }

  @Test
  void the_metric_map_is_data_an_editor_can_change() {
    Res map = get("/api/v1/metrics", token("VIEWER"));
    assertEquals(200, map.status());
    List<Map<String, Object>> metrics = map.list();
    Map<String, Object> capex =
        metrics.stream().filter(m -> "capex".equals(m.get("metric"))).findFirst().orElseThrow();
    assertEquals(
        List.of(
            "us-gaap:PaymentsToAcquireProductiveAssets",
            "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
        capex.get("concepts"));

    assertEquals(
        403,
        call(HttpRequest.PUT("/api/v1/metrics", Map.of("metrics", metrics)), token("CHECKER"))
            .status());
    List<Map<String, Object>> bad = new ArrayList<>(metrics);
    bad.add(Map.of("metric", "Bad Metric", "concepts", List.of("nonsense")));
    Res refused = call(HttpRequest.PUT("/api/v1/metrics", Map.of("metrics", bad)), ADMIN_TOKEN);
    assertEquals(400, refused.status());
    assertEquals(List.of("metrics[" + metrics.size() + "].metric"), fields(refused));

    Res same = call(HttpRequest.PUT("/api/v1/metrics", Map.of("metrics", metrics)), ADMIN_TOKEN);
    assertEquals(200, same.status(), same.toString());
    assertEquals(metrics, same.list());
  }

  @Test
  void flags_computed_in_sql_agree_with_the_comparator() {
    long entity = company("Agreement", null);
    String[][] claims = {
      {"10000000000", "EXACT", null},
      {"10400000000", "EXACT", null},
      {"10600000000", "EXACT", null},
      {"11000000000", "APPROX", null},
      {"12000000000", "APPROX", null},
      {"10000000000", "AT_LEAST", null},
      {"10300000000", "MORE_THAN", null},
      {"10300000000", "AT_MOST", null},
      {"10000000000", "LESS_THAN", null},
      {"9000000000", "RANGE", "10000000000"},
      {"9000000000", "RANGE", "11000000000"},
      {"0", "EXACT", null},
      {"-10300000000", "EXACT", null},
      {"10.3", "EXACT", null},
      {"10299999999.999999", "EXACT", null}
    };
    List<Object> ids = new ArrayList<>();
    for (String[] c : claims) {
      Map<String, Object> body = new HashMap<>();
      body.put("statement", "agreement " + unique());
      body.put("entityId", entity);
      body.put("metric", "revenue");
      body.put("value", c[0]);
      body.put("qualifier", c[1]);
      if (c[2] != null) {
        body.put("valueHigh", c[2]);
      }
      body.put("unit", "USD");
      body.put("periodStart", "2024-01-01");
      body.put("periodEnd", "2024-12-31");
      body.put("statedAt", "2024-06-01");
      Res r = post("/api/v1/claims", body, ADMIN_TOKEN);
      assertEquals(201, r.status(), r.toString());
      ids.add(r.json().get("id"));
    }
    Res r = report(entity, "2025-02-01", "revenue", "10300000000", "2024-01-01", "2024-12-31");
    assertEquals(claims.length, r.json().get("claimsFlagged"), r.toString());

    for (int i = 0; i < claims.length; i++) {
      Map<String, Object> flag = open(ids.get(i));
      Comparison expected =
          Comparator.compare(
              new Comparator.Claimed(
                  new BigDecimal(claims[i][0]),
                  claims[i][2] == null ? null : new BigDecimal(claims[i][2]),
                  Qualifier.valueOf(claims[i][1]),
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
      String what =
          String.join(" ", java.util.Arrays.stream(claims[i]).map(String::valueOf).toList());
      assertEquals(expected.outcome().name(), cmp(flag).get("outcome"), what);
      assertEquals(
          expected.deviationPct() == null ? null : expected.deviationPct().toPlainString(),
          cmp(flag).get("deviationPct"),
          what);
      assertEquals(expected.explanation(), cmp(flag).get("explanation"), what);
    }
  }

  private Res secImport(String json) {
    return secImport(json, ADMIN_TOKEN);
  }

  private Res secImport(String json, String token) {
    return call(
        HttpRequest.POST("/api/v1/reports/sec-companyfacts", json)
            .contentType(MediaType.APPLICATION_JSON),
        token);
  }

  @Test
  void only_editors_publish_figures_and_a_refused_import_stores_nothing() {
    long e = company("Integration Co " + unique(), null);
    String integration = token("INTEGRATION");
    Map<String, Object> body =
        reportBody(e, "2024-05-01T00:00:00Z", "revenue", "1", "2024-01-01", "2024-03-31");
    assertEquals(403, post("/api/v1/reports", body, integration).status());
    long cik = SecDocs.newCik();
    String doc =
        SecDocs.doc(
            cik,
            List.of(
                SecDocs.fact(
                    "2023-01-01",
                    "2023-12-31",
                    "5",
                    "0000000001-24-000777",
                    "10-K",
                    "2024-02-10")));
    assertEquals(403, secImport(doc, integration).status());
    assertEquals(403, secImport(doc, token("CHECKER")).status());
    assertEquals(List.of(), get("/api/v1/reports?entityId=" + e, ADMIN_TOKEN).items());
    assertEquals(
        List.of(),
        get("/api/v1/entities?q=Company+" + cik, ADMIN_TOKEN).items(),
        "no entity was made for the refused document");
    assertEquals(201, post("/api/v1/reports", body, token("EDITOR")).status());
  }

  @Test
  void a_filing_is_matched_by_company_and_accession_never_by_accession_alone() {
    String accession =
        "0000" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + "-24-000001";
    Res a =
        secImport(
            SecDocs.doc(
                SecDocs.newCik(),
                List.of(
                    SecDocs.fact(
                        "2023-01-01", "2023-12-31", "5", accession, "10-K", "2024-02-10"))));
    Res b =
        secImport(
            SecDocs.doc(
                SecDocs.newCik(),
                List.of(
                    SecDocs.fact(
                        "2023-01-01", "2023-03-31", "7", accession, "10-Q", "2024-05-03"))));
    assertEquals(201, a.status(), a.toString());
    assertEquals(201, b.status(), b.toString());
    Map<String, Object> reportA =
        get("/api/v1/reports?entityId=" + a.json().get("entityId"), ADMIN_TOKEN).items().get(0);
    Map<String, Object> reportB =
        get("/api/v1/reports?entityId=" + b.json().get("entityId"), ADMIN_TOKEN).items().get(0);
    assertEquals(
        List.of("10-K", "2024-02-10"), List.of(reportA.get("form"), reportA.get("filedOn")));
    assertEquals(
        List.of("10-Q", "2024-05-03"), List.of(reportB.get("form"), reportB.get("filedOn")));
    assertEquals(accession, reportB.get("accessionNumber"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void an_uploaded_cik_is_never_given_to_an_entity_because_the_names_match() {
    long cik = SecDocs.newCik();
    Res made =
        post(
            "/api/v1/entities",
            Map.of("name", "Company " + cik, "kind", "COMPANY"),
            ADMIN_TOKEN); // the very name the document gives
    assertEquals(201, made.status(), made.toString());
    long existing = ((Number) made.json().get("id")).longValue();
    Res r =
        secImport(
            SecDocs.doc(
                cik,
                List.of(
                    SecDocs.fact(
                        "2023-01-01",
                        "2023-12-31",
                        "5",
                        "0000000002-24-000001",
                        "10-K",
                        "2024-02-10"))));
    assertEquals(201, r.status(), r.toString());
    long imported = ((Number) r.json().get("entityId")).longValue();
    assertTrue(imported != existing, "a new entity for the CIK");
    Map<String, Object> entity = get("/api/v1/entities/" + existing, ADMIN_TOKEN).json();
    assertEquals(null, entity.get("secCik"), entity.toString());
    assertEquals(
        cik,
        ((Number) get("/api/v1/entities/" + imported, ADMIN_TOKEN).json().get("secCik"))
            .longValue());
  }
}
