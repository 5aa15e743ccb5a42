package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A fiscal period in a text is placed in the calendar of the entity it is about: the one its
 * reported full years show, else the one its entity record declares ({@code fiscalYearEnd}).
 */
@MicronautTest(transactional = false)
class FiscalPeriodsApiTest extends ApiTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> candidate(Res r, String quote) {
    return ((List<Map<String, Object>>) r.json().get("candidates"))
        .stream()
            .filter(c -> quote.equals(c.get("quote")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + quote + " in " + r));
  }

  private static String period(Map<String, Object> c) {
    return c.get("periodStart") + ".." + c.get("periodEnd");
  }

  @Test
  void a_fiscal_year_end_is_checked_shown_and_changed() {
    String name = "Fiscal Check " + unique();
    Res bad =
        post(
            "/api/v1/entities",
            Map.of("name", name, "kind", "COMPANY", "fiscalYearEnd", "02-30"),
            ADMIN_TOKEN);
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(List.of("fiscalYearEnd"), fields(bad));

    Res made =
        post(
            "/api/v1/entities",
            Map.of("name", name, "kind", "COMPANY", "fiscalYearEnd", "09-30"),
            ADMIN_TOKEN);
    assertEquals(201, made.status(), made.toString());
    assertEquals("09-30", made.json().get("fiscalYearEnd"));

    Res changed =
        patch(
            "/api/v1/entities/" + made.json().get("id"),
            Map.of("fiscalYearEnd", "06-30"),
            made.header("ETag"),
            ADMIN_TOKEN);
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("06-30", changed.json().get("fiscalYearEnd"));
  }

  @Test
  void a_german_report_is_read_in_the_fiscal_calendar_its_entity_declares() {
    String alias = "Zentralwerk" + unique().replaceAll("\\d", "x");
    Res made =
        post(
            "/api/v1/entities",
            Map.of(
                "name",
                alias + " AG",
                "kind",
                "COMPANY",
                "aliases",
                List.of(alias),
                "fiscalYearEnd",
                "09-30"),
            ADMIN_TOKEN);
    assertEquals(201, made.status(), made.toString());
    String text =
        alias
            + " hat im vierten Quartal seines Geschäftsjahres mehr verdient als erwartet. Der"
            + " Gewinn stieg um 18 Prozent auf 2,5 Milliarden Euro.\n\nFür das gesamte"
            + " Geschäftsjahr 2024 meldete "
            + alias
            + " einen Gewinn von 9 Milliarden Euro. Für das neue Geschäftsjahr erwartet "
            + alias
            + " ein Umsatzwachstum von 5 Prozent.";

    Res r =
        post(
            "/api/v1/extractions",
            Map.of("text", text, "language", "de", "statedAt", "2024-11-14"),
            token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    // the quarter of the first sentence, ended on 30 September: the article's period
    assertEquals("2024-07-01..2024-09-30", period(candidate(r, "2,5 Milliarden Euro")));
    assertEquals("2024-07-01..2024-09-30", period(candidate(r, "18 Prozent")));
    assertEquals("2023-10-01..2024-09-30", period(candidate(r, "9 Milliarden Euro")));
    assertEquals("2024-10-01..2025-09-30", period(candidate(r, "5 Prozent")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void apples_fiscal_2023_is_its_own_year_and_the_saved_claim_is_borne_out_by_it() {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    Res imported = importCompanyFacts(Fixtures.companyFacts(Fixtures.APPLE, 320193, cik));
    assertEquals(201, imported.status(), imported.toString());
    String text = "Company " + cik + " reported revenue of $383.3 billion for fiscal 2023.";

    Res r =
        post(
            "/api/v1/extractions",
            Map.of(
                "text",
                text,
                "language",
                "en",
                "statedAt",
                "2024-02-01",
                "source",
                Map.of("url", "https://news.example.org/" + cik, "publisher", "Example"),
                "save",
                true),
            token("CHECKER"));

    assertEquals(200, r.status(), r.toString());
    // Apple's fiscal 2023 ran from 2022-09-25 to 2023-09-30; its latest reported year (fiscal
    // 2025) ended on 27 September, which places fiscal 2023 within the re-check's week of slack.
    assertEquals("2022-09-28..2023-09-27", period(candidate(r, "$383.3 billion")));
    Number id = ((List<Number>) r.json().get("claimIds")).get(0);
    Map<String, Object> claim = get("/api/v1/claims/" + id, ADMIN_TOKEN).json();
    Map<String, Object> check = (Map<String, Object>) claim.get("check");
    assertEquals("SUPPORTS", check.get("outcome"), claim.toString());
    assertEquals("383285000000", check.get("reportedValue"), check.toString());
  }
}
