package org.claimwatch.claim;

import static org.claimwatch.support.ClaimBuilder.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The claims table and its one list of columns agree, and every field comes back as stored. */
@MicronautTest(transactional = false)
class ClaimStoreTest extends ApiTest {
  @Inject ClaimStore store;
  @Inject JdbcOperations jdbc;
  @Inject TransactionOperations<Connection> tx;

  @Test
  void the_column_list_names_every_column_of_the_table_but_its_id() {
    Set<String> table =
        tx.executeRead(
            s ->
                jdbc.prepareStatement(
                    "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'claims'",
                    ps -> {
                      Set<String> out = new TreeSet<>();
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                        }
                      }
                      return out;
                    }));
    table.remove("id");
    assertEquals(
        table,
        ClaimStore.COLUMNS.stream()
            .map(ClaimStore.Column::name)
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  private static final Instant AT = Instant.parse("2024-05-01T10:11:12Z");

  /**
   * A claim with every field set (none as the API would default it), not stored yet: a forecast of
   * between two values, in review, with a source, tolerances, a verdict time, a holder, a prior
   * status and the claim it repeats.
   */
  private Claim everyFieldSet() {
    long entity = company("Store Co " + unique(), null);
    long withSource =
        claim(
            about(entity)
                .metric("capex")
                .value("1")
                .source("https://example.org/store/" + unique()));
    long sourceId = store.find(withSource).sourceId();
    return new Claim(
        null,
        "store-test",
        "ref-" + unique(),
        new ClaimData(
            "Store Co spent between $1.5 billion and $2 billion",
            "en",
            "A spokesperson",
            entity,
            "capex",
            ClaimedNumber.of(
                new BigDecimal("1500000000"), new BigDecimal("2000000000"), "USD", Qualifier.RANGE),
            new ClaimPeriod(
                LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-03-31"),
                Periodicity.PER_QUARTER),
            ClaimKind.FORECAST,
            LocalDate.parse("2024-06-30"),
            AT,
            70),
        sourceId,
        new ReviewState(
            ClaimStatus.IN_REVIEW,
            "checker-x",
            AT.plusSeconds(3),
            ClaimStatus.UNVERIFIED,
            AT.plusSeconds(2)),
        withSource,
        null,
        AT,
        AT.plusSeconds(1));
  }

  /** The claim as stored, read back. */
  private Claim stored() {
    Claim stored = tx.executeWrite(s -> store.insert(List.of(everyFieldSet())).get(0));
    return tx.executeRead(s -> store.find(stored.id()));
  }

  /** The claim with its statement and priority edited, at its version. */
  private static Claim edited(Claim c) {
    return new Claim(
        c.id(),
        c.submittedBy(),
        c.externalRef(),
        new ClaimData(
            "Edited",
            c.language(),
            c.claimant(),
            c.entityId(),
            c.metric(),
            c.number(),
            c.period(),
            c.kind(),
            c.resolvesOn(),
            c.statedAt(),
            10),
        c.sourceId(),
        c.review(),
        c.duplicateOf(),
        c.version(),
        c.createdAt(),
        AT.plusSeconds(9));
  }

  @Test
  void a_claim_with_every_field_set_is_read_back_as_it_was_stored() {
    Claim stored = tx.executeWrite(s -> store.insert(List.of(everyFieldSet())).get(0));
    assertNotNull(stored.id());
    Claim read = tx.executeRead(s -> store.find(stored.id()));
    assertSameClaim(stored, read);
    assertEquals(1, read.version());
  }

  @Test
  void an_edit_at_its_version_is_read_back_at_the_next() {
    Claim read = stored();
    Claim edited = tx.executeWrite(s -> store.update(edited(read)));
    assertEquals(2, edited.version());
    assertSameClaim(edited, tx.executeRead(s -> store.find(read.id())));
  }

  @Test
  void a_second_edit_at_the_same_version_loses_the_race() {
    Claim read = stored();
    tx.executeWrite(s -> store.update(edited(read)));
    assertThrows(OptimisticLockException.class, () -> tx.executeWrite(s -> store.update(read)));
  }

  private static final List<Function<Claim, BigDecimal>> DECIMALS =
      List.of(Claim::value, Claim::valueHigh, Claim::tolerance, Claim::toleranceHigh);

  /** Equal claims, their decimals by value (a column keeps its own scale). */
  private static void assertSameClaim(Claim expected, Claim actual) {
    for (Function<Claim, BigDecimal> d : DECIMALS) {
      assertEquals(0, d.apply(expected).compareTo(d.apply(actual)), actual.toString());
    }
    assertEquals(withoutDecimals(expected), withoutDecimals(actual));
  }

  private static Claim withoutDecimals(Claim c) {
    return new Claim(
        c.id(),
        c.submittedBy(),
        c.externalRef(),
        new ClaimData(
            c.statement(),
            c.language(),
            c.claimant(),
            c.entityId(),
            c.metric(),
            new ClaimedNumber(null, null, c.unit(), c.qualifier(), null, null),
            c.period(),
            c.kind(),
            c.resolvesOn(),
            c.statedAt(),
            c.priority()),
        c.sourceId(),
        c.review(),
        c.duplicateOf(),
        c.version(),
        c.createdAt(),
        c.updatedAt());
  }
}
