package org.claimwatch.claim;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.claimwatch.system.Cursors;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Sql;

/** Reading claims: one by id, and filtered pages of them ({@code GET /api/v1/claims}). */
@Singleton
public class ClaimQueries {
  private final ClaimLookup lookup;
  private final ClaimPages pages;
  private final ClaimViews views;
  private final ClaimStore store;

  ClaimQueries(ClaimLookup lookup, ClaimPages pages, ClaimViews views, ClaimStore store) {
    this.store = store;
    this.lookup = lookup;
    this.pages = pages;
    this.views = views;
  }

  public ClaimView get(long id) {
    return views.views(List.of(lookup.find(id))).get(0);
  }

  public Page<ClaimView> list(ClaimFilter f) {
    int limit = Cursors.limit(f.limit());
    String status = null;
    if (f.status() != null && !f.status().isBlank()) {
      try {
        status = ClaimStatus.valueOf(f.status().strip()).name();
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "status", "must be one of " + List.of(ClaimStatus.values()));
      }
    }
    String like =
        f.q() == null || f.q().isBlank() ? null : "%" + Sql.likeLiteral(f.q().strip()) + "%";
    Instant from = boundary("statedFrom", f.statedFrom(), false);
    Instant before = boundary("statedTo", f.statedTo(), true);
    List<Claim> rows =
        pages.page(
            new ClaimPages.Filter(
                Cursors.decode(f.cursor()),
                status,
                f.entityId(),
                blankToNull(f.metric()),
                like,
                from,
                before,
                blankToNull(f.check())),
            limit + 1);
    return Cursors.page(rows, limit, Claim::id, views::views);
  }

  private static Instant boundary(String field, String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.length() == 10) {
        LocalDate d = org.claimwatch.system.Dates.date(t);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      Instant i = org.claimwatch.system.Dates.instant(t);
      return endOfDay ? i.plusSeconds(1) : i;
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD or a UTC date-time");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * Stored claims that say about the same thing in numbers as this one would (see {@link
   * ClaimStore#similar}): its tolerance from its value and qualifier, as a claim's would be.
   */
  public List<SimilarClaim> similar(
      Long entityId,
      String metric,
      String unit,
      java.math.BigDecimal value,
      Qualifier qualifier,
      java.time.LocalDate start,
      java.time.LocalDate end,
      int limit) {
    return store.similar(
        entityId,
        metric,
        unit,
        value,
        Precision.tolerance(value, qualifier == null ? Qualifier.EXACT : qualifier),
        start,
        end,
        null,
        limit);
  }
}
