package org.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.MigrationScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V33 on data as the service stored it before V28: company B's facts and figures of a combined
 * filing under company A's report. Runs V33's own statements; they touch only rows whose company
 * differs from their report's, which the service no longer writes, so the shared test database is
 * otherwise left as it was. The old state is made and V33 run once, for the class; the tests read
 * what it did.
 */
@MicronautTest(transactional = false)
class MisattachedFactsMigrationTest extends ApiTest {
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  private record StoredFact(long id, String concept, String unit, LocalDate start, LocalDate end) {}

  private String accession;
  private long cikB;
  private long a;
  private long b;
  private long c;
  private long reportA;
  private String docB;
  private String docC;
  private List<Report> reportsOfBBefore;

  /**
   * Companies A, B and C each filed under one accession number (A's 10-K, B's and C's 10-Qs); then
   * the old state made of it, then V33.
   */
  @BeforeAll
  void theOldStateThenV33() {
    accession = "0000" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + "-24-000002";
    long cikA = SecDocs.newCik();
    cikB = SecDocs.newCik();
    long cikC = SecDocs.newCik();
    docB =
        SecDocs.doc(
            cikB,
            List.of(
                SecDocs.fact("2023-01-01", "2023-03-31", "7", accession, "10-Q", "2024-05-03")));
    docC =
        SecDocs.doc(
            cikC,
            List.of(
                SecDocs.fact("2023-04-01", "2023-06-30", "9", accession, "10-Q", "2024-05-04")));
    a =
        imported(
            SecDocs.doc(
                cikA,
                List.of(
                    SecDocs.fact(
                        "2023-01-01", "2023-12-31", "5", accession, "10-K", "2024-02-10"))));
    b = imported(docB);
    c = imported(docC);
    reportA = reportOf(a).id();

    // As the old code stored it: B's facts and figures under A's report and no report of B's; C's
    // facts under A's report too, though C's document was uploaded again since and C's own report
    // holds the same facts.
    tx.executeWrite(
        s -> {
          for (StoredFact f : facts(b)) {
            update(
                "UPDATE reported_facts SET report_id = ?, fact_key = ? WHERE id = ?",
                reportA,
                FactStore.key(b, f.concept(), f.unit(), f.start(), f.end(), reportA),
                f.id());
          }
          update("UPDATE figures SET report_id = ? WHERE entity_id = ?", reportA, b);
          update("DELETE FROM reports WHERE entity_id = ?", b);
          for (StoredFact f : facts(c)) {
            update(
                "INSERT INTO reported_facts (entity_id, report_id, concept, unit, period_start,"
                    + " period_end, value, frame, filed_on, restated, fact_key, created_at)"
                    + " SELECT entity_id, ?, concept, unit, period_start, period_end, value, frame,"
                    + " filed_on, restated, ?, created_at FROM reported_facts WHERE id = ?",
                reportA,
                FactStore.key(c, f.concept(), f.unit(), f.start(), f.end(), reportA),
                f.id());
          }
          return null;
        });
    reportsOfBBefore = reportsOf(b);

    for (String sql : MigrationScript.statements("V33__sec_facts_to_their_companys_report.sql")) {
      tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> ps.executeUpdate()));
    }
  }

  @Test
  void before_v33_b_had_no_report_of_its_own() {
    assertEquals(List.of(), reportsOfBBefore, "the old state: B has no report");
  }

  @Test
  void a_company_whose_facts_were_under_another_companys_report_gets_a_report_of_its_own() {
    Report ofB = reportsOf(b).get(0);
    assertEquals(accession, ofB.accessionNumber());
    assertEquals("2024-05-03", ofB.filedOn().toString(), "the date B's own facts give");
    assertTrue(String.valueOf(ofB.url()).contains("/" + cikB + "/"), ofB.toString());
    assertTrue(ofB.id() != reportA);
  }

  @Test
  void each_companys_facts_and_figures_are_under_its_own_report_and_copies_are_dropped() {
    for (long entity : List.of(b, c)) {
      long own = reportOf(entity).id();
      assertEquals(1, facts(entity).size(), "C's copy under A's report is dropped");
      assertEquals(List.of(own), column("report_id", "reported_facts", entity));
      assertEquals(List.of(own), column("report_id", "figures", entity));
    }
  }

  @Test
  void the_company_whose_report_it_was_keeps_its_facts_there() {
    assertEquals(List.of(reportA), column("report_id", "reported_facts", a));
  }

  /** The keys are FactStore's: importing B's and C's documents again adds nothing. */
  @Test
  void the_moved_facts_are_known_to_a_new_import() {
    for (String doc : List.of(docB, docC)) {
      ReportImport again = reports.importCompanyFacts(ADMIN_TOKEN, doc).body();
      assertEquals(0, again.factsAdded(), again.toString());
      assertEquals(1, again.factsUnchanged(), again.toString());
    }
  }

  private long imported(String doc) {
    HttpResponse<ReportImport> r = reports.importCompanyFacts(ADMIN_TOKEN, doc);
    assertEquals(HttpStatus.CREATED, r.getStatus());
    return r.body().entityId();
  }

  private List<Report> reportsOf(long entity) {
    return reports.list(ADMIN_TOKEN, Map.of("entityId", entity)).body().items();
  }

  /** The entity's report of the accession number. */
  private Report reportOf(long entity) {
    return reportsOf(entity).stream()
        .filter(r -> accession.equals(r.accessionNumber()))
        .findFirst()
        .orElseThrow();
  }

  private List<StoredFact> facts(long entity) {
    return tx.executeRead(
        s ->
            jdbc.prepareStatement(
                "SELECT id, concept, unit, period_start, period_end FROM reported_facts"
                    + " WHERE entity_id = ? ORDER BY id",
                ps -> {
                  ps.setLong(1, entity);
                  List<StoredFact> out = new ArrayList<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(
                          new StoredFact(
                              rs.getLong(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getObject(4, LocalDate.class),
                              rs.getObject(5, LocalDate.class)));
                    }
                  }
                  return out;
                }));
  }

  private List<Long> column(String column, String table, long entity) {
    return tx.executeRead(
        s ->
            jdbc.prepareStatement(
                "SELECT DISTINCT " + column + " FROM " + table + " WHERE entity_id = ?",
                ps -> {
                  ps.setLong(1, entity);
                  List<Long> out = new ArrayList<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(rs.getLong(1));
                    }
                  }
                  return out;
                }));
  }

  private void update(String sql, Object... args) {
    jdbc.prepareStatement(
        sql,
        ps -> {
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps.executeUpdate();
        });
  }
}
