package org.claimwatch.extract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.Periodicity;

/**
 * What a sentence says about a number in it besides the number: which metric (the keyword nearest
 * the number), which period ("Q2 2024", "im zweiten Quartal", "2024", "this year" counted from when
 * it was said), whether it is a rate ("a quarter", "pro Jahr"), and whether it is a forecast
 * ("could", "soll", "by 2026") with the date it can be judged from.
 */
final class SentenceReader {
  /**
   * What the sentence says of one number ({@code loss}: its metric's keyword says a loss). A fiscal
   * period ({@code fiscal}) has no dates until {@link FiscalPeriods} places it in the entity's
   * calendar; {@code monthsBefore}: the number is of the year (12), quarter (3) or month (1) before
   * the period spoken of ("nach 5,9 % im Vorjahr", "(Vorjahr: 4,5 Mrd.)", "im Vormonat"), its dates
   * those of that period; {@code cumulative}: the sentence speaks of a span it does not date ("for
   * the first six months", "seit Jahresbeginn"), so the number takes no period from the article;
   * {@code expectation}: what was expected before a result came (a FORECAST kind, of the period
   * reported on: "Volkswirte hatten mit 15.000 gerechnet"); {@code ofLeadYearBefore}: its clause
   * opens with "im Vorjahr" and the sentence names no other period, so it is of the year before the
   * article's period, or of its own (the year before the news) while the article has none; {@code
   * atPeriodEnd}: it is of the last day of its quarter or half ("zum Ende des dritten Quartals"), a
   * balance's.
   */
  record Reading(
      String metric,
      boolean loss,
      LocalDate periodStart,
      LocalDate periodEnd,
      Periodicity periodicity,
      ClaimKind kind,
      LocalDate resolvesOn,
      PeriodWords.FiscalRef fiscal,
      int monthsBefore,
      boolean cumulative,
      boolean expectation,
      boolean ofLeadYearBefore,
      boolean atPeriodEnd) {

    /** This reading with its horizon {@code on}. */
    Reading withResolvesOn(LocalDate on) {
      return with(periodStart, periodEnd, kind, on);
    }

    /** This reading of kind {@code k}. */
    Reading withKind(ClaimKind k) {
      return with(periodStart, periodEnd, k, resolvesOn);
    }

    /** This reading with its period's dates. */
    Reading withPeriod(LocalDate start, LocalDate end) {
      return with(start, end, kind, resolvesOn);
    }

    private Reading with(LocalDate start, LocalDate end, ClaimKind k, LocalDate on) {
      return new Reading(
          metric,
          loss,
          start,
          end,
          periodicity,
          k,
          on,
          fiscal,
          monthsBefore,
          cumulative,
          expectation,
          ofLeadYearBefore,
          atPeriodEnd);
    }
  }

  private static final Guarded FORECAST =
      Guarded.word(
          "(?i)\\b(could|will|would|might|should(?!\\s+(?:not\\s+|n't\\s+)?(?:have|note|know|consider|remember|be\\s+aware)\\b)|expects?|expected|forecasts?"
              + "|projected|plans? to|aims? to|is set to|(?:is|are)\\s+(?:likely|poised|on\\s+track)\\s+to"
              // (reported speech: "Die Marge solle bei 17 Prozent liegen", "der Umsatz werde ...")
              + "|könnte|könnten|wird|werden|werde(?![^,.;]{0,80}\\b(?:geschätzt|beziffert|angegeben)\\b)"
              + "|soll|sollen|solle"
              + "|(?<=\\p{L}\\s)sollten?|dürfte|dürften|"
              + "erwartet|erwarten|prognose|prognostiziert|prognostizieren|planen"
              + "|voraussichtlich|würde|würden|entspräche|entsprächen"
              // "kündigte an, ... Stellen abzubauen", "hat angekündigt, ... zu streichen": an
              // intention, told by the infinitive with "zu" after it (not "kündigte im Mai eine
              // Dividende an", which was paid)
              + "|(?:(?:kündigt|kündigte|kündigten)\\s+(?:\\p{L}+\\s+){0,3}an|(?<!wie\\s)angekündigt)"
              + "(?=,?\\s(?:[^.;]|\\.\\d){0,100}?(?-i:\\bzu\\s+\\p{Ll}+en\\b"
              + "|\\b(?!hinzu|herzu|dazu)\\p{Ll}{2,}zu\\p{Ll}+en\\b))"
              + "|rechne[nt](?!\\s+(?:man|sich)\\b)(?=[^.;]{0,80}\\bmit\\b))\\b");

  /**
   * What a thing to be done follows, after it: "..., after it cut $500 million last year", "...,
   * nachdem er im vergangenen Jahr 3.000 Stellen abgebaut hatte" (not "and the board will propose a
   * dividend", which is of the year reported).
   */
  private static final Pattern THEN_AFTER =
      Pattern.compile("(?i)\\b(?:after|nachdem|following|having)\\b");

  /** What is to be done: "will", "plans to", "wants to", "wird", "will", "soll", "plant". */
  private static final Guarded INTENDED =
      Guarded.word(
          "(?i)\\b(?:will|plans? to|aims? to|intends? to|wants? to|is set to|wird|werden|wollen"
              + "|soll|sollen|plant|planen|beabsichtigt)\\b");

  /** German words of the future that are other words in English ("plant": the plant, a factory). */
  private static final Guarded FORECAST_DE = Guarded.word("(?i)\\b(plant)\\b");

  /**
   * A horizon, when a forecast can be judged rather than the period it is about: "by 2026", "bis
   * Ende 2027", "bis zum Jahr 2030", and "through 2027", "until the end of 2027" of a year still to
   * come ({@link #horizons}: "through 2023", said later, was over 2023); also of a fiscal year ("by
   * fiscal 2030", "bis zum Geschäftsjahr 2028", whose end {@link ArticlePeriods} places in the
   * entity's calendar). Group 1: the word, group 2: the year.
   */
  private static final Guarded BY_YEAR =
      Guarded.word(
          // (not the end of a span of years: "2027 bis 2029", "from 2025 through 2027")
          "(?i)\\b(?=[bt]|un)(?<!\\d{4}\\s)(by|bis|through|thru|until|till)\\s+(?:(?:the\\s+)?end\\s+of\\s+|ende\\s+"
              + "|zum\\s+(?:jahr|ende)\\s+)?(?:(?:the\\s+|des\\s+|zum\\s+)?(?:fiscal\\s+(?:year\\s+)?"
              + "|fy\\s?|geschäftsjahr(?:es)?\\s+))?(20\\d{2})\\b");

  /**
   * A horizon in a text: where its word and its year start (-1: it names none), the day it falls
   * on, whether its word is "by" or "bis", which alone make a sentence a forecast when its year is
   * still to come ("a contract that runs until 2030" is not one), and whether it is a span from the
   * day of the news ("over the next three years").
   */
  private record Horizon(int start, int yearStart, LocalDate on, boolean by, boolean span) {
    int year() {
      return on.getYear();
    }
  }

  /**
   * The horizons of {@code text}, in order: a year's ({@link #BY_YEAR}), a month's or the year's
   * end ("by the end of March", "bis Jahresende": {@link PeriodWords#endHorizons}), and a span from
   * the day of the news ("over the next three years": {@link PeriodWords#nextSpans}).
   */
  private static List<Horizon> horizons(String text, LocalDate statedOn) {
    List<Horizon> out = new java.util.ArrayList<>(1);
    Guarded.Finder by = BY_YEAR.finder(text);
    while (by.find()) {
      int year = Integer.parseInt(by.group(2));
      char w = Character.toLowerCase(by.group(1).charAt(0));
      if (w == 'b' || year > statedOn.getYear()) { // by, bis; a year to come
        out.add(new Horizon(by.start(), by.start(2), LocalDate.of(year, 12, 31), w == 'b', false));
      }
    }
    for (PeriodWords.EndHorizon e : PeriodWords.endHorizons(text, statedOn)) {
      out.add(new Horizon(e.start(), e.yearStart(), e.on(), e.yearNamed(), false));
    }
    for (PeriodWords.EndHorizon e : PeriodWords.nextSpans(text, statedOn)) {
      out.add(new Horizon(e.start(), e.yearStart(), e.on(), false, true));
    }
    if (out.size() > 1) {
      out.sort(java.util.Comparator.comparingInt(Horizon::start));
    }
    return out;
  }

  /**
   * Half years: "first half of 2024", "first-half", "im ersten Halbjahr", "H1 2024", "H1'24"; "H2"
   * with no year is hydrogen as often as a half.
   */
  private static final Guarded HALF =
      Guarded.word(
          "(?i)\\b(?:(first|second|erste[mn]?|zweite[mn]?|1\\.|2\\.)[\\s-]+(?:half|halbjahr(?:e?s)?|jahreshälfte)"
              + "(?:\\s+(?:of\\s+)?(20\\d{2}))?|H([12])\\s?'?(20\\d{2}|\\d{2}))\\b");

  /**
   * A year: "2024", "in 2024", "im Jahr 2024"; not an amount of money ("sells for $1999"). Read
   * with {@link #nextYear}, which passes over counts that look like years ("rund 2000 Stellen").
   */
  private static final Guarded YEAR =
      Guarded.word(
          "[\\s\\p{L}\\p{N}_]", // " 2024" after a word
          "(?i)\\b(?:in|im jahr|im jahre|for|für|fiscal|geschäftsjahr)?\\s*(?<![$€£]|[$€£]\\s)"
              + "(20\\d{2}|19\\d{2})\\b");

  /**
   * After a year-like number, a count's unit: "2000 Stellen", "2000 und 2500 Arbeitsplätze" (see
   * {@link #nextYear}; checked after a match, not in {@link #YEAR}, whose every try it would slow).
   */
  private static final Pattern COUNTED_AFTER =
      Pattern.compile(
          "(?:\\s*(?:and|und|to|bis|-|–)\\s*\\d[\\d.,]{0,9})?\\s+(?:"
              + Lexicon.countedWords()
              + ")(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The next match of {@link #YEAR} that is a year, not a count that looks like one ("rund 2000
   * Stellen") unless a word of time stands before it ("im Jahr 2000 Euro mehr"); false when none is
   * left.
   */
  private static boolean nextYear(Guarded.Finder y, String text) {
    while (y.find()) {
      int start = y.start(1);
      int end = y.end(1);
      boolean counted =
          COUNTED_AFTER.matcher(text).region(end, text.length()).lookingAt()
              && !Lexicon.timeWordBefore(text, start);
      if (!counted) {
        return true;
      }
    }
    return false;
  }

  private static final Guarded THIS_YEAR =
      Guarded.word(
          "(?i)\\b(this year|in diesem jahr|dieses jahr|diesem jahr|the current year"
              + "|(?:im|das|für das) laufende(?:n)? jahr|laufenden jahres)\\b");
  private static final Guarded LAST_YEAR =
      Guarded.word(
          "(?i)\\b(last year|im vergangenen jahr|im vorjahr|letztes jahr|im letzten jahr"
              + "|im abgelaufenen jahr|im zurückliegenden jahr)\\b");
  private static final Guarded NEXT_YEAR =
      Guarded.word(
          "(?i)\\b(next year|the coming year|im kommenden jahr|das kommende jahr"
              + "|im nächsten jahr|nächstes jahr|nächsten jahres|kommenden jahres)\\b");

  /** The year after next, of a forecast (a story told in the past counts from its own years). */
  private static final Guarded YEAR_AFTER_NEXT =
      Guarded.word(
          "(?iu)\\b(the year after next|übernächstes jahr|übernächsten jahr(?:es)?"
              + "|(?:im|das|für das) übernächste[n]? jahr)\\b");

  /**
   * Right after an amount: "12 Milliarden Dollar im Quartal" is a rate; "Der Absatz brach im
   * Quartal um 30 Prozent ein" is the quarter reported on ({@link #THE_QUARTER}).
   */
  private static final String AMOUNT =
      "\\d\\s?(?:[\\p{L}.$€£-]{1,14}\\s)?(?:[\\p{L}.$€£-]{1,14}\\s)?"
          + "(?:[\\p{L}.$€£-]{1,14}\\s)?(?<!%\\s|(?i:prozent)\\s)";

  private static final String AFTER_AMOUNT = "(?<=" + AMOUNT + ")";

  private static final Guarded PER_QUARTER =
      Guarded.word(
          "(?i)\\b((?<!\\bby\\s)a quarter(?![\\s-]+(?:point|percentage|percent|century|stake)\\b)"
              + "(?!\\s+of\\b(?<!(?:illion|bn|mn|\\d|%)\\s{1,3}a quarter\\s{1,3}of))|per quarter|each quarter"
              + "|every quarter|quarterly|pro quartal|jedes quartal|je quartal|vierteljährlich"
              + "|quartalsweise|(?=im )"
              + AFTER_AMOUNT // (the cheap test first)
              + "im quartal(?!\\s+bis\\b))\\b");
  private static final Guarded PER_YEAR =
      Guarded.word(
          "(?i)\\b(a year|per year|each year|every year|annually|annual|pro jahr|jedes jahr|"
              + "jährlich|im jahr)\\b"
              // "a year earlier", "im Jahr zuvor", "im Jahr 2025": when, not how often (but "pro
              // Jahr 300 Millionen Euro" is)
              + "(?!\\s+(?:(?:19|20)\\d{2}\\b(?![.,]\\d)|earlier|ago|before(?!\\s+tax)|later|prior"
              + "|previously|zuvor|davor))");

  private SentenceReader() {}

  /** What may open a clause before a year-before phrase: "A year earlier, ...", ", and in the". */
  private static final Pattern CLAUSE_OPENING =
      Pattern.compile(
          "[\\s,;:]*(?:(?i:and|und|but|aber|while|während)\\s+)?(?:(?i:a|an|the|one|ein|eine|im|in)\\s+)?");

  /**
   * Right before a year-before phrase that opens the words of a figure after a comma or "and":
   * "..., im Vorjahreszeitraum waren es 2,87 Euro", "..., ein Jahr zuvor waren es", "... und vor
   * einem Jahr bei 2,0 Prozent".
   */
  private static final Pattern AFTER_BREAK =
      Pattern.compile("(?i)(?:[,;]|\\s(?:und|and))\\s+(?:(?:a|an|one|ein|einem)\\s+)?$");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** What a result a forecast follows comes after: "Nach einem Ebit von ", "after revenue of ". */
  private static final Pattern AFTER_OF =
      Pattern.compile(
          "(?i)\\b(?:nach|after|following)\\s+(?:(?:einem|einer|einen|dem|der|a|an|the|its"
              + "|seinem|ihrem)\\s+)?(?:[\\p{L}-]+\\s+){0,3}(?:von|of)\\s+$");

  /** What a figure compared with follows: "up from ", "compared with ", "gegenüber ". */
  private static final Pattern COMPARED_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:from|compared (?:with|to)|gegenüber|versus|vs\\.?|nach)\\s+(?:the\\s+|den\\s+)?$");

  /**
   * A past period's own figure, named right before it: "last year's $10.2 billion", "2025's record
   * 1.8 million", "the previous quarter's 4.1%".
   */
  private static final Pattern PAST_POSSESSIVE =
      Pattern.compile(
          "(?i)\\b(?:(?:last|previous|prior)\\s+(?:year|quarter|month)|\\d{4})['’]s\\s+"
              + "(?:(?!(?:targeted|promised|planned|forecast|expected|projected|pledged)\\b)"
              + "[\\p{L}-]+\\s+)?$");

