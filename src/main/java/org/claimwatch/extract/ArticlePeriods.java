package org.claimwatch.extract;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
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
 *       the fiscal calendar of the entity the figure is about; so is a quarter named without its
 *       year ("fourth-quarter revenue") when that calendar is not the calendar year;
 *   <li>a reported figure whose sentence names no period is of the article's period (the lead): the
 *       first period a reported figure names, or a sentence before it with no figure, if that names
 *       a quarter, a half, a fiscal year, the year of the news or, with a metric, the month just
 *       reported on ("Siemens hat im vierten Quartal mehr verdient.", "Die Inflation hat sich im
 *       Oktober abgeschwächt.", not "Apple, founded in 1976, ..."). A lead placed in one entity's
 *       fiscal calendar is the period of that entity's figures only. A forecast, a rate ("a
 *       quarter"), a share price and a figure of a span the sentence does not date ("for the first
 *       six months") take none;
 *   <li>a figure of the year before ("nach 5,9 % im Vorjahr") is of its sentence's period, else the
 *       article's, a year earlier; so is one whose clause opens with "Im Vorjahr" in a sentence
 *       that names no other period (last year only while the article has no period).
 * </ul>
 */
final class ArticlePeriods {
  private final LocalDate statedOn;
  private final FiscalCalendars calendars;
  private final Map<Long, Optional<MonthDay>> yearEnds = new HashMap<>();
  private LocalDate[] lead;

  /**
   * The entity whose fiscal calendar placed the lead; null: a calendar period, for every figure.
   */
  private Long leadEntity;

  ArticlePeriods(LocalDate statedOn, FiscalCalendars calendars) {
    this.statedOn = statedOn;
    this.calendars = calendars;
  }

  /** No period is known for the article yet. */
  boolean leadless() {
    return lead == null;
  }

  /**
   * A sentence with no figure: its period is the article's if it is a reporting period, or, until
   * one comes, the year of the news or the one before (not a background year or a month: "Apple,
   * founded in 1976, ...", "hatte im Juli einen Rückschlag erlitten").
   */
  void sentence(SentenceReader.Reading r, Mentions.Mention about) {
    if (lead != null || r.kind() == ClaimKind.FORECAST || r.periodicity() != Periodicity.NONE) {
      return;
    }
    Long entityId = about == null ? null : about.id();
    Placed p = placed(r, about);
    if (p.start == null || p.end == null) {
      return;
    }
    // "Die Wirtschaft ist im Jahr 2024 geschrumpft.": the year of the news; an older year, or a
    // month, is background ("Apple, founded in 1976, ...", "hatte im Juli einen Rückschlag"),
    // but for the month just reported on of a metric ("Die Inflation hat sich im Oktober leicht
    // abgeschwächt.")
    if (p.fiscal
        || isQuarterOrHalf(p.start, p.end)
        || yearOfTheNews(p)
        || (r.metric() != null && monthOfTheNews(p))) {
      setLead(p, entityId);
    }
  }

  /** {@code r} with its dates, the number being about {@code about} (null: none known). */
  SentenceReader.Reading place(SentenceReader.Reading r, Mentions.Mention about) {
    Long entityId = about == null ? null : about.id();
    Placed p = placed(r, about);
    LocalDate start = p.start;
    LocalDate end = p.end;
    boolean own = start != null || end != null;
    // what was expected of the period reported on is of that period too
    boolean reported =
        (r.kind() != ClaimKind.FORECAST || r.expectation()) && r.periodicity() == Periodicity.NONE;
    boolean inherits =
        lead != null
            && !r.cumulative()
            && !"share_price".equals(r.metric())
            && (leadEntity == null || leadEntity.equals(entityId));
    // "Im Vorjahr hatte er bei 2,8 Mrd. Euro gelegen." after a sentence of 2025: of 2024
    boolean ofLead = r.ofLeadYearBefore() && inherits && reported && lead[1] != null;
    if ((!own || ofLead) && inherits && (r.monthsBefore() > 0 || reported)) {
      start = lead[0];
      end = lead[1];
    }
    int monthsBefore = ofLead ? 12 : r.monthsBefore();
    if (monthsBefore > 0 && end != null) {
      start = start == null ? null : start.minusMonths(monthsBefore);
      end = end.plusDays(1).minusMonths(monthsBefore).minusDays(1);
    } else if (own
        && reported
        && start != null
        && end != null
        && lead == null
        && (!isCalendarYear(start, end) || yearOfTheNews(p))) {
      setLead(p, entityId);
    }
    if (r.kind() == ClaimKind.REPORTED
        && r.fiscal() != null
        && start != null
        && (start.isAfter(statedOn) || (!p.fiscal && namedQuarterUnderWay(r.fiscal(), end)))) {
      // a fiscal period reported on cannot lie ahead, nor a quarter of a named fiscal year be
      // under way: read in the calendar's months, as for a company whose calendar is not known,
      // it is misread ("the third quarter of fiscal 2025", said in 2024, was not July to
      // September 2025; "im vierten Quartal des Geschäftsjahres 2024", said in November 2024, was
      // not October to December 2024): better none than that
      start = null;
      end = null;
    }
    if (r.atPeriodEnd()
        && start != null
        && end != null
        && isQuarterOrHalf(start, end)
        && (r.metric() == null || !FLOWS.contains(r.metric()))) {
      start = null; // "zum Ende des dritten Quartals": its last day (a balance's, not a flow's)
    }
    SentenceReader.Reading dated = r.withPeriod(start, end);
    return p.fiscal && fiscalYearsEnd(r) ? dated.withResolvesOn(p.end) : dated;
  }

  /** A quarter by its number of a fiscal year by its number, not ended by the day of the news. */
  private boolean namedQuarterUnderWay(PeriodWords.FiscalRef fiscal, LocalDate end) {
    return fiscal.year() != null
        && fiscal.quarter() >= 1
        && fiscal.quarter() <= 4
        && end != null
        && end.isAfter(statedOn);
  }

  /**
   * Whether the horizon of {@code r} is the end of the fiscal year its words name ("by fiscal
   * 2030": read as the last day of calendar 2030 until the entity's calendar is known).
   */
  private static boolean fiscalYearsEnd(SentenceReader.Reading r) {
    return r.resolvesOn() != null
        && r.fiscal() != null
        && r.fiscal().quarter() == 0
        && r.fiscal().year() != null
        && r.fiscal().year() == r.resolvesOn().getYear()
        && r.resolvesOn().getMonthValue() == 12
        && r.resolvesOn().getDayOfMonth() == 31;
  }

  private record Placed(LocalDate start, LocalDate end, boolean fiscal) {}

  private Placed placed(SentenceReader.Reading r, Mentions.Mention about) {
    if (r.fiscal() == null) {
      return new Placed(r.periodStart(), r.periodEnd(), false);
    }
    MonthDay yearEnd = yearEnd(about == null ? null : about.id());
    // a company's headcount is counted in its own quarters, the economy's jobs in the calendar's
    boolean companysJobs =
        "jobs".equals(r.metric())
            && about != null
            && about.kind() == org.claimwatch.subject.SubjectKind.COMPANY;
    if (r.fiscal().soft()
        && (FiscalPeriods.calendarYear(yearEnd)
            || (r.metric() != null && CALENDAR_METRICS.contains(r.metric()) && !companysJobs))) {
      return new Placed(r.periodStart(), r.periodEnd(), false);
    }
    LocalDate[] span =
        FiscalPeriods.span(r.fiscal(), yearEnd, statedOn, r.kind() == ClaimKind.FORECAST);
    return new Placed(span[0], span[1], !FiscalPeriods.calendarYear(yearEnd));
  }

  private void setLead(Placed p, Long entityId) {
    lead = new LocalDate[] {p.start, p.end};
    leadEntity = p.fiscal ? entityId : null;
  }

  /**
   * A calendar month ended by the day of the news (the last day counts: a flash estimate) and at
   * most two months before it: a month reported on, not one to come ("Die EZB entscheidet im
   * Dezember ...").
   */
  private boolean monthOfTheNews(Placed p) {
    return p.start.getDayOfMonth() == 1
        && p.end.equals(p.start.withDayOfMonth(p.start.lengthOfMonth()))
        && !p.end.isAfter(statedOn)
        && !p.end.isBefore(statedOn.minusMonths(2));
  }

  /** The year of the news or the one before ("2024" said in 2025), not background ("1998"). */
  private boolean yearOfTheNews(Placed p) {
    return isCalendarYear(p.start, p.end) && p.start.getYear() >= statedOn.getYear() - 1;
  }

  /**
   * Metrics counted in calendar periods whoever they are about (the economy's, a market's, a
   * share's): a quarter named with one is a calendar quarter. Any other metric (revenue, operating
   * income, earnings per share, an editor's own) is a company's, in its fiscal quarters.
   */
  private static final java.util.Set<String> CALENDAR_METRICS =
      java.util.Set.of(
          "gdp",
          "jobs",
          "market_share",
          "share_price",
          "market_cap",
          "inflation",
          "unemployment_rate",
          "exports",
          "imports");

  /**
   * Metrics of a span, never of a day: at the end of a quarter they are still the quarter's ("Zum
   * Ende des dritten Quartals lag die Verschuldung bei 4,2 Mrd., der Umsatz stieg auf 3,1 Mrd.").
   */
  private static final java.util.Set<String> FLOWS =
      java.util.Set.of(
          "revenue",
          "net_income",
          "pretax_income",
          "operating_income",
          "gdp",
          "capex",
          "wages",
          "eps",
          "per_share",
          "cost_of_revenue",
          "buyback",
          "r_and_d",
          "operating_cash_flow",
          "free_cash_flow",
          "deliveries",
          "credit_loss_provisions",
          "gross_profit",
          "orders",
          "ebitda",
          "ebit",
          "deficit",
          "operating_costs",
          "imports",
          "exports",
          "dividend",
          "inflation",
          "operating_margin",
          "net_margin",
          "gross_margin");

  private static boolean isCalendarYear(LocalDate start, LocalDate end) {
    return start.getDayOfYear() == 1 && end.equals(LocalDate.of(start.getYear(), 12, 31));
  }

  private static boolean isQuarterOrHalf(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    return days >= 80 && days <= 190;
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
