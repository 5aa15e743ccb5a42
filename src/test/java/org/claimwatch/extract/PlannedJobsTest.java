package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** People hired or cut are jobs; people employed, and other things counted, keep their unit. */
class PlannedJobsTest {
  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Ryanair will recruit around 2,000 pilots and cabin crew next year.|2,000 pilots|jobs|jobs",
        "Intel laid off 15,000 workers this year.|15,000 workers|jobs|jobs",
        "The company cut 4,000 people, or 5% of its staff.|4,000 people|jobs|jobs",
        "BASF will 2.600 Mitarbeiter entlassen.|2.600 Mitarbeiter|jobs|jobs",
        "Siemens streicht 5.000 Mitarbeiter.|5.000 Mitarbeiter|jobs|jobs",
        "Amazon plans to hire 250,000 seasonal workers.|250,000 seasonal workers|jobs|jobs",
        // not hired or cut
        "Intel employs 108,900 people.|108,900 people|persons|jobs",
        "Die Lufthansa beförderte 36 Millionen Passagiere.|36 Millionen Passagiere|persons|null",
        "Netflix added 5 million subscribers.|5 million subscribers|subscribers|subscribers",
        "The airline cut 500 flights.|500 flights|flights|null",
        "Ryanair added 2 million passengers in October.|2 million passengers|persons|null",
        "Acme added 12 restaurants.|12 restaurants|restaurants|null",
        "Die Zahl der Arbeitslosen nahm im Oktober um 30.000 ab.|30.000|persons|null",
      })
  void people_hired_or_cut_are_jobs(String text, String quote, String unit, String metric) {
    Candidate c = SeededKeywords.candidate(text, null, "2025-12-02", quote);
    assertEquals(unit + " " + metric, c.unit() + " " + c.metric(), text);
  }
}
