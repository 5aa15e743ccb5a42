package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fiscal periods named in every way a text names them, placed in the calendar of the entity the
 * figure is about ("Acme", whose fiscal year ends on the day given) by the extraction pipeline.
 */
class FiscalPeriodsTest {
  private static final TextModels MODELS = new TextModels();

  /** The company "Acme" (entity 7) where a text names it. */
  private static final Mentions ACME =
      t -> {
        int at = t.indexOf("Acme");
        return at < 0
            ? List.of()
            : List.of(
                new Mentions.Mention(
                    at, at + 4, 7L, "Acme", org.claimwatch.subject.SubjectKind.COMPANY));
      };

  private static String periodOf(String text, String statedAt, String yearEnd) {
    return periodOf(text, statedAt, yearEnd, null);
  }

  /** The period of the candidate quoted {@code quote} (null: the first). */
  private static String periodOf(String text, String statedAt, String yearEnd, String quote) {
    Candidate c = candidate(text, statedAt, yearEnd, quote);
    return c.periodStart() + ".." + c.periodEnd();
  }

  /**
   * The candidate quoted {@code quote} (null: the first), Acme's year ending on {@code yearEnd}.
   */
  private static Candidate candidate(String text, String statedAt, String yearEnd, String quote) {
    FiscalCalendars calendar =
        id ->
            id == 7L && yearEnd != null && !yearEnd.isEmpty()
                ? MonthDay.parse("--" + yearEnd)
                : null;
    ExtractionService service =
        new ExtractionService(
            MODELS,
            ACME,
            c -> List.of(),
            language -> MetricKeywords.NONE,
            calendar,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            1);
    return service.extract(new ExtractionRequest(text, null, statedAt)).candidates().stream()
        .filter(x -> quote == null || quote.equals(x.quote()))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} (said {1}, year ends {2})")
  @CsvSource(
      delimiter = '|',
      value = {
        "Acme plans to spend $80 billion by fiscal 2026.|2024-08-01|06-30|2026-06-30",
        "Acme plans to spend $80 billion by the end of fiscal year 2026.|2024-08-01|06-30"
            + "|2026-06-30",
        "Acme will bis zum Geschäftsjahr 2028 den Umsatz auf 100 Milliarden Euro steigern."
            + "|2024-11-14|09-30|2028-09-30",
        "Acme plans to spend $80 billion by FY2027.|2024-08-01|03-31|2027-03-31",
        // no calendar known, or a horizon of the calendar year: its last day
        "Acme plans to spend $80 billion by fiscal 2026.|2024-08-01||2026-12-31",
        "Acme plans to spend $80 billion by 2026.|2024-08-01|06-30|2026-12-31",
      })
  void a_horizon_of_a_fiscal_year_is_that_years_end(
      String text, String statedAt, String yearEnd, String resolvesOn) {
    assertEquals(resolvesOn, candidate(text, statedAt, yearEnd, null).resolvesOn(), text);
  }

