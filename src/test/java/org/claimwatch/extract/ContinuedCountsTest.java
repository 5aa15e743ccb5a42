package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare count goes on counting what the sentence before counted, and only that: not a figure with
 * a word of its own, a decimal, a figure after one with a unit, or one that names another metric.
 */
class ContinuedCountsTest {
  @ParameterizedTest(name = "{2}: {3} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "en|Tesla delivered 1.8 million cars in 2023. That was 40,000 more than in 2022.|40,000"
            + "|units|deliveries",
        "de|Die Zahl der Arbeitslosen stieg im Oktober auf 2,9 Millionen. Das waren 27.000 mehr"
            + " als vor einem Jahr.|27.000|persons|null",
        "en|Payrolls rose by 142,000 in August. The two months before were revised down by a"
            + " combined 86,000.|86,000|jobs|jobs",
        // not: another metric, a decimal, a word of its own, after a figure with a unit
        "en|Apple sold 50 million iPhones. Its shares rose 3 to 180.|3|null|share_price",
        "en|Apple sold 50 million iPhones. Revenue was 94.9.|94.9|null|revenue",
        "en|The company has 500 stores. It also owns 40 warehouses.|40 warehouses|warehouses"
            + "|null",
        "en|The company has 500 stores. Sales rose 5% to 120.|120|null|revenue",
        "en|Tesla delivered 1.8 million cars in 2023. BYD delivered 3 million.|3 million|units"
            + "|deliveries",
        "de|Siemens streicht 5.000 Stellen. BASF streicht rund 2.600.|2.600|jobs|jobs",
        "de|Im Schlussquartal lieferte BMW 640.000 Autos aus. Allein im Dezember waren es 230.000."
            + "|230.000|units|deliveries",
        // a figure that does not say it goes on counting: an index, a rate, a sum, one after
        // another verb (an age after a name is no figure at all: not-claims.csv)
        "en|Tesla delivered 1.8 million cars in 2023. BYD earned 3 million.|3 million|null|null",
        "en|Siemens employs 320,000 people. Chief executive Roland Busch, 60, said the DAX closed"
            + " at 19,200.|19,200|null|null",
        "de|Die Zahl der Arbeitslosen stieg auf 2,9 Millionen. Die Quote lag bei 6.|6|null|null",
        // only the sentence right before
        "de|Die Zahl der Arbeitslosen stieg auf 2,9 Millionen. Die Regierung reagierte. Das waren"
            + " 27.000 mehr.|27.000|null|null",
      })
  void a_bare_count_continues_the_count_before(
      String language, String text, String quote, String unit, String metric) {
    Candidate c = SeededKeywords.candidate(text, language, "2024-11-14", quote);
    assertEquals(unit + " " + metric, c.unit() + " " + c.metric(), text);
  }
}
