package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sentence that reports one figure and forecasts another, or names a period for each: every
 * figure takes the kind and the period of its own part of the sentence; and the words that make a
 * figure a forecast, or name its period.
 */
class MixedSentencesTest {
  private static final ExtractionService SERVICE =
      new ExtractionService(
          new TextModels(),
          t -> List.of(),
          c -> List.of(),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  @ParameterizedTest(name = "{2} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a result and a forecast, each in its own clause
        "Revenue rose 5% to $10 billion in the third quarter, and the company expects $11 billion"
            + " in the fourth quarter.|2024-11-14|$10 billion|REPORTED|2024-07-01..2024-09-30",
        "Revenue rose 5% to $10 billion in the third quarter, and the company expects $11 billion"
            + " in the fourth quarter.|2024-11-14|$11 billion|FORECAST|2024-10-01..2024-12-31",
        "Der Umsatz stieg im dritten Quartal auf 10 Milliarden Euro, im vierten Quartal soll er auf"
            + " 11 Milliarden Euro steigen.|2024-11-14|10 Milliarden Euro|REPORTED"
            + "|2024-07-01..2024-09-30",
        "Der Umsatz stieg im dritten Quartal auf 10 Milliarden Euro, im vierten Quartal soll er auf"
            + " 11 Milliarden Euro steigen.|2024-11-14|11 Milliarden Euro|FORECAST"
            + "|2024-10-01..2024-12-31",
        "Im dritten Quartal verdiente der Konzern 2 Milliarden Euro, im Schlussquartal dürften es"
            + " 2,5 Milliarden Euro werden.|2024-11-14|2,5 Milliarden Euro|FORECAST"
            + "|2024-10-01..2024-12-31",
        "Nvidia's revenue jumped 94% to $35.1 billion in the third quarter, and it forecast $37.5"
            + " billion for the fourth quarter.|2024-11-14|$35.1 billion|REPORTED"
            + "|2024-07-01..2024-09-30",
        "The chipmaker reported revenue of $35.1 billion and said it expects revenue of $37.5"
            + " billion.|2024-11-14|$35.1 billion|REPORTED|null..null",
        "Net income was $3 billion, while analysts expect $4 billion next year.|2024-11-14"
            + "|$3 billion|REPORTED|null..null",
        "Net income was $3 billion, while analysts expect $4 billion next year.|2024-11-14"
            + "|$4 billion|FORECAST|2025-01-01..2025-12-31",
        // ... also when the forecast's clause shares the result's subject
        "Die EZB senkte im Oktober den Einlagenzins auf 3,25 Prozent und dürfte im Dezember auf 3,0"
            + " Prozent senken.|2024-11-14|3,25 Prozent|REPORTED|2024-10-01..2024-10-31",
        "Die EZB senkte im Oktober den Einlagenzins auf 3,25 Prozent und dürfte im Dezember auf 3,0"
            + " Prozent senken.|2024-11-14|3,0 Prozent|FORECAST|2024-12-01..2024-12-31",
        "Consumer prices rose 0.3% in October and are expected to rise 0.2% in November."
            + "|2024-11-14|0.3%|REPORTED|2024-10-01..2024-10-31",
        "Consumer prices rose 0.3% in October and are expected to rise 0.2% in November."
            + "|2024-11-14|0.2%|FORECAST|2024-11-01..2024-11-30",
        "The Fed cut rates to 4.75% in September and is likely to lower them to 4.5% in December."
            + "|2024-11-14|4.75%|REPORTED|2024-09-01..2024-09-30",
        "Revenue rose to $5 billion in the third quarter and is expected to reach $5.5 billion in"
            + " the fourth.|2024-11-14|$5 billion|REPORTED|2024-07-01..2024-09-30",
        "Analysts expect the Fed to cut rates to 4.5% in December.|2024-11-14|4.5%|FORECAST"
            + "|2024-12-01..2024-12-31",
        // a quarter named by its number alone after another one ("in the fourth.")
        "Revenue rose to $5 billion in the third quarter and is expected to reach $5.5 billion in"
            + " the fourth.|2024-11-14|$5.5 billion|FORECAST|2024-10-01..2024-12-31",
        "Revenue was $5 billion in the first quarter and $6 billion in the second.|2024-11-14"
            + "|$6 billion|REPORTED|2024-04-01..2024-06-30",
        "Der Umsatz stieg im dritten Quartal auf 5 Milliarden Euro, nach 4,5 Milliarden Euro im"
            + " zweiten.|2024-11-14|4,5 Milliarden Euro|REPORTED|2024-04-01..2024-06-30",
        "Revenue rose for the fourth straight quarter to $5 billion in the third quarter."
            + "|2024-11-14|$5 billion|REPORTED|2024-07-01..2024-09-30",
        // a relative or subordinate clause of the past
        "The company, which earned $3 billion last year, expects profit of $4 billion this year."
            + "|2024-11-14|$3 billion|REPORTED|2023-01-01..2023-12-31",
        "OpenAI, which was valued at $157 billion in October, could lose $5 billion this year."
            + "|2024-11-14|$157 billion|REPORTED|2024-10-01..2024-10-31",
        "OpenAI, which was valued at $157 billion in October, could lose $5 billion this year."
            + "|2024-11-14|$5 billion|FORECAST|2024-01-01..2024-12-31",
        "Nachdem der Umsatz 2023 auf 10 Milliarden Euro gestiegen war, erwartet der Vorstand für"
            + " 2024 rund 11 Milliarden Euro.|2024-11-14|10 Milliarden Euro|REPORTED"
            + "|2023-01-01..2023-12-31",
        "Die Bundesregierung erwartet, dass die Wirtschaft 2025 um 0,3 Prozent wächst, nachdem sie"
            + " 2024 um 0,2 Prozent geschrumpft war.|2024-11-14|0,2 Prozent|REPORTED"
            + "|2024-01-01..2024-12-31",
        "Tesla delivered 462,890 vehicles in the third quarter, below the 463,310 expected by"
            + " analysts.|2024-11-14|462,890 vehicles|REPORTED|2024-07-01..2024-09-30",
        // a figure compared with, of a year that is over, is a result
        "The IMF forecast global growth of 3.2% in 2025, unchanged from its July estimate, after"
            + " 3.3% in 2023.|2024-11-14|3.3%|REPORTED|2023-01-01..2023-12-31",
        "The IMF forecast global growth of 3.2% in 2025, unchanged from its July estimate, after"
            + " 3.3% in 2023.|2024-11-14|3.2%|FORECAST|2025-01-01..2025-12-31",
        "Microsoft said it would spend $80 billion this fiscal year, up from $55.7 billion last"
            + " year.|2024-11-14|$55.7 billion|REPORTED|2023-01-01..2023-12-31",
        "Nach einem Umsatz von 10 Milliarden Euro im Vorjahr erwartet der Konzern für 2024 einen"
            + " Umsatz von 12 Milliarden Euro.|2024-11-14|10 Milliarden Euro|REPORTED"
            + "|2023-01-01..2023-12-31",
        "By 2030, data centres could consume 9% of US electricity, up from 4% in 2023.|2024-11-14"
            + "|9%|FORECAST|null..null",
        // a period compared with: the same months of the year named, or the year before
        "Passenger numbers reached 9.1 million in October, up from 7.2 million in the same month"
            + " of 2019.|2024-11-14|7.2 million|REPORTED|2019-10-01..2019-10-31",
        "Im dritten Quartal stieg der Umsatz auf 6 Milliarden Euro; im Vorjahr hatte er bei 5"
            + " Milliarden Euro gelegen.|2024-11-14|5 Milliarden Euro|REPORTED"
            + "|2023-07-01..2023-09-30",
        // a part with a word of what is expected is not a result, whatever its verb
        "The company forecast fourth-quarter revenue of $5.6 billion, plus or minus 2%, compared"
            + " with analysts' average estimate of $5.5 billion, according to LSEG data.|2024-10-30|$5.5"
            + " billion|FORECAST|2024-10-01..2024-12-31",
        "Samsung Electronics expects operating profit of about 10 trillion won in the fourth"
            + " quarter, with revenue of roughly 80 trillion won.|2024-10-31|80"
            + " trillion|FORECAST|2024-10-01..2024-12-31",
        "Das Ziel lag bislang bei 12 Milliarden Euro, nun soll der Umsatz nur noch 11 Milliarden"
            + " Euro erreichen.|2024-11-13|12 Milliarden Euro|FORECAST|null..null",
        "Der Vorstand ging bislang von einem Umsatz von 12 Milliarden Euro aus, erwartet nun aber"
            + " nur noch 11 Milliarden Euro.|2024-10-24|12 Milliarden Euro|FORECAST|null..null",
        // a clause of what is expected is not a part of its own; 'and would' starts one
        "Ökonomen erwarten, dass die Inflation im November auf 2,6 Prozent gestiegen"
            + " ist.|2024-11-28|2,6 Prozent|FORECAST|2024-11-01..2024-11-30",
        "Alphabet said capital expenditures were $13 billion in the second quarter and would stay"
            + " at or above $12 billion in each quarter of the year.|2024-07-24|$13"
            + " billion|REPORTED|2024-04-01..2024-06-30",
        "Economists polled by Reuters expect the data to show the economy grew more than 2.5%"
            + " last year.|2025-01-27|2.5%|FORECAST|2024-01-01..2024-12-31",
        // a figure whose kind's parts name no period: the sentence's, unless a result's is under
        // way
        "Payrolls increased by 142,000 jobs in August, compared with a Reuters forecast of"
            + " 160,000, and July's gain was revised down to"
            + " 89,000.|2024-09-06|160,000|FORECAST|2024-08-01..2024-08-31",
        "Die Bundesregierung erwartet für 2025 nur noch ein Wachstum von 0,3 Prozent, im Herbst"
            + " hatte sie noch 1,1 Prozent prognostiziert.|2025-01-29|1,1"
            + " Prozent|FORECAST|2025-01-01..2025-12-31",
        "Im Vorjahr hatte der Konzern noch 2,1 Milliarden Euro verdient, im laufenden Jahr sollen"
            + " es 2,5 Milliarden Euro werden.|2024-11-14|2,1 Milliarden"
            + " Euro|REPORTED|2023-01-01..2023-12-31",
        "Im Vorjahr hatte der Konzern noch 2,1 Milliarden Euro verdient, im laufenden Jahr sollen"
            + " es 2,5 Milliarden Euro werden.|2024-11-14|2,5 Milliarden"
            + " Euro|FORECAST|2024-01-01..2024-12-31",
        // the whole year: under way for a forecast, the last for a result or one still to be
        // reported
        "Analysts expect Meta to report full-year revenue of about $164 billion on"
            + " Wednesday.|2025-01-28|$164 billion|FORECAST|2024-01-01..2024-12-31",
        "Die Zahl der Neuzulassungen sank im Oktober um 6 Prozent auf 210.000, für das Gesamtjahr"
            + " rechnet der Verband mit 2,8 Millionen Neuzulassungen.|2024-11-08|2,8"
            + " Millionen|FORECAST|2024-01-01..2024-12-31",
        "Full-year revenue rose 6% to 41.2 billion euros, and the group expects growth of 3% to"
            + " 5% in 2025.|2025-02-20|41.2 billion euros|REPORTED|2024-01-01..2024-12-31",
        // quarters and years: the figure's own part first, the one named right after it, a nearer
        // year
        "Der Umsatz erreichte im dritten Quartal 7,1 Milliarden Euro, das Management rechnet im"
            + " vierten Quartal mit 7,5 Milliarden Euro und für 2025 mit 30 Milliarden"
            + " Euro.|2024-11-14|30 Milliarden Euro|FORECAST|2025-01-01..2025-12-31",
        "The carmaker expects to sell 4 million vehicles next year, and sold 1 million in the"
            + " first quarter and 1.1 million in the second quarter.|2024-12-10|1.1"
            + " million|REPORTED|2024-04-01..2024-06-30",
        "Economists expect fourth-quarter growth of 0.5%, compared with 0.3% in the third"
            + " quarter, and full-year growth of more than 2.7% in"
            + " 2024.|2025-01-10|0.5%|FORECAST|2024-10-01..2024-12-31",
        "Economists expect fourth-quarter growth of 0.5%, compared with 0.3% in the third"
            + " quarter, and full-year growth of more than 2.7% in"
            + " 2024.|2025-01-10|0.3%|REPORTED|2024-07-01..2024-09-30",
        "Net sales in the fourth quarter rose 4% to 10.3 billion euros, the strongest quarter"
            + " since the first quarter of 2022.|2025-02-06|10.3 billion"
            + " euros|REPORTED|2024-10-01..2024-12-31",
        "Der Versicherer erwartet 2025 einen Gewinn von 6 Milliarden Euro, im dritten Quartal"
            + " verdiente er 1,7 Milliarden Euro, im zweiten Quartal waren es 1,5 Milliarden"
            + " Euro.|2024-11-14|1,5 Milliarden Euro|REPORTED|2024-04-01..2024-06-30",
        "Der Konzern erwartet für 2025 einen Umsatz von 12 Milliarden Euro, nachdem im laufenden"
            + " Jahr 11 Milliarden Euro erzielt wurden und 2023 rund 10 Milliarden Euro.|2024-11-14|12"
            + " Milliarden Euro|FORECAST|2025-01-01..2025-12-31",
        "Revenue rose to $5.1 billion in the third quarter, up from $4.8 billion in the second"
            + " quarter, and the company said it expects 2024 revenue of about $20"
            + " billion.|2024-11-14|$4.8 billion|REPORTED|2024-04-01..2024-06-30",
        "Revenue rose to $5.1 billion in the third quarter, up from $4.8 billion in the second"
            + " quarter, and the company said it expects 2024 revenue of about $20"
            + " billion.|2024-11-14|$20 billion|FORECAST|2024-01-01..2024-12-31",
        "Eurostat released data for October showing euro zone inflation rose to"
            + " 2.0%.|2024-11-20|2.0%|REPORTED|2024-10-01..2024-10-31",
        "Der Konzern erwartet im Gesamtjahr einen Umsatz von rund 9 Milliarden Euro, was einem Plus"
            + " von 5 Prozent gegenüber dem Vorjahr entspräche.|2024-11-14|5 Prozent|FORECAST"
            + "|2024-01-01..2024-12-31",
        // a part with no verb goes with the part before it; a horizon ('bis 2030') is no period
        "Alphabet reported first-quarter revenue of $90.2 billion, up 12%, and reaffirmed plans"
            + " to spend about $75 billion on capital expenditures this"
            + " year.|2025-04-24|12%|REPORTED|2025-01-01..2025-03-31",
        "Boeing posted a loss of $6.17 billion in the third quarter, or $9.97 per share, and said"
            + " it will cut 17,000 jobs over the coming"
            + " months.|2024-10-23|$9.97|REPORTED|2024-07-01..2024-09-30",
        "Die Exporte sanken im Januar um 2,5 Prozent im Vergleich zum Vormonat, wohingegen die"
            + " Importe um 1,2 Prozent zulegten, der Außenhandelsverband erwartet für 2025 ein Minus von"
            + " 1 Prozent.|2025-03-05|1,2 Prozent|REPORTED|2025-01-01..2025-01-31",
        "ThyssenKrupp will bis 2030 rund 11.000 Stellen abbauen, nachdem bereits im laufenden"
            + " Jahr 2.000 Stellen weggefallen sind.|2024-11-26|11.000 Stellen|FORECAST|null..null",
        "ThyssenKrupp will bis 2030 rund 11.000 Stellen abbauen, nachdem bereits im laufenden"
            + " Jahr 2.000 Stellen weggefallen sind.|2024-11-26|2.000"
            + " Stellen|REPORTED|2024-01-01..2024-12-31",
        "Revenue was $5 billion in 2024 and the company expects $7 billion through 2026."
            + "|2025-01-10|$7 billion|FORECAST|null..null",
        "Siemens won a $2 billion contract that runs until 2030.|2025-01-10|$2 billion|REPORTED"
            + "|null..null",
        "Revenue was $5 billion in 2024 and the company expects $7 billion through 2026."
            + "|2025-01-10|$5 billion|REPORTED|2024-01-01..2024-12-31",
        "Der Zulieferer streicht bis Ende 2027 weitere 5.000 Arbeitsplätze, im vergangenen Jahr"
            + " hatte er bereits 3.000 Stellen gestrichen.|2025-01-30|5.000"
            + " Arbeitsplätze|FORECAST|null..null",
        // each figure the year or quarter written for it; a quarter compared with is the base of a
        // change
        "Der Ifo-Index stieg im Oktober auf 86,5 Punkte, während die Institute für das laufende"
            + " Jahr ein Minus von 0,1 Prozent und für 2025 ein Wachstum von 0,8 Prozent"
            + " prognostizieren.|2024-10-15|86,5|REPORTED|2024-10-01..2024-10-31",
        "Der Ifo-Index stieg im Oktober auf 86,5 Punkte, während die Institute für das laufende"
            + " Jahr ein Minus von 0,1 Prozent und für 2025 ein Wachstum von 0,8 Prozent"
            + " prognostizieren.|2024-10-15|0,1 Prozent|FORECAST|2024-01-01..2024-12-31",
        "Der Ifo-Index stieg im Oktober auf 86,5 Punkte, während die Institute für das laufende"
            + " Jahr ein Minus von 0,1 Prozent und für 2025 ein Wachstum von 0,8 Prozent"
            + " prognostizieren.|2024-10-15|0,8 Prozent|FORECAST|2025-01-01..2025-12-31",
        "Nvidia expects first-quarter revenue of $43 billion, after fourth-quarter revenue of"
            + " $39.3 billion.|2025-02-26|$39.3 billion|REPORTED|2024-10-01..2024-12-31",
        "Revenue climbed 9% to $4.1 billion in the third quarter, up 3% from the second quarter,"
            + " and the company expects $4.3 billion in the fourth"
            + " quarter.|2024-10-30|3%|REPORTED|2024-07-01..2024-09-30",
        "Der Konzern erwartet für das vierte Quartal einen Umsatz von 3,1 Milliarden Euro und für"
            + " das erste Quartal 2025 einen Umsatz von 3,3 Milliarden Euro.|2024-11-14|3,1 Milliarden"
            + " Euro|FORECAST|2024-10-01..2024-12-31",
        "Die Zahl der verkauften Fahrzeuge stieg im Januar um 3 Prozent, der Verband erwartet für"
            + " das erste Quartal ein Plus von 5 Prozent, nachdem es im vierten Quartal 2024 ein Minus"
            + " von 2 Prozent gab.|2025-02-12|3 Prozent|REPORTED|2025-01-01..2025-01-31",
        // a third review: what is now, results a forecast follows, more words of a forecast
        "Der Gewinn brach im ersten Quartal um 40 Prozent auf 1,1 Milliarden Euro ein, der"
            + " Konzern bestätigte aber die Jahresprognose von 5 Milliarden Euro.|2025-05-08|1,1"
            + " Milliarden Euro|REPORTED|2025-01-01..2025-03-31",
        "Mittelfristig strebt der Konzern eine Ebit-Marge von 12 Prozent an, derzeit liegt sie"
            + " bei 8,5 Prozent.|2024-09-19|12 Prozent|FORECAST|null..null",
        "Mittelfristig strebt der Konzern eine Ebit-Marge von 12 Prozent an, derzeit liegt sie"
            + " bei 8,5 Prozent.|2024-09-19|8,5 Prozent|REPORTED|null..null",
        "Nach einem Ebit von 970 Millionen Euro in den ersten drei Monaten bekräftigte der"
            + " Konzern die Jahresprognose von 4 Milliarden Euro.|2024-05-15|4 Milliarden"
            + " Euro|FORECAST|null..null",
        "For the holiday quarter, Amazon booked operating income of $21.2 billion, and it guided"
            + " first-quarter operating income to between $14 billion and $18 billion.|2025-02-06|$14"
            + " billion and $18 billion|FORECAST|2025-01-01..2025-03-31",
        "GE Aerospace narrowed its 2024 operating profit outlook to $6.7 billion to $6.9 billion,"
            + " following third-quarter adjusted revenue of $8.9 billion.|2024-10-22|$8.9"
            + " billion|REPORTED|2024-07-01..2024-09-30",
        "Von Bloomberg befragte Experten gehen für das erste Quartal von einem bereinigten Ebit"
            + " von 2,9 Milliarden Euro aus, nach 3,2 Milliarden Euro vor Jahresfrist.|2025-04-24|3,2"
            + " Milliarden Euro|REPORTED|2024-01-01..2024-03-31",
        "Nach einem Umsatz von 4,2 Milliarden Euro im dritten Quartal erwartet der Konzern für"
            + " das Schlussquartal 4,5 Milliarden Euro.|2024-11-14|4,2 Milliarden"
            + " Euro|REPORTED|2024-07-01..2024-09-30",
        // one forecast, whatever its commas say
        "The company expects revenue, excluding items, of $4 billion.|2024-11-14|$4 billion"
            + "|FORECAST|null..null",
        "Der Konzern erwartet für 2025, dass der Umsatz auf 12 Milliarden Euro steigt.|2024-11-14"
            + "|12 Milliarden Euro|FORECAST|2025-01-01..2025-12-31",
        "Revenue grew 10% to $5 billion, ahead of the $4.8 billion analysts expected.|2024-11-14"
            + "|$4.8 billion|FORECAST|null..null",
        "The bank, which was founded in 1869, expects profit of $10 billion next year.|2024-11-14"
            + "|$10 billion|FORECAST|2025-01-01..2025-12-31",
        // "and" right before a verb of a result or of a forecast starts a clause of its own
        "Der Softwarekonzern erzielte im Auftaktquartal ein Umsatzplus von 11 Prozent und stellt"
            + " für das Gesamtjahr ein Wachstum von 12 Prozent in Aussicht.|2025-04-25|11 Prozent"
            + "|REPORTED|2025-01-01..2025-03-31",
        "Der Softwarekonzern erzielte im Auftaktquartal ein Umsatzplus von 11 Prozent und stellt"
            + " für das Gesamtjahr ein Wachstum von 12 Prozent in Aussicht.|2025-04-25|12 Prozent"
            + "|FORECAST|2025-01-01..2025-12-31",
        "The retailer posted sales of $4.2 billion in the second quarter and raised its full-year"
            + " forecast to $17 billion.|2025-08-20|$4.2 billion|REPORTED|2025-04-01..2025-06-30",
        "The retailer posted sales of $4.2 billion in the second quarter and raised its full-year"
            + " forecast to $17 billion.|2025-08-20|$17 billion|FORECAST|2025-01-01..2025-12-31",
        "Revenue and net income rose to $12.1 billion and $2 billion in the second quarter."
            + "|2025-07-30|$2 billion|REPORTED|2025-04-01..2025-06-30",
        // a whole year of a forecast's part is not a result's period ("in the quarter" of a
        // result is the quarter just reported)
        "Revenue rose 8% to $12.1 billion in the quarter and the company sees full-year revenue of"
            + " $49 billion.|2025-07-30|$12.1 billion|REPORTED|2025-04-01..2025-06-30",
        "Revenue rose 8% to $12.1 billion in the quarter and the company sees full-year revenue of"
            + " $49 billion.|2025-07-30|$49 billion|FORECAST|2025-01-01..2025-12-31",
        "Das Halbjahresergebnis lag bei 1,2 Milliarden Euro, für die zweite Jahreshälfte peilt der"
            + " Vorstand 1,5 Milliarden Euro an.|2025-08-01|1,2 Milliarden Euro|REPORTED|null..null",
        "Das Halbjahresergebnis lag bei 1,2 Milliarden Euro, für die zweite Jahreshälfte peilt der"
            + " Vorstand 1,5 Milliarden Euro an.|2025-08-01|1,5 Milliarden Euro|FORECAST"
            + "|2025-07-01..2025-12-31",
        // the figure of a horizon's part takes no other part's period
        "Bis 2028 will der Konzern die Kosten um 1,5 Milliarden Euro senken, davon 400 Millionen"
            + " Euro im laufenden Jahr.|2025-03-01|1,5 Milliarden Euro|FORECAST|null..null",
        "Bis 2028 will der Konzern die Kosten um 1,5 Milliarden Euro senken, davon 400 Millionen"
            + " Euro im laufenden Jahr.|2025-03-01|400 Millionen Euro|FORECAST"
            + "|2025-01-01..2025-12-31",
        // words of a forecast: "sees", "projects" before what it projects, "peilt ... an",
        // "gehen ... von ... aus"; a present state ("holds") is not one
        "Airbus sees 2025 deliveries of around 820 aircraft.|2025-01-20|820 aircraft|FORECAST"
            + "|2025-01-01..2025-12-31",
        "The company projects revenue of $3.1 billion for 2026.|2025-11-02|$3.1 billion|FORECAST"
            + "|2026-01-01..2026-12-31",
        "The bank financed AI projects worth $5 billion last year.|2025-11-02|$5 billion|REPORTED"
            + "|2024-01-01..2024-12-31",
        "Der Konzern peilt für 2026 einen Umsatz von 30 Milliarden Euro an.|2025-11-02"
            + "|30 Milliarden Euro|FORECAST|2026-01-01..2026-12-31",
        "Die Analysten gehen für das laufende Jahr von einem Gewinn von 2 Milliarden Euro aus."
            + "|2025-05-02|2 Milliarden Euro|FORECAST|2025-01-01..2025-12-31",
        "Ökonomen gehen davon aus, dass die Inflation 2026 auf 2,1 Prozent sinkt.|2025-11-02"
            + "|2,1 Prozent|FORECAST|2026-01-01..2026-12-31",
        "Nvidia, which holds 82% of the data-center accelerator market, could see sales of $50"
            + " billion next year.|2025-05-06|82%|REPORTED|null..null",
        // periods named by words: the first quarter, months from one to another, the first months
        "Im Auftaktquartal stieg der Umsatz um 4 Prozent auf 9,1 Milliarden Euro.|2025-05-06"
            + "|9,1 Milliarden Euro|REPORTED|2025-01-01..2025-03-31",
        "Von Juli bis September stieg der Umsatz auf 8 Milliarden Euro.|2025-11-05"
            + "|8 Milliarden Euro|REPORTED|2025-07-01..2025-09-30",
        "Between July and September, the airline carried 12 million passengers.|2025-10-20"
            + "|12 million passengers|REPORTED|2025-07-01..2025-09-30",
        "Im Zeitraum von Januar bis März 2024 stieg der Absatz auf 1,2 Millionen Fahrzeuge."
            + "|2025-05-06|1,2 Millionen Fahrzeuge|REPORTED|2024-01-01..2024-03-31",
        "In den ersten neun Monaten verdiente der Konzern 3,2 Milliarden Euro.|2025-11-05"
            + "|3,2 Milliarden Euro|REPORTED|2025-01-01..2025-09-30",
        "In the first nine months of the year, sales rose to $30 billion.|2025-11-05|$30 billion"
            + "|REPORTED|2025-01-01..2025-09-30",
        // ... and where those words mean something else (a review's sentences)
        "China sees exports jump 8.3% in October as shipments to Southeast Asia surge.|2025-11-10"
            + "|8.3%|REPORTED|2025-10-01..2025-10-31",
        "Capital projects spending rose 9% to $4.4 billion in the second quarter.|2025-07-17"
            + "|$4.4 billion|REPORTED|2025-04-01..2025-06-30",
        "Fourth-quarter profit rose to $2.3 billion, and the company sees first-quarter revenue of"
            + " $11 billion.|2026-01-29|$11 billion|FORECAST|2026-01-01..2026-03-31",
        "For the fourth quarter, the company expects revenue of $3 billion as it works toward a"
            + " goal of $15 billion by 2028.|2025-09-10|$3 billion|FORECAST|2025-10-01..2025-12-31",
        "For the fourth quarter, the company expects revenue of $3 billion as it works toward a"
            + " goal of $15 billion by 2028.|2025-09-10|$15 billion|FORECAST|null..null",
        "In 2026, the company plans capital spending of $4 billion to reach net zero by 2035."
            + "|2025-03-03|$4 billion|FORECAST|2026-01-01..2026-12-31",
        "Für 2026 erwartet die Bundesregierung ein Wachstum von 1,0 Prozent, bis 2028 soll die"
            + " Defizitquote auf 2,5 Prozent sinken.|2025-10-01|2,5 Prozent|FORECAST|null..null",
        "Analysts expect the bank to have earned $2.1 billion in the third quarter and generated"
            + " revenue of $12 billion.|2025-10-14|$12 billion|FORECAST|2025-07-01..2025-09-30",
        "Annual revenue rose 4% to $9 billion, and the company expects full-year revenue growth of"
            + " 5%.|2026-02-10|$9 billion|REPORTED|2025-01-01..2025-12-31",
        "Der Chemiekonzern erwirtschaftete im Auftaktquartal ein Ebitda von 2,6 Milliarden Euro und"
            + " senkte die Jahresprognose auf 7,5 Milliarden Euro.|2025-05-08|7,5 Milliarden Euro"
            + "|FORECAST|2025-01-01..2025-12-31",
        "Siemens steigerte den Umsatz im dritten Quartal um 5 Prozent auf 19 Milliarden Euro und"
            + " bestätigte die Prognose eines Gewinns je Aktie von 10,40 Euro.|2025-08-07"
            + "|10,40 Euro|FORECAST|2025-01-01..2025-12-31",
        "Der Konzern hielt den Umsatz 2024 stabil bei 11 Milliarden Euro und peilt für 2025 12"
            + " Milliarden Euro an.|2025-02-27|11 Milliarden Euro|REPORTED|2024-01-01..2024-12-31",
        // two months in a row, "from" one "to" the next: a change or a span, so neither
        "Consumer prices rose 0.3% from April to May.|2025-06-11|0.3%|REPORTED|null..null",
        "Die Produktion sank zwischen August und September um 1,2 Prozent.|2025-11-07|1,2 Prozent"
            + "|REPORTED|null..null",
        "Im Zeitraum Januar bis Februar stiegen Chinas Exporte um 2,3 Prozent.|2025-03-10"
            + "|2,3 Prozent|REPORTED|2025-01-01..2025-02-28",
        // a second review's sentences
        "Yellowstone sees 4.7 million visitors a year, most of them in summer.|2025-06-02"
            + "|4.7 million visitors|REPORTED|null..null",
        "Die Ermittler gehen von einem Schaden von 2 Millionen Euro aus.|2025-09-12"
            + "|2 Millionen Euro|REPORTED|null..null",
        "In his first six months in office, the president cut federal spending by $120 billion."
            + "|2025-09-12|$120 billion|REPORTED|null..null",
        "In the quarter after the pandemic hit, the airline's revenue fell 86% to $1.2 billion."
            + "|2025-10-02|$1.2 billion|REPORTED|null..null",
        "The utility earned 1.2 billion euros in the third quarter, above the consensus forecast"
            + " of 950 million euros.|2025-11-06|950 million euros|FORECAST|2025-07-01..2025-09-30",
        "Der Autozulieferer setzte im Auftaktquartal 9,8 Milliarden Euro um und bestätigte seine"
            + " Prognose eines Umsatzes von 40 Milliarden Euro.|2025-05-06|9,8 Milliarden Euro"
            + "|REPORTED|2025-01-01..2025-03-31",
        "Der Autozulieferer setzte im Auftaktquartal 9,8 Milliarden Euro um und bestätigte seine"
            + " Prognose eines Umsatzes von 40 Milliarden Euro.|2025-05-06|40 Milliarden Euro"
            + "|FORECAST|2025-01-01..2025-12-31",
        "The app was downloaded 10 million times in the first three months after its launch."
            + "|2025-10-01|10 million|REPORTED|null..null",
        "The Celtics scored 41 points in the opening quarter and won 118-102.|2025-01-12|41"
            + "|REPORTED|null..null",
        // each kind its own quarter, the result's ended, the forecast's ahead
        "Fourth-quarter profit rose to $2.3 billion, and for the current quarter the company sees"
            + " revenue of $11 billion.|2026-01-29|$2.3 billion|REPORTED|2025-10-01..2025-12-31",
        "Fourth-quarter profit rose to $2.3 billion, and for the current quarter the company sees"
            + " revenue of $11 billion.|2026-01-29|$11 billion|FORECAST|2026-01-01..2026-03-31",
        // "last quarter": the latest ended; after a figure compared with, the one before; "the
        // last quarter of 2023": the fourth
        "Last quarter, Intel lost $16.6 billion.|2024-11-14|$16.6 billion|REPORTED"
            + "|2024-07-01..2024-09-30",
        "Intel lost $16.6 billion last quarter.|2024-11-14|$16.6 billion|REPORTED"
            + "|2024-07-01..2024-09-30",
        "Im vergangenen Quartal sank der Umsatz von Intel auf 13,3 Milliarden Dollar.|2024-11-14"
            + "|13,3 Milliarden Dollar|REPORTED|2024-07-01..2024-09-30",
        "Intel lost $2 billion in the last quarter of 2023.|2024-11-14|$2 billion|REPORTED"
            + "|2023-10-01..2023-12-31",
        "Im letzten Quartal des vergangenen Jahres verlor Intel 2 Milliarden Dollar.|2024-11-14"
            + "|2 Milliarden Dollar|REPORTED|2023-10-01..2023-12-31",
        "Intel's revenue was $13.3 billion in the third quarter, up from $12.8 billion in the last"
            + " quarter.|2024-11-14|$12.8 billion|REPORTED|2024-04-01..2024-06-30",
        "Intel hat im dritten Quartal 13,3 Milliarden Dollar umgesetzt. Der Umsatz stieg nach 12,8"
            + " Milliarden Dollar im vergangenen Quartal.|2024-11-14|12,8 Milliarden Dollar|REPORTED"
            + "|2024-04-01..2024-06-30",
        // a month and an amount right after it; two months joined by "und"/"and"; "im
        // abgelaufenen Jahr"
        "Apple verkaufte im November 50 Millionen Smartphones.|2024-11-14|50 Millionen Smartphones"
            + "|REPORTED|2024-11-01..2024-11-30",
        "In November 12 million people were out of work.|2024-12-06|12 million people|REPORTED"
            + "|2024-11-01..2024-11-30",
        "Im Oktober und November stieg der Umsatz um 5 Prozent.|2024-12-14|5 Prozent|REPORTED"
            + "|2024-10-01..2024-11-30",
        "In January and February, exports rose 3 percent.|2026-03-10|3 percent|REPORTED"
            + "|2026-01-01..2026-02-28",
        "Consumer prices rose 0.3% from April to May.|2024-11-14|0.3%|REPORTED|null..null",
        "Im abgelaufenen Jahr wuchs die Wirtschaft um 0,2 Prozent.|2025-01-14|0,2 Prozent"
            + "|REPORTED|2024-01-01..2024-12-31",
        // the months to the end of one
        "Over the twelve months to the end of November, the airline carried 208 million"
            + " passengers.|2025-12-02|208 million passengers|REPORTED|2024-12-01..2025-11-30",
        "Prices rose 3.6% in the twelve months to the end of October.|2025-12-02|3.6%|REPORTED"
            + "|2024-11-01..2025-10-31",
        // words of the future: should, is likely to, is on track to
        "Revenue should reach $10 billion next year.|2024-11-14|$10 billion|FORECAST"
            + "|2025-01-01..2025-12-31",
        "Analysts say revenue is likely to reach $10 billion next year.|2024-11-14|$10 billion"
            + "|FORECAST|2025-01-01..2025-12-31",
        "Revenue is on track to hit $10 billion in 2025.|2024-11-14|$10 billion|FORECAST"
            + "|2025-01-01..2025-12-31",
        "Revenue should have reached $10 billion in 2023.|2024-11-14|$10 billion|REPORTED"
            + "|2023-01-01..2023-12-31",
        "Investors should note that revenue rose 5% to $10 billion in 2023.|2024-11-14"
            + "|$10 billion|REPORTED|2023-01-01..2023-12-31",
        "Revenue should not have fallen to $10 billion in 2023.|2024-11-14|$10 billion|REPORTED"
            + "|2023-01-01..2023-12-31",
        "Sollte die Nachfrage sinken, hat der Konzern 2 Milliarden Euro Reserven.|2024-11-14"
            + "|2 Milliarden Euro|REPORTED|null..null",
        "Im letzten Quartal 2023 verdiente Siemens 2 Milliarden Euro.|2024-11-14"
            + "|2 Milliarden Euro|REPORTED|2023-10-01..2023-12-31",
        "Intel said last quarter that it would cut 15,000 jobs.|2024-11-14|15,000 jobs|FORECAST"
            + "|null..null",
        "The company has grown revenue every quarter for the past quarter century, reaching $13"
            + " billion.|2024-11-14|$13 billion|REPORTED|null..null",
        "Der Halbleiterkonzern steigerte den Umsatz im dritten Quartal auf 3,6 Milliarden Euro und"
            + " stellte für das laufende Quartal 3,8 Milliarden Euro in Aussicht.|2025-10-29"
            + "|3,8 Milliarden Euro|FORECAST|2025-10-01..2025-12-31",
        "The company posted a second-quarter loss of $150 million and said its quarterly outlook"
            + " calls for revenue of $700 million.|2025-07-23|$700 million|FORECAST|null..null",
        // "in the quarter" of a result: the quarter just reported
        "Net income in the quarter was $14.7 billion, compared with $23 billion in the same"
            + " quarter a year earlier.|2024-10-31|$14.7 billion|REPORTED|2024-07-01..2024-09-30",
        "Net income in the quarter was $14.7 billion, compared with $23 billion in the same"
            + " quarter a year earlier.|2024-10-31|$23 billion|REPORTED|2023-07-01..2023-09-30",
        // years from one to another: a figure of them all
        "OpenAI is projected to lose $44 billion between 2023 and 2028.|2024-11-14|$44 billion"
            + "|FORECAST|2023-01-01..2028-12-31",
        "Zwischen 2025 und 2030 will der Konzern 100 Milliarden Euro investieren.|2024-11-14"
            + "|100 Milliarden Euro|FORECAST|2025-01-01..2030-12-31",
        "Von 2020 bis 2023 stieg der Umsatz um 40 Prozent.|2024-11-14|40 Prozent|REPORTED"
            + "|2020-01-01..2023-12-31",
        "From 2019 to 2023, revenue grew 40%.|2024-11-14|40%|REPORTED|2019-01-01..2023-12-31",
        "In der Finanzplanung für die Jahre 2027 bis 2029 fehlen 172 Milliarden Euro.|2025-11-28"
            + "|172 Milliarden Euro|FORECAST|2027-01-01..2029-12-31",
        "The plan leaves a gap of 172 billion euros in the years 2027 to 2029.|2025-11-28"
            + "|172 billion euros|FORECAST|2027-01-01..2029-12-31",
        "Acme plans to invest $50 billion from 2025 to 2029.|2024-11-14|$50 billion|FORECAST"
            + "|2025-01-01..2029-12-31",
        // who says a figure after its month does not make the month when it was said
        "Inflation rose to 2.3% in November, Eurostat said.|2024-12-06|2.3%|REPORTED"
            + "|2024-11-01..2024-11-30",
        "Inflation rose to 2.3% in November, Eurostat said on Dec. 3.|2024-12-06|2.3%|REPORTED"
            + "|2024-11-01..2024-11-30",
        "The company said sales rose 7% in November.|2024-12-06|7%|REPORTED"
            + "|2024-11-01..2024-11-30",
        // ... but a month that says when something was said dates no figure
        "The company said in a statement in November that sales rose 7%.|2024-12-06|7%|REPORTED"
            + "|null..null",
        "The company told Reuters in November that sales rose 7%.|2024-12-06|7%|REPORTED"
            + "|null..null",
        "In November, the IMF forecast growth of 3%.|2024-12-06|3%|FORECAST|null..null",
        // a period something is counted since is not the figure's
        "Die Inflation sank im August auf 1,9 Prozent, den niedrigsten Wert seit März 2021."
            + "|2024-08-30|1,9 Prozent|REPORTED|2024-08-01..2024-08-31",
        "Inflation fell to 2.2%, the lowest since 2021.|2024-08-30|2.2%|REPORTED|null..null",
        "Revenue has risen 40% since the third quarter of 2022.|2024-09-06|40%|REPORTED"
            + "|null..null",
        // last month, and the final three months of a year
        "Nonfarm payrolls increased by 142,000 jobs last month.|2024-09-06|142,000 jobs|REPORTED"
            + "|2024-08-01..2024-08-31",
        "Die Einzelhandelsumsätze stiegen im vergangenen Monat um 1 Prozent.|2024-01-10"
            + "|1 Prozent|REPORTED|2023-12-01..2023-12-31",
        "Intel said last month it would cut 15,000 jobs.|2024-09-06|15,000 jobs|FORECAST"
            + "|null..null",
        "The UK economy shrank 0.3% in the final three months of 2023.|2024-02-28|0.3%|REPORTED"
            + "|2023-10-01..2023-12-31",
        "Die Wirtschaft schrumpfte in den letzten drei Monaten des Jahres um 0,3 Prozent."
            + "|2024-02-28|0,3 Prozent|REPORTED|2023-10-01..2023-12-31",
        // "im Quartal": the quarter reported on, unless right after an amount (a rate)
        "Der Absatz in China brach im Quartal um 30 Prozent ein.|2024-10-10|30 Prozent|REPORTED"
            + "|2024-07-01..2024-09-30",
        // two fiscal years, one named by its end month
        "Ryanair expects 207 million passengers in the fiscal year ending March 2026 and 215"
            + " million in fiscal 2027.|2025-12-02|215 million|FORECAST|2026-04-01..2027-03-31",
        // a period not yet begun has no result: what the figure says is planned or expected
        "Der Haushaltsentwurf für 2026 sieht Ausgaben von 520,5 Milliarden Euro vor.|2025-07-30"
            + "|520,5 Milliarden Euro|FORECAST|2026-01-01..2026-12-31",
        "Die Neuverschuldung steigt im kommenden Jahr auf 89,3 Milliarden Euro.|2025-07-30"
            + "|89,3 Milliarden Euro|FORECAST|2026-01-01..2026-12-31",
        // what analysts expected (simple past, right after the figure) is of the result's period
        "Tesla's third-quarter profit rose 17% to $2.17 billion. Revenue climbed 8% to $25.18"
            + " billion, slightly below the $25.37 billion analysts expected.|2024-10-24"
            + "|$25.37 billion|FORECAST|2024-07-01..2024-09-30",
        "Tesla's third-quarter profit rose 17% to $2.17 billion. Revenue climbed 8% to $25.18"
            + " billion, slightly below the $25.37 billion analysts expected.|2024-10-24"
            + "|$25.18 billion|REPORTED|2024-07-01..2024-09-30",
        // reported speech of what is to come
        "Vorstandschef Jochen Hanebeck sagte, die Marge solle 2025 bei 17 Prozent liegen."
            + "|2024-11-13|17 Prozent|FORECAST|2025-01-01..2025-12-31",
        "Der Finanzchef sagte, der Umsatz werde im kommenden Jahr um 5 Prozent steigen."
            + "|2024-11-13|5 Prozent|FORECAST|2025-01-01..2025-12-31",
        // what an independent review of these rules found wrong in their first version
        "Acme's chief executive told the Financial Times in May that revenue would reach $5"
            + " billion.|2025-12-05|$5 billion|FORECAST|null..null",
        "The flash PMI rose to 52.1 from last month's 50.4.|2025-12-20|52.1|REPORTED|null..null",
        "Last month, Acme reported revenue of $4.2 billion.|2025-12-20|$4.2 billion|REPORTED"
            + "|null..null",
        "Acme shares have gained 15% over the past month.|2025-12-20|15%|REPORTED|null..null",
        "Der Auftragsbestand für 2026 liegt bei 12 Milliarden Euro.|2025-12-05"
            + "|12 Milliarden Euro|REPORTED|2026-01-01..2026-12-31",
        "The proposed 2026 budget includes $900 billion in defense spending.|2025-09-10"
            + "|$900 billion|FORECAST|2026-01-01..2026-12-31",
        "Acme said revenue in November rose 7% to $2 billion.|2025-12-10|7%|REPORTED"
            + "|2025-11-01..2025-11-30",
        "Sales rose 4% in November, the company said, driven by strong holiday demand."
            + "|2025-12-10|4%|REPORTED|2025-11-01..2025-11-30",
        "Last month, retail sales rose 2%, the ONS said.|2025-12-10|2%|REPORTED"
            + "|2025-11-01..2025-11-30",
        "Revenue rose 5% in the three months to September, and Acme's shares rose 3% on"
            + " Tuesday.|2025-11-11|3%|REPORTED|null..null",
        "Some 70 analysts expected revenue of $30 billion for the fourth quarter.|2025-11-06"
            + "|$30 billion|FORECAST|2025-10-01..2025-12-31",
        "Der Schaden werde auf 500 Millionen Euro geschätzt.|2025-11-06|500 Millionen Euro"
            + "|REPORTED|null..null",
        // a result of a clause that names no period, beside a clause with a span
        "The jobless rate rose to 5% in the three months to September, while regular pay growth"
            + " slowed to 4.6%.|2025-11-19|4.6%|REPORTED|2025-07-01..2025-09-30",
        // "sees" a company's spending, and a rolling span that names no month
        "Acme now sees capital expenditures of about $50 billion in 2026.|2025-12-10|$50 billion"
            + "|FORECAST|2026-01-01..2026-12-31",
        "Acme carried 13.9 million passengers in November. Over the rolling twelve months,"
            + " traffic grew 3%.|2025-12-02|3%|REPORTED|null..null",
        // a figure a noun of expecting names is what was expected, of the result's period
        "U.S. retail sales rose 0.6% in September, beating expectations of a 0.4% gain."
            + "|2025-10-15|0.4%|FORECAST|2025-09-01..2025-09-30",
        "Der Umsatz stieg im dritten Quartal auf 5 Milliarden Euro und übertraf damit die"
            + " Erwartungen von 4,8 Milliarden Euro.|2025-10-15|4,8 Milliarden Euro|FORECAST"
            + "|2025-07-01..2025-09-30",
        // a result compared with what was expected is a result
        "ASML booked orders worth 2.6 billion euros in the third quarter, half of what analysts"
            + " had expected.|2024-10-15|2.6 billion euros|REPORTED|2024-07-01..2024-09-30",
        "Revenue rose to $5 billion in the third quarter, as analysts had expected.|2024-10-15"
            + "|$5 billion|REPORTED|2024-07-01..2024-09-30",
        "Der Umsatz stieg im dritten Quartal auf 5 Milliarden Euro und damit stärker als von"
            + " Analysten erwartet.|2024-10-15|5 Milliarden Euro|REPORTED|2024-07-01..2024-09-30",
        "Revenue rose to $5 billion in the third quarter, above the $4.8 billion analysts had"
            + " expected.|2024-10-15|$4.8 billion|FORECAST|2024-07-01..2024-09-30",
        // a fiscal quarter reported on, read in the calendar's months for want of the company's
        // calendar, would lie ahead: no period rather than that
        "Nvidia's data-center revenue was $30.8 billion in the third quarter of fiscal 2025."
            + "|2024-11-14|$30.8 billion|REPORTED|null..null",
        // two months or more, each of its own figures: the one right after it, else the one
        // before it with no other figure between
        "Im September hatte die Rate noch 2,4 Prozent betragen, im August 2,2 Prozent."
            + "|2024-11-14|2,4 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Im September hatte die Rate noch 2,4 Prozent betragen, im August 2,2 Prozent."
            + "|2024-11-14|2,2 Prozent|REPORTED|2024-08-01..2024-08-31",
        "Unemployment was 4.1% in October, unchanged from September, and 3.9% in August."
            + "|2024-11-14|3.9%|REPORTED|2024-08-01..2024-08-31",
        "Unlike in September, when prices rose 0.2%, consumer prices rose 0.3% in October."
            + "|2024-11-14|0.3%|REPORTED|2024-10-01..2024-10-31",
        "Unlike in September, when prices rose 0.2%, consumer prices rose 0.3% in October."
            + "|2024-11-14|0.2%|REPORTED|2024-09-01..2024-09-30",
        "Sales rose 5% in March and 3% in April.|2024-11-14|3%|REPORTED|2024-04-01..2024-04-30",
        "In October, exports fell 2.1%, and in September they had risen 1.5%.|2024-11-14|1.5%"
            + "|REPORTED|2024-09-01..2024-09-30",
        "Im Oktober sank der Absatz um 3 Prozent, im September war er um 1 Prozent gestiegen."
            + "|2024-11-14|1 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Im Oktober sank der Absatz um 3 Prozent, im September war er um 1 Prozent gestiegen."
            + "|2024-11-14|3 Prozent|REPORTED|2024-10-01..2024-10-31",
        "Inflation was 2.4% in September 2024 and 2.2% in August 2024.|2024-11-14|2.2%|REPORTED"
            + "|2024-08-01..2024-08-31",
        "In October, the savings rate fell to 4.4% and in September it was revised up to 4.8%."
            + "|2024-11-14|4.4%|REPORTED|2024-10-01..2024-10-31",
        "In October, the savings rate fell to 4.4% and in September it was revised up to 4.8%."
            + "|2024-11-14|4.8%|REPORTED|2024-09-01..2024-09-30",
        "Im Oktober lag die Rate bei 2,0 Prozent und im September bei 1,6 Prozent.|2024-11-14"
            + "|2,0 Prozent|REPORTED|2024-10-01..2024-10-31",
        "Im Oktober lag die Rate bei 2,0 Prozent und im September bei 1,6 Prozent.|2024-11-14"
            + "|1,6 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Im Oktober meldeten 63 Prozent der Firmen höhere Kosten, im September waren es 58 Prozent"
            + " und im August 55 Prozent.|2024-11-14|58 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Inflation peaked at 10.6% in October 2022 and fell to 2.0% in October.|2024-11-14|2.0%"
            + "|REPORTED|2024-10-01..2024-10-31",
        // "since January" is the year so far; "since January 2023" dates nothing
        "Seit Januar hat Acme 1,5 Millionen Autos verkauft.|2024-11-14|1,5 Millionen Autos"
            + "|REPORTED|2024-01-01..2024-11-14",
        "Since January, Acme has sold 1.5 million cars.|2024-11-14|1.5 million cars|REPORTED"
            + "|2024-01-01..2024-11-14",
        "Inflation has been above 2% every month since January 2023.|2024-11-14|2%|REPORTED"
            + "|null..null",
        // ... "im Vormonat" beside one month named is the month before it
        "Die Arbeitslosenquote stieg im Oktober auf 6,1 Prozent, im Vormonat hatte sie 6,0 Prozent"
            + " betragen.|2024-11-14|6,0 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Im Oktober lag die Inflationsrate bei 2,0 Prozent, im Vormonat bei 1,6 Prozent."
            + "|2024-11-14|2,0 Prozent|REPORTED|2024-10-01..2024-10-31",
        "Im Oktober lag die Inflationsrate bei 2,0 Prozent, im Vormonat bei 1,6 Prozent."
            + "|2024-11-14|1,6 Prozent|REPORTED|2024-09-01..2024-09-30",
        "Die Preise stiegen im Oktober gegenüber dem Vormonat um 0,4 Prozent.|2024-11-14"
            + "|0,4 Prozent|REPORTED|2024-10-01..2024-10-31",
        // ... of the one year the sentence names before them, not a year of another figure
        "In 2023, sales rose 5% in March and 3% in April.|2024-11-14|3%|REPORTED"
            + "|2023-04-01..2023-04-30",
        "In 2023, sales rose 5% in March and 3% in April.|2024-11-14|5%|REPORTED"
            + "|2023-03-01..2023-03-31",
        "The Bundesbank expects inflation of 2.2% in 2025; prices rose 2.0% in October and 1.6% in"
            + " September.|2024-11-14|2.0%|REPORTED|2024-10-01..2024-10-31",
        "Inflation, which averaged 4.1% in 2023, was 2.4% in September and 2.2% in August."
            + "|2024-11-14|2.2%|REPORTED|2024-08-01..2024-08-31",
        // ... not a month compared with ("the same as in", "from"), nor one of something done
        // beside a figure's own year
        "Prices rose 0.2% in October, the same as in September, and wages rose 0.4%.|2024-11-14"
            + "|0.4%|REPORTED|2024-10-01..2024-10-31",
        "Sales rose 5% in October from October 2023 and 3% in September.|2024-11-14|3%|REPORTED"
            + "|2024-09-01..2024-09-30",
        "In March, Acme reported 2023 revenue of $4.2 billion, and in May it cut 500 jobs."
            + "|2024-11-14|$4.2 billion|REPORTED|2023-01-01..2023-12-31",
        "Acme cut its 2024 revenue forecast to $5 billion in October.|2024-11-14|$5 billion"
            + "|FORECAST|2024-01-01..2024-12-31",
        // ... not a month of a figure compared with, nor of a saying, nor one counted since
        "Retail sales rose 0.4% in October, after a 0.8% gain in September.|2024-11-14|0.8%"
            + "|REPORTED|2024-09-01..2024-09-30",
        "Retail sales rose 0.4% in October, after a 0.8% gain in September.|2024-11-14|0.4%"
            + "|REPORTED|2024-10-01..2024-10-31",
        "The company said in March that revenue rose 5% in February.|2024-11-14|5%|REPORTED"
            + "|2024-02-01..2024-02-29",
        "Payrolls rose by 12,000 in October, the fewest since December 2020, after 223,000 in"
            + " September.|2024-11-14|12,000|REPORTED|2024-10-01..2024-10-31",
        // the year a company was founded is not a figure's period
        "Das 2019 gegründete Start-up setzte im vergangenen Jahr 20 Millionen Euro um."
            + "|2024-11-14|20 Millionen Euro|REPORTED|2023-01-01..2023-12-31",
        "Das 2019 gegründete Start-up will seinen Umsatz 2025 auf 50 Millionen Euro verdoppeln."
            + "|2024-11-14|50 Millionen Euro|FORECAST|2025-01-01..2025-12-31",
        // ... but a year something was set up with a figure is that figure's
        "The sovereign wealth fund was established in 2016 with $50 billion in assets."
            + "|2024-11-14|$50 billion|REPORTED|2016-01-01..2016-12-31",
        "Sales hit 1.5 million units, beating the record of 1.3 million established in 2019."
            + "|2024-11-14|1.3 million|REPORTED|2019-01-01..2019-12-31",
        // the whole year in a part of its own, beside a quarter in another
        "Fourth-quarter profit fell 18% to $2.1 billion, while full-year profit rose 3% to $9.8"
            + " billion.|2026-02-10|$9.8 billion|REPORTED|2025-01-01..2025-12-31",
        "Fourth-quarter profit fell 18% to $2.1 billion, while full-year profit rose 3% to $9.8"
            + " billion.|2026-02-10|$2.1 billion|REPORTED|2025-10-01..2025-12-31",
        "Im vierten Quartal sank der Gewinn auf 2,1 Milliarden Euro, im Gesamtjahr stieg er auf"
            + " 9,8 Milliarden Euro.|2026-02-10|9,8 Milliarden Euro|REPORTED"
            + "|2025-01-01..2025-12-31",
        // a past period's own figure in a forecast's sentence
        "Revenue is expected to reach $20 billion by 2028, roughly double last year's $10.2"
            + " billion.|2026-08-02|$10.2 billion|REPORTED|2025-01-01..2025-12-31",
        // something to be done takes no period of a result's part that is over
        "The company will cut costs by $1 billion, after it cut $500 million last year."
            + "|2026-11-20|$1 billion|FORECAST|null..null",
        "The company will cut costs by $1 billion, after it cut $500 million last year."
            + "|2026-11-20|$500 million|REPORTED|2025-01-01..2025-12-31",
        "Der Konzern will weitere 2.000 Stellen streichen, nachdem er im vergangenen Jahr bereits"
            + " 3.000 Stellen abgebaut hatte.|2026-11-20|2.000 Stellen|FORECAST|null..null",
        // a year-before phrase that opens the words of a figure after a comma or "and"
        "In den ersten neun Monaten erzielte die Gruppe ein Ergebnis je Aktie von 3,12 Euro, im"
            + " Vorjahreszeitraum waren es 2,87 Euro.|2026-11-12|2,87 Euro|REPORTED"
            + "|2025-01-01..2025-09-30",
        "Im Oktober lag die Inflationsrate bei 2,3 Prozent, im Vormonat bei 2,4 Prozent und vor"
            + " einem Jahr bei 2,0 Prozent.|2026-11-18|2,4 Prozent|REPORTED|2026-09-01..2026-09-30",
        "Im Oktober lag die Inflationsrate bei 2,3 Prozent, im Vormonat bei 2,4 Prozent und vor"
            + " einem Jahr bei 2,0 Prozent.|2026-11-18|2,0 Prozent|REPORTED|2025-10-01..2025-10-31",
        "Im dritten Quartal verdiente der Konzern 850 Millionen Euro, ein Jahr zuvor waren es 780"
            + " Millionen Euro.|2026-11-12|780 Millionen Euro|REPORTED|2025-07-01..2025-09-30",
        "Im dritten Quartal verdiente der Konzern 850 Millionen Euro, ein Jahr zuvor waren es 780"
            + " Millionen Euro.|2026-11-12|850 Millionen Euro|REPORTED|2026-07-01..2026-09-30",
        "Die Arbeitslosenquote stieg im Oktober auf 6,2 Prozent, vor einem Jahr hatte sie 6,0"
            + " Prozent betragen.|2026-11-12|6,0 Prozent|REPORTED|2025-10-01..2025-10-31",
        // "prior-year"
        "Net income for the six months ended June 30 was $450 million, down from $520 million in"
            + " the prior-year period.|2026-08-07|$520 million|REPORTED|2025-01-01..2025-06-30",
        "Revenue in the second quarter rose to $2.1 billion from $1.9 billion in the prior-year"
            + " quarter.|2026-08-07|$1.9 billion|REPORTED|2025-04-01..2025-06-30",
        // the year before a span of months is that span a year earlier
        "In den ersten neun Monaten stieg der Gewinn auf 3,4 Milliarden Euro, nach 2,9 Milliarden"
            + " Euro im Vorjahr.|2026-11-12|2,9 Milliarden Euro|REPORTED|2025-01-01..2025-09-30",
        "In the first nine months, profit rose to $3.4 billion from $2.9 billion in the same period"
            + " a year earlier.|2026-11-12|$2.9 billion|REPORTED|2025-01-01..2025-09-30",
        // a year only measured against dates no figure
        "Der Konzern erwirtschaftete 2025 einen freien Cashflow von 1,1 Milliarden Euro und damit"
            + " 300 Millionen Euro mehr als 2024.|2026-03-16|300 Millionen Euro|REPORTED"
            + "|2025-01-01..2025-12-31",
        "Im dritten Quartal stieg der Umsatz auf 5 Milliarden Euro, 12 Prozent mehr als 2025."
            + "|2026-11-05|5 Milliarden Euro|REPORTED|2026-07-01..2026-09-30",
        "Der Flughafen fertigte im Mai 5,2 Millionen Passagiere ab, 92 Prozent des"
            + " Vorkrisenniveaus von 2019.|2026-06-03|92 Prozent|REPORTED|2026-05-01..2026-05-31",
        "The airport handled 5.2 million passengers in May, 92% of its 2019 level.|2026-06-03"
            + "|5.2 million passengers|REPORTED|2026-05-01..2026-05-31",
        "Free cash flow was $1.1 billion in 2025, $300 million more than in 2024.|2026-03-16"
            + "|$300 million|REPORTED|2025-01-01..2025-12-31",
        "Seit Anfang des Jahres hat der Konzern Aufträge über 14 Milliarden Euro erhalten, mehr als"
            + " im gesamten Vorjahr.|2026-07-15|14 Milliarden Euro|REPORTED|2026-01-01..2026-07-15",
        // the same quarter of two years: the year of one dates only its own
        "Adjusted EBIT margin in the fourth quarter was 9.1%, versus 10.4% in the fourth quarter"
            + " of 2024.|2026-03-12|9.1%|REPORTED|2025-10-01..2025-12-31",
        "Die Marge lag im vierten Quartal bei 9,1 Prozent, nach 10,4 Prozent im Schlussquartal"
            + " 2024.|2026-03-12|9,1 Prozent|REPORTED|2025-10-01..2025-12-31",
        "Die Marge lag im vierten Quartal bei 9,1 Prozent, nach 10,4 Prozent im Schlussquartal"
            + " 2024.|2026-03-12|10,4 Prozent|REPORTED|2024-10-01..2024-12-31",
        // each part's own year, though another figure stands between
        "Im Gesamtjahr 2025 kletterte der Umsatz um 6 Prozent auf 84 Milliarden Euro, für 2026"
            + " erwartet das Management ein Plus von 3 bis 5 Prozent.|2026-02-12"
            + "|84 Milliarden Euro|REPORTED|2025-01-01..2025-12-31",
        "Der Umsatz der Branche soll im laufenden Jahr um 4 Prozent auf 250 Milliarden Euro"
            + " wachsen, nachdem er im vergangenen Jahr um 1 Prozent geschrumpft war.|2026-02-25"
            + "|250 Milliarden Euro|FORECAST|2026-01-01..2026-12-31",
        "Das Unternehmen erzielte im Geschäftsjahr 2025 einen Umsatz von 640 Millionen Euro und"
            + " peilt für 2026 mindestens 700 Millionen Euro an.|2026-03-04|700 Millionen Euro"
            + "|FORECAST|2026-01-01..2026-12-31",
        "Das Unternehmen erzielte im Geschäftsjahr 2025 einen Umsatz von 640 Millionen Euro und"
            + " peilt für 2026 mindestens 700 Millionen Euro an.|2026-03-04|640 Millionen Euro"
            + "|REPORTED|2025-01-01..2025-12-31",
        // a month of its own part beside the year so far
        "Der Umsatz lag im Mai um 3 Prozent über dem Vorjahresmonat; seit Jahresbeginn steht ein"
            + " Plus von 1,4 Prozent zu Buche.|2026-06-09|3 Prozent|REPORTED|2026-05-01..2026-05-31",
        "Der Umsatz lag im Mai um 3 Prozent über dem Vorjahresmonat; seit Jahresbeginn steht ein"
            + " Plus von 1,4 Prozent zu Buche.|2026-06-09|1,4 Prozent|REPORTED"
            + "|2026-01-01..2026-06-09",
        // a move set off by what was forecast after it is a result
        "Shares fell 8% in extended trading after the company forecast second-quarter revenue"
            + " below estimates.|2026-04-30|8%|REPORTED|null..null",
        "Shares fell 8% after the company forecast second-quarter revenue of $5 billion.|2026-04-30"
            + "|$5 billion|FORECAST|2026-04-01..2026-06-30",
        "The stock jumped 12% on Thursday as Intel forecast revenue of $14 billion for the current"
            + " quarter.|2026-04-30|12%|REPORTED|null..null",
        "Die Aktie sprang um 12 Prozent, weil der Konzern für das laufende Quartal einen Umsatz von"
            + " 14 Milliarden Dollar erwartet.|2026-04-30|12 Prozent|REPORTED|null..null",
        // "sees" what it forecasts
        "The IMF now sees global growth of 3.0% this year and 3.1% in 2027.|2026-07-15|3.0%"
            + "|FORECAST|2026-01-01..2026-12-31",
        // "for the year" at the end of a clause: the whole year
        "The company generated free cash flow of $2 billion in the first half and expects at least"
            + " $4.5 billion for the year.|2026-08-12|$4.5 billion|FORECAST|2026-01-01..2026-12-31",
        "Net income for the year-ago quarter was $2 billion.|2026-02-12|$2 billion|REPORTED"
            + "|null..null",
        // what was expected, named right after or before the figure
        "Second-quarter revenue of $4.4 billion missed the $4.6 billion consensus estimate."
            + "|2026-07-22|$4.6 billion|FORECAST|2026-04-01..2026-06-30",
        "Der Gewinn je Aktie lag mit 1,05 Euro über den von Analysten erwarteten 0,98 Euro."
            + "|2026-05-28|0,98 Euro|FORECAST|null..null",
        "Revenue rose 5% to $4.4 billion, with an estimated 3% from price increases.|2026-07-22"
            + "|3%|REPORTED|null..null",
        // a value, a standing or a high of a year measured against, as a level is
        "Der Gewinn lag mit 500 Millionen Euro über dem Wert von 2024.|2026-03-04"
            + "|500 Millionen Euro|REPORTED|null..null",
        "The index is 12% below its 2021 high.|2026-03-04|12%|REPORTED|null..null",
        "Der Umsatz lag 2025 mit 8 Milliarden Euro unter dem Stand von 2019.|2026-03-04"
            + "|8 Milliarden Euro|REPORTED|2025-01-01..2025-12-31",
        // (from a review of the first version: each was read worse by it)
        "Operating margin was 11.2% in the third quarter, compared with a full-year target of"
            + " 12%.|2026-11-05|12%|REPORTED|2026-01-01..2026-12-31",
        "Im dritten Quartal lag die Marge bei 11 Prozent, die Zielmarke für das Gesamtjahr liegt"
            + " bei 12 Prozent.|2026-11-05|12 Prozent|REPORTED|2026-01-01..2026-12-31",
        "Net income rose 10% to $5 billion in 2025, and the board will propose a dividend of $2.50"
            + " per share.|2026-02-20|$2.50|FORECAST|2025-01-01..2025-12-31",
        "Der Gewinn stieg 2025 auf 2 Milliarden Euro, die Aktionäre sollen eine Dividende von 1,20"
            + " Euro je Aktie erhalten.|2026-03-10|1,20 Euro|FORECAST|2025-01-01..2025-12-31",
        "Germany sees inflation rise to 2.5% in October, official data showed.|2026-10-30|2.5%"
            + "|REPORTED|2026-10-01..2026-10-31",
        "Amazon sees record sales of $13 billion on Prime Day, according to Adobe data.|2026-07-08"
            + "|$13 billion|REPORTED|null..null",
        "Vor der Pandemie 2019 hatte der Flughafen 48 Millionen Passagiere abgefertigt.|2026-06-03"
            + "|48 Millionen Passagiere|REPORTED|2019-01-01..2019-12-31",
        "Exports have yet to regain their 2019 level of $2.5 trillion.|2026-02-10|$2.5 trillion"
            + "|REPORTED|2019-01-01..2019-12-31",
        "Die Zahl der Übernachtungen lag 2025 bei 500 Millionen und damit über dem Niveau von 2019"
            + " (495 Millionen).|2026-02-10|495 Millionen|REPORTED|2019-01-01..2019-12-31",
        "Revenue was $5 billion in 2025, higher than in 2024, when it reached $4.5 billion."
            + "|2026-02-10|$4.5 billion|REPORTED|2024-01-01..2024-12-31",
        "Im Geschäftsjahr 2025 steigerte der Konzern den Umsatz auf 8 Milliarden Euro, das"
            + " operative Ergebnis stieg von 420 Millionen Euro im Jahr 2024 auf 500 Millionen Euro."
            + "|2026-03-04|500 Millionen Euro|REPORTED|2025-01-01..2025-12-31",
        "Im Geschäftsjahr 2025 stieg der Umsatz auf 8 Milliarden Euro, der Gewinn lag mit 500"
            + " Millionen Euro über dem Wert von 2024.|2026-03-04|500 Millionen Euro|REPORTED"
            + "|2025-01-01..2025-12-31",
        // ... but an expectation of a result is of the result's period
        "Payrolls rose by 142,000 in August, compared with a forecast of 160,000.|2024-09-06"
            + "|160,000|FORECAST|2024-08-01..2024-08-31",
        "Der Umsatz stieg im dritten Quartal auf 4,4 Milliarden Euro; Analysten hatten 4,3"
            + " Milliarden Euro erwartet.|2026-10-28|4,3 Milliarden Euro|FORECAST"
            + "|2026-07-01..2026-09-30",
        "Der Umsatz stieg im dritten Quartal auf 4,4 Milliarden Euro. Analysten hatten im Schnitt"
            + " 4,3 Milliarden Euro erwartet.|2026-10-28|4,3 Milliarden Euro|FORECAST"
            + "|2026-07-01..2026-09-30",
        // a month's end that opens the next German clause dates that clause's figure only
        "Der Umsatz stieg im dritten Quartal auf 4,4 Milliarden Euro, Ende September beschäftigte"
            + " der Konzern 312.000 Mitarbeiter.|2026-10-28|4,4 Milliarden Euro|REPORTED"
            + "|2026-07-01..2026-09-30",
        "Der Umsatz stieg im dritten Quartal auf 4,4 Milliarden Euro, Ende September beschäftigte"
            + " der Konzern 312.000 Mitarbeiter.|2026-10-28|312.000 Mitarbeiter|REPORTED"
            + "|null..2026-09-30",
        "Der Umsatz stieg im dritten Quartal auf 4,4 Milliarden Euro, zum Stichtag 30. September"
            + " beschäftigte der Konzern 312.000 Mitarbeiter.|2026-10-28|4,4 Milliarden Euro"
            + "|REPORTED|2026-07-01..2026-09-30",
        // ... but a day after a comma, a break before the next figure, is the first figure's
        "Cash was $5 billion, as of Sept. 30, 2026, and revenue for the third quarter was $4"
            + " billion.|2026-10-28|$5 billion|REPORTED|null..2026-09-30",
        "Sales rose 5% to 3.1 billion euros, in the three months to June 30 from 2.9 billion euros"
            + " a year earlier.|2024-08-01|3.1 billion euros|REPORTED|2024-04-01..2024-06-30",
        "Net income was $1.2 billion, for the nine months ended September 30, 2024 compared with"
            + " $0.9 billion a year earlier.|2024-11-01|$1.2 billion|REPORTED|2024-01-01..2024-09-30",
        "Die Eigenkapitalquote lag bei 14,2 Prozent, zum 30. September nach 13,9 Prozent im"
            + " Vorjahr.|2026-10-28|14,2 Prozent|REPORTED|null..2026-09-30",
        // a month's end of another year, or the end of a span, is no balance's day of this year
        "Ende Juni des Vorjahres hatte die Bank Einlagen von 500 Milliarden Euro.|2026-08-05"
            + "|500 Milliarden Euro|REPORTED|null..null",
        "Vom 1. Juli bis zum 30. September setzte der Konzern 4 Milliarden Euro um.|2026-10-28"
            + "|4 Milliarden Euro|REPORTED|null..null",
        "Ende Dezember hatte der Konzern 5.000 Mitarbeiter.|2026-03-10|5.000 Mitarbeiter"
            + "|REPORTED|null..2025-12-31",
        "Ende Dezember hatte der Konzern 5.000 Mitarbeiter.|2026-09-10|5.000 Mitarbeiter"
            + "|REPORTED|null..null",
        // a year's end beside another period dates neither figure
        "Im Jahr 2025 setzte der Konzern 10 Milliarden Euro um, Ende des Jahres hatte er 5000"
            + " Mitarbeiter.|2026-03-05|10 Milliarden Euro|REPORTED|2025-01-01..2025-12-31",
        // a month's end with its year is that day too, but as a deadline or a span's start
        "Deposits stood at $540 billion at the end of June 2025.|2026-08-06|$540 billion|REPORTED"
            + "|null..2025-06-30",
        "Ende Juni 2025 beschäftigte der Konzern 12.400 Mitarbeiter.|2026-11-20|12.400 Mitarbeiter"
            + "|REPORTED|null..2025-06-30",
        "Per Ende September 2026 verwaltete die Bank ein Vermögen von 210 Milliarden Euro."
            + "|2026-11-20|210 Milliarden Euro|REPORTED|null..2026-09-30",
        "As of end-June 2026, the bank held $210 billion in assets.|2026-11-20|$210 billion"
            + "|REPORTED|null..2026-06-30",
        "Bis Ende Juni 2026 will der Konzern 500 Stellen abbauen.|2026-01-20|500 Stellen|FORECAST"
            + "|null..null",
        // beside another period a month's end dates no figure (which one is not known)
        "Ende September 2026 hatte der Konzern 12.000 Mitarbeiter, im dritten Quartal stieg der"
            + " Umsatz auf 3 Mrd Euro.|2026-11-20|3 Mrd Euro|REPORTED|2026-07-01..2026-09-30",
        "The bank had 4,100 branches at the end of June 2026 (June 2025: 4,300).|2026-11-20|4,300"
            + "|REPORTED|2025-06-01..2025-06-30",
        // the end of a quarter or a half is its last day, a balance's; not a deadline or a start,
        // nor beside another period
        "Zum Ende des dritten Quartals lag die Nettoverschuldung bei 4,2 Milliarden Euro."
            + "|2026-11-20|4,2 Milliarden Euro|REPORTED|null..2026-09-30",
        "Ende des dritten Quartals 2026 beschäftigte der Konzern 12.400 Mitarbeiter.|2026-11-20"
            + "|12.400 Mitarbeiter|REPORTED|null..2026-09-30",
        "At the end of the third quarter, net debt stood at $4.2 billion.|2026-11-20|$4.2 billion"
            + "|REPORTED|null..2026-09-30",
        "As of the end of the second quarter of 2026, the bank held $210 billion in deposits."
            + "|2026-11-20|$210 billion|REPORTED|null..2026-06-30",
        "Seit Ende des zweiten Quartals stieg die Zahl der Mitarbeiter um 800.|2026-11-20|800"
            + "|REPORTED|2026-04-01..2026-06-30",
        "Zum Ende des dritten Quartals hatte der Konzern 12.000 Mitarbeiter, der Umsatz stieg im"
            + " Quartal auf 3 Milliarden Euro.|2026-11-20|3 Milliarden Euro|REPORTED"
            + "|2026-07-01..2026-09-30",
        "By the end of the quarter, the company plans to hire 2,000 people.|2026-11-20"
            + "|2,000 people|FORECAST|null..null",
        "Ende des ersten Halbjahres 2026 hatte die Bank 4.100 Filialen.|2026-11-20|4.100 Filialen"
            + "|REPORTED|null..2026-06-30",
        // a half in the genitive
        "Der Umsatz des zweiten Halbjahres 2025 lag bei 3 Milliarden Euro.|2026-11-20"
            + "|3 Milliarden Euro|REPORTED|2025-07-01..2025-12-31",
        "Der Umsatz des ersten Halbjahrs stieg auf 3 Milliarden Euro.|2026-11-20|3 Milliarden Euro"
            + "|REPORTED|2026-01-01..2026-06-30",
        "Nach dem Ende des dritten Quartals sank die Nettoverschuldung auf 3,9 Milliarden Euro."
            + "|2026-11-20|3,9 Milliarden Euro|REPORTED|2026-07-01..2026-09-30",
        "At the end of the third quarter, deposits were $214 billion, up from $205 billion at"
            + " Dec. 31.|2026-11-20|$205 billion|REPORTED|2026-07-01..2026-09-30",
        "Zwischen Ende des zweiten und Ende des dritten Quartals stieg die Zahl der Beschäftigten"
            + " um 300 auf 12.400.|2026-11-20|300|REPORTED|2026-07-01..2026-09-30",
        // a flow at a quarter's end is still the quarter's
        "At the end of the third quarter, net debt stood at $4.2 billion, while revenue rose 8% to"
            + " $3.1 billion.|2026-11-20|$3.1 billion|REPORTED|2026-07-01..2026-09-30",
        "At the end of the third quarter, net debt stood at $4.2 billion, while revenue rose 8% to"
            + " $3.1 billion.|2026-11-20|$4.2 billion|REPORTED|null..2026-09-30",
        // the year after next, of a forecast only: a story told in the past counts from its own
        "Im übernächsten Jahr stieg der Umsatz dann auf 4 Mrd Euro.|2026-11-20|4 Mrd Euro"
            + "|REPORTED|null..null",
        "Übernächstes Jahr soll der Umsatz auf 7 Milliarden Euro steigen.|2026-11-20"
            + "|7 Milliarden Euro|FORECAST|2028-01-01..2028-12-31",
        "Im übernächsten Jahr soll der Umsatz auf 7 Milliarden Euro steigen.|2026-11-20"
            + "|7 Milliarden Euro|FORECAST|2028-01-01..2028-12-31",
        "For the year after next, the company expects revenue of $7 billion.|2026-11-20"
            + "|$7 billion|FORECAST|2028-01-01..2028-12-31",
        // "the year before" in German, after a year
        "2025 setzte Adidas 24 Milliarden Euro um, nach 21 Milliarden Euro im Jahr davor."
            + "|2026-03-05|21 Milliarden Euro|REPORTED|2024-01-01..2024-12-31",
        "2025 setzte Adidas 24 Milliarden Euro um, nach 21 Milliarden Euro im Jahr davor."
            + "|2026-03-05|24 Milliarden Euro|REPORTED|2025-01-01..2025-12-31"
      })
  void each_figure_takes_its_own_parts_kind_and_period(
      String text, String statedAt, String quote, String kind, String period) {
    Candidate c =
        SERVICE.extract(new ExtractionRequest(text, null, statedAt)).candidates().stream()
            .filter(x -> quote.equals(x.quote()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate " + quote));
    assertEquals(kind + " " + period, c.kind() + " " + c.periodStart() + ".." + c.periodEnd());
  }

  /**
   * A horizon ("by 2028", "until 2028") is when the figure of its own part can be judged: that
   * figure takes no period of another part, and a figure of another part, with a period of its own,
   * does not take the horizon.
   */
  @ParameterizedTest(name = "{2} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The firm expects global shipments to reach 1.24 billion units this year and to grow by 2"
            + " to 3 percent a year until 2028.|2024-10-14|2 to 3 percent|null..null 2028-12-31",
        "The firm expects global shipments to reach 1.24 billion units this year and to grow by 2"
            + " to 3 percent a year until 2028.|2024-10-14|1.24 billion units"
            + "|2024-01-01..2024-12-31 null",
        "Revenue was $5 billion in 2024 and the company expects $7 billion through 2026."
            + "|2025-01-10|$7 billion|null..null 2026-12-31",
        // each figure the horizon after it in its part, else the one before it
        "The company expects savings of $2 billion by 2026 and $3 billion through 2028."
            + "|2025-01-10|$3 billion|null..null 2028-12-31",
        "The company expects 5% growth through 2026 and $10 billion in savings by 2030."
            + "|2025-01-10|$10 billion|null..null 2030-12-31",
        "The company expects revenue of $7 billion next year, rising to $10 billion by 2030."
            + "|2025-01-10|$10 billion|null..null 2030-12-31",
        // a fiscal year of its own, and another part's horizon
        "The company expects revenue of $7 billion in fiscal 2026 and will cut costs until 2028."
            + "|2025-01-10|$7 billion|2026-01-01..2026-12-31 null",
        // how long a contract runs is no horizon of a forecast
        "Siemens won a $2 billion contract that runs until 2030.|2025-01-10|$2 billion"
            + "|null..null null",
        // the end of a month or of a year named without its number
        "The company expects to cut 5,000 jobs by the end of the year.|2024-11-14|5,000 jobs"
            + "|null..null 2024-12-31",
        "The company aims to cut 5,000 jobs by year-end.|2024-11-14|5,000 jobs|null..null"
            + " 2024-12-31",
        "Bis Jahresende sollen 5.000 Stellen wegfallen.|2024-11-14|5.000 Stellen|null..null"
            + " 2024-12-31",
        "Bis Ende des Jahres will der Konzern 5.000 Stellen abbauen.|2024-11-14|5.000 Stellen"
            + "|null..null 2024-12-31",
        "The company plans to hire 2,000 people by the end of March.|2024-11-14|2,000 people"
            + "|null..null 2025-03-31",
        "By the end of next year, the company aims to have 10 million subscribers.|2024-11-14"
            + "|10 million subscribers|null..null 2025-12-31",
        "Bis Ende nächsten Jahres will Netflix 10 Millionen Abonnenten haben.|2024-11-14"
            + "|10 Millionen Abonnenten|null..null 2025-12-31",
        "Microsoft will invest $3 billion by the end of June 2025.|2024-11-14|$3 billion"
            + "|null..null 2025-06-30",
        // in a report, the months of the year so far; a result is no forecast
        "Bis Ende März lieferte BMW 600.000 Autos aus.|2024-11-14|600.000 Autos"
            + "|2024-01-01..2024-03-31 null",
        "Through September, BMW delivered 1.6 million cars.|2024-11-14|1.6 million cars"
            + "|2024-01-01..2024-09-30 null",
        "Sales rose 3% through September.|2024-11-14|3%|2024-01-01..2024-09-30 null",
        "In the 12 months through September, BMW delivered 2.1 million cars.|2024-11-14"
            + "|2.1 million cars|2023-10-01..2024-09-30 null",
        "From April through September, Siemens earned 4 billion euros in revenue.|2024-11-14"
            + "|4 billion euros|2024-04-01..2024-09-30 null",
        "Von April bis Ende September stieg der Umsatz auf 4 Milliarden Euro.|2024-11-14"
            + "|4 Milliarden Euro|2024-04-01..2024-09-30 null",
        "The company cut 5,000 jobs by the end of the year, it said.|2025-01-14|5,000 jobs"
            + "|null..null null",
        // "through" and "bis Ende" after a verb: how long something lasted, not the months so far
        "Prices rose 3% in October, after staying flat through September.|2024-11-14|3%"
            + "|2024-10-01..2024-10-31 null",
        "The strike, which lasted through September, cost Boeing $5 billion.|2024-11-14"
            + "|$5 billion|null..null null",
        "Der Streik dauerte bis Ende Oktober und kostete 2 Milliarden Euro.|2024-11-14"
            + "|2 Milliarden Euro|null..null null",
        // a year's end with its year
        "The company aims to cut 5,000 jobs by year-end 2025.|2024-11-14|5,000 jobs|null..null"
            + " 2025-12-31",
        "Bis Ende des Jahres 2026 will der Konzern 5.000 Stellen abbauen.|2024-11-14"
            + "|5.000 Stellen|null..null 2026-12-31",
        // the horizon of the figure after "and", the period of the figure before it
        "The company expects revenue of $52 billion to $54 billion this year and a market share"
            + " of 65% by 2027.|2025-11-06|$52 billion to $54 billion|2025-01-01..2025-12-31 null",
        "The company expects revenue of $52 billion to $54 billion this year and a market share"
            + " of 65% by 2027.|2025-11-06|65%|null..null 2027-12-31",
        "Der Konzern erwartet 2026 einen Umsatz von 20 Milliarden Euro und bis 2030 einen"
            + " Marktanteil von 30 Prozent.|2025-11-06|20 Milliarden Euro"
            + "|2026-01-01..2026-12-31 null",
        // ... and with no period of its own, the sentence's horizon
        "The company expects revenue of $10 billion and profit of $2 billion by 2027."
            + "|2025-11-06|$10 billion|null..null 2027-12-31",
        // a span from the day of the news
        "Over the next three years, the company plans to invest $5 billion.|2025-11-06"
            + "|$5 billion|null..null 2028-11-06",
        "Der Konzern will in den kommenden drei Jahren 5 Milliarden Euro investieren."
            + "|2025-11-06|5 Milliarden Euro|null..null 2028-11-06",
        "The company plans to cut 5,000 jobs within two years.|2025-11-06|5,000 jobs"
            + "|null..null 2027-11-06",
        "The company expects to open 300 stores in the next 18 months.|2025-11-06|300 stores"
            + "|null..null 2027-05-06",
        "Der Konzern will innerhalb der nächsten zwei Jahre 3.000 Stellen abbauen.|2025-11-06"
            + "|3.000 Stellen|null..null 2027-11-06",
        "Binnen fünf Jahren soll der Umsatz auf 20 Milliarden Euro steigen.|2025-11-06"
            + "|20 Milliarden Euro|null..null 2030-11-06",
        // ... not a span from an event, nor for a figure of a period of its own
        "The company expects to save $1 billion within 18 months of closing the deal."
            + "|2026-11-13|$1 billion|null..null null",
        "The company expects revenue of $10 billion this year and wants to double it within three"
            + " years.|2026-11-13|$10 billion|2026-01-01..2026-12-31 null",
        // ... not a span gone by
        "Revenue doubled to $4 billion over the past three years.|2025-11-06|$4 billion"
            + "|null..null null",
        "Der Umsatz hat sich innerhalb von drei Jahren auf 6 Milliarden Euro verdoppelt."
            + "|2025-11-06|6 Milliarden Euro|null..null null",
        // the year a company was founded is neither the figure's period nor one gone by
        "Acme, founded in 2019, expects to double revenue to $2 billion over the next three"
            + " years.|2024-11-14|$2 billion|null..null 2027-11-14",
        "Acme, founded in March 2019, expects revenue to double to $2 billion over the next three"
            + " years.|2024-11-14|$2 billion|null..null 2027-11-14",
      })
  void a_horizon_is_of_its_own_parts_figure(
      String text, String statedAt, String quote, String expected) {
    Candidate c =
        SERVICE.extract(new ExtractionRequest(text, null, statedAt)).candidates().stream()
            .filter(x -> quote.equals(x.quote()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate " + quote));
    assertEquals(expected, c.periodStart() + ".." + c.periodEnd() + " " + c.resolvesOn());
  }
}