  @ParameterizedTest(name = "{0} (said {1}, year ends {2})")
  @CsvSource(
      delimiter = '|',
      value = {
        // a year ending in late January is named by the year it ends in (NVIDIA's fiscal 2025)
        "Acme's revenue in fiscal 2025 was $130.5 billion.|2025-03-01|01-26|2024-01-27..2025-01-26",
        "Acme's FY24 revenue was $60.9 billion.|2024-03-01|01-28|2023-01-29..2024-01-28",
        "Acme's revenue for its 2024 fiscal year was $245 billion.|2024-08-01|06-30|2023-07-01..2024-06-30",
        "Acme earned $88 billion in its last fiscal year.|2024-08-01|06-30|2023-07-01..2024-06-30",
        "Acme will spend $80 billion in the next fiscal year.|2024-08-01|06-30|2025-07-01..2026-06-30",
        "Acme expects revenue of $270 billion this fiscal year.|2024-08-01|06-30|2024-07-01..2025-06-30",
        // a quarter: its place in that year; without its year, the latest one ended
        "Acme's revenue was $85.8 billion in Q3 FY24.|2024-08-01|09-28|2024-03-29..2024-06-28",
        "Acme's revenue was $85.8 billion in its fiscal third quarter.|2024-08-01|09-28|2024-03-29..2024-06-28",
        "Acme erzielte im dritten Quartal des Geschäftsjahres 2023/24 einen Umsatz von 20 Mrd. Euro.|2024-08-01|09-30|2024-04-01..2024-06-30",
        "Acme meldete für das Geschäftsjahr 2023/2024 einen Gewinn von 9 Milliarden Euro.|2024-11-14|09-30|2023-10-01..2024-09-30",
        "Acme meldete im abgelaufenen Geschäftsjahr einen Gewinn von 9 Milliarden Euro.|2024-11-14|09-30|2023-10-01..2024-09-30",
        // no calendar known: the calendar year
        "Acme's revenue in fiscal 2024 was $5 billion.|2025-03-01||2024-01-01..2024-12-31",
        // ... but a year written across two is none: it ends in some other month
        "Acme meldete für das Geschäftsjahr 2025/26 einen Umsatz von 7,9 Milliarden Euro."
            + "|2026-12-01||null..null",
        "Acme expects revenue growth of 4% in FY 2025/26.|2025-11-01||null..null",
        "Acme expects revenue growth of 4% in fiscal 2024-25.|2024-11-01||null..null",
        // ... but a quarter of a named fiscal year reported on is not one still under way
        "Acme erzielte im vierten Quartal des Geschäftsjahres 2024 einen Umsatz von 3,9 Mrd. Euro."
            + "|2024-11-13||null..null",
        "Acme erzielte im vierten Quartal des Geschäftsjahres 2024 einen Umsatz von 3,9 Mrd. Euro."
            + "|2024-11-13|09-30|2024-07-01..2024-09-30",
        // the text names the month its fiscal year ends in
        "Acme will invest $80 billion in its fiscal year ending in June.|2025-01-03||2024-07-01..2025-06-30",
        "Acme expects profit of $30 billion in fiscal 2024 ending March 2025.|2024-11-01|03-31|2024-04-01..2025-03-31",
        "Acme expects revenue growth of 4% in fiscal 2024-25.|2024-11-01|03-31|2024-04-01..2025-03-31",
        "Acme hat im abgelaufenen Geschäftsjahr 15 Prozent mehr umgesetzt.|2024-11-14|09-30|2023-10-01..2024-09-30",
        // a quarter with no year and no "fiscal": the entity's own, unless its year is the
        // calendar's
        "Acme posted fourth-quarter revenue of $94.9 billion.|2024-11-01|09-28|2024-06-29..2024-09-28",
        "Acme posted fourth-quarter revenue of $9 billion.|2025-02-01||2024-10-01..2024-12-31",
        "Acme's fiscal first-half revenue was $210 billion.|2024-11-01|09-28|2023-09-29..2024-03-28",
        // the latest quarter ended, the one under way: the entity's, else the calendar's
        "Acme's revenue in the latest quarter was $94.9 billion.|2024-11-14|09-28"
            + "|2024-06-29..2024-09-28",
        "Acme expects revenue of $37.5 billion in the current quarter.|2024-11-20|01-26"
            + "|2024-10-27..2025-01-26",
        "Acme erwartet im laufenden Quartal einen Umsatz von 180 Milliarden Dollar.|2024-11-20"
            + "|01-31|2024-11-01..2025-01-31",
        "Acme expects revenue of $9 billion in the current quarter.|2024-11-14||2024-10-01..2024-12-31",
        // the next quarter, this quarter (under way in a forecast, reported in results)
        "Acme expects revenue of $40 billion next quarter.|2024-11-20|01-26|2025-01-27..2025-04-26",
        "Acme erwartet im kommenden Quartal einen Umsatz von 9 Milliarden Euro.|2024-11-14|09-30"
            + "|2025-01-01..2025-03-31",
        "Acme expects revenue of $9 billion next quarter.|2024-12-20||2025-01-01..2025-03-31",
        "Acme expects revenue of $90 billion this quarter.|2024-11-14|09-28|2024-09-29..2024-12-28",
        "Acme's revenue this quarter was $94.9 billion.|2024-11-01|09-28|2024-06-29..2024-09-28"
      })
  void a_fiscal_period_is_placed_in_its_entitys_calendar(
      String text, String statedAt, String yearEnd, String expected) {
    assertEquals(expected, periodOf(text, statedAt, yearEnd == null ? "" : yearEnd));
  }

