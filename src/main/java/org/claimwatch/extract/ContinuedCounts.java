package org.claimwatch.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.extract.NumberFinder.Found;

/**
 * A bare count that says it goes on counting what the sentence right before counted: "Die Zahl der
 * Arbeitslosen stieg im Oktober auf 2,9 Millionen. Das waren 27.000 mehr als vor einem Jahr.",
 * "Payrolls rose by 142,000. The two months before were revised down by a combined 86,000." Within
 * a sentence, NumberFinder reads such counts. Not an age, an index level or a rating that follows a
 * count ("Siemens employs 320,000 people. Roland Busch, 60, said ...", "The DAX closed at
 * 19,200."): only a figure a demonstrative names ("Das waren", "That was"), one told as more, fewer
 * or a combined total ("a combined 86,000", "27.000 mehr"), or one after the same verb as the count
 * before ("Tesla delivered 1.8 million cars. BYD delivered 3 million.").
 */
final class ContinuedCounts {
  private ContinuedCounts() {}

  /**
   * "Das waren", "That was", "Those were", "waren es" ("Allein im Dezember waren es 230.000"),
   * right before the figure (hedges between).
   */
  private static final Pattern DEMONSTRATIVE_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:(?:das|dies|that|this|those|these)\\s+(?:waren|war|sind|ist|was|were|is|are)"
              + "|(?:waren|war|sind|ist)\\s+es)"
              + "\\s+(?:(?:rund|etwa|knapp|gut|fast|about|around|roughly|nearly|almost|some|just"
              + "|only|nur|noch|still)\\s+)*$");

  /** "a combined", "another", "weitere", right before the figure. */
  private static final Pattern TOTAL_BEFORE =
      Pattern.compile("(?i)\\b(?:a\\s+combined|another|a\\s+further|weitere|insgesamt)\\s+$");

  /** "mehr", "weniger", "more", "fewer", right after the figure. */
  private static final Pattern CHANGE_AFTER =
      Pattern.compile("(?i)\\s+(?:mehr|weniger|more|fewer|less)\\b");

  /**
   * {@code c} (found as {@code f} in {@code sentence}; {@code unitBefore}: a figure before it there
   * has a unit) in the count unit of {@code previous}, the last figure of the sentence right
   * before, and with its metric when it names none: when {@code c} has no unit, is a whole number
   * above zero, says it continues the count ({@link #DEMONSTRATIVE_BEFORE}, {@link #TOTAL_BEFORE},
   * {@link #CHANGE_AFTER}), no figure before it in its sentence has a unit, and it names no other
   * metric.
   */
  static Candidate of(
      Candidate c, Found f, boolean unitBefore, String sentence, Candidate previous) {
    if (c.unit() != null
        || previous == null
        || !NumberFinder.isCount(previous.unit())
        || (c.metric() != null && !c.metric().equals(previous.metric()))
        || c.value().contains(".")
        || c.value().startsWith("-")
        || unitBefore
        || !continues(sentence, f, previous)) {
      return c;
    }
    Candidate counted = c.withUnit(previous.unit());
    return counted.metric() == null && previous.metric() != null
        ? counted.withMetric(previous.metric())
        : counted;
  }

  private static boolean continues(String sentence, Found f, Candidate previous) {
    String head = sentence.substring(Math.max(0, f.start() - 48), f.start());
    return DEMONSTRATIVE_BEFORE.matcher(head).find()
        || TOTAL_BEFORE.matcher(head).find()
        || CHANGE_AFTER.matcher(sentence).region(f.end(), sentence.length()).lookingAt()
        || sameVerb(head, previous);
  }

  /** The word right before a figure (hedges skipped): group 1. */
  private static final Pattern WORD_BEFORE =
      Pattern.compile(
          "(?i)(\\p{L}{3,})\\s+(?:(?:about|around|roughly|nearly|almost|some|just|only|rund|etwa"
              + "|knapp|gut|fast|nur|noch|another|weitere)\\s+)*[$€£]?\\s*$");

  /**
   * Whether the same verb stands right before the figure as before the last figure of the sentence
   * before: "Tesla delivered 1.8 million cars. BYD delivered 3 million.", "Siemens will 5.000
   * Stellen streichen. BASF streicht 2.600." is not one (the verb follows).
   */
  private static boolean sameVerb(String head, Candidate previous) {
    Matcher now = WORD_BEFORE.matcher(head);
    int at = previous.sentence().indexOf(previous.quote());
    if (!now.find() || at < 0) {
      return false;
    }
    Matcher then = WORD_BEFORE.matcher(previous.sentence().substring(Math.max(0, at - 48), at));
    return then.find()
        && then.group(1).equalsIgnoreCase(now.group(1))
        && !NOT_VERBS.contains(now.group(1).toLowerCase(java.util.Locale.ROOT));
  }

  /** Words before a figure that say nothing of what it is (prepositions, articles). */
  private static final java.util.Set<String> NOT_VERBS =
      java.util.Set.of(
          "from", "with", "than", "into", "over", "under", "the", "and", "for", "von", "auf", "bei",
          "mit", "nach", "über", "unter", "als", "und", "der", "die", "das", "den", "dem");
}
