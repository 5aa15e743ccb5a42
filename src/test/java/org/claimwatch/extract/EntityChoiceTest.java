package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.subject.SubjectKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which stored entity a figure is about: the one named nearest it, but not an organisation named as
 * where the figure comes from ("teilte die Bundesagentur für Arbeit mit") while another entity is
 * named; a company speaking of its own figures is their entity.
 */
class EntityChoiceTest {
  private static final List<Mentions.Mention> NAMES =
      List.of(
          new Mentions.Mention(0, 11, 1L, "Deutschland", SubjectKind.OTHER),
          new Mentions.Mention(0, 24, 2L, "Bundesagentur für Arbeit", SubjectKind.ORGANIZATION),
          new Mentions.Mention(0, 7, 3L, "Siemens", SubjectKind.COMPANY),
          new Mentions.Mention(0, 3, 4L, "ECB", SubjectKind.ORGANIZATION),
          new Mentions.Mention(0, 7, 5L, "Germany", SubjectKind.OTHER),
          new Mentions.Mention(0, 10, 6L, "Bundesbank", SubjectKind.ORGANIZATION),
          new Mentions.Mention(0, 13, 7L, "United States", SubjectKind.OTHER),
          new Mentions.Mention(0, 5, 8L, "Cisco", SubjectKind.COMPANY),
          new Mentions.Mention(0, 5, 9L, "Apple", SubjectKind.COMPANY),
          new Mentions.Mention(0, 5, 10L, "China", SubjectKind.OTHER),
          new Mentions.Mention(0, 11, 11L, "Switzerland", SubjectKind.OTHER));