  @ParameterizedTest(name = "{3} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the quarter of a sentence with no figure is the article's; the year before, its own
        "Acme hat im vierten Quartal mehr verdient. Der Umsatz stieg auf 20 Milliarden Euro nach 19"
            + " Milliarden Euro im Vorjahr.|2024-11-14|09-30|20 Milliarden Euro|2024-07-01..2024-09-30",
        "Acme hat im vierten Quartal mehr verdient. Der Umsatz stieg auf 20 Milliarden Euro nach 19"
            + " Milliarden Euro im Vorjahr.|2024-11-14|09-30|19 Milliarden Euro|2023-07-01..2023-09-30",
        // "Im Vorjahr" opening a sentence that names no other period: the year before the
        // article's period, last year while the article has none
        "Acme setzte 2025 rund 3,1 Milliarden Euro um. Im Vorjahr hatte der Umsatz bei 2,8"
            + " Milliarden Euro gelegen.|2026-03-14||2,8 Milliarden Euro|2024-01-01..2024-12-31",
        "Acme steigerte den Umsatz im dritten Quartal auf 3,1 Milliarden Euro. Im Vorjahr hatte er"
            + " bei 2,8 Milliarden Euro gelegen.|2026-11-14||2,8 Milliarden Euro"
            + "|2025-07-01..2025-09-30",
        "Acme steigerte den Umsatz im vierten Quartal auf 20 Milliarden Euro. Im Vorjahr hatte er"
            + " bei 19 Milliarden Euro gelegen.|2024-11-14|09-30|19 Milliarden Euro"
            + "|2023-07-01..2023-09-30",
        "Im Vorjahr hatte Acme 3,2 Milliarden Euro umgesetzt.|2026-03-14||3,2 Milliarden Euro"
            + "|2025-01-01..2025-12-31",
        // the end of the article's quarter: its last day
        "Acme steigerte den Umsatz im dritten Quartal auf 3 Milliarden Euro. Zum Ende des Quartals"
            + " beschäftigte der Konzern 12.000 Mitarbeiter.|2026-11-20||12.000 Mitarbeiter"
            + "|null..2026-09-30",
        "Acme steigerte den Umsatz im dritten Quartal auf 3 Milliarden Euro. Zum Quartalsende lag"
            + " die Nettoverschuldung bei 1,7 Milliarden Euro.|2026-11-20||1,7 Milliarden Euro"
            + "|null..2026-09-30",
        "Acme's third-quarter revenue rose to $4 billion. At quarter-end, its net debt was $1.7"
            + " billion.|2026-11-20||$1.7 billion|null..2026-09-30",
        // but not the end of another quarter or half than the article's
        "Acme steigerte den Umsatz im dritten Quartal auf 3 Milliarden Euro. Zum Ende des"
            + " Halbjahres hatte die Nettoverschuldung bei 2,5 Milliarden Euro gelegen.|2026-11-20|"
            + "|2,5 Milliarden Euro|2026-07-01..2026-09-30",
        "Acme's revenue in the third quarter rose 6% to $2.4 billion. At the end of the previous"
            + " quarter, it had 17,100 employees.|2026-11-20||17,100 employees"
            + "|2026-07-01..2026-09-30",
        // each figure its own fiscal year
        "Acme's revenue was $391 billion in fiscal 2024, up from $383.3 billion in fiscal 2023."
            + "|2024-11-01|09-28|$383.3 billion|2022-09-29..2023-09-28",
        // the year, quarter or month before, in words or in parentheses
        "Acme hat im vierten Quartal mehr verdient. Der Umsatz lag bei 20 Mrd. Euro (Vorjahr: 19"
            + " Mrd. Euro).|2024-11-14|09-30|19 Mrd. Euro|2023-07-01..2023-09-30",
        "Die Arbeitslosenquote lag im Oktober bei 6,0 Prozent nach 5,9 Prozent im Vormonat."
            + "|2024-11-14||5,9 Prozent|2024-09-01..2024-09-30",
        "Acme said revenue rose to $64.7 billion in the June quarter, up from $61.9 billion in the"
            + " previous quarter.|2024-08-02|06-30|$61.9 billion|2024-01-01..2024-03-31",
        "Acme posted fiscal third-quarter revenue of £20bn. Services revenue was £5bn (2023:"
            + " £4.5bn).|2024-08-02|09-28|£5bn|2024-03-29..2024-06-28",
        // a quarter named by its last month is a calendar quarter, whatever the fiscal year
        "Acme reported revenue of $94.9 billion for the September quarter."
            + "|2024-11-01|06-30|$94.9 billion|2024-07-01..2024-09-30",
        "Im Septemberquartal erzielte Acme einen Umsatz von 4 Milliarden Euro.|2025-11-06|06-30"
            + "|4 Milliarden Euro|2025-07-01..2025-09-30",
        "Im Dezember-Quartal 2024 erzielte Acme einen Umsatz von 4 Milliarden Euro.|2025-11-06"
            + "|06-30|4 Milliarden Euro|2024-10-01..2024-12-31",
        // two of them, each figure its own
        "Acme's revenue rose to $3 billion in the June quarter and to $3.5 billion in the September"
            + " quarter.|2025-11-06||$3 billion|2025-04-01..2025-06-30",
        "Im Juniquartal stieg der Umsatz von Acme auf 3 Milliarden Euro, im Septemberquartal auf"
            + " 3,5 Milliarden Euro.|2025-11-06||3,5 Milliarden Euro|2025-07-01..2025-09-30",
        // "A year earlier, ..." opening the clause
        "Acme posted fourth-quarter revenue of $94.9 billion. A year earlier, net income was $1.2"
            + " billion.|2024-11-01|09-28|$1.2 billion|2023-06-29..2023-09-28",
        // the first months of a year, with no year named, are the entity's fiscal year's
        "Acme reported fiscal third-quarter revenue of $85.8 billion. For the first six months,"
            + " net income was $1.8 billion.|2024-08-02|09-28|$1.8 billion|2023-09-29..2024-03-28",
        "In den ersten neun Monaten verdiente Acme 3,2 Milliarden Euro.|2024-08-10|09-30"
            + "|3,2 Milliarden Euro|2023-10-01..2024-06-30",
        "In den ersten neun Monaten verdiente Acme 3,2 Milliarden Euro.|2024-11-05|12-31"
            + "|3,2 Milliarden Euro|2024-01-01..2024-09-30",
        // "in the quarter" of a result: the latest quarter the entity ended
        "Acme's revenue rose 6% to $94.9 billion in the quarter.|2024-10-31|09-28|$94.9 billion"
            + "|2024-06-29..2024-09-28",
        "Acme's net income was $1.8 billion in the first nine months of 2023.|2024-11-05|09-30"
            + "|$1.8 billion|2023-01-01..2023-09-30",
        // what was expected of the month reported on is of that month; the result is not expected
        "Im Oktober waren 2,79 Millionen Menschen arbeitslos. Saisonbereinigt nahm ihre Zahl um 27.000 zu,"
            + " Volkswirte hatten nur mit einem Anstieg um 15.000 gerechnet."
            + "|2024-10-30||15.000|2024-10-01..2024-10-31",
        "Im Oktober waren 2,79 Millionen Menschen arbeitslos. Saisonbereinigt nahm ihre Zahl um 27.000 zu,"
            + " Volkswirte hatten nur mit einem Anstieg um 15.000 gerechnet."
            + "|2024-10-30||27.000|2024-10-01..2024-10-31",
        // "the same quarter of 2023" dates its own figure, not the sentence
        "Revenue rose to $94.9 billion in the third quarter from $89.5 billion in the same quarter"
            + " of 2023.|2024-10-31||$94.9 billion|2024-07-01..2024-09-30",
        "Revenue rose to $94.9 billion in the third quarter from $89.5 billion in the same quarter"
            + " of 2023.|2024-10-31||$89.5 billion|2023-07-01..2023-09-30",
        "Acme's revenue was $4.1 billion in the third quarter of 2024, against $3.8 billion in the"
            + " same period a year earlier.|2024-10-31|12-31|$3.8 billion|2023-07-01..2023-09-30",
        "Acme's revenue was $4.1 billion in the third quarter, against $3.8 billion in the same"
            + " period of 2023.|2024-10-31|12-31|$4.1 billion|2024-07-01..2024-09-30",
        "Acme's revenue was $4.1 billion in the third quarter, against $3.8 billion in the same"
            + " period of 2023.|2024-10-31|12-31|$3.8 billion|2023-07-01..2023-09-30",
        // a half named without "fiscal" and without its year is the entity's fiscal half
        "Acme steigerte den Umsatz im ersten Halbjahr auf 38 Milliarden Euro."
            + "|2024-05-15|09-30|38 Milliarden Euro|2023-10-01..2024-03-31",
        "Acme's first-half revenue rose to $12 billion.|2024-08-01|12-31|$12 billion"
            + "|2024-01-01..2024-06-30"
      })
  void a_figure_of_an_article_gets_its_own_or_the_articles_period(
      String text, String statedAt, String yearEnd, String quote, String expected) {
    assertEquals(expected, periodOf(text, statedAt, yearEnd, quote));
  }

  /**
   * A quarter named without "fiscal" is the company's own for any figure a company reports
   * (operating income too, not only revenue and profit), a calendar quarter for the economy's.
   */
  @Test
  void a_quarter_of_a_companys_figure_is_its_fiscal_one_and_of_the_economys_the_calendars() {
    MetricWords words =
        language ->
            MetricKeywords.of(
                language,
                List.of(
                    new MetricKeywords.Keyword("operating income", "operating_income", false),
                    new MetricKeywords.Keyword("headcount", "jobs", false),
                    new MetricKeywords.Keyword("gdp", "gdp", false)));
    ExtractionService service =
        new ExtractionService(
            MODELS,
            ACME,
            c -> List.of(),
            words,
            id -> id == 7L ? MonthDay.parse("--09-28") : null,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            1);
    Candidate income =
        service
            .extract(
                new ExtractionRequest(
                    "Acme posted fourth-quarter operating income of $30 billion.",
                    "en",
                    "2024-11-01"))
            .candidates()
            .get(0);
    assertEquals("operating_income", income.metric());
    assertEquals("2024-06-29..2024-09-28", income.periodStart() + ".." + income.periodEnd());
    Candidate gdp =
        service
            .extract(
                new ExtractionRequest(
                    "Acme said GDP grew 2.8% in the third quarter.", "en", "2024-11-01"))
            .candidates()
            .get(0);
    // a company's headcount too: its jobs are counted in its own quarters (at the end of one: its
    // last day)
    Candidate headcount =
        service
            .extract(
                new ExtractionRequest(
                    "Acme's headcount was 221,000 at the end of the third quarter.",
                    "en",
                    "2024-11-01"))
            .candidates()
            .get(0);
    assertEquals("jobs", headcount.metric());
    assertEquals("null..2024-06-28", headcount.periodStart() + ".." + headcount.periodEnd());
    assertEquals("gdp", gdp.metric());
    assertEquals("2024-07-01..2024-09-30", gdp.periodStart() + ".." + gdp.periodEnd());
  }
}
