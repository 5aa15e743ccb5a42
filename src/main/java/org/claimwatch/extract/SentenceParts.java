package org.claimwatch.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a sentence that forecasts, and which of them report what was instead: "The company,
 * which earned $3 billion last year, expects profit of $4 billion", "Der Umsatz stieg im dritten
 * Quartal auf 10 Mrd. Euro, im vierten Quartal soll er auf 11 Mrd. Euro steigen".
 */
final class SentenceParts {
  private SentenceParts() {}

  /**
   * Where a part of the sentence ends: a semicolon, a comma (not one before "dass", "that":
   * "Ökonomen erwarten, dass die Inflation ... gestiegen ist"), "and" before a verb of saying or of
   * the future ("and said it expects", "and the company forecast", "und dürfte", "and is expected
   * to", "and is likely to"), or "and" right before a verb that reports a result or sets a
   * forecast, which starts a clause of its own ("... in the second quarter and raised its full-year
   * forecast to ...", "erzielte ... ein Plus von 11 Prozent und stellt ... in Aussicht"; not "and
   * net income rose": a noun comes first there), or "after", "as", "because" or "when" that opens a
   * clause of its own subject and verb ("Shares fell 8% after the company forecast ...": the move
   * is the result, the forecast another part).
   */
  private static final Pattern PART_BREAK =
      Pattern.compile(
          "(?i);|,\\s(?!(?:dass|that|wonach|ob|whether)\\b)|\\sand\\s+(?=to\\s+\\p{L}{3,}\\s)"
              + "|\\s(?=(?:after|as|because|when)\\s+(?:[\\p{L}'’.&-]+\\s+){1,4}?(?:forecast|forecasts"
              + "|projected|predicted|guided|expects|expected|warned|said|says|sees|saw|raised"
              + "|lowered|cut|issued|gave|reported|posted|announced)\\b)"
              + "|\\s(?:and|und)\\s+(?=(?:[\\p{L}']+\\s+)"
              + "{0,2}?(?:said|says|added|sagte|teilte|expects?|forecasts?|sees|predicts?"
              + "|projects?|erwartet|rechnet|prognostiziert|would|will|could|should|might|may"
              + "|(?:is|are)\\s+(?:expected|likely|poised|projected|forecast|set|on\\s+track)\\s+to"
              + "|wird|werden|soll|sollen|dürfte|dürften|könnte|könnten)\\b"
              + "|(?:raised|raises|lifted|lifts|cut|cuts|lowered|lowers|trimmed|trims|reaffirmed"
              + "|reaffirms|reiterated|reiterates|confirmed|confirms|maintained|maintains"
              + "|narrowed|narrows|posted|reported|recorded|booked|earned|generated|delivered"
              + "|stellt|stellte|hebt|hob|senkt|senkte|bestätigt|bestätigte|bekräftigt"
              + "|bekräftigte|erhöht|erhöhte|kappt|kappte|peilt|erzielte|verdiente|meldete"
              + "|verbuchte|steigerte|erwirtschaftete|setzte)\\b)");

  /**
   * A verb that says what was, lower case: the simple past and past participles of the verbs that
   * report figures ("rose", "earned", "was", "stieg", "hatte", "verdient", "gestiegen"), and what
   * is now ("derzeit liegt sie bei 8,5 Prozent", "currently", "which holds 82% of the market"; not
   * words that are as often something else: "compared", "paid", "won", nor the German "was": "was
   * einem Plus von 5 Prozent entspräche").
   */
  private static final Guarded PAST_VERB =
      Guarded.word(
          "\\b(?:was(?!\\s+(?:einem|einer|eines|ein|eine|der|die|das|den|dem|sich|nicht|auch|für"
              + "|zu|wir|er|sie|es|man)\\b)|were|had|rose|fell|grew|sank|shrank|earned|reported|posted|recorded|booked"
              + "|generated|made|reached|climbed|jumped|surged|soared|slipped|slid|declined"
              + "|dropped|increased|decreased|totaled|totalled|amounted|came|stood|saw|brought"
              + "|took|spent|lost|delivered|sold|shipped|ended|finished|closed|returned|added|eased"
              + "|beat|topped|missed|swung|narrowed|widened|doubled|tripled|halved|gained|lifted"
              + "|boosted|expanded|contracted|invested|borrowed|valued|raised|tumbled"
              + "|plunged|plummeted|rebounded|recovered|collected|received|logged|registered"
              + "|produced|war|waren|hatte|hatten|lag|lagen|stieg|stiegen|sank|sanken|fiel|fielen"
              + "|betrug|betrugen|wuchs|wuchsen|erzielte|erzielten|verdiente|verdienten|machte"
              + "|machten|meldete|meldeten|verbuchte|verbuchten|erwirtschaftete|erwirtschafteten"
              + "|steigerte|steigerten|kletterte|kletterten|legte|legten|ging|gingen|schrumpfte"
              + "|schrumpften|erreichte|erreichten|verzeichnete|verzeichneten|belief|beliefen|kam"
              + "|kamen|zahlte|zahlten|investierte|investierten|verkaufte|verkauften|lieferte"
              + "|lieferten|gestiegen|gesunken|gefallen|gewachsen|erzielt|verdient|gemacht"
              + "|gemeldet|verbucht|erwirtschaftet|gelegen|betragen|geschrumpft|gesteigert"
              + "|erreicht|verzeichnet|zugelegt|eingebrochen|eingenommen|ausgegeben|umgesetzt"
              + "|abgesetzt|ausgeliefert|verkauft|geliefert|zulegten|weggefallen|abgebaut"
              + "|gestrichen|gekürzt|dipped|edged|ticked|slowed|accelerated|advanced|retreated"
              + "|shed|brach|brachen|bezifferte|bezifferten|übertraf|verfehlte|sackte|rutschte"
              + "|halbierte|verdoppelte|liegt|beträgt|derzeit|zurzeit|currently|stands at|holds"
              + "|cut|lowered|trimmed|slashed|hiked|senkte|senkten|hob|hoben|erhöhte|erhöhten"
              + "|kappte|kappten|sprang|sprangen|verlor|verloren|stürzte|stürzten|schoss|schossen"
              + "|büßte|büßten|notierte|notierten|schloss|schlossen"
              + "|hält|controls|kontrolliert|employs|beschäftigt|hielt|hielten|held|kept|setzte|setzten)\\b");

