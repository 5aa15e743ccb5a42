package org.claimwatch.recheck;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimwatch.support.ApiTest;
import org.claimwatch.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * OUTDATED notes, switched on. "About $2.1B a quarter" in capex since 2023-12-31, said 2024-07-10
 * with no end, is judged on Apple's fiscal Q2 and Q3 2024 (1.996B -5.0%, 2.151B +2.4%: within
 * ±10%), so its check SUPPORTS. The latest quarter that began after it was said, fiscal Q1 2026
 * (2025-09-28..2025-12-27, 2.373B), is 13.0% above it: a note in the "outdated" queue, never a
 * contradiction. (With the setting off, as in {@link JudgingPeriodTest}, no note is written.)
 */
@MicronautTest
@Property(name = "claimwatch.rechecks.outdated.enabled", value = "true")
class OutdatedNotesTest extends ApiTest {

  @Test
  @SuppressWarnings("unchecked")
  void a_rate_said_as_current_that_a_later_quarter_no_longer_matches_gets_a_note() {
    long cik = ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    long entity = company("Apple outdated", cik);
    long claim =
        claim(
            about(entity)
                .metric("capex")
                .value("2100000000")
                .approx()
                .perQuarterSince("2023-12-31")
                .statedAt("2024-07-10"));

    Res imported = importCompanyFacts(Fixtures.companyFacts(Fixtures.APPLE, 320193, cik));
    assertEquals(201, imported.status(), imported.toString());

    Map<String, Object> c = get("/api/v1/claims/" + claim, ADMIN_TOKEN).json();
    assertEquals("UNVERIFIED", c.get("status"));
    assertEquals("SUPPORTS", ((Map<String, Object>) c.get("check")).get("outcome"));

    List<Map<String, Object>> notes =
        get("/api/v1/rechecks?state=OPEN&reason=OUTDATED&claimId=" + claim, ADMIN_TOKEN).items();
    assertEquals(1, notes.size(), notes.toString());
    Map<String, Object> note = notes.get(0);
    Map<String, Object> cmp = (Map<String, Object>) note.get("comparison");
    assertEquals("INCONCLUSIVE", cmp.get("outcome"), "a note, never a contradiction");
    assertEquals("2373000000", cmp.get("reportedValue"));
    assertEquals("2025-09-28", note.get("periodStart"));
    assertEquals(
        "Since then: the quarter ended 2025-12-27 capex $2.373B, 13% above the claimed $2.1B a"
            + " quarter. A note for the archive: the claim was about the time it was made.",
        cmp.get("explanation"));

    List<Long> outdated =
        get("/api/v1/queue/outdated?entityId=" + entity, ADMIN_TOKEN).items().stream()
            .map(i -> ((Number) i.get("id")).longValue())
            .toList();
    assertEquals(List.of(claim), outdated);
    for (Map<String, Object> flag :
        get("/api/v1/rechecks?state=OPEN&claimId=" + claim, ADMIN_TOKEN).items()) {
      assertTrue(
          !"CONTRADICTS".equals(((Map<String, Object>) flag.get("comparison")).get("outcome")),
          flag.toString());
    }
  }
}
