package org.claimwatch.extract;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.Periodicity;

/**
 * Gives each figure of one article its dates, in the order they are read:
 *
 * <ul>
 *   <li>a fiscal period ("fiscal 2024", "im vierten Quartal seines Geschäftsjahres") is placed in
 *       the fiscal calendar of the entity the figure is about;
 *   <li>a reported figure whose sentence names no period is of the article's period: the one the
 *       first reported figure with a period of its own names (the lead: "Alphabet reported
 *       second-quarter revenue of $96.4 billion. ... Cloud sales reached $13.6 billion"), or a
 *       sentence before it with no figure ("Siemens hat im vierten Quartal mehr verdient."); a
 *       forecast or a rate ("a quarter") takes none;
 *   <li>a figure of the year before ("nach 5,9 % im Vorjahr") is of its sentence's period, else the
 *       article's, a year earlier.
 * </ul>
 */
final class ArticlePeriods {
  private final LocalDate statedOn;
  private final FiscalCalendars calendars;
  private final Map<Long, Optional<MonthDay>> yearEnds = new HashMap<>();
  private LocalDate[] lead;

  ArticlePeriods(LocalDate statedOn, FiscalCalendars calendars) {
    this.statedOn = statedOn;
    this.calendars = calendars;
  }

  /** No figure or sentence has named the article's period yet. */
  boolean leadless() {
    return lead == null;
  }

  /** {@code r} with its dates, the number being about {@code entityId} (null: none known). */
  SentenceReader.Reading place(SentenceReader.Reading r, Long entityId) {
    LocalDate start = r.periodStart();
    LocalDate end = r.periodEnd();
    boolean forecast = r.kind() == ClaimKind.FORECAST;
    if (r.fiscal() != null) {
      LocalDate[] span = FiscalPeriods.span(r.fiscal(), yearEnd(entityId), statedOn, forecast);
      start = span[0];
      end = span[1];
    }
    boolean own = start != null || end != null;
    boolean reported = !forecast && r.periodicity() == Periodicity.NONE;
    if (!own && lead != null && (r.yearBefore() || reported)) {
      start = lead[0];
      end = lead[1];
    }
    if (r.yearBefore() && start != null && end != null) {
      start = start.minusYears(1);
      end = end.minusYears(1);
    } else if (own && reported && lead == null && start != null && end != null) {
      lead = new LocalDate[] {start, end};
    }
    return r.withPeriod(start, end);
  }

  private MonthDay yearEnd(Long entityId) {
    if (entityId == null) {
      return null;
    }
    return yearEnds
        .computeIfAbsent(entityId, id -> Optional.ofNullable(calendars.yearEnd(id)))
        .orElse(null);
  }
}