  /** Every name of {@link #NAMES} where the text has it, in order. */
  private static final Mentions MENTIONS =
      text -> {
        List<Mentions.Mention> out = new ArrayList<>();
        for (Mentions.Mention n : NAMES) {
          for (int at = text.indexOf(n.name()); at >= 0; at = text.indexOf(n.name(), at + 1)) {
            out.add(new Mentions.Mention(at, at + n.name().length(), n.id(), n.name(), n.kind()));
          }
        }
        // as EntityNames does: countries named by their people's adjective too
        out.addAll(
            Demonyms.find(
                text,
                List.copyOf(out),
                name ->
                    NAMES.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null)));
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
      };

  /** A few metric keywords: an organisation is never what the economy's figures are about. */
  private static final MetricWords WORDS =
      language ->
          MetricKeywords.of(
              language,
              List.of(
                  new MetricKeywords.Keyword("unemployment rate", "unemployment_rate", false),
                  new MetricKeywords.Keyword("revenue", "revenue", false),
                  new MetricKeywords.Keyword("umsatz", "revenue", false),
                  new MetricKeywords.Keyword("wirtschaftsleistung", "gdp", false),
                  new MetricKeywords.Keyword("verlust", "net_income", true)));

  private static final ExtractionService SERVICE =
      new ExtractionService(
          new TextModels(),
          MENTIONS,
          c -> List.of(),
          WORDS,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  /** As {@link #SERVICE}, with the currencies Cisco (USD) and Siemens (EUR) report in. */
  private static final ExtractionService WITH_CURRENCIES =
      new ExtractionService(
          new TextModels(),
          MENTIONS,
          c -> List.of(),
          WORDS,
          FiscalCalendars.NONE,
          id ->
              id == 8L
                  ? java.util.Optional.of("USD")
                  : id == 3L ? java.util.Optional.of("EUR") : java.util.Optional.empty(),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          1);

  /**
   * Cents of no named currency, in a sentence with no other amount of money, are of the currency
   * their entity reports in; else of the sentence's amounts, else of the language.
   */
  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de|Cisco verdiente 18 Cent je Aktie.|18 Cent|USD",
        "de|Cisco verdiente 80 bis 85 Cent je Aktie.|80 bis 85 Cent|USD",
        "en|Siemens earned 45 cents a share.|45 cents|EUR",
        "de|Cisco verdiente 18 Cent je Aktie bei einem Umsatz von 13,3 Milliarden Euro.|18 Cent"
            + "|EUR",
        "de|Deutschland: Der Liter Benzin kostete 10 Cent mehr.|10 Cent|EUR",
        "en|Cisco earned $2 billion, or 45 cents a share.|45 cents|USD",
        "de|Cisco zahlte eine Dividende von 0,40 Euro.|0,40 Euro|EUR",
        // a price is in the country's currency, whoever sets it
        "de|Cisco erhöhte den Preis für Diesel um 10 Cent.|10 Cent|EUR"
      })
  void cents_are_of_the_currency_their_entity_reports_in(
      String language, String text, String quote, String unit) {
    Candidate c =
        WITH_CURRENCIES
            .extract(new ExtractionRequest(text, language, "2024-10-30", null, null))
            .candidates()
            .stream()
            .filter(x -> quote.equals(x.quote()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate " + quote));
    assertEquals(unit, c.unit());
  }

  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a country named by its people's adjective, when the sentence names no entity
        "American employers added 142,000 jobs in August.|142,000 jobs|United States",
        "American employers added 142,000 jobs in August. The unemployment rate rose to 4.3"
            + " percent.|4.3 percent|United States",
        "Die deutsche Wirtschaft schrumpfte 2024 um 0,2 Prozent.|0,2 Prozent|Germany",
        "Deutsche Exporte sanken im September um 1,7 Prozent.|1,7 Prozent|Germany",
        "Siemens verdiente 2 Milliarden Euro. Deutsche Exporte sanken um 1,7 Prozent.|1,7 Prozent"
            + "|Germany",
        "Die Schweizer Wirtschaft wuchs um 0,2 Prozent.|0,2 Prozent|Switzerland",
        // Germany's federal state by its German names
        "Der Bundeshaushalt 2026 sieht Ausgaben von 520,5 Milliarden Euro vor.|520,5 Milliarden"
            + " Euro|Germany",
        "Der Bund will 2026 Kredite über 89,3 Milliarden Euro aufnehmen.|89,3 Milliarden Euro"
            + "|Germany",
        "Die Neuverschuldung im Kernhaushalt steigt auf 89,3 Milliarden Euro.|89,3 Milliarden"
            + " Euro|Germany",
        "Siemens verdiente im Bundesland Bayern 2 Milliarden Euro.|2 Milliarden Euro|Siemens",
        "Siemens verdiente 2 Milliarden Euro. IKB Deutsche Industriebank meldete ein Plus von 5"
            + " Prozent.|5 Prozent|Siemens",
        "Siemens verdiente 2 Milliarden Euro. Deutsche Industrie Holding meldete ein Plus von 5"
            + " Prozent.|5 Prozent|Siemens",
        "Chinesische Exporteure verkauften Waren für 300 Milliarden Dollar.|300 Milliarden Dollar"
            + "|China",
        "Cisco, the American network company, will cut 5,600 jobs.|5,600 jobs|Cisco",
        // ... and a name before the sentence beats such a country after it
        "Cisco, the American network company, will cut 5,600 jobs. Shares fell 3%.|3%|Cisco",
        // a part of what was named before, a name it describes, a currency
        "Siemens reported results on Thursday. Its German business grew 5%.|5%|Siemens",
        "Siemens earned 2 billion euros. German carmaker Porsche cut 1,900 jobs.|1,900 jobs"
            + "|Siemens",
        "Siemens earned 2 billion euros. The Swiss franc rose 0.5% against the euro.|0.5%"
            + "|Siemens",
        "Siemens verdiente 2 Milliarden Euro. Das britische Pfund fiel um 1,2 Prozent."
            + "|1,2 Prozent|Siemens",
        "Die US-amerikanische Notenbank senkte den Leitzins um 0,25 Prozentpunkte."
            + "|0,25 Prozentpunkte|United States",
        // a name, not an adjective: "Deutsche Bank" is no country
        "Siemens verdiente 2 Milliarden Euro. Deutsche Bank meldete ein Plus von 5 Prozent."
            + "|5 Prozent|Siemens",
        // the agency that reports the figure is its source; the country is what it is about
        "Die Zahl der Arbeitslosen in Deutschland stieg auf 2,8 Millionen. Das waren 27.000 mehr,"
            + " teilte die Bundesagentur für Arbeit am Mittwoch mit.|27.000|Deutschland",
        "Die Zahl der Arbeitslosen in Deutschland stieg auf 2,8 Millionen, teilte die"
            + " Bundesagentur für Arbeit mit. Die Quote lag bei 6,0 Prozent.|6,0 Prozent"
            + "|Deutschland",
        "Der Arbeitsmarkt in Deutschland schwächelt. Nach Angaben der Bundesagentur für Arbeit"
            + " stieg die Zahl der Arbeitslosen auf 2,8 Millionen.|2,8 Millionen|Deutschland",
        // with no other entity named, the source is all there is
        "Die Arbeitslosenquote lag bei 6,0 Prozent, teilte die Bundesagentur für Arbeit mit."
            + "|6,0 Prozent|Bundesagentur für Arbeit",
        // an organisation that is not named as a source is the figure's own
        "Deutschland hat viele Ämter. Die Bundesagentur für Arbeit gab 2024 rund 40 Milliarden"
            + " Euro aus.|40 Milliarden Euro|Bundesagentur für Arbeit",
        // a company speaking of its own figures is never only their source
        "Die Wirtschaft in Deutschland schwächelt. Der Umsatz stieg auf 20 Milliarden Euro,"
            + " teilte Siemens mit.|20 Milliarden Euro|Siemens",
        // an organisation that speaks first is what its figure is about
        "Germany's economy shrank 0.3% in 2023. The ECB said on Thursday it kept its deposit rate"
            + " at 4%.|4%|ECB",
        "Die Wirtschaft in Deutschland schrumpfte. Die Bundesbank meldete einen Verlust von 21,6"
            + " Milliarden Euro.|21,6 Milliarden Euro|Bundesbank",
        // the economy's figures are a country's, whichever organisation states them
        "Germany grew slowly. The Bundesbank said the unemployment rate rose to 6.1%.|6.1%"
            + "|Germany",
        "Deutschland wächst kaum. Die Wirtschaftsleistung stieg um 0,2 Prozent, so die Bundesbank."
            + "|0,2 Prozent|Deutschland",
        // "wie die ... mitteilte" names a source
        "Die Lage in Deutschland ist ernst. Wie die Bundesagentur für Arbeit am Mittwoch mitteilte,"
            + " stieg die Zahl der Arbeitslosen auf 2,8 Millionen.|2,8 Millionen|Deutschland",
        // one cited is not
        "The economy of Germany shrank last year. In 2024 it grew 0.2%, according to the ECB."
            + "|0.2%|Germany",
        // a company's figure of money is the company's, not of the place where it was made
        "Apple's revenue in China fell 10% to $15 billion.|$15 billion|Apple",
        "Apple reported results on Thursday. Revenue in China fell to $15 billion.|$15 billion"
            + "|Apple",
        "Siemens steigerte den Umsatz in Deutschland auf 20 Milliarden Euro.|20 Milliarden Euro"
            + "|Siemens",
        "Revenue in China fell to $15 billion.|$15 billion|China",
        "Germany's economy shrank. Revenue in China fell to $15 billion.|$15 billion|China",
        "The unemployment rate in Germany rose to 6 percent, Cisco said.|6 percent|Germany"
      })
  void a_figure_is_about_the_entity_named_nearest_it_but_not_its_source(
      String text, String quote, String entity) {
    Candidate c =
        SERVICE.extract(new ExtractionRequest(text, null, "2024-10-30")).candidates().stream()
            .filter(x -> quote.equals(x.quote()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate " + quote));
    assertEquals(entity, c.entityName());
  }
}