  /** Right before a year a figure is measured against: "von 2024", "from", "than", "seit". */
  private static final Pattern COMPARED_YEAR_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:von|from|than|als|since|seit|of|vs\\.?|versus|gegenüber)\\s+(?:(?:in|im|dem)\\s+)?"
              + "(?:jahre?\\s+)?$");

  /** What may stand between a figure and the year it is of: " in ", " im Jahr ", " ". */
  private static final Pattern YEAR_AFTER =
      Pattern.compile("(?i)\\s*(?:(?:in|im|for|für|during)(?:\\s+(?:jahre?|the\\s+year))?\\s*)?");

  /**
   * What may stand between a figure and the month it is of: " in ", " im ", a noun of the figure ("
   * gain in "), nothing.
   */
  private static final Pattern MONTH_AFTER =
      Pattern.compile(
          "(?i)\\s*(?:(?!(?:and|und|or|oder|while|während|but|aber|as|wie|whereas|then|dann)\\b)"
              + "\\p{L}+\\s+)?(?:(?:in|im|for|für|during)\\s*)?");

  /**
   * English keywords that are verbs naming what their object is (V46: "Tesla delivered 462,890
   * vehicles", "YouTube advertising brought in $9.8 billion"): they name only that object, not any
   * number near them ("The Fed delivered a quarter-point cut, lowering its rate to 4.75%").
   */
  private static final java.util.Set<String> OBJECT_VERBS =
      java.util.Set.of("delivered", "delivers", "brought in", "raked in", "rakes in", "pulled in");

  /** What may stand between such a verb and its object: " a record ", " nearly ", " ". */
  private static final Pattern OBJECT_GAP =
      Pattern.compile(
          "(?i)\\s+(?:(?:a|an|the|another|some|about|around|roughly|nearly|almost|over|more\\s+than"
              + "|just|only|record|a\\s+record|all-time|quarterly|annual)\\s+){0,3}");

  /** A preposition right before a year: "In 2023", "im Jahr 2023", "for 2024". */
  private static final Pattern PREPOSITION_BEFORE =
      Pattern.compile("(?i)\\b(?:in|im|for|für|jahr|jahre|of|von|des|since|seit|by|bis)\\s+$");

  /** A month right before a year: "im März 2008" (a month's year, not one of its own). */
  private static final Pattern MONTH_BEFORE =
      Pattern.compile("(?i)\\b" + PeriodWords.MONTH + "\\s+$");

  /** A word right after a year, not a conjunction nor a preposition: "2023 revenue". */
  private static final Pattern WORD_AFTER =
      Pattern.compile(
          "\\s+(?!(?i:and|und|or|oder|to|bis|in|im|from|von|at|as|with|mit|after|nach|before|vor"
              + "|than|als|by|on|am|um|auf|wurde|war|was|were|is|ist)\\b)\\p{L}");

  /**
   * A figure right before a year, at the end: "2.2% in ", "4.1% in ": the year is that figure's
   * period, not the sentence's.
   */
  private static final Pattern FIGURE_BEFORE =
      Pattern.compile("\\d(?:[%\\s]|\\s?(?i:percent|prozent|\\p{L}+))\\s*(?i:in|im|for|für)?\\s*$");

  /** What may stand between a figure and the quarter it is of: " in the ", " im ". */
  private static final Pattern IN_THE =
      Pattern.compile(
          "(?i)\\s*(?:in|im|for|für|during)(?:\\s+(?:the|das|dem|its|their|seinem|ihrem))?\\s*");

  /** "(Vorjahr: " or "(2023: " right before a figure: the period it is of. */
  private static final Pattern PARENTHESIS_BEFORE =
      Pattern.compile(
          "(?i)\\(\\s*(?:vorjahr|vj\\.?|prior year|previous year|year ago|py|(20\\d{2}|19\\d{2}))"
              + "\\s*:\\s*[$€£]?\\s*$");

  /** What may stand between a figure and the year-before phrase that dates it. */
  private static final Pattern YEAR_BEFORE_GAP =
      Pattern.compile("\\s*(?:([\\p{L}%€$.]+)\\s+)??(?:(?i:a|an|the|one|ein|einem)\\s+)?");

  /** Words that make the year before a comparison, not the figure's period. */
  private static final java.util.Set<String> NOT_A_UNIT =
      java.util.Set.of(
          "from",
          "than",
          "over",
          "über",
          "unter",
          "plus",
          "minus",
          "above",
          "below",
          "since",
          "vs",
          "vs.",
          "versus",
          "compared",
          "on",
          "als",
          "seit",
          "gegenüber",
          "zum",
          "zur",
          "vom",
          "against",
          // "bei 2,4 Prozent und vor einem Jahr bei 2,0 Prozent": the phrase opens the next
          // figure's words
          "und",
          "and",
          "oder",
          "or",
          "sowie");

  private static String low(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A year the sentence names ("2023", "last year"), where. */
  record YearMention(int start, int end, int year) {}

  /**
   * What a sentence says for all its numbers; {@link #of} reads one number's from it. {@code
   * years}: the years it names, when its period is a year (and not a quarter, half or month).
   */
  record Sentence(
      String text,
      List<MetricKeywords.Hit> metricWords,
      LocalDate periodStart,
      LocalDate periodEnd,
      Periodicity periodicity,
      ClaimKind kind,
      LocalDate resolvesOn,
      List<YearMention> years,
      List<Integer> clauseBreaks,
      PeriodWords.FiscalRef fiscal,
      List<PeriodWords.Base> bases,
      List<Integer> metricBreaks,
      Marks marks) {

    /** {@link #of(int, int, List)} with no other numbers known in the sentence. */
    Reading of(int start, int end) {
      return of(start, end, List.of());
    }

    /**
     * The reading of the number at {@code start..end}: the metric whose keyword is nearest it (of
     * two as near, the one written first); of several years named, the nearest one with no other
     * number ({@code others}: their spans) between it and this one ("$5 billion in 2024, up from $4
     * billion in 2023": 2024 and 2023; "Founded in 1998, it earns $300 billion this year": this
     * year).
     */
    Reading of(int start, int end, List<int[]> others) {
      // "rose to $10 billion in the third quarter, and it expects $11 billion in the fourth"
      ClaimKind own =
          marks.parts().stream()
                  .anyMatch(p -> p[2] == SentenceParts.PAST && p[0] <= start && end <= p[1])
              ? ClaimKind.REPORTED
              : kind;
      LocalDate[] byKind =
          own == ClaimKind.FORECAST ? marks.forecastPeriod() : marks.reportPeriod();
      PeriodWords.Base base = base(start, end);
      boolean wasExpected = own == ClaimKind.REPORTED && expected(start, end, others);
      if (byKind != null
          && byKind[0] == null
          && !(own == ClaimKind.FORECAST && resolvesOn != null)
          && !(own == ClaimKind.FORECAST && intendedAfterPast(start))
          && !(own == ClaimKind.REPORTED
              && !wasExpected
              && base == null
              && periodEnd != null
              && periodEnd.isAfter(marks.statedOn()))) {
        // its kind's parts name no period: the sentence's ("Payrolls rose by 142,000 in August,
        // compared with a forecast of 160,000"; "im laufenden Jahr ..., im Vorjahr hatte er"), but
        // not one still under way for a result
        byKind = null;
      }
      // the sentence's fiscal period, unless it belongs to the other kind's parts only
      PeriodWords.FiscalRef kindFiscal =
          marks.kindFiscal() == null
              ? fiscal
              : marks.kindFiscal()[own == ClaimKind.FORECAST ? 0 : 1];
      // (when the sentence's fiscal period is split by kind, each kind's parts' period read as
      // that kind: a result's quarter is the one ended)
      LocalDate[] kindPeriod =
          marks.kindPeriods() == null
              ? new LocalDate[] {periodStart, periodEnd}
              : marks.kindPeriods()[own == ClaimKind.FORECAST ? 0 : 1];
      LocalDate from = byKind != null ? byKind[0] : kindPeriod[0];
      LocalDate to = byKind != null ? byKind[1] : kindPeriod[1];
      int before = base != null && base.period() == null ? base.monthsBefore(from) : 0;
      YearMention year = base != null ? null : nearestYear(start, end, others);
      if (base != null && base.period() != null) {
        from = base.period()[0];
        to = base.period()[1];
      }
      if (year != null && isYear(from, to)) {
        from = LocalDate.of(year.year(), 1, 1);
        to = LocalDate.of(year.year(), 12, 31);
      }
      // "up from $55.7 billion last year" in a sentence of "this fiscal year": the calendar's
      PeriodWords.FiscalRef ownFiscal = base != null && base.period() != null ? null : kindFiscal;
      if (fiscal != null && base == null && marks.fiscalYears().size() > 1) {
        // "$391 billion in fiscal 2024, up from $383.3 billion in fiscal 2023"
        List<int[]> spans =
            marks.fiscalYears().stream().map(y -> new int[] {y.start(), y.end()}).toList();
        int i = nearestSpan(spans, start, end, others);
        if (i >= 0) {
          ownFiscal = fiscal.withYear(marks.fiscalYears().get(i).year());
        }
      }
      if (ownFiscal != null
          && ownFiscal.year() != null
          && base == null
          && marks.fiscalYears().size() == 1) {
        // a year of its own part, where the fiscal year is named in another: "erzielte im
        // Geschäftsjahr 2025 einen Umsatz von 640 Mio. Euro und peilt für 2026 mindestens 700
        // Mio. Euro an"
        List<Integer> breaks = SentenceParts.breaks(text);
        int fiscalAt = marks.fiscalYears().get(0).start();
        int ownStart = partStart(breaks, start);
        if (partStart(breaks, fiscalAt) != ownStart) {
          Integer partYear = ownPartYear(ownStart, part(text, breaks, start), start, end, others);
          if (partYear != null && !partYear.equals(ownFiscal.year())) {
            ownFiscal = ownFiscal.withYear(partYear);
          }
        }
      }
      if (base == null && !marks.quarters().isEmpty()) {
        // the quarter of the number's own part of the sentence, else the nearest: "Im dritten
        // Quartal verdiente der Konzern 2 Mrd. Euro, im Schlussquartal dürften es 2,5 Mrd. werden"
        int part = partOf(start);
        // a quarter compared with after the number is the base of its change ("up 3% from the
        // second quarter"), not its period
        List<QuarterWords.At> named =
            marks.quarters().stream().filter(q -> !(q.compared() && q.start() >= end)).toList();
        List<QuarterWords.At> inPart =
            named.stream().filter(q -> partOf(q.start()) == part).toList();
        List<QuarterWords.At> quarters = inPart.isEmpty() ? named : inPart;
        List<int[]> spans = quarters.stream().map(q -> new int[] {q.start(), q.end()}).toList();
        int i = quarterAfter(quarters, end);
        if (i < 0 && !inPart.isEmpty()) {
          // else the one written before it in its part: "für das vierte Quartal einen Umsatz von
          // 3,1 Mrd. Euro und für das erste Quartal 2025 ..."
          for (int k = 0; k < quarters.size(); k++) {
            int qEnd = quarters.get(k).end();
            boolean numberBetween = others.stream().anyMatch(o -> o[0] >= qEnd && o[1] <= start);
            if (qEnd <= start && !numberBetween && (i < 0 || qEnd > quarters.get(i).end())) {
              i = k;
            }
          }
        }
        if (i < 0) {
          i = nearestSpan(spans, start, end, others);
        }
        if (i < 0) {
          i = nearestSpan(spans, start, end, List.of());
        }
        String ownPart = part(text, marks.partBreaks(), start);
        LocalDate[] ownPeriod =
            inPart.isEmpty()
                ? period(ownPart, null, marks.statedOn(), own == ClaimKind.FORECAST)
                : null;
        if (ownPeriod != null && ownPeriod[0] == null && i >= 0 && wholeYearOnly(ownPart)) {
          // the whole year of the quarter another part names ("Fourth-quarter profit fell 18%,
          // while full-year profit rose 3%", "Third-quarter deliveries rose 6%, putting it on
          // track for its full-year target")
          QuarterWords.At q = quarters.get(i);
          int y = (own == ClaimKind.FORECAST ? q.asForecast() : q.asReport())[1].getYear();
          ownPeriod = new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
        }
        Integer ownYear =
            inPart.isEmpty() ? null : nearerYear(i < 0 ? null : quarters.get(i), start, end, part);
        if (ownYear != null) { // "$44 billion in 2025" beside quarters: its year
          ownPeriod = new LocalDate[] {LocalDate.of(ownYear, 1, 1), LocalDate.of(ownYear, 12, 31)};
        }
        if (ownPeriod != null && ownPeriod[0] != null) {
          // its part names a period of its own ("stieg im Januar um 3 Prozent", "$44 billion in
          // 2025"): no quarter of another part
          i = -1;
          from = ownPeriod[0];
          to = ownPeriod[1];
          ownFiscal = null;
        }
        if (i >= 0) {
          QuarterWords.At q = quarters.get(i);
          if (ownFiscal != null && !ownFiscal.soft()) {
            ownFiscal = ownFiscal.withQuarter(q.quarter()); // "fiscal third ... fiscal fourth"
          } else {
            if (q.compared() && !q.asReport()[1].isAfter(marks.statedOn())) {
              own = ClaimKind.REPORTED; // "after fourth-quarter revenue of $39.3 billion"
            }
            ownFiscal = q.soft() ? PeriodWords.FiscalRef.softQuarter(q.quarter()) : null;
            LocalDate[] dates = own == ClaimKind.FORECAST ? q.asForecast() : q.asReport();
            from = dates[0];
            to = dates[1];
          }
        }
      }
      if (base == null
          && ownFiscal != null
          && ownFiscal.year() == null
          && ownFiscal.quarter() != 0
          && wholeYearOnly(part(text, SentenceParts.breaks(text), start))) {
        // a quarter or a half of another part, the whole year of its own, the one that quarter is
        // of: "Fourth-quarter profit fell 18%, while full-year profit rose 3%" (said in February:
        // last year), "im dritten Quartal ..., das Gesamtjahresziel von 12 Mrd. Euro" (this year)
        ownFiscal =
            new PeriodWords.FiscalRef(
                null,
                0,
                own == ClaimKind.FORECAST ? null : yearOfLatest(ownFiscal.quarter()),
                null,
                false);
        from = null;
        to = null;
      }
      if (own == ClaimKind.FORECAST && base != null && pastBase(base, to)) {
        own = ClaimKind.REPORTED; // "nach 10 Mrd. Euro im Vorjahr", "(2023: £4.5bn)"
      }
      if (own == ClaimKind.FORECAST
          && (to == null || !to.isAfter(marks.statedOn()))
          && AFTER_OF.matcher(text.substring(Math.max(0, start - 60), start)).find()) {
        own = ClaimKind.REPORTED; // "Nach einem Ebit von 970 Millionen Euro ... bekräftigte"
      }
      if (own == ClaimKind.FORECAST
          && to != null
          && !to.isAfter(marks.statedOn())
          && COMPARED_BEFORE.matcher(text.substring(Math.max(0, start - 24), start)).find()) {
        own = ClaimKind.REPORTED; // "up from $4.8 billion in the second quarter", said in November
      }
      if (own == ClaimKind.FORECAST
          && to != null
          && !to.isAfter(marks.statedOn())
          && PAST_POSSESSIVE.matcher(text.substring(Math.max(0, start - 40), start)).find()) {
        own = ClaimKind.REPORTED; // "roughly double last year's $10.2 billion"
      }
      boolean spanned = false; // a span of marks.dated() dates the number
      // (a figure of the year before takes the span to shift: "In den ersten neun Monaten stieg
      // der Gewinn auf 3,4 Mrd. Euro, nach 2,9 Mrd. Euro im Vorjahr")
      boolean shifted = base != null && base.period() == null && from == null && to == null;
      if ((base == null || shifted) && !marks.dated().isEmpty()) {
        // the span a calendar day ends or the day it names, of the number's own clause: "the
        // quarter ended June 30, 2024 ..., compared with ... the quarter ended June 30, 2023";
        // "Cash was $5 billion as of Sept. 30, 2024, and revenue for the third quarter ..."
        List<int[]> spans = spansOf(marks.dated());
        int i = nearestSpan(spans, start, end, others);
        if (i < 0) {
          i = nearestSpan(spans, start, end, List.of());
        }
        if (i >= 0 && opensLaterFigure(marks.dated().get(i), end, others)) {
          i = -1;
        }
        if (i < 0 && from == null && to == null && own == ClaimKind.REPORTED) {
          // a result of a clause that names no period, set beside another's by "while": the span
          // of that clause ("Unemployment rose to 5% in the three months to September, while
          // regular pay growth slowed to 4.6%"); not a share's move or anything else "and" adds
          int k = nearestSpan(spans, start, end, others, false);
          if (k >= 0) {
            int[] span = spans.get(k);
            String between = text.substring(Math.min(span[1], start), Math.max(span[1], start));
            int[] clause = metricClause(start, end);
            if (WHILE.matcher(between).find()
                && !OWN_TIME.matcher(text).region(clause[0], clause[1]).find()) {
              i = k;
            }
          }
        }
        PeriodWords.Dated d = i < 0 ? null : marks.dated().get(i);
        if (d != null
            && own == ClaimKind.FORECAST
            && d.firstMonths() > 0
            && !d.period()[1].isAfter(marks.statedOn())
            && !AWAITED.finder(text).find()) {
          // a forecast is not of the first months of a year, over by the day of the news: "Nach
          // einem Ebit von 970 Mio. Euro in den ersten drei Monaten bekräftigte der Konzern die
          // Jahresprognose von 4 Mrd. Euro" (but "is expected to report ... for the first nine
          // months")
          d = null;
        }
        if (d != null) {
          from = d.period()[0];
          to = d.period()[1];
          ownFiscal =
              d.firstMonths() > 0 ? PeriodWords.FiscalRef.firstMonths(d.firstMonths()) : null;
          spanned = true;
        }
      }
      List<Integer> soFarBreaks =
          base == null
                  && !spanned
                  && ownFiscal == null
                  && from != null
                  && from.getDayOfYear() == 1
                  && marks.statedOn().equals(to)
              ? SentenceParts.breaks(text)
              : List.of();
      if (!soFarBreaks.isEmpty()) {
        // the year so far and a month, each of its own part: "Der Umsatz lag im Mai um 3 Prozent
        // über dem Vorjahresmonat; seit Jahresbeginn steht ein Plus von 1,4 Prozent zu Buche"
        String ownPart = part(text, soFarBreaks, start);
        if (!YEAR_TO_DATE.finder(ownPart).find()) {
          boolean forecast = own == ClaimKind.FORECAST;
          LocalDate[] p =
              period(ownPart, quarterNamed(ownPart, forecast), marks.statedOn(), forecast);
          if (p[0] != null) {
            from = p[0];
            to = p[1];
          }
        }
      }
      Integer attributive =
          base != null || spanned || (marks.months().isEmpty() && !isMonth(from, to))
              ? null
              : attributiveYear(start, others);
      PeriodWords.Dated month =
          base != null || spanned || attributive != null ? null : ownMonth(start, end, others);
      if (month != null) {
        from = month.period()[0];
        to = month.period()[1];
        ownFiscal = null;
      } else if (attributive != null && (isMonth(from, to) || (from == null && to == null))) {
        // "cut its 2024 revenue forecast to $5 billion in October": the year's, not October's
        from = LocalDate.of(attributive, 1, 1);
        to = LocalDate.of(attributive, 12, 31);
        ownFiscal = null;
      }
      // A forecast's own part and its horizons ("by 2028"), when the sentence has one.
      boolean horizonAhead = own == ClaimKind.FORECAST && resolvesOn != null;
      List<Integer> breaks = horizonAhead ? SentenceParts.breaks(text) : List.of();
      int partStart = partStart(breaks, start);
      List<Horizon> mine =
          horizonAhead ? horizons(part(text, breaks, start), marks.statedOn()) : List.of();
      if (horizonAhead && from != null && base == null) {
        // "Bis 2028 will der Konzern die Kosten um 1,5 Mrd. Euro senken, davon 400 Mio. Euro im
        // laufenden Jahr": the figure of the horizon's part takes no period of a later part, nor
        // of one before another figure ("Für 2026 erwartet ... 1,0 Prozent, bis 2028 soll die
        // Quote auf 2,5 Prozent sinken"); a period that opens the sentence dates it ("In 2026,
        // the company plans ... $4 billion to reach net zero by 2035")
        int partEnd = breaks.stream().filter(b -> b >= end).findFirst().orElse(text.length());
        int after = others.stream().mapToInt(o -> o[1]).filter(e -> e <= start).max().orElse(0);
        if (after > 0) {
          // the words after another figure, up to this one's part, are that figure's ("1.24
          // billion units this year and to grow 2 to 3 percent a year until 2028")
          after = Math.max(after, partStart);
          // ... and up to the "and" that joins this one's words ("revenue of $52 billion to $54
          // billion this year and a market share of 65% by 2027")
          java.util.regex.Matcher and = JOINED.matcher(text).region(after, start);
          while (and.find()) {
            after = and.end();
          }
        }
        String upTo = text.substring(after, partEnd);
        if (!mine.isEmpty()
            && period(upTo, QuarterWords.named(upTo), marks.statedOn(), true)[0] == null
            && halfWithoutYear(upTo) == 0
            && !FULL_YEAR.finder(upTo).find()) {
          from = null;
          to = null;
          ownFiscal = null;
        }
      }
      // The horizon of the figure's own part ("savings of $2 billion by 2026 and $3 billion
      // through 2028"); of another part, none for a figure with a period of its own ("1.24 billion
      // units this year, and to grow 2% a year until 2028").
      LocalDate horizon = horizonAhead ? resolvesOn : null;
      if (!mine.isEmpty()) {
        // the first after the figure, else the last before it
        Horizon h = mine.get(mine.size() - 1);
        for (Horizon m : mine) {
          if (partStart + m.start() >= end) {
            h = m;
            break;
          }
        }
        boolean ownTime = from != null || ownFiscal != null;
        if (!othersHorizon(start, end, partStart + h.start(), others) && !(h.span() && ownTime)) {
          // (a span from the day of the news is no horizon of a figure of a period: "revenue of
          // $10 billion this year and wants to double it within three years")
          horizon = h.on();
        } else if (ownTime) {
          horizon = null;
        }
      } else if (from != null || ownFiscal != null) {
        horizon = null;
      }
      // "the $94 billion analysts had expected"
      boolean expectation = own == ClaimKind.REPORTED && expected(start, end, others);
      // named right after it ("$5 billion in free cash flow"), else of its own clause first; what
      // a percentage is a share of only when nothing else is named
      MetricKeywords.Hit nearest = namedAfterIn(start, end);
      // ... none when a noun of its own names it ("a tax charge of $10.2 billion", "eine Strafe
      // in Höhe von 2 Mrd. Euro")
      boolean ownNoun = nearest == null && ownNounBefore(start);
      if (nearest == null && !ownNoun) {
        nearest = nearestMetric(start, end, others, true, false);
      }
      if (nearest == null && !ownNoun) {
        nearest = nearestMetric(start, end, others, true, true);
      }
      if (nearest == null && !ownNoun) {
        nearest = nearestMetric(start, end, others, false, false);
      }
      if (nearest == null && !ownNoun) {
        nearest = nearestMetric(start, end, others, false, true);
      }
      if (nearest != null && "gdp".equals(nearest.metric()) && nearest.end() <= start) {
        nearest = economysFigure(nearest);
      }
      MetricKeywords.Hit named =
          nearest == null || !nearest.lossVerb() ? nearest : subject(nearest);
      if (PER_SHARE_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
        named = perShare(named, start, end);
      }
      named = adjusted(named, start, end);
      if (named != null
          && named.lossVerb()
          && PERCENT_END.matcher(text).region(start, end).find()) {
        // "Der Dax verlor 1,2 Prozent", "the dollar lost 0.5%": a fall of something, not a loss;
        // of what, if its clause names it ("Die Aktie hat 20 Prozent verloren")
        named = nearestNoun(start, end);
      }
      // a result dated by the sentence's own period, not by a base or a year of its part
      boolean ownResult = base == null && own == ClaimKind.REPORTED && !expectation;
      boolean ofSentence = from != null && from.equals(periodStart) && to.equals(periodEnd);
      return new Reading(
          named == null ? null : named.metric(),
          named != null && named.negative(),
          from,
          to,
          ownPeriodicity(start, end, others),
          expectation ? ClaimKind.FORECAST : own,
          horizon,
          ownFiscal,
          before,
          marks.cumulative(),
          expectation,
          ownResult && ownFiscal == null && ofSentence && marks.openingLastYear(),
          ownResult
              && marks.atQuarterEnd().kind() != PeriodWords.NO_END
              && sameClause(marks.atQuarterEnd().at(), start)
              && (ownFiscal != null
                  ? ownFiscal.equals(fiscal)
                  : from == null
                      // the article's quarter: "Zum Ende des Quartals ..."
                      ? periodStart == null
                          && marks.atQuarterEnd().kind() == PeriodWords.THE_QUARTERS
                      : ofSentence));
    }

    /** Whether no clause break stands between {@code a} and {@code b}. */
    private boolean sameClause(int a, int b) {
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      return marks.clauses().stream().noneMatch(c -> c > lo && c < hi);
    }

    /**
     * The year the figure at [start, end) is given in its own part ({@code part}, from {@code
     * from}): "peilt für 2026 mindestens 700 Mio. Euro an"; none that another figure stands
     * between, that follows another figure ("von 420 Mio. Euro im Jahr 2024 auf 500 Mio."), nor one
     * measured against ("über dem Wert von 2024", "der Rekord von 2019", "from ... in 2025").
     */
    private Integer ownPartYear(int from, String part, int start, int end, List<int[]> others) {
      if (THIS_YEAR.finder(part).find()) {
        return marks.statedOn().getYear();
      }
      if (NEXT_YEAR.finder(part).find()) {
        return marks.statedOn().getYear() + 1;
      }
      if (YEAR_AFTER_NEXT.finder(part).find()) {
        return marks.statedOn().getYear() + 2;
      }
      Guarded.Finder y = YEAR.finder(part);
      while (nextYear(y, part)) {
        int at = from + y.start(1);
        int atEnd = from + y.end(1);
        int lo = Math.min(atEnd, end);
        int hi = Math.max(at, start);
        boolean between = others.stream().anyMatch(o -> o[0] != start && o[0] >= lo && o[1] <= hi);
        int after = others.stream().mapToInt(o -> o[1]).filter(e -> e <= at).max().orElse(-1);
        boolean anothers =
            after >= 0 && after != end && YEAR_AFTER.matcher(text.substring(after, at)).matches();
        boolean compared =
            COMPARED_YEAR_BEFORE.matcher(text.substring(Math.max(0, at - 24), at)).find();
        if (!between && !anothers && !compared) {
          return Integer.parseInt(y.group(1));
        }
      }
      return null;
    }

    /**
     * Of the latest calendar quarter or half {@code quarter} (1-4, -1 / -2 for a half) ended by the
     * day of the news, whether its year is the one under way (0) or the one before (-1), as {@link
     * PeriodWords.FiscalRef#relative}.
     */
    private Integer yearOfLatest(int quarter) {
      int endMonth = quarter >= 1 && quarter <= 4 ? 3 * quarter : quarter == -1 ? 6 : 12;
      LocalDate end = YearMonth.of(marks.statedOn().getYear(), endMonth).atEndOfMonth();
      return end.isAfter(marks.statedOn()) ? -1 : 0;
    }

    /**
     * Whether the forecast at {@code start} is something to be done, said in its own part ("will
     * cut costs by $1 billion", "plans to invest", "will ... streichen"), where the sentence's
     * period is over by the day of the news: that period is then a result's of another part ("...,
     * after it cut $500 million last year"), not this one's. An expectation of a result shares the
     * result's period ("Payrolls rose by 142,000 in August, compared with a forecast of 160,000").
     */
    private boolean intendedAfterPast(int start) {
      return periodEnd != null
          && !periodEnd.isAfter(marks.statedOn())
          && INTENDED.finder(part(text, SentenceParts.breaks(text), start)).find()
          && THEN_AFTER.matcher(text).region(start, text.length()).find()
          && !AWAITED.finder(text).find();
    }

    /**
     * Whether the horizon at {@code at} is another figure's than the one at [start, end): another
     * figure stands between them ("$52 billion to $54 billion this year and a market share of 65%
     * by 2027"), or it opens the words of a figure after "and" ("20 Milliarden Euro und bis 2030
     * einen Marktanteil von 30 Prozent").
     */
    private boolean othersHorizon(int start, int end, int at, List<int[]> others) {
      int from = Math.min(end, at);
      int to = Math.max(start, at);
      if (others.stream().anyMatch(o -> o[0] >= from && o[1] <= to)) {
        return true;
      }
      return at >= end
          && JOINED.matcher(text).region(end, at).find()
          && others.stream()
              .anyMatch(o -> o[0] > at && !JOINED.matcher(text).region(at, o[0]).find());
    }

    /**
     * Whether keyword {@code w}, written after the number at [start, end), can be the number's: not
     * when another number stands between them ("$2.1 billion, or $1.20 per share": the $1.20's),
     * nor when it starts another part with a number of its own ("Revenue rose to $10bn and
     * operating income to $2bn"; "8 Mrd. Euro, das Ebitda bei 1 Mrd. Euro"), nor when it is what a
     * percentage is a share of ("3% of GDP", "2,5 Prozent der Wirtschaftsleistung"), nor shares
     * counted ("sold 10 million shares").
     */
    private boolean ownAfter(
        MetricKeywords.Hit w, int start, int end, List<int[]> others, boolean shareOf) {
      if (others.stream()
          .anyMatch(
              o ->
                  o[0] >= end
                      && o[1] <= w.start()
                      && JOINED.matcher(text).region(end, o[0]).find())) {
        return false; // "$2.1bn, or $1.20 per share"; not "a 16% rise to $65.6bn in revenue"
      }
      if (JOINED.matcher(text).region(end, w.start()).find()) {
        int[] next =
            others.stream()
                .filter(o -> o[0] >= w.end())
                .min(java.util.Comparator.comparingInt(o -> o[0]))
                .orElse(null);
        if (next != null && !JOINED.matcher(text).region(w.end(), next[0]).find()) {
          return false;
        }
      }
      if (!shareOf
          && PERCENT_END.matcher(text).region(start, end).find()
          && DENOMINATOR.matcher(text).region(end, w.start()).matches()) {
        return false; // read only when no other keyword is ("cut 15% of its workforce")
      }
      return !("share_price".equals(w.metric())
          && BLANK.matcher(text).region(end, w.start()).matches());
    }

    /**
     * Whether keyword {@code w}, written before the number at {@code start}, is another number's:
     * one right before it ("$10.2 billion in revenue, $1.1 billion in net income": revenue is the
     * $10.2 billion's), with a joining word between the keyword and this number.
     */
    private boolean othersBefore(MetricKeywords.Hit w, int start, List<int[]> others) {
      return others.stream()
              .anyMatch(
                  o ->
                      o[1] <= w.start() && ATTACHED.matcher(text).region(o[1], w.start()).matches())
          && JOINED.matcher(text).region(w.end(), start).find();
    }

    /**
     * What an amount per share is ("$1.53 a share", "3,10 Euro je Aktie"): a dividend when its
     * clause speaks of one ("raised its dividend to 25 cents a share"); earnings per share when it
     * speaks of earnings before it ("net income of $23.6bn, or $1.53 per diluted share", "earned 81
     * cents a share", "lost $1.6bn, or 38 cents a share") and of no payout or offer ("Pfizer, which
     * lost its Covid profits, will pay $229 a share for Seagen", "Nach einem Verlust bietet der
     * Investor 35 Euro je Aktie"); else what its own words name (a share price stays one), else an
     * amount per share of no named kind.
     */
    private MetricKeywords.Hit perShare(MetricKeywords.Hit named, int start, int end) {
      if (named != null && !PER_SHARE_NAMES.contains(named.metric())) {
        if (named.end() <= start) {
          return named;
        }
        named = null; // "earned 18 cents a share on revenue of $13.3 billion": not the revenue's
      }
      int[] clause = metricClause(start, end);
      MetricKeywords.Hit before =
          nearest(start, end, true, w -> w.end() <= start && PER_SHARE_NAMES.contains(w.metric()));
      MetricKeywords.Hit what = before != null ? before : named;
      if (what != null && "dividend".equals(what.metric())) {
        return what;
      }
      if (what != null && EARNINGS.contains(what.metric()) && !paid(what.end(), start, end)) {
        return new MetricKeywords.Hit(what.start(), what.end(), "eps", what.negative());
      }
      Matcher earned = EARNED.matcher(text).region(clause[0], start);
      int earnedEnd = -1;
      while (earned.find()) {
        earnedEnd = earned.end();
      }
      if (earnedEnd >= 0 && !paid(earnedEnd, start, end)) {
        return new MetricKeywords.Hit(start, end, "eps", false);
      }
      return what != null && !EARNINGS.contains(what.metric())
          ? what
          : new MetricKeywords.Hit(end, end, "per_share", false);
    }

    /**
     * Whether a payout or an offer stands between the words of earnings (ending at {@code from})
     * and the amount at [start, end), or as the verb right after its "per share" ("3,40 Euro je
     * Aktie ausschütten"): then the amount is paid, not earned.
     */
    private boolean paid(int from, int start, int end) {
      // the words of earnings may follow the amount ("$2.10 a share in earnings"): none between
      if (from <= start && PAYOUT.matcher(text).region(from, start).find()) {
        return true;
      }
      Matcher per = PER_SHARE_AFTER.matcher(text).region(end, text.length());
      return per.lookingAt()
          && PAYOUT_AFTER.matcher(text).region(per.end(), text.length()).lookingAt();
    }

    /**
     * A figure said "adjusted", "excluding items" or "bereinigt" in its clause is not the reported
     * one (GAAP's, which filings give): its metric is the adjusted one ("eps_adjusted"), which no
     * filing concept stands for, so it is never judged against the reported figure.
     */
    private MetricKeywords.Hit adjusted(MetricKeywords.Hit named, int start, int end) {
      if (named == null || !ADJUSTABLE.contains(named.metric())) {
        return named;
      }
      int[] clause = metricClause(start, end);
      // (the keyword may stand before the number's clause: "2 Milliarden Euro Gewinn, während der
      // Dax ein Plus von 1 Prozent verzeichnete")
      int from = Math.min(named.start(), Math.max(clause[0], named.start() - 40));
      boolean adjusted =
          ADJUSTED.matcher(text).region(clause[0], clause[1]).find()
              || ADJUSTED_BEFORE.matcher(text).region(from, named.start()).find();
      return adjusted
          ? new MetricKeywords.Hit(
              named.start(),
              named.end(),
              named.metric() + "_adjusted",
              named.negative(),
              named.lossVerb())
          : named;
    }

    /** "while", "whereas", "während": a clause set beside another of the same time. */
    private static final Pattern WHILE =
        Pattern.compile("(?iu)\\b(?:while|whereas|während|wohingegen)\\b");

    /** A clause with a time of its own: a share's move, "since", "seit". */
    private static final Pattern OWN_TIME =
        Pattern.compile("(?iu)\\b(?:shares?|stock|aktien?|since|seit|on\\s+\\p{Lu}\\p{L}+day)\\b");

    /** The bounds of the number's clause as {@link #metricBreaks} divide the sentence. */
    private int[] metricClause(int start, int end) {
      int from = 0;
      int to = text.length();
      for (int b : metricBreaks) {
        if (b < start) {
          from = Math.max(from, b + 1);
        } else if (b >= end) {
          to = Math.min(to, b);
        }
      }
      return new int[] {from, to};
    }

    /**
     * The keyword that "in" or "an" names right after the number, up to two words on ("generated $5
     * billion in free cash flow", "brought in $2 billion in ad revenue", "124 Milliarden Dollar an
     * Umsatz"): it says what the amount is of, over a verb before it. Null when a keyword stands
     * within the number ("5,000 jobs in sales" are jobs).
     */
    private MetricKeywords.Hit namedAfterIn(int start, int end) {
      if (metricWords.stream().anyMatch(w -> w.start() < end && w.end() > start)) {
        return null;
      }
      Matcher in = IN_AFTER.matcher(text).region(end, text.length());
      if (!in.lookingAt()) {
        return null;
      }
      for (MetricKeywords.Hit w : metricWords) {
        if (w.start() >= in.start(1) && w.start() <= in.end()) {
          String between = text.substring(in.start(1), w.start());
          return between.isBlank() || WORDS_UP_TO_TWO.matcher(between).matches() ? w : null;
        }
      }
      return null;
    }

    /**
     * Whether a noun that is no metric's names the amount at {@code start}: "X of", "X von", "X in
     * Höhe von", "X worth" right before it (a hedge between), where X is not a word of how much or
     * how it changed ("a total of", "ein Plus von").
     */
    private boolean ownNounBefore(int start) {
      Matcher m = NOUN_OF.matcher(text).region(Math.max(0, start - 80), start);
      boolean subject = false;
      if (!m.find()) {
        m = SUBJECT_VERB.matcher(text).region(Math.max(0, start - 80), start);
        if (!m.find()) {
          return false;
        }
        subject = true;
      }
      int g = m.group(1) != null ? 1 : 2;
      String noun = MetricKeywords.lower(m.group(g));
      if (HOW_MUCH.contains(noun) && !(subject && SUBJECTS_OF_THEIR_OWN.contains(noun))) {
        return false;
      }
      int nounStart = m.start(g);
      int nounEnd = m.end(g);
      // a keyword's own word ("revenue of", "net income of", "Umsatz von") names it as a keyword
      return metricWords.stream().noneMatch(w -> w.start() < nounEnd && w.end() > nounStart);
    }

    /** The keyword nearest the number in its clause that is not a verb of losing, or null. */
    private MetricKeywords.Hit nearestNoun(int start, int end) {
      return nearest(start, end, true, w -> !w.lossVerb());
    }

    /**
     * The figure an economy is named beside: a keyword of another metric before it in its clause is
     * the figure's, the economy where it is measured ("Inflation in the world's largest economy
     * rose to 2.6%", "Exports from the second-largest economy rose 12.7%"); else the economy's
     * output ({@code gdp}).
     */
    private MetricKeywords.Hit economysFigure(MetricKeywords.Hit gdp) {
      MetricKeywords.Hit figure = gdp;
      for (MetricKeywords.Hit w : metricWords) {
        if (w.end() <= gdp.start()
            && !"gdp".equals(w.metric())
            && metricBreaks.stream().noneMatch(b -> b >= w.end() && b < gdp.start())) {
          figure = w;
        }
      }
      return figure;
    }

    /**
     * What a verb of losing says lost: a share ("Die Aktie verlor 5 Prozent", "Alphabet's shares
     * lost 5% to $160": the share price, not a loss of 5% and of $160) named right before it, else
     * the verb's own figure (a loss: "the company lost $2 billion").
     */
    private MetricKeywords.Hit subject(MetricKeywords.Hit verb) {
      for (MetricKeywords.Hit w : metricWords) {
        if (w.end() <= verb.start()
            && SHARE_METRICS.contains(w.metric())
            && RIGHT_BEFORE.matcher(text).region(w.end(), verb.start()).matches()) {
          return w;
        }
      }
      return verb;
    }

    /**
     * A year written in the number's part and nearer to it than {@code quarter} ("rechnet im
     * vierten Quartal mit 7,5 Mrd. Euro und für 2025 mit 30 Mrd. Euro"), or null.
     */
    private Integer nearerYear(QuarterWords.At quarter, int start, int end, int part) {
      if (quarter == null) {
        return null;
      }
      int quarterDistance = distance(quarter.start(), quarter.end(), start, end);
      Guarded.Finder y = YEAR.finder(text);
      Integer best = null;
      int bestDistance = quarterDistance;
      while (nextYear(y, text)) {
        int at = y.start(1);
        boolean inQuarter =
            marks.quarters().stream().anyMatch(q -> q.start() <= at && at < q.end());
        int d = distance(at, y.end(1), start, end);
        if (!inQuarter && partOf(at) == part && d < bestDistance) {
          best = Integer.parseInt(y.group(1));
          bestDistance = d;
        }
      }
      return best;
    }

    private static int distance(int from, int to, int start, int end) {
      return from >= end ? from - end : to <= start ? start - to : 0;
    }

    /**
     * Of the months a sentence names apart ({@link Marks#months}), the number's: the one right
     * after it ("3.9% in August"), else the nearest written before it with no other number between
     * ("im August 2,2 Prozent", "Im September hatte die Rate noch 2,4 Prozent betragen"); null if
     * none.
     */
    private PeriodWords.Dated ownMonth(int start, int end, List<int[]> others) {
      PeriodWords.Dated before = null;
      for (PeriodWords.Dated m : marks.months()) {
        if (rightAfter(end, m)) {
          return m;
        }
        boolean numberBetween =
            others.stream().anyMatch(o -> o[0] != start && o[0] >= m.end() && o[1] <= start);
        // not one right after another number ("rose 0.4% in October, after a 0.8% gain")
        boolean another = others.stream().anyMatch(o -> o[0] != start && rightAfter(o[1], m));
        if (m.end() <= start && !numberBetween && !another) {
          before = m; // in order: the last is the nearest
        }
      }
      if (before != null && yearBetweenOrAfter(before.end(), start, end)) {
        return null; // "In March, Acme reported revenue of $4.2 billion for 2023"
      }
      return before;
    }

    /**
     * Whether a year is written in [from, start), or right after the number ending at {@code end}
     * ("$5 billion in 2024").
     */
    private boolean yearBetweenOrAfter(int from, int start, int end) {
      Guarded.Finder y = YEAR.finder(text);
      while (nextYear(y, text)) {
        int at = y.start(1);
        if ((at >= from && y.end(1) <= start)
            || (at >= end
                && at - end <= 16
                && YEAR_AFTER.matcher(text.substring(end, at)).matches())) {
          return true;
        }
      }
      return false;
    }

    /**
     * A year written before a noun of the number's own words, after the figure before it (or its
     * clause's start): "reported 2023 revenue of $4.2 billion", "cut its 2024 revenue forecast to
     * $5 billion in October"; not "In 2023 sales rose 5%" (a preposition before it) nor "In 2023,
     * ...". Null if none.
     */
    private Integer attributiveYear(int start, List<int[]> others) {
      int from = others.stream().filter(o -> o[1] <= start).mapToInt(o -> o[1]).max().orElse(0);
      for (int b : marks.clauses()) {
        if (b < start) {
          from = Math.max(from, b);
        }
      }
      Guarded.Finder y = YEAR.finder(text);
      while (nextYear(y, text)) {
        int at = y.start(1);
        if (at >= from
            && y.end(1) <= start
            && text.substring(y.start(), at).isBlank()
            && !PREPOSITION_BEFORE.matcher(text).region(Math.max(0, at - 12), at).find()
            && !MONTH_BEFORE.matcher(text).region(Math.max(0, at - 12), at).find()
            && WORD_AFTER.matcher(text).region(y.end(1), start).lookingAt()) {
          return Integer.parseInt(y.group(1));
        }
      }
      return null;
    }

    /** Whether month {@code m} follows a number ending at {@code end}: "3.9% in August". */
    private boolean rightAfter(int end, PeriodWords.Dated m) {
      return m.start() >= end
          && m.start() - end <= 24
          && MONTH_AFTER.matcher(text.substring(end, m.start())).matches();
    }

    /** The quarter named right after the number ("1.1 million in the second quarter"), or -1. */
    private int quarterAfter(List<QuarterWords.At> quarters, int end) {
      for (int i = 0; i < quarters.size(); i++) {
        int at = quarters.get(i).start();
        if (at >= end && at - end <= 16 && IN_THE.matcher(text.substring(end, at)).matches()) {
          return i;
        }
      }
      return -1;
    }

    /**
     * Which part of the sentence (between the breaks of {@link SentenceParts}) {@code at} is in.
     */
    private int partOf(int at) {
      return (int) marks.partBreaks().stream().filter(b -> b < at).count();
    }

    /**
     * Whether a period of comparison is over by the day of the news: the number compared with is
     * then a result, not a forecast ("erwartet für 2025 12 Mrd. Euro nach 10 Mrd. Euro im Vorjahr",
     * said in 2026; {@code to}: the end of the period spoken of).
     */
    private boolean pastBase(PeriodWords.Base base, LocalDate to) {
      if (base.period() != null) {
        return !base.period()[1].isAfter(marks.statedOn());
      }
      return base.monthsBefore() > 0
          && (to == null || !to.minusMonths(base.monthsBefore()).isAfter(marks.statedOn()));
    }

    /**
     * Whether the number is what was expected before the result came: inside a past expectation
     * ("Volkswirte hatten mit 15.000 gerechnet"), or the figure nearest one that holds none of its
     * own ("fewer than the 160,000 economists had forecast"; not the 27.000 before "Volkswirte
     * hatten mit 15.000 gerechnet").
     */
    private boolean expected(int start, int end, List<int[]> others) {
      if (EXPECTATION_OF.matcher(text).region(Math.max(0, start - 60), start).find()) {
        return true; // "beating expectations of a 0.4% gain", "die Erwartungen von 4,8 Mrd. Euro"
      }
      if (EXPECTATION_NOUN_AFTER.matcher(text).region(end, text.length()).lookingAt()
          || EXPECTED_BEFORE.matcher(text).region(Math.max(0, start - 60), start).find()) {
        return true; // "missed the $4.6 billion consensus estimate", "die erwarteten 0,98 Euro"
      }
      List<int[]> open = new java.util.ArrayList<>();
      for (int[] span : marks.expectations()) {
        if (span[0] <= start && end <= span[1]) {
          return true;
        }
        boolean holdsAFigure =
            others.stream().anyMatch(o -> o[0] != start && o[0] >= span[0] && o[1] <= span[1]);
        boolean closed = span.length > 2 && span[2] == 1;
        if (!holdsAFigure && !closed) {
          open.add(span);
        }
      }
      return nearestSpan(open, start, end, others) >= 0;
    }

    /**
     * The rate of the number: that of the nearest "a quarter" / "a year" with no other number
     * between ("1.24 billion units this year and 2 to 3 percent a year": the rate is the range's).
     */
    private Periodicity ownPeriodicity(int start, int end, List<int[]> others) {
      if (periodicity == Periodicity.NONE || marks.rates().isEmpty()) {
        return periodicity;
      }
      int i = nearestSpan(marks.rates(), start, end, others, false);
      return i < 0
          ? Periodicity.NONE
          : marks.rates().get(i)[2] == 1 ? Periodicity.PER_QUARTER : Periodicity.PER_YEAR;
    }

    private static List<int[]> spansOf(List<PeriodWords.Dated> dated) {
      return dated.stream().map(d -> new int[] {d.start(), d.end()}).toList();
    }

    /**
     * Of {@code spans}, the nearest to the number at {@code start..end} in its own clause with no
     * other number between; -1 if there is none.
     */
    private int nearestSpan(List<int[]> spans, int start, int end, List<int[]> others) {
      return nearestSpan(spans, start, end, others, true);
    }

    /**
     * Whether {@code span}, after the number ending at {@code end}, opens a part of its own after a
     * comma and dates that part's figure: "Der Umsatz stieg im dritten Quartal auf 4,4 Mrd. Euro,
     * Ende September beschäftigte der Konzern 312.000 Mitarbeiter" (a German clause that opens with
     * its time, no "und" before it). Not when a comma or break comes between the span and that
     * figure ("Cash was $5 billion, as of Sept. 30, 2024, and revenue ...").
     */
    private boolean opensLaterFigure(PeriodWords.Dated dated, int end, List<int[]> others) {
      if (dated.period()[0] != null
          || dated.start() < end
          || !COMMA_ONLY.matcher(text.substring(end, dated.start())).matches()) {
        return false;
      }
      return others.stream()
          .anyMatch(
              o ->
                  o[0] >= dated.end()
                      && !OWN_PART_ENDS.matcher(text.substring(dated.end(), o[0])).find());
    }

    /** Only a comma between a figure and what follows it. */
    private static final Pattern COMMA_ONLY = Pattern.compile("\\s*,\\s*");

    /**
     * Between a day and a later figure, what keeps the day with the figure before it: a break, a
     * clause's "and", or a comparison ("zum 30. September nach 13,9 Prozent im Vorjahr").
     */
    private static final Pattern OWN_PART_ENDS =
        Pattern.compile(
            "(?iu)[,;]|\\b(?:and|und|sowie|from|compared|versus|vs|against|nach|gegenüber|von"
                + "|after|than|als)\\b");

    /** {@link #nearestSpan(List, int, int, List)}, in any clause unless {@code sameClause}. */
    private int nearestSpan(
        List<int[]> spans, int start, int end, List<int[]> others, boolean sameClause) {
      int best = -1;
      int bestDistance = Integer.MAX_VALUE;
      for (int i = 0; i < spans.size(); i++) {
        int[] y = spans.get(i);
        int lo = Math.min(y[1], end);
        int hi = Math.max(y[0], start);
        boolean between =
            others.stream().anyMatch(o -> o[0] >= lo && o[1] <= hi && o[0] != start)
                || (sameClause && marks.clauses().stream().anyMatch(b -> b >= lo && b < hi));
        int distance = y[0] >= end ? y[0] - end : y[1] <= start ? start - y[1] : 0;
        if (!between && distance < bestDistance) {
          bestDistance = distance;
          best = i;
        }
      }
      return best;
    }

    /**
     * The period of comparison that follows the number ending at {@code end} ("5,9 % im Vorjahr",
     * "from 4.3 percent in July"), or null.
     */
    private PeriodWords.Base base(int start, int end) {
      // "Umsatz 5 Mrd. Euro (Vorjahr: 4,5 Mrd.)", "£5bn (2023: £4.5bn)"
      Matcher p = PARENTHESIS_BEFORE.matcher(text.substring(Math.max(0, start - 24), start));
      if (p.find()) {
        if (p.group(1) == null) {
          return new PeriodWords.Base(start, null, 12);
        }
        int y = Integer.parseInt(p.group(1));
        return new PeriodWords.Base(
            start, new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)}, 0);
      }
      for (PeriodWords.Base y : bases) {
        if (y.start() >= end && y.start() - end <= 16) {
          // a unit word and an article at most: "$4 billion a year earlier", "9 Cent im
          // Vorjahr", not "up 14% from a year earlier"
          Matcher gap = YEAR_BEFORE_GAP.matcher(text.substring(end, y.start()));
          if (gap.matches() && (gap.group(1) == null || !NOT_A_UNIT.contains(low(gap.group(1))))) {
            return y;
          }
        }
      }
      // "A year earlier, net income was $1.2 billion", "Im Vorjahresquartal hatte der Gewinn bei
      // 1,2 Mrd. Euro gelegen": the phrase opens the number's clause, no number between them
      for (PeriodWords.Base y : bases) {
        if (y.monthsBefore() > 0
            && y.start() < start
            && (opensClause(y.start()) || AFTER_BREAK.matcher(text).region(0, y.start()).find())) {
          int from = y.start();
          boolean numberBetween =
              numbersBefore(start).stream().anyMatch(n -> n[0] >= from && n[0] < start);
          boolean clauseBetween = marks.clauses().stream().anyMatch(b -> b > from && b < start);
          if (!numberBetween && !clauseBetween) {
            return y;
          }
        }
      }
      return null;
    }

    /** Only blanks, an article or a conjunction stand between the clause's start and {@code at}. */
    private boolean opensClause(int at) {
      int clauseStart = 0;
      for (int b : marks.clauses()) {
        if (b < at) {
          clauseStart = Math.max(clauseStart, b + 1);
        }
      }
      return CLAUSE_OPENING.matcher(text.substring(clauseStart, at)).matches();
    }

    /** The spans of the numbers the sentence holds before {@code at}, as digits. */
    private List<int[]> numbersBefore(int at) {
      List<int[]> out = new java.util.ArrayList<>();
      Matcher d = DIGITS.matcher(text).region(0, at);
      while (d.find()) {
        out.add(new int[] {d.start(), d.end()});
      }
      return out;
    }

    /**
     * The keyword nearest the number (of two as near, the one written first), with {@code
     * sameClause} only one of its own clause ("Revenue rose 5% to $10bn, while profit fell":
     * revenue for $10bn). A keyword after the number that starts another part with a number of its
     * own is that number's ("revenue rose to $10bn and operating income to $2bn": not operating
     * income for the $10bn; but "$54bn, more than half of all revenue").
     */
    private MetricKeywords.Hit nearestMetric(
        int start, int end, List<int[]> others, boolean sameClause, boolean shareOf) {
      return nearest(
          start,
          end,
          sameClause,
          w ->
              (w.start() < end || ownAfter(w, start, end, others, shareOf))
                  && (w.end() > start || !othersBefore(w, start, others)));
    }

    /**
     * Of the keywords {@code eligible} (with {@code sameClause}, of the number's own clause), the
     * one nearest the number at [start, end); of two as near, the one written first.
     */
    private MetricKeywords.Hit nearest(
        int start,
        int end,
        boolean sameClause,
        java.util.function.Predicate<MetricKeywords.Hit> eligible) {
      MetricKeywords.Hit nearest = null;
      int bestDistance = Integer.MAX_VALUE;
      for (MetricKeywords.Hit w : metricWords) {
        int lo = Math.min(w.end(), start);
        int hi = Math.max(w.start(), end);
        if (sameClause && metricBreaks.stream().anyMatch(b -> b >= lo && b < hi)) {
          continue;
        }
        if (!eligible.test(w) || (objectVerb(w) && !objectOf(w, start, end))) {
          continue;
        }
        int distance = w.start() >= end ? w.start() - end : w.end() <= start ? start - w.end() : 0;
        if (distance < bestDistance) {
          bestDistance = distance;
          nearest = w;
        }
      }
      return nearest;
    }

    /** Whether keyword {@code w} is an English verb whose object is what it names. */
    private boolean objectVerb(MetricKeywords.Hit w) {
      return OBJECT_VERBS.contains(low(text.substring(w.start(), w.end())));
    }

    /**
     * Whether the number at [start, end) is the object of the verb {@code w}, or one it is compared
     * with: right after it, with an article or a word of size at most between ("delivered a record
     * 462,890 vehicles", "..., down from 44 in August"); not a percentage ("delivered a 12%
     * return"), nor a number elsewhere ("The Fed delivered a quarter-point cut, lowering its rate
     * to 4.75%").
     */
    private boolean objectOf(MetricKeywords.Hit w, int start, int end) {
      return w.end() <= start
          && !PERCENT_END.matcher(text).region(start, end).find()
          && (OBJECT_GAP.matcher(text.substring(w.end(), start)).matches()
              || COMPARED_BEFORE
                  .matcher(text.substring(Math.max(w.end(), start - 24), start))
                  .find());
    }

    /**
     * The nearest year with no other number between it and the number, preferring one in the same
     * clause ("In 2023, revenue was $4 billion, and in 2024 it was $5 billion").
     */
    private YearMention nearestYear(int start, int end, List<int[]> others) {
      if (years.size() < 2) {
        return null;
      }
      // of its own part of the sentence first ("erwartet für 2025 ... 12 Mrd. Euro, nachdem im
      // laufenden Jahr 11 Mrd. Euro erzielt wurden")
      int part = partOf(start);
      List<YearMention> inPart = years.stream().filter(y -> partOf(y.start()) == part).toList();
      for (YearMention y : inPart) { // "$5 billion in 2024", "5 Mrd. Euro im Jahr 2023"
        if (y.start() >= end
            && y.start() - end <= 16
            && YEAR_AFTER.matcher(text.substring(end, y.start())).matches()) {
          return y;
        }
      }
      // else the year written before it: "für das laufende Jahr ein Minus von 0,1 Prozent und für
      // 2025 ein Wachstum von 0,8 Prozent"
      YearMention before =
          nearestYear(
              inPart.stream().filter(y -> y.end() <= start).toList(), start, end, others, true);
      if (before != null) {
        return before;
      }
      YearMention sameClause = nearestYear(inPart, start, end, others, true);
      if (sameClause == null) {
        // its own part's, though another figure stands between ("Im Gesamtjahr 2025 kletterte
        // der Umsatz um 6 Prozent auf 84 Mrd. Euro, für 2026 erwartet ..."), before another
        // part's
        sameClause = nearestYear(inPart, start, end, List.of(), true);
      }
      if (sameClause == null) {
        sameClause = nearestYear(years, start, end, others, true);
      }
      return sameClause != null ? sameClause : nearestYear(years, start, end, others, false);
    }

    private YearMention nearestYear(
        List<YearMention> years, int start, int end, List<int[]> others, boolean sameClause) {
      YearMention best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (YearMention y : years) {
        int lo = Math.min(y.end(), end);
        int hi = Math.max(y.start(), start);
        boolean numberBetween =
            others.stream().anyMatch(o -> o[0] >= lo && o[1] <= hi && o[0] != start)
                || (sameClause && clauseBreaks.stream().anyMatch(b -> b >= lo && b < hi));
        int distance = y.start() >= end ? y.start() - end : start - y.end();
        if (!numberBetween && distance >= 0 && distance < bestDistance) {
          bestDistance = distance;
          best = y;
        }
      }
      return best;
    }
  }

  /**
   * What {@code sentence}, said on {@code statedOn}, says for the numbers in it; its metrics are
   * named by {@code keywords}.
   */
  /**
   * Reads a sentence of {@code language} ("de" or "en"; words of one language that are other words
   * in the other are read only in their own).
   */
  static Sentence read(String whole, LocalDate statedOn, MetricKeywords keywords, String language) {
    // A calendar day names when something happened or was said, not a period: blanked out, but
    // read from the whole sentence where it ends one ("the quarter ended June 30, 2024").
    // Nor does a period something is counted since ("the lowest since March 2021").
    String sentence =
        PeriodWords.withoutMeasuredAgainst(
            PeriodWords.withoutSince(
                PeriodWords.withoutSplitYears(PeriodWords.withoutDays(whole))));
    Periodicity periodicity =
        PER_QUARTER.finder(sentence).find()
            ? Periodicity.PER_QUARTER
            : PER_YEAR.finder(sentence).find() ? Periodicity.PER_YEAR : Periodicity.NONE;
    List<Horizon> horizons = horizons(sentence, statedOn);
    boolean byLater = horizons.stream().anyMatch(h -> h.by() && h.year() > statedOn.getYear());
    List<int[]> expectations = pastExpectations(sentence);
    List<Integer> futureWords = forecastWords(sentence, "de".equals(language), expectations);
    boolean forecast = !futureWords.isEmpty() || byLater;
    List<PeriodWords.Dated> dated = PeriodWords.dated(whole, statedOn, forecast);
    int[] quarter = quarterNamed(sentence, forecast);
    PeriodWords.FiscalRef fiscal =
        PeriodWords.fiscal(
            sentence,
            whole,
            quarter == null || QuarterWords.relative(quarter) ? null : quarter[0],
            quarter == null || quarter[1] == 0 ? null : quarter[1]);
    // "5,9 % im Vorjahr" dates its own number, not the sentence
    String periodText = PeriodWords.withoutEndHorizons(PeriodWords.withoutYearBefore(sentence));
    if (!forecast && Hints.mentions(periodText, "übernächst", "after next")) {
      periodText = PeriodWords.withoutAll(periodText, YEAR_AFTER_NEXT);
    }
    // the same text (no year-before phrase blanked) names the same quarter
    int[] textQuarter = periodText == sentence ? quarter : quarterNamed(periodText, forecast);
    // the period of the numbers no calendar day's span ("the quarter ended ...") reaches
    LocalDate[] period =
        fiscal != null
            ? new LocalDate[] {null, null}
            : period(periodText, textQuarter, statedOn, forecast);
    List<PeriodWords.Base> bases = PeriodWords.bases(sentence, statedOn, forecast);
    String other = withoutOpeningLastYear(periodText);
    boolean openingLastYear = false;
    if (other != periodText) {
      // "Im dritten Quartal ...; im Vorjahr hatte er bei 5 Mrd. gelegen": "im Vorjahr" opens its
      // figure's clause, so it is the year before the period the sentence names otherwise; when
      // it names none, it is last year ("Im Vorjahr hatte der Konzern 3,2 Mrd. Euro verdient")
      LocalDate[] otherPeriod =
          fiscal != null ? period : period(other, QuarterWords.named(other), statedOn, forecast);
      if (fiscal != null || otherPeriod[0] != null) {
        periodText = other;
        period = otherPeriod;
      } else {
        String named = periodText;
        bases =
            bases.stream().filter(b -> named.charAt(b.start()) == other.charAt(b.start())).toList();
        openingLastYear = true;
      }
    }
    if (fiscal == null
        && quarter != null
        && quarter[1] == 0
        && quarter[2] == 0
        && explicitYear(periodText, statedOn) == null) {
      fiscal = PeriodWords.FiscalRef.softQuarter(quarter[0]); // "fourth-quarter revenue"
    } else if (fiscal == null && quarter != null && QuarterWords.relative(quarter)) {
      // the latest quarter, the current one: in the entity's fiscal calendar where it reports so
      fiscal = PeriodWords.FiscalRef.relativeQuarter(quarter[0]);
    } else if (fiscal == null && quarter == null && explicitYear(periodText, statedOn) == null) {
      int half = halfWithoutYear(periodText); // "im ersten Halbjahr": -1 / -2 as a fiscal quarter
      fiscal = half == 0 ? null : PeriodWords.FiscalRef.softQuarter(half);
      if (fiscal == null && period[0] == null && FULL_YEAR.finder(periodText).find()) {
        // "Für das Gesamtjahr erwartet der Konzern ...": the fiscal year under way for a
        // forecast, else the last one ended
        // ("Analysts expect Meta to report full-year revenue of ...": the year just ended)
        fiscal =
            new PeriodWords.FiscalRef(
                null, 0, forecast && AWAITED.finder(periodText).find() ? -1 : null, null, false);
      }
    }
    // "Im September hatte die Rate 2,4 Prozent betragen, im August 2,2 Prozent": each month dates
    // its own figures
    String monthsText = periodText;
    List<PeriodWords.Dated> months =
        fiscal != null || quarter != null
            ? List.of()
            : PeriodWords.monthsApart(
                dated,
                sentence,
                statedOn,
                forecast,
                firstMonth ->
                    years(monthsText, statedOn).stream()
                        .filter(
                            y ->
                                y.end() <= firstMonth
                                    && !FIGURE_BEFORE
                                        .matcher(monthsText)
                                        .region(0, y.start())
                                        .find())
                        .map(YearMention::year)
                        .collect(java.util.stream.Collectors.toSet()));
    List<int[]> parts =
        forecast ? SentenceParts.of(sentence, withHorizons(futureWords, horizons)) : List.of();
    String text = periodText;
    List<List<Integer>> breaksOnce = new java.util.ArrayList<>(1); // read only when needed
    java.util.function.Supplier<List<Integer>> partBreaks =
        () -> {
          if (breaksOnce.isEmpty()) {
            breaksOnce.add(SentenceParts.breaks(text));
          }
          return breaksOnce.get(0);
        };
    List<QuarterWords.At> quarters =
        QuarterWords.all(
            periodText,
            at -> part(text, partBreaks.get(), at),
            t -> explicitYear(t, statedOn),
            statedOn);
    LocalDate[][] byKind = new LocalDate[2][];
    // the sentence without its results' parts, and without its forecasts'
    String future =
        parts.isEmpty() ? null : SentenceParts.without(periodText, parts, SentenceParts.PAST);
    String past =
        parts.isEmpty() ? null : SentenceParts.without(periodText, parts, SentenceParts.FUTURE);
    if (!parts.isEmpty() && fiscal == null) {
      // "OpenAI, which was valued at $157 billion in October, could lose $5 billion this year"
      byKind[0] =
          wholeYearIfNone(
              period(future, QuarterWords.named(future), statedOn, true), future, statedOn, true);
      byKind[1] =
          wholeYearIfNone(
              period(past, QuarterWords.named(past), statedOn, false), past, statedOn, false);
    }
    LocalDate resolvesOn = null;
    if (forecast && !horizons.isEmpty()) {
      resolvesOn = horizons.get(0).on();
    }
    boolean aYear =
        period[0] != null
            && period[0].getDayOfYear() == 1
            && period[1].equals(LocalDate.of(period[0].getYear(), 12, 31));
    List<YearMention> years =
        aYear || isYear(byKind[0]) || isYear(byKind[1]) ? years(periodText, statedOn) : List.of();
    PeriodWords.FiscalRef[] kinds = parts.isEmpty() ? null : kindFiscal(fiscal, future, past);
    return new Sentence(
        sentence,
        keywords.find(whole),
        period[0],
        period[1],
        periodicity,
        forecast ? ClaimKind.FORECAST : ClaimKind.REPORTED,
        resolvesOn,
        years,
        aYear ? clauseBreaks(sentence) : List.of(),
        fiscal,
        bases,
        metricBreaks(whole),
        new Marks(
            dated,
            months,
            PeriodWords.fiscalYears(sentence),
            expectations,
            CUMULATIVE.finder(sentence).find(),
            clauseBreaks(sentence),
            rates(sentence, periodicity),
            parts,
            byKind[0],
            byKind[1],
            quarters,
            quarters.isEmpty() && years.size() < 2 ? List.of() : partBreaks.get(),
            statedOn,
            kinds,
            kinds == null ? null : kindPeriods(future, past, statedOn),
            openingLastYear,
            PeriodWords.atQuarterEnd(whole, forecast)));
  }

  /**
   * The periods the parts of each kind name, {forecasts', results'}, each read as its kind (in
   * "Fourth-quarter profit rose ..., and for the current quarter the company sees ...", the fourth
   * quarter is the one ended).
   */
  private static LocalDate[][] kindPeriods(String future, String past, LocalDate statedOn) {
    return new LocalDate[][] {
      period(future, quarterNamed(future, true), statedOn, true),
      period(past, quarterNamed(past, false), statedOn, false)
    };
  }

  /**
   * The fiscal period a text names by a quarter or a half with no year, as the sentence's would be
   * read ({@link #read}); null if it names none, or one with its year.
   */
  private static PeriodWords.FiscalRef ownRef(int[] quarter, String text) {
    if (quarter != null) {
      if (quarter[1] != 0) {
        return null;
      }
      return QuarterWords.relative(quarter)
          ? PeriodWords.FiscalRef.relativeQuarter(quarter[0])
          : PeriodWords.FiscalRef.softQuarter(quarter[0]);
    }
    int half = halfWithoutYear(text);
    return half == 0 ? null : PeriodWords.FiscalRef.softQuarter(half);
  }

  /**
   * The fiscal periods of a sentence's forecasts and of its results, {forecasts', results'}, when
   * the sentence's one belongs to one kind of part only; null when both take the sentence's. "...
   * ein Umsatzplus von 11 Prozent im Auftaktquartal und stellt für das Gesamtjahr ... in Aussicht",
   * "posted ... in the second quarter and raised its full-year forecast": the quarter is the
   * result's, the whole year the forecast's. "Revenue rose 8% in the quarter and the company sees
   * full-year revenue of ...": a result takes no whole year from a forecast's part (for a forecast
   * it is the year under way, which no result can be).
   */
  private static PeriodWords.FiscalRef[] kindFiscal(
      PeriodWords.FiscalRef fiscal, String future, String past) {
    if (fiscal == null || fiscal.year() != null) {
      return null;
    }
    // a quarter or a half, named by its number or as the latest or the current one
    int[] quarterFuture = quarterNamed(future, true);
    int[] quarterPast = quarterNamed(past, false);
    boolean partFuture = quarterFuture != null || halfWithoutYear(future) != 0;
    boolean partPast = quarterPast != null || halfWithoutYear(past) != 0;
    boolean wholeFuture = FULL_YEAR.finder(future).find();
    boolean wholePast = FULL_YEAR.finder(past).find() || ANNUAL.finder(past).find();
    PeriodWords.FiscalRef wholeYear = new PeriodWords.FiscalRef(null, 0, null, null, false);
    if (fiscal.quarter() != 0 && partPast && !partFuture && wholeFuture) {
      return new PeriodWords.FiscalRef[] {wholeYear, fiscal};
    }
    if (fiscal.quarter() != 0 && partFuture && !partPast) {
      // "Das Halbjahresergebnis lag bei ..., für die zweite Jahreshälfte peilt ... an"
      return new PeriodWords.FiscalRef[] {fiscal, wholePast ? wholeYear : null};
    }
    if (fiscal.quarter() != 0
        && partPast
        && !partFuture
        && !AWAITED.finder(future).find()
        && !MEASURED_AGAINST.finder(future).find()) {
      // the quarter of the results is reported, so over: no forecast's period, but for what
      // the result is measured against (MEASURED_AGAINST: that quarter's). The company's outlook
      // beside it is for its year ("steigerte den Umsatz im dritten Quartal ... und
      // bestätigte die Prognose eines Gewinns je Aktie von 10,40 Euro")
      return new PeriodWords.FiscalRef[] {
        GUIDANCE.finder(future).find() ? wholeYear : null, fiscal
      };
    }
    if (fiscal.quarter() != 0 && partPast && partFuture) {
      // each kind its own: "Fourth-quarter profit rose to $2.3 billion, and for the current
      // quarter the company sees revenue of $11 billion"
      PeriodWords.FiscalRef ownFuture = ownRef(quarterFuture, future);
      PeriodWords.FiscalRef ownPast = ownRef(quarterPast, past);
      return ownFuture == null || ownPast == null || ownFuture.equals(ownPast)
          ? null
          : new PeriodWords.FiscalRef[] {ownFuture, ownPast};
    }
    if (fiscal.quarter() == 0 && !fiscal.soft() && wholeFuture && !wholePast) {
      return new PeriodWords.FiscalRef[] {fiscal, null};
    }
    return null;
  }

  /**
   * {@link QuarterWords#named}, or in a sentence of results ({@code forecast} false) that says "in
   * the quarter" and names no year, the quarter just reported ("Revenue rose 6% to $94.9 billion in
   * the quarter").
   */
  private static int[] quarterNamed(String text, boolean forecast) {
    int[] quarter = QuarterWords.named(text);
    if (quarter == null && THIS_QUARTER.finder(text).find()) {
      return new int[] {PeriodWords.FiscalRef.THIS, 0, 1};
    }
    return quarter == null
            && !forecast
            && THE_QUARTER.finder(text).find()
            && !nextYear(YEAR.finder(text), text) // "In 2019, ... in the quarter": not the latest
        ? new int[] {0, 0, 1}
        : quarter;
  }

  /** "this quarter", "this fiscal quarter", "in diesem Quartal". */
  private static final Guarded THIS_QUARTER =
      Guarded.word("(?i)\\b(?:this\\s+(?:fiscal\\s+)?quarter|(?:in\\s+)?diesem\\s+quartal)\\b");

  /**
   * "in the quarter", "im Quartal", with no number: in a sentence of results, the quarter just
   * reported (not "the quarter ended ...", "the quarter before", "the quarter of 2023", "the
   * quarter after the pandemic hit", "in the quarter so far", "im Quartal zuvor"; nor a rate, "12
   * Milliarden Dollar im Quartal").
   */
  private static final Guarded THE_QUARTER =
      Guarded.word(
          "(?i)\\b(?:(?:in|for|during|over)\\s+the\\s+(?:fiscal\\s+)?quarter\\b(?!\\s+(?:ended"
              + "|ending|to|through|that|before|earlier|prior|of|a\\s+year|after|following|when"
              + "|in\\s+which|so\\s+far)\\b)|(?=im\\s)(?<!"
              + AMOUNT
              + ")im\\s+quartal\\b(?!\\s+(?:bis|zuvor|davor|des|eines|20\\d{2})\\b))");

  /**
   * What a result is measured against, of its own period: "above the consensus forecast of",
   * "beating its own guidance of", "über den Erwartungen der Analysten von".
   */
  private static final Guarded MEASURED_AGAINST =
      Guarded.word(
          "(?i)\\b(?:above|below|beat|beating|beats|ahead of|short of|missed|missing|topped|topping"
              + "|exceeded|exceeding|than|compared|versus|vs|consensus|estimates?|analysts?|über|unter"
              + "|erwartungen|konsens|gegenüber)\\b");

  /** A figure of a whole year: "annual revenue", "yearly", "der Jahresumsatz". */
  private static final Guarded ANNUAL = Guarded.word("(?i)\\b(?:annual|yearly|jahres\\p{L}+)\\b");

  /**
   * A company's outlook, as a noun: "its forecast", "the outlook", "die Prognose", "Jahresziel"
   * (not the verb: "forecast revenue of"; not a "quarterly outlook", which is not the year's).
   */
  private static final Guarded GUIDANCE =
      Guarded.word(
          "(?i)\\b(?<!quarterly\\s)(?:guidance|outlook|ausblick|\\p{L}*prognose\\p{L}*|\\p{L}*ziele?"
              + "|(?:its|their|the|annual|full-year)\\s+(?:\\p{L}+\\s+)?(?:forecast|target))\\b");

  private static final Guarded IM_VORJAHR = Guarded.word("(?i)\\bim vorjahr\\b");

  /**
   * {@code text} with "im Vorjahr" blanked out where it opens a clause with a figure in it (same
   * text when there is none).
   */
  private static String withoutOpeningLastYear(String text) {
    if (!Hints.mentions(text, "vorjahr")) {
      return text;
    }
    List<Integer> clauses = clauseBreaks(text);
    StringBuilder out = null;
    Guarded.Finder m = IM_VORJAHR.finder(text);
    while (m.find()) {
      int from = m.start();
      int clauseStart = clauses.stream().filter(b -> b < from).reduce(-1, Math::max) + 1;
      int clauseEnd = clauses.stream().filter(b -> b > from).findFirst().orElse(text.length());
      if (CLAUSE_OPENING.matcher(text.substring(clauseStart, from)).matches()
          && DIGITS.matcher(text.substring(m.end(), clauseEnd)).find()) {
        out = PeriodWords.blank(out, text, from, m.end());
      }
    }
    return out == null ? text : out.toString();
  }

  /** Where a clause ends: a semicolon, or a comma before "and", "while", "but", "und", "aber". */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile("(?i);|,\\s+(?:and|while|but|whereas|und|aber|während|wohingegen)\\b");

  /** After an amount: it is per share ("a share", "per diluted share", "je Vorzugsaktie"). */
  /**
   * A noun after an article or possessive (and up to two words more), right before "of", "von", "in
   * Höhe von" or "worth" (a hedge between), at the end: "a one-time tax charge of", "eine Strafe in
   * Höhe von". Group 1: an English article's noun, group 2: a German article's, which is a noun
   * only when capitalised ("der Umsatz stieg von 4,5 ..." is a verb's "von").
   */
  private static final Pattern NOUN_OF =
      Pattern.compile(
          "(?u)(?:\\b(?i:a|an|the|its|their|his|her|this|that)\\s+(?:[\\p{L}-]+\\s+){0,2}?"
              + "(\\p{L}[\\p{L}-]*)|\\b(?i:ein|eine|einer|einen|einem|der|die|das|den|dem|des)"
              + "\\s+(?:[\\p{L}-]+\\s+){0,2}?(\\p{Lu}[\\p{L}-]*))\\s+(?i:of|von|in\\s+höhe\\s+von"
              + "|worth)\\s+(?i:(?:about|around|roughly|nearly|almost|some|up\\s+to|more\\s+than"
              + "|less\\s+than|over|under|at\\s+least|rund|etwa|knapp|fast|bis\\s+zu|mehr\\s+als"
              + "|über|gut|insgesamt|total)\\s+)*$");

  /**
   * A clause that opens with its own subject, an article's or a possessive's noun (up to one word
   * between), and a verb of a change or a state, right before the figure: "..., die Marge sank auf
   * 8 Prozent", "while its margin fell to 8%". Groups as {@link #NOUN_OF}'s.
   */
  private static final Pattern SUBJECT_VERB =
      Pattern.compile(
          "(?u)(?:^|[,;]\\s*|\\b(?i:while|whereas|während|and|und|but|aber|sowie)\\s+)(?:"
              + "(?i:its|their|his|her|the)\\s+(?:[\\p{L}-]+\\s+)?(\\p{L}[\\p{L}-]*)"
              + "|(?i:die|der|das|ihre|seine)\\s+(?:[\\p{L}-]+\\s+)?(\\p{Lu}[\\p{L}-]*))\\s+(?i:rose|fell"
              + "|grew|shrank|climbed|dropped|declined|slipped|jumped|narrowed|widened|improved|was"
              + "|stood|sank|stieg|fiel|wuchs|schrumpfte|kletterte|lag|betrug|verbesserte\\s+sich"
              + "|verschlechterte\\s+sich)\\s+(?i:(?:to|by|at|auf|um|bei)\\s+)?(?i:(?:about|around"
              + "|roughly|nearly|almost|some|just|only|rund|etwa|knapp|fast|gut|nur|noch)\\s+)*$");

  /**
   * Nouns of how much, of a change, of a rate, of a time or of a part of another amount, which
   * leave what an amount is to the sentence ("a total of $5 billion", "an annualized rate of 2.8%",
   * "the second quarter of $5.2 billion", "ein Plus von 3 Prozent").
   */
  private static final java.util.Set<String> HOW_MUCH =
      java.util.Set.of(
          "total",
          "sum",
          "amount",
          "level",
          "value",
          "figure",
          "record",
          "high",
          "low",
          "increase",
          "rise",
          "gain",
          "growth",
          "decline",
          "drop",
          "fall",
          "jump",
          "decrease",
          "reduction",
          "average",
          "estimate",
          "estimates",
          "forecast",
          "expectation",
          "expectations",
          "target",
          "guidance",
          "outlook",
          "range",
          "consensus",
          "part",
          "half",
          "third",
          "portion",
          "share",
          "percent",
          "cent",
          "one",
          "most",
          "much",
          "all",
          "each",
          "plus",
          "minus",
          "anstieg",
          "rückgang",
          "zuwachs",
          "wachstum",
          "summe",
          "wert",
          "höhe",
          "rekord",
          "rekordwert",
          "niveau",
          "steigerung",
          "zunahme",
          "abnahme",
          "prognose",
          "ziel",
          "durchschnitt",
          "schnitt",
          "spanne",
          "erwartung",
          "erwartungen",
          "teil",
          "hälfte",
          "drittel",
          "viertel",
          "anteil",
          "prozent",
          "betrag",
          "gesamtbetrag",
          "volumen",
          "größenordnung",
          "bereich",
          "spitze",
          "minimum",
          "maximum",
          "zuwachsrate",
          "rate",
          "rates",
          "pace",
          "surge",
          "slump",
          "plunge",
          "climb",
          "dip",
          "boost",
          "hike",
          "cut",
          "rebound",
          "advance",
          "margin",
          "forecasts",
          "quarter",
          "year",
          "years",
          "period",
          "month",
          "months",
          "week",
          "weeks",
          "quartal",
          "jahr",
          "halbjahr",
          "monat",
          "zeitraum",
          "gesamtjahr",
          "geschäftsjahr",
          "vorjahr",
          "quote",
          "marge",
          "kurs",
          "preis",
          "price");

  /**
   * Words of {@link #HOW_MUCH} that, as the subject of a clause of their own ({@link
   * #SUBJECT_VERB}), say the figure is not the other clause's: "..., die Marge sank auf 8 Prozent",
   * "while the price fell to $80" (not "a margin of", "the rate of").
   */
  private static final java.util.Set<String> SUBJECTS_OF_THEIR_OWN =
      java.util.Set.of("margin", "marge", "quote", "rate", "kurs", "preis", "price");

  /**
   * "in" or "an" right after a number, and up to two words after it (group 1: where those words
   * start), for {@link Sentence#namedAfterIn}.
   */
  private static final Pattern IN_AFTER =
      Pattern.compile("\\s+(?:in|an)\\s+()(?:[\\p{L}&-]+\\s+){0,2}");

  /**
   * Up to two words, each followed by space, that describe what follows ("ad", "net"): not an
   * article, a possessive or a preposition ("in its sales network", "in fines over revenue").
   */
  private static final Pattern WORDS_UP_TO_TWO =
      Pattern.compile(
          "(?iu)(?:(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|over|of|for|from|to"
              + "|on|at|with|by|der|die|das|den|dem|des|seine|seinen|ihre|ihren|für|über|von|zu)\\s)"
              + "[\\p{L}&-]+\\s+){1,2}");

  private static final Pattern PER_SHARE_AFTER =
      Pattern.compile(
          "\\s*(?:per|a|an|each|je|pro)\\s+(?:(?:diluted|basic|common|ordinary|class\\s+[a-c])\\s+)?"
              + "(?:share|aktie|stammaktie|vorzugsaktie)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The metrics that may say what an amount per share is; any other's keyword is its own. */
  private static final java.util.Set<String> PER_SHARE_NAMES =
      java.util.Set.of("per_share", "net_income", "eps", "dividend");

  /** The metrics of earnings: an amount per share after one of them is earnings per share. */
  private static final java.util.Set<String> EARNINGS = java.util.Set.of("net_income", "eps");

  /**
   * A payout or an offer: an amount per share after it is paid, not earned. German verbs only in
   * lower case ("Zahlen" is figures), German nouns only capitalised.
   */
  private static final String PAYOUT_WORDS =
      "(?i:pay|pays|paid|paying|payout|offer|offers|offered|offering|bid|bids|buy|buys|bought"
          + "|acquire|acquires|acquired|purchase|purchases|purchased|tender|tendered)"
          + "|(?-i:zahlt|zahlte|zahlten|zahlen|gezahlt|bietet|bieten|bot|boten|geboten|übernimmt"
          + "|übernehmen|übernahm|kauft|kaufen|kaufte|gekauft|ausschütten|ausgeschüttet|schüttet)"
          + "|(?-i:Angebot\\p{L}*|Übernahme\\p{L}*|Kaufpreis|Ausschüttung\\p{L}*)";

  private static final Pattern PAYOUT =
      Pattern.compile("(?<![\\p{L}-])(?:" + PAYOUT_WORDS + ")(?![\\p{L}-])", Pattern.UNICODE_CASE);

  /** A payout verb right after an amount's "per share": "3,40 Euro je Aktie ausschütten". */
  private static final Pattern PAYOUT_AFTER =
      Pattern.compile(
          "\\s+(?:\\p{L}+\\s+)?(?:" + PAYOUT_WORDS + ")(?![\\p{L}-])", Pattern.UNICODE_CASE);

  /** The metrics a company also gives "adjusted", besides the reported figure. */
  private static final java.util.Set<String> ADJUSTABLE =
      java.util.Set.of(
          "eps", "net_income", "operating_income", "pretax_income", "operating_margin");

  /**
   * A figure not as reported: said so anywhere in its clause ("excluding items", "non-GAAP", "on an
   * adjusted basis", "vor Sondereffekten"), or by a word right before its own ("adjusted earnings
   * per share", "underlying profit", "der bereinigte Gewinn"); not "seasonally adjusted", "after it
   * adjusted prices" nor "adjusted estimates".
   */
  private static final Pattern ADJUSTED =
      Pattern.compile(
          "\\b(?:excluding\\s+(?:items|one-time\\s+items|special\\s+items|certain\\s+items|charges)"
              + "|ex-items|non-gaap|on\\s+an\\s+adjusted\\s+basis|pro[\\s-]forma"
              + "|ohne\\s+sondereffekte|vor\\s+sondereffekten|um\\s+sondereffekte\\s+bereinigt)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Right before a figure's own words: "adjusted", "underlying", "core", "bereinigte". */
  private static final Pattern ADJUSTED_BEFORE =
      Pattern.compile(
          "(?i)(?<!seasonally\\s|inflation-|saisonal\\s)\\b(?:adjusted|underlying|core|bereinigte[nrms]?)"
              + "\\s+(?:(?:net|operating|diluted|quarterly|annual|full-year|konzern|netto)\\s+)?$",
          Pattern.UNICODE_CASE);

  /** A verb of earning: an amount per share after it is earnings per share. */
  private static final Pattern EARNED =
      Pattern.compile(
          "\\b(?:earn|earns|earned|earning|verdient\\p{L}*|verdiente\\p{L}*)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** What a share's price is named by ("shares", "Aktie", "stock price", "market value"). */
  private static final java.util.Set<String> SHARE_METRICS =
      java.util.Set.of("share_price", "market_cap");

  /** Between a subject and its verb: at most two words ("shares of Apple lost"), no comma. */
  private static final Pattern RIGHT_BEFORE = Pattern.compile("\\s*(?:[^\\s,;:]+\\s+){0,2}");

  /** A percentage: "2,5 Prozent", "3%", "4.2 percent". */
  private static final Pattern PERCENT_END = Pattern.compile("(?:%|[Pp]rozent|percent|pct\\.?)$");

  /**
   * Between a percentage and a keyword after it: what it is a share of, not what it is ("3% of
   * GDP", "2,5 Prozent der Wirtschaftsleistung", "45% of all revenue").
   */
  private static final Pattern DENOMINATOR =
      Pattern.compile(
          "(?i)\\s+(?:of|der|des|vom)\\s+(?:(?:the|its|their|all|total|seines|ihres|gesamten"
              + "|aller)\\s+)*");

  /**
   * Between a number and a keyword after it: the keyword may start another part ("and operating
   * income", ", net income of $1.1bn"); it does when a number of its own follows it in that part
   * (not an apposition: "$12.9bn, its biggest profit ever, down 2%").
   */
  private static final Pattern JOINED =
      Pattern.compile(
          "[,;]|\\b(?:and|und|but|aber|or|oder|while|whereas|während|sowie)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Between a number and the keyword it is of: "$10.2 billion in revenue", "€5bn of sales". */
  private static final Pattern ATTACHED =
      Pattern.compile("(?i)\\s+(?:in|of|an|im|am)\\s+(?:[\\p{L}-]+\\s+)?");

  /** Only blanks. */
  private static final Pattern BLANK = Pattern.compile("\\s*");

  /**
   * Where a clause about another metric may begin: {@link #CLAUSE_BREAK}, or "while", "whereas"
   * with no comma ("während" only after one: without, it is "during").
   */
  private static final Pattern METRIC_BREAK =
      Pattern.compile(
          "(?i);|,\\s+(?:and|but|although|though|und|aber|sowie|während|obwohl)\\b"
              + "|\\s(?:while|whereas|wohingegen)\\s");

  private static List<Integer> metricBreaks(String sentence) {
    return breaks(METRIC_BREAK, sentence);
  }

  private static List<Integer> clauseBreaks(String sentence) {
    return breaks(CLAUSE_BREAK, sentence);
  }

  private static List<Integer> breaks(Pattern pattern, String sentence) {
    List<Integer> out = new java.util.ArrayList<>();
    Matcher m = pattern.matcher(sentence);
    while (m.find()) {
      out.add(m.start());
    }
    return out;
  }

  /**
   * {@code period}, or when it is none and {@code text} names the whole year ("für das Gesamtjahr
   * rechnet der Verband mit ..."), the calendar year under way for a forecast, else the last one.
   */
  private static LocalDate[] wholeYearIfNone(
      LocalDate[] period, String text, LocalDate statedOn, boolean forecast) {
    if (period[0] != null || !FULL_YEAR.finder(text).find()) {
      return period;
    }
    int year =
        forecast && !AWAITED.finder(text).find() ? statedOn.getYear() : statedOn.getYear() - 1;
    return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
  }

  /** Whether {@code part} names the whole year ("full-year", "im Gesamtjahr") and no part of it. */
  private static boolean wholeYearOnly(String part) {
    return FULL_YEAR.finder(part).find()
        && QuarterWords.named(part) == null
        && !THIS_QUARTER.finder(part).find()
        && !THE_QUARTER.finder(part).find()
        && !HALF.finder(part).find();
  }

  /** Whether [from, to] is one calendar month. */
  private static boolean isMonth(LocalDate from, LocalDate to) {
    return from != null
        && to != null
        && from.getDayOfMonth() == 1
        && to.equals(YearMonth.from(from).atEndOfMonth());
  }

  private static boolean isYear(LocalDate[] period) {
    return period != null && isYear(period[0], period[1]);
  }

  /** Whether {@code from..to} is a calendar year. */
  private static boolean isYear(LocalDate from, LocalDate to) {
    return from != null
        && to != null
        && from.getDayOfYear() == 1
        && to.equals(LocalDate.of(from.getYear(), 12, 31));
  }

  /** The part of {@code text} (between {@code breaks}) that holds {@code at}. */
  private static String part(String text, List<Integer> breaks, int at) {
    int to = text.length();
    for (int b : breaks) {
      if (b >= at) {
        to = Math.min(to, b);
      }
    }
    return text.substring(partStart(breaks, at), to);
  }

  /** Where the part of {@code at} begins, after the last of {@code breaks} before it. */
  private static int partStart(List<Integer> breaks, int at) {
    int from = 0;
    for (int b : breaks) {
      if (b < at) {
        from = Math.max(from, b + 1);
      }
    }
    return from;
  }

  /** {@code future} and where the horizons "by 2026" stand. */
  private static List<Integer> withHorizons(List<Integer> future, List<Horizon> horizons) {
    List<Integer> out = new java.util.ArrayList<>(future);
    for (Horizon h : horizons) {
      out.add(h.start());
    }
    return out;
  }

  /**
   * Where the words of the future stand ("could", "will", "erwartet"), but not a comparison with
   * what was expected ("better than expected", "höher als erwartet"): those sentences report
   * results; nor one in {@code whoExpected}, the sentence's past expectations ("the $94 billion
   * analysts expected", "Analysten hatten 4,3 Mrd. Euro erwartet": the German verb bracket puts the
   * verb last), which their own marks read.
   */
  private static List<Integer> forecastWords(
      String sentence, boolean german, List<int[]> whoExpected) {
    List<Integer> out = new java.util.ArrayList<>();
    forecastWords(sentence, FORECAST, whoExpected, out);
    if (german) {
      // "Der Konzern plant ...", not "the plant"
      forecastWords(sentence, FORECAST_DE, whoExpected, out);
    }
    // "revenue next quarter should rise 5%": what next quarter brings is not yet reported
    Guarded.Finder next = QuarterWords.NEXT_QUARTER.finder(sentence);
    while (next.find()) {
      out.add(next.start());
    }
    out.sort(null);
    if (Hints.mentions(
        sentence,
        "aussicht",
        "guid",
        "outlook",
        "targeting",
        "prognose",
        "schätzung",
        "voraus",
        "strebt",
        "sees",
        "project",
        "predicts",
        "anticipates",
        "peil",
        "geh")) {
      forecastWords(sentence, FORECAST_RARE, whoExpected, out);
      out.sort(null);
    }
    return out;
  }

  /**
   * What "sees" and "projects" forecast: a figure's noun ("sees full-year revenue of", "projects
   * 2025 deliveries of"), not one before its own verb ("Capital projects spending rose 9%").
   */
  private static final String FORECAST_OBJECT =
      "(?:(?:a|an|its|the|annual|full-year|fiscal|(?:first|second|third|fourth|current|next)"
          + "-quarter|\\d{4}|global|world|economic|organic|underlying)\\s+){0,2}(?:revenue|sales"
          + "|profit|earnings|income|loss|losses|growth|deliveries|shipments|spending|capex"
          + "|capital\\s+expenditures?|investments?|costs|expenses|margins?|demand)"
          + "(?![\\p{L}-]*\\s+(?:\\p{L}+\\s+)?(?:rose|fell|climbed|improved|increased|decreased|grew|jumped|dropped|declined|was"
          + "|were|totaled|totalled|reached|hit|slipped)\\b)";

  /** A word or a space within a clause, a number's decimal comma or point too. */
  private static final String WORDS = "(?:[^,.;]|(?<=\\d)[,.](?=\\d))";

  /**
   * Words of a forecast whose first letters begin many other words ("in", "oder", "gegen"): tried
   * only in a sentence that holds them. "Sees" and "projects" only before what they forecast
   * ({@link #FORECAST_OBJECT}; "projects" also before a number), not the noun ("AI projects worth
   * $5 billion") nor "sees 4.7 million visitors a year"; "geht/gehen ... von ... aus" only of a
   * period ahead ("für das laufende Jahr") or of a change ("von einem Rückgang um 0,1 % aus"), not
   * of an amount ("Die Ermittler gehen von einem Schaden von 2 Millionen Euro aus"); and "peilt ...
   * an", with the words between them (a number's decimal comma too: "peilt der Vorstand 1,5
   * Milliarden Euro an").
   */
  private static final Guarded FORECAST_RARE =
      Guarded.word(
          "(?i)\\b(in aussicht|guidance|outlook|guided|targeting|\\p{L}*prognose\\p{L}*"
              + "|\\p{L}*schätzung\\p{L}*|sagt(?:en)?\\s"
              + WORDS
              + "{0,60}\\bvoraus|strebt\\s"
              + WORDS
              + "{0,60}\\ban|predicts|anticipates|sees(?=\\s+"
              + FORECAST_OBJECT
              + ")|projects?(?=\\s+(?:"
              + FORECAST_OBJECT
              + "|[$€£\\d]))|peil(?:t|en)\\s"
              + WORDS
              + "{0,80}\\ban|geh(?:t|en)\\s+davon\\s+aus|geh(?:t|en)\\s(?="
              + WORDS
              + "{0,160}?\\b(?:für|bis|laufenden|kommenden|nächsten|nächstes|kommendes|20\\d{2}"
              + "|wachstum|rückgang|anstieg|zuwachs|plus|minus|steigerung|inflation|teuerung)\\b)"
              + WORDS
              + "{0,80}\\bvon\\s"
              + WORDS
              + "{0,80}\\saus)\\b");

  /**
   * Adds to {@code out} where {@code words} of the future stand, but not in a comparison with what
   * was expected nor in one of the {@code whoExpected} spans ("the $25.37 billion analysts
   * expected" reports a result beside what was expected).
   */
  private static void forecastWords(
      String sentence, Guarded words, List<int[]> whoExpected, List<Integer> out) {
    Guarded.Finder f = words.finder(sentence);
    while (f.find()) {
      int at = f.start();
      String before =
          sentence.substring(Math.max(0, f.start() - 16), f.start()).toLowerCase(Locale.ROOT);
      if (!before.endsWith("than-")
          && !THAN_WHO.matcher(sentence).region(Math.max(0, f.start() - 40), f.start()).find()
          && !PAST_EXPECTATION.finder(before).find()
          && whoExpected.stream().noneMatch(w -> w[0] < at && at < w[1])
          && !byAnEstimate(sentence, f)
          && !PAST_AFTER.matcher(sentence).region(f.end(), sentence.length()).lookingAt()) {
        out.add(f.start());
      }
    }
  }

  /**
   * Whether the word {@code f} found is an estimate a figure is given by ("Nach einer ersten
   * Schätzung des Statistischen Bundesamtes lag die Inflationsrate ...", "laut Schnellschätzung von
   * Eurostat"): a statistics office's estimate of a period gone by, not a forecast. Not one of the
   * year under way or to come ("Nach Schätzungen des Branchenverbands geben Unternehmen in diesem
   * Jahr knapp 4 Milliarden Euro aus").
   */
  private static boolean byAnEstimate(String sentence, Guarded.Finder f) {
    return f.group().toLowerCase(Locale.ROOT).contains("schätzung")
        && BY_SOURCE.matcher(sentence).region(Math.max(0, f.start() - 40), f.start()).find()
        && !THIS_YEAR.finder(sentence).find()
        && !NEXT_YEAR.finder(sentence).find()
        && !Hints.mentions(sentence, "laufend", "kommend", "nächst")
        && PAST_RESULT_VERB.matcher(sentence).find();
  }

  /** A verb of a result, in the past: the estimate is of what was ("lag", "stieg", "wuchs"). */
  private static final Pattern PAST_RESULT_VERB =
      Pattern.compile(
          "(?iu)\\b(?:lag|lagen|betrug|betrugen|stieg|stiegen|sank|sanken|wuchs|wuchsen|schrumpfte"
              + "|fiel|fielen|erreichte|belief|beliefen|war|waren|legte|nahm|ging|kletterte)\\b");

  /** "nach einer ersten", "laut", "gemäß vorläufigen": what a figure is given by, before it. */
  private static final Pattern BY_SOURCE =
      Pattern.compile("(?iu)\\b(?:nach|laut|gemäß)\\s+(?:[\\p{L}-]+\\s+){0,3}$");

  /**
   * A comparison right before a word of expecting, who expected it between: "than expected", "than
   * analysts expected", "als von Analysten erwartet", "als die meisten Experten erwartet".
   */
  private static final Pattern THAN_WHO =
      Pattern.compile(
          "(?iu)\\b(?:than|als)\\s+(?:(?:von|by)\\s+)?(?:(?:den|die|der|the|many|most|some|meisten)"
              + "\\s+)*(?:[\\p{L}'\u2019]+\\s+)?$");

  /**
   * A result still to be reported or estimated after its end: "to report", "expected to have",
   * "dürfte ... geschrumpft sein".
   */
  private static final Guarded AWAITED =
      Guarded.word(
          "(?i)\\b(?:to report|will report|due to report|expected to have|(?:gewesen|geschrumpft"
              + "|gewachsen|gestiegen|gesunken|gelegen) sein|vorlegen|vorlegt)\\b");

  /**
   * The whole year, with no year named: "full-year", "im Gesamtjahr", "for the full year", "for the
   * year" at the end of a clause.
   */
  private static final Guarded FULL_YEAR =
      Guarded.word(
          "(?i)\\b(?:full[- ]year|gesamtjahr\\w*|(?:das|im) (?:ganzen|gesamten|ganze|gesamte) jahr"
              // "im Jahresdurchschnitt waren 2,95 Millionen Menschen arbeitslos": the year's
              // (not an average over years: "in den fünf Jahren ...", "seit 2020", blanked before)
              + "|(?<!\\bjahren\\s)(?<!\\d{4}\\s)(?<!\\s\\s)im\\s+jahres(?:durch)?schnitt"
              + "(?!\\s+20\\d{2})"
              + "|whole year|entire year"
              // "expects at least $4.5 billion for the year"; not "for the year ended ...", "for
              // the year-ago quarter", "for the year 2025"
              + "|for the year(?![\\s-]+(?:ago|earlier|before|ended|ending|to|through|\\d))"
              + "(?=\\s*(?:[.,;:]|$|\\s(?:and|while|but)\\b)))\\b");

  /**
   * A noun of what was expected right before the figure it names: "expectations of a 0.4% gain",
   * "the consensus estimate of $94.5 billion", "die Erwartungen von 4,8 Milliarden Euro".
   */
  private static final Pattern EXPECTATION_OF =
      Pattern.compile(
          "(?iu)\\b(?:expectations?|estimates?|consensus|forecasts?|projections?|erwartungen?"
              + "|prognosen?|schätzungen?|konsens)\\s+(?:of|von|for)\\s+(?:(?:a|an|the|about|around"
              + "|roughly|nearly|just|rund|etwa|knapp|gut|einem|einer|eines|nur)\\s+)*$");

  /** Right after a figure, the noun of what was expected: "the $4.6 billion consensus estimate". */
  private static final Pattern EXPECTATION_NOUN_AFTER =
      Pattern.compile(
          "(?i)\\s+(?:(?:consensus|analyst|analysts'|average|mean|median|market|wall\\s+street)\\s+)*"
              + "(?:estimates?|forecasts?|expectations?|projections?|consensus)\\b"
              + "(?!\\s+(?:of|for|to)\\b)");

  /**
   * Right before a figure, an adjective of what was expected: "die erwarteten 0,98 Euro", "the
   * expected $4.2 billion" (not "an estimated 3%", "the estimated $2 billion deal": approximate).
   */
  private static final Pattern EXPECTED_BEFORE =
      Pattern.compile(
          "(?iu)\\b(?:erwarteten|prognostizierten|erhofften|(?<=\\bthe\\s)expected)"
              + "\\s+(?:(?:rund|etwa|knapp|gut|durchschnittlich|about|around|roughly)\\s+)?$");

  /** "the 160,000 economists had forecast": an expectation of the past, beside a result. */
  private static final Guarded PAST_EXPECTATION =
      Guarded.word("\\b(?:had|hatten|hatte)(?: been)? $");

  /** "..., die Analysten erwartet hatten": the German past perfect puts "hatten" last. */
  private static final Pattern PAST_AFTER = Pattern.compile("\\s+(?:hatten|hatte)\\b");

  /**
   * Where the sentence speaks of a past expectation: "analysts had expected", "die Analysten
   * erwartet hatten", and the German verb bracket "Analysten hatten mit 94,4 Milliarden Dollar
   * gerechnet", "Experten hatten für das dritte Quartal im Schnitt mit einem Umsatz von 2,3
   * Milliarden Euro gerechnet" (up to 14 words between, none of them "und", "and" or "aber", no
   * clause's comma), and targets of the past ("hatte ... angepeilt").
   */
  private static final Guarded HAD_EXPECTED =
      Guarded.word(
          "(?i)\\b(?:(?:had|hatten|hatte)\\s+(?:\\w+\\s+)?(?:expected|forecast|projected|predicted"
              + "|estimated|anticipated|targeted|budgeted)|(?:hatten|hatte)\\s+(?:(?!(?:und|and"
              + "|aber)\\b)[\\p{L}\\p{N}$€£%.-]+(?:,\\d+)?\\s+){0,14}?(?:erwartet|prognostiziert"
              + "|vorhergesagt|gerechnet|angepeilt|angestrebt|anvisiert|veranschlagt|in aussicht gestellt)"
              + "|(?:erwartet|prognostiziert|vorhergesagt|gerechnet|angepeilt|angestrebt|anvisiert)"
              + "\\s+(?:hatten|hatte))\\b");

  /** Where the sentence says "a quarter" (kind 1) or "a year" (kind 2): {start, end, kind}. */
  private static List<int[]> rates(String sentence, Periodicity periodicity) {
    List<int[]> out = new java.util.ArrayList<>();
    if (periodicity == Periodicity.NONE) {
      return out;
    }
    Guarded.Finder q = PER_QUARTER.finder(sentence);
    while (q.find()) {
      out.add(new int[] {q.start(), q.end(), 1});
    }
    Guarded.Finder y = PER_YEAR.finder(sentence);
    while (y.find()) {
      out.add(new int[] {y.start(), y.end(), 2});
    }
    return out;
  }

  private static List<int[]> pastExpectations(String sentence) {
    List<int[]> out = new java.util.ArrayList<>(whoExpected(sentence));
    if (!sentence.contains("had") && !sentence.contains("hatte")) {
      return out;
    }
    Guarded.Finder m = HAD_EXPECTED.finder(sentence);
    while (m.find()) {
      String head = sentence.substring(Math.max(0, m.start() - 40), m.start());
      if (!COMPARED_TO_EXPECTATION.matcher(head).find()) {
        // "hatten mit ... gerechnet": the verb bracket holds what was expected, or nothing
        boolean closed = BRACKET.matcher(m.group()).matches();
        out.add(new int[] {m.start(), m.end(), closed ? 1 : 0});
      }
    }
    return out;
  }

  /**
   * Who expected a figure, and that they did, in the simple past: "the $25.37 billion analysts
   * expected", "the 100,000 economists forecast" (read only right after a figure, {@link
   * #FIGURE_JUST_BEFORE}).
   */
  private static final Guarded WHO_EXPECTED =
      Guarded.word(
          "(?i)\\b(?:analysts|economists|experts|forecasters|investors|wall\\s+street|the\\s+market)"
              + "(?:\\s+(?:polled|surveyed)\\s+by\\s+\\p{L}+)?\\s+(?:expected|forecast|predicted"
              + "|estimated|anticipated|projected|were\\s+expecting)\\b");

  /**
   * Where {@link #WHO_EXPECTED} stands right after a figure ({@link #FIGURE_JUST_BEFORE}): {start,
   * end, 0}, as {@link #pastExpectations} gives its spans.
   */
  private static List<int[]> whoExpected(String sentence) {
    List<int[]> out = new java.util.ArrayList<>(1);
    Guarded.Finder who = WHO_EXPECTED.finder(sentence);
    while (who.find()) {
      if (FIGURE_JUST_BEFORE
          .matcher(sentence)
          .region(Math.max(0, who.start() - 24), who.start())
          .find()) {
        out.add(new int[] {who.start(), who.end(), 0});
      }
    }
    return out;
  }

  /** A figure's last word right before, "that" between: "$25.37 billion ", "100,000 that ". */
  private static final Pattern FIGURE_JUST_BEFORE =
      Pattern.compile(
          "(?i)(?:\\bthe\\s+[$\u20ac\u00a3]?\\d[\\d.,]*|%|\\b(?:billion|million|trillion|bn|percent"
              + "|points?|euros?|dollars?))\\s+(?:that\\s+)?$");

  /** A German verb bracket: "hatten" and the participle with words between. */
  private static final Pattern BRACKET = Pattern.compile("(?i)hatten?\\s+\\S.*\\s\\S+");

  /**
   * "more than (analysts) had expected", "mehr als Analysten erwartet hatten", "half of what
   * analysts had expected", "as economists had forecast", "was Analysten erwartet hatten": a result
   * compared with an expectation that names no figure of its own, so it marks none.
   */
  private static final Pattern COMPARED_TO_EXPECTATION =
      Pattern.compile(
          "(?i)(?:\\b(?:than|als|wie)|(?:^|[,;]\\s*|\\bjust\\s+)as|\\b(?:of|than|below|above|beyond"
              + "|with|from|exceeded|exceeding|missed|beat)\\s+what)\\s+(?:[^\\d\\s,;]+\\s+){0,3}$");

  /**
   * A span the sentence speaks of without dating it: "for the first six months", "year to date",
   * "in den ersten neun Monaten", "seit Jahresbeginn", "full-year guidance".
   */
  private static final Guarded CUMULATIVE =
      Guarded.word(
          "(?i)\\b(?:first (?:three|six|nine) months|year[- ]to[- ]date|so far this year"
              + "|since the start of the year|ersten (?:drei|sechs|neun) monate\\w*|seit jahresbeginn"
              + "|this year so far|(?:in diesem|im laufenden) jahr (?:bislang|bisher)"
              + "|first (?:two|three) quarters|ersten (?:beiden|zwei|drei) quartale\\w*"
              + "|seit jahresanfang|im bisherigen jahresverlauf|full[- ]year|gesamtjahr\\w*"
              + "|since (?:january|the beginning of the year)|(?:past|last|trailing|rolling) (?:12|twelve) months"
              + "|(?:nine|six|three) months to|von januar bis|in den (?:ersten )?(?:neun|sechs|drei)"
              + " monaten|letzten zwölf monate\\w*)\\b");

  /**
   * What else a sentence marks for its numbers: the periods its calendar days end or name, the
   * fiscal years it names, where it speaks of a past expectation, whether it speaks of a span it
   * does not date, where its clauses end, the parts of a forecast's sentence that report what was
   * ({@link SentenceParts}) with the period the sentence names for its forecasts and for its
   * reports, and the quarters it names when it names more than one.
   */
  record Marks(
      List<PeriodWords.Dated> dated,
      List<PeriodWords.Dated> months,
      List<PeriodWords.YearAt> fiscalYears,
      List<int[]> expectations,
      boolean cumulative,
      List<Integer> clauses,
      List<int[]> rates,
      List<int[]> parts,
      LocalDate[] forecastPeriod,
      LocalDate[] reportPeriod,
      List<QuarterWords.At> quarters,
      List<Integer> partBreaks,
      LocalDate statedOn,
      PeriodWords.FiscalRef[] kindFiscal,
      LocalDate[][] kindPeriods,
      boolean openingLastYear,
      PeriodWords.QuarterEnd atQuarterEnd) {}

  /** The years the sentence names, in order: "2023", "this year", "last year" (not "by 2026"). */
  private static List<YearMention> years(String sentence, LocalDate statedOn) {
    List<YearMention> out = new java.util.ArrayList<>();
    Guarded.Finder t = THIS_YEAR.finder(sentence);
    while (t.find()) {
      out.add(new YearMention(t.start(), t.end(), statedOn.getYear()));
    }
    Guarded.Finder l = LAST_YEAR.finder(sentence);
    while (l.find()) {
      out.add(new YearMention(l.start(), l.end(), statedOn.getYear() - 1));
    }
    Guarded.Finder n = NEXT_YEAR.finder(sentence);
    while (n.find()) {
      out.add(new YearMention(n.start(), n.end(), statedOn.getYear() + 1));
    }
    Guarded.Finder a = YEAR_AFTER_NEXT.finder(sentence);
    while (a.find()) {
      out.add(new YearMention(a.start(), a.end(), statedOn.getYear() + 2));
    }
    java.util.Set<Integer> byYears = new java.util.HashSet<>();
    for (Horizon h : horizons(sentence, statedOn)) {
      byYears.add(h.yearStart());
    }
    Guarded.Finder y = YEAR.finder(sentence);
    while (nextYear(y, sentence)) {
      if (!byYears.contains(y.start(1))) {
        out.add(new YearMention(y.start(1), y.end(1), Integer.parseInt(y.group(1))));
      }
    }
    out.sort(java.util.Comparator.comparingInt(YearMention::start));
    return out;
  }

  /**
   * The period the sentence names, most specific first; {null, null} when it names none. A quarter
   * or half named without its year is the one of the year named elsewhere in the sentence, else the
   * latest one by the day it was said: one that has not ended yet only for a forecast ("revenue in
   * the fourth quarter was", said in February, is last year's fourth quarter).
   */
  private static LocalDate[] period(
      String sentence, int[] q, LocalDate statedOn, boolean forecast) {
    if (!forecast && q == null && YEAR_TO_DATE.finder(sentence).find() && namesNoOther(sentence)) {
      // from New Year to the day of the news: not the whole year, which is not over
      return new LocalDate[] {LocalDate.of(statedOn.getYear(), 1, 1), statedOn};
    }
    if (q != null && q[0] == PeriodWords.FiscalRef.CURRENT) { // the quarter under way
      return QuarterWords.quarter((statedOn.getMonthValue() - 1) / 3 + 1, statedOn.getYear());
    }
    if (q != null && q[0] == PeriodWords.FiscalRef.NEXT) { // the one after it, in a forecast
      if (!forecast) {
        return new LocalDate[] {null, null}; // "orders pulled from next quarter" in results
      }
      LocalDate next = statedOn.withDayOfMonth(1).plusMonths(3);
      return QuarterWords.quarter((next.getMonthValue() - 1) / 3 + 1, next.getYear());
    }
    if (q != null && (q[0] == 0 || q[0] == PeriodWords.FiscalRef.THIS)) {
      // the latest quarter ended by the day of the news; "this quarter" in results said soon after
      LocalDate next = statedOn.plusDays(1);
      int current = (next.getMonthValue() - 1) / 3 + 1;
      LocalDate[] ended =
          current == 1
              ? QuarterWords.quarter(4, next.getYear() - 1)
              : QuarterWords.quarter(current - 1, next.getYear());
      boolean justEnded =
          !forecast && !statedOn.isAfter(ended[1].plusDays(PeriodWords.FiscalRef.JUST_ENDED_DAYS));
      if (q[0] == 0 || justEnded) {
        return ended;
      }
      return QuarterWords.quarter((statedOn.getMonthValue() - 1) / 3 + 1, statedOn.getYear());
    }
    if (q != null) {
      if (q[1] != 0) {
        return QuarterWords.quarter(q[0], q[1]);
      }
      Integer y = explicitYear(sentence, statedOn);
      return QuarterWords.latest(
          QuarterWords.quarter(q[0], y != null ? y : statedOn.getYear()), y, statedOn, forecast);
    }
    Guarded.Finder h = HALF.finder(sentence);
    boolean half = h.find();
    if (half) {
      boolean first =
          h.group(3) != null
              ? h.group(3).equals("1")
              : h.group(1).toLowerCase(Locale.ROOT).matches("first|erste[mn]?|1\\.");
      String y = h.group(3) != null ? h.group(4) : h.group(2);
      if (y != null) {
        LocalDate start = LocalDate.of(QuarterWords.year(y), first ? 1 : 7, 1);
        return new LocalDate[] {start, start.plusMonths(6).minusDays(1)};
      }
      Integer named = explicitYear(sentence, statedOn);
      LocalDate start = LocalDate.of(named != null ? named : statedOn.getYear(), first ? 1 : 7, 1);
      return QuarterWords.latest(
          new LocalDate[] {start, start.plusMonths(6).minusDays(1)}, named, statedOn, forecast);
    }
    Guarded.Finder m = PeriodWords.MONTH_YEAR.finder(sentence);
    if (m.find()) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), PeriodWords.month(m.group(1)));
      return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
    }
    Integer year = explicitYear(sentence, statedOn);
    // "in August": a month of the sentence's year would be of that year, but the year is more
    // often the period ("revenue in 2024 was ..., the company said in March")
    LocalDate[] month = PeriodWords.bareMonth(sentence, statedOn, forecast);
    if (month == null) {
      month = PeriodWords.lastMonth(sentence, statedOn);
    }
    if (month != null && (year == null || month[0].getYear() == year)) { // "in May next year"
      return month;
    }
    return year == null
        ? new LocalDate[] {null, null}
        : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
  }

  private static Integer explicitYear(String sentence, LocalDate statedOn) {
    if (THIS_YEAR.finder(sentence).find()) {
      return statedOn.getYear();
    }
    if (LAST_YEAR.finder(sentence).find()) {
      return statedOn.getYear() - 1;
    }
    if (NEXT_YEAR.finder(sentence).find()) {
      return statedOn.getYear() + 1;
    }
    if (YEAR_AFTER_NEXT.finder(sentence).find()) {
      return statedOn.getYear() + 2;
    }
    List<Horizon> horizons = horizons(sentence, statedOn);
    Guarded.Finder y = YEAR.finder(sentence);
    while (nextYear(y, sentence)) {
      // "by 2026" is when a forecast can be judged, not the period it is about
      int at = y.start(1);
      if (horizons.stream().anyMatch(h -> h.yearStart() == at)) {
        continue;
      }
      return Integer.parseInt(y.group(1));
    }
    return null;
  }

  /**
   * Whether the sentence names no period but the year so far: no half, month, year number, last or
   * next year, or year before ("12% so far this year after rising 30% in 2023" dates each figure by
   * its own year, as before).
   */
  private static boolean namesNoOther(String sentence) {
    return !HALF.finder(sentence).find()
        && !PeriodWords.MONTH_YEAR.finder(sentence).find()
        && !nextYear(YEAR.finder(sentence), sentence)
        && !LAST_YEAR.finder(sentence).find()
        && !NEXT_YEAR.finder(sentence).find()
        && !Hints.mentions(
            sentence, "vorjahr", "year earlier", "year ago", "previous year", "prior year");
  }

  /** The year so far: "so far this year", "year to date", "seit Jahresbeginn", "since January". */
  private static final Guarded YEAR_TO_DATE =
      Guarded.word(
          "(?i)\\b(?:so far this year|this year so far|year[- ]to[- ]date|ytd"
              + "|since the start of the year|seit jahresbeginn|seit jahresanfang"
              + "|(?:since|seit)\\s+(?:anfang\\s+)?(?:january|januar)(?!\\s*\\d)"
              + "|seit anfang des jahres|im bisherigen jahresverlauf"
              + "|(?:in diesem|im laufenden) jahr (?:bislang|bisher)"
              + "|(?:bislang|bisher) (?:in diesem|im laufenden) jahr)\\b");

  /** -1 for the first half, -2 for the second, named in words without a year; 0 if none. */
  private static int halfWithoutYear(String sentence) {
    Guarded.Finder h = HALF.finder(sentence);
    if (!h.find() || h.group(1) == null || h.group(2) != null) {
      return 0;
    }
    return h.group(1).toLowerCase(Locale.ROOT).matches("first|erste[mn]?|1\\.") ? -1 : -2;
  }
}
