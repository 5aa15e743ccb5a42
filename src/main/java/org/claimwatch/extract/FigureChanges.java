package org.claimwatch.extract;

import java.util.regex.Pattern;
import org.claimwatch.extract.NumberFinder.Found;

/**
 * A change written right after a figure is a change of that figure: "Apple generated $94.9 billion
 * in revenue, up 6% from a year earlier", "$4.5 billion (+12%)", "2,9 Milliarden Euro, 42 Prozent
 * weniger als ein Jahr zuvor", "1,2 Mrd. Euro, ein Plus von 8 Prozent". When the keyword of the
 * figure stands after it ("in revenue"), the change has none of its own; it takes the figure's. Not
 * a share of something ("$54 billion, or 56% of the total") and not a figure after another clause's
 * figure: only a percentage (or percentage points) told as a rise or fall, with nothing but its
 * hedge between it and the figure.
 */
final class FigureChanges {
  private FigureChanges() {}

  private static final String HEDGE =
      "(?:(?:about|nearly|almost|roughly|some|around|more\\s+than|less\\s+than|over|just\\s+over"
          + "|just\\s+under|close\\s+to|rund|etwa|knapp|fast|gut|mehr\\s+als|über|circa|ca\\.)\\s+)?";

  /**
   * Words of the figure's own, up to the comma after it: "in revenue", "in its fiscal fourth
   * quarter", "im Jahr" (no figure, no other clause).
   */
  private static final String OWN_WORDS = "[^\\d,;:.()]{0,60}?";

  /** Words that open a clause about something else: no change after them is the figure's. */
  private static final Pattern OTHER_CLAUSE =
      Pattern.compile(
          "(?iu)\\b(?:while|and|as|but|whereas|although|though|which|when|where|während|und|aber"
              + "|wobei|sowie|doch)\\b");

  /**
   * The words from the figure to the change that say it is one: ", up", ", ein Plus von", " (+".
   */
  private static final Pattern CHANGE_BEFORE =
      Pattern.compile(
          "(?iu)"
              + OWN_WORDS
              + "(?:[,;]?\\s*(?:(?:up|down|higher|lower|rising|falling|climbing|dropping|declining"
              + "|growing|increasing|decreasing|jumping|sliding|gaining|surging|plunging)"
              + "(?:\\s+by)?|an?\\s+(?:rise|increase|gain|jump|drop|decline|fall|decrease|surge"
              + "|slump|plunge|climb)\\s+of|(?:ein(?:e[mn]?)?\\s+)?(?:plus|minus|anstieg|rückgang"
              + "|zuwachs|wachstum|steigerung|einbruch|zunahme|abnahme)\\s+(?:von|um))\\s+"
              + HEDGE
              + "[+\\-\u2212\u2013]?\\s*|\\s*\\(\\s*[+\\-\u2212\u2013]\\s*)");

  /** The words from the figure to a change that says so after it: ", a 6% rise", ", 42 Prozent". */
  private static final Pattern PLAIN_BEFORE =
      Pattern.compile("(?iu)" + OWN_WORDS + ",\\s*(?:an?\\s+|ein(?:e[mn]?)?\\s+)?" + HEDGE);

  /**
   * "6% more", "a 6% rise", "42 Prozent weniger": the words after a change; not a miss or a beat
   * ("5% below analysts' estimates", "5% less than analysts had expected").
   */
  private static final Pattern CHANGE_AFTER =
      Pattern.compile(
          "(?iu)\\s*(?:more|less|higher|lower|up|down|above|below|rise|increase|gain|jump|drop"
              + "|decline|fall|decrease|surge|slump|plunge|climb|mehr|weniger|höher|niedriger"
              + "|plus|minus|anstieg|rückgang|zuwachs)\\b(?!\\s+(?:than\\s+|als\\s+)?(?:(?:the|die)\\s+)?"
              + "(?:analysts?|estimates?|expectations?|expected|forecasts?|consensus|guidance"
              + "|analysten|erwartet|erwartungen|prognosen?)\\b)");

  /**
   * {@code c} (found as {@code f} in {@code sentence}) with the metric of {@code before}, the
   * figure right before it in its sentence (ending at {@code beforeEnd}), when {@code c} is a
   * change in percent that names no metric of its own and says it is that figure's change.
   */
  static Candidate of(Candidate c, Found f, String sentence, Candidate before, int beforeEnd) {
    if (c.metric() != null
        || before == null
        || before.metric() == null
        || !("%".equals(c.unit()) || "percentage_points".equals(c.unit()))
        || beforeEnd > f.start()) {
      return c;
    }
    String between = sentence.substring(beforeEnd, f.start());
    if (between.length() > 120 || OTHER_CLAUSE.matcher(between).find()) {
      return c;
    }
    boolean change =
        CHANGE_BEFORE.matcher(between).matches()
            || (PLAIN_BEFORE.matcher(between).matches()
                && CHANGE_AFTER.matcher(sentence).region(f.end(), sentence.length()).lookingAt());
    return change ? c.withMetric(before.metric()) : c;
  }
}
