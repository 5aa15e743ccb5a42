package org.claimwatch.extract;

import java.util.regex.Pattern;
import org.claimwatch.extract.NumberFinder.Found;

/**
 * People hired or cut are jobs: "Ryanair will recruit around 2,000 pilots and cabin crew", "Intel
 * laid off 15,000 workers", "BASF will 2.600 Mitarbeiter entlassen", "stellt 500 Ingenieure ein". A
 * count of people (or of what the text names them, "pilots") right after a verb of hiring or
 * cutting, or right before its German verb at the clause's end, counts jobs, and is of the metric
 * jobs. Counts of other things keep their unit ("cut 500 flights", "added 5 million subscribers").
 */
final class PlannedJobs {
  private PlannedJobs() {}

  private static final String HEDGES =
      "(?:(?:about|around|some|roughly|nearly|almost|up\\s+to|more\\s+than|another|an\\s+additional"
          + "|a\\s+further|rund|etwa|knapp|bis\\s+zu|mehr\\s+als|weitere|zusätzlich)\\s+)*";

  /** A verb of hiring or cutting right before the count, hedges between. */
  private static final Pattern VERB_BEFORE =
      Pattern.compile(
          "(?iu)\\b(?:hire[sd]?|hiring|recruit(?:s|ed|ing)?|add(?:s|ed|ing)?|cut(?:s|ting)?"
              + "|(?:lay|lays|laying|laid)\\s+off|shed(?:s|ding)?|eliminat(?:e|es|ed|ing)"
              + "|entlässt|entließ(?:en)?|streicht|strich(?:en)?)\\s+"
              + HEDGES
              + "$");

  /** The German verb of hiring or cutting that ends the clause after the count. */
  private static final Pattern VERB_AFTER =
      Pattern.compile(
          "(?iu)^(?:\\s+\\p{L}+){0,3}?\\s+(?:abbauen|einstellen|entlassen|streichen|kündigen"
              + "|abgebaut|eingestellt|gestrichen|gekündigt)\\b");

  /**
   * The word after the count that names working people: "workers", "pilots", "Mitarbeiter" (not
   * "passengers", "restaurants", "basis points").
   */
  private static final Pattern WORKERS =
      Pattern.compile(
          "(?iu)^\\s*(?:\\p{L}+\\s+)?(?:people|persons|workers|employees|staff|staffers|pilots"
              + "|engineers|crew|nurses|teachers|drivers|managers|researchers|developers"
              + "|programmers|officers|doctors|consultants|contractors|executives|bankers"
              + "|mitarbeiter\\p{L}*|beschäftigte\\p{L}*|arbeitnehmer\\p{L}*|angestellte\\p{L}*"
              + "|menschen|personen|arbeiter\\p{L}*|ingenieur\\p{L}*|piloten|fachkräfte\\p{L}*)\\b");

  /**
   * {@code c} (found as {@code f} in {@code sentence}) counting jobs when it counts hires or cuts.
   */
  static Candidate of(Candidate c, Found f, String sentence, String language) {
    if (!people(c.unit(), language)
        || !WORKERS
            .matcher(sentence)
            .region(numberEnd(sentence, f), sentence.length())
            .lookingAt()) {
      return c;
    }
    String before = sentence.substring(Math.max(0, f.start() - 60), f.start());
    String after = sentence.substring(f.end(), Math.min(sentence.length(), f.end() + 40));
    if (!VERB_BEFORE.matcher(before).find()
        && !("de".equals(language) && VERB_AFTER.matcher(after).find())) {
      return c;
    }
    Candidate jobs = c.withUnit("jobs");
    return jobs.metric() == null ? jobs.withMetric("jobs") : jobs;
  }

  /** Where the digits of {@code f} end, before its scale and unit words. */
  private static int numberEnd(String sentence, Found f) {
    int at = f.start();
    while (at < f.end() && !Character.isDigit(sentence.charAt(at))) {
      at++; // a currency sign or a hedge
    }
    while (at < f.end()
        && (Character.isDigit(sentence.charAt(at)) || ".,".indexOf(sentence.charAt(at)) >= 0)) {
      at++;
    }
    return at;
  }

  /** Whether {@code unit} counts people: "persons", or a noun the lexicon does not name. */
  private static boolean people(String unit, String language) {
    return "persons".equals(unit)
        || (NumberFinder.isCount(unit) && !Lexicon.of(language).units.containsValue(unit));
  }
}