  /**
   * A word of what is expected, in a part with a verb of the past: "compared with analysts' average
   * estimate of $5.5 billion", "raised its annual outlook to 3%", "Das Ziel lag bislang bei 12
   * Milliarden Euro", "Der Vorstand ging bislang von 12 Milliarden Euro aus".
   */
  private static final Guarded EXPECTED =
      Guarded.word(
          "(?i)\\b(?:estimates?|consensus|outlook|guidance|targets?|projections?|expectations?"
              + "|\\p{L}*(?:ziel|ziele|zielen|prognose|prognosen|erwartung|erwartungen|schätzung"
              + "|schätzungen|ausblick|planung)|ausgegangen|ging(?:en)?\\s[^,;]{0,80}\\bvon\\s"
              + "[^,;]{0,80}\\saus)\\b");

  /**
   * The parts of a forecast's sentence, between {@link #PART_BREAK}s, when one of them reports what
   * was: {start, end, kind}, kind {@link #PAST} for a verb of the past and no word of the future
   * ("The company, which earned $3 billion last year, expects ...", "Der Umsatz stieg auf 10 Mrd.
   * Euro, im vierten Quartal soll er ..."), {@link #FUTURE} for a word of the future ({@code
   * future}: where the sentence's words of the future stand) or a word of what is expected ({@link
   * #EXPECTED}); a part with neither takes the kind of the part before it, else of the one after
   * it. None when no part reports what was.
   */
  static List<int[]> of(String sentence, List<Integer> future) {
    List<int[]> out = new java.util.ArrayList<>();
    Matcher b = PART_BREAK.matcher(sentence);
    int from = 0;
    boolean any = false;
    boolean afterAnd = false;
    String before = "";
    while (from < sentence.length()) {
      boolean found = b.find();
      int to = found ? b.start() : sentence.length();
      int a = from;
      String part = sentence.substring(from, to);
      int kind =
          future.stream().anyMatch(f -> f >= a && f < to) || EXPECTED.finder(part).find()
              ? FUTURE
              : afterAnd && SHARED_AWAITED.matcher(before).find()
                  ? 0 // "expected to have earned $2.1 billion and generated revenue of $12 billion"
                  : PAST_VERB.finder(part).find() ? PAST : 0;
      any |= kind == PAST;
      out.add(new int[] {from, to, kind});
      afterAnd = found && b.group().trim().length() == 3; // "and", "und"; not "," nor ";"
      before = part;
      from = to == sentence.length() ? to : b.end();
    }
    if (!any) {
      return List.of();
    }
    // a part with neither ("up 12%", "or $9.97 a share", "In the third quarter") goes with the
    // part before it, else with the one after it
    for (int i = 0; i < out.size(); i++) {
      int kind = 0;
      for (int j = i - 1; j >= 0 && out.get(i)[2] == 0 && kind == 0; j--) {
        kind = out.get(j)[2];
      }
      for (int j = i + 1; j < out.size() && out.get(i)[2] == 0 && kind == 0; j++) {
        kind = out.get(j)[2];
      }
      if (out.get(i)[2] == 0) {
        out.get(i)[2] = kind;
      }
    }
    return out;
  }

  /** Where the parts of any sentence end, in order. */
  static List<Integer> breaks(String sentence) {
    List<Integer> out = new java.util.ArrayList<>();
    Matcher m = PART_BREAK.matcher(sentence);
    while (m.find()) {
      out.add(m.start());
    }
    return out;
  }

  /**
   * What a verb after "and" shares with the part before it: "is expected to have earned ... and
   * generated", "to report ... and posted".
   */
  private static final Pattern SHARED_AWAITED =
      Pattern.compile("(?i)\\b(?:to have|to report|to post|will report|will post)\\b");

  static final int FUTURE = 2;
  static final int PAST = 1;

  /** Whether {@code sentence} has a verb of the past or of a state ({@link #PAST_VERB}). */
  static boolean saysPast(String sentence) {
    return PAST_VERB.finder(sentence).find();
  }

  /** {@code text} with the parts of one kind blanked out (same length: offsets stay). */
  static String without(String text, List<int[]> parts, int kind) {
    StringBuilder out = null;
    for (int[] p : parts) {
      if (p[2] == kind) {
        out = PeriodWords.blank(out, text, p[0], p[1]);
      }
    }
    return out == null ? text : out.toString();
  }
}
