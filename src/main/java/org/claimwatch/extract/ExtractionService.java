package org.claimwatch.extract;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.Span;
import org.claimwatch.auth.Actor;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.extract.NumberFinder.Found;
import org.claimwatch.subject.ReportedCurrencies;
import org.claimwatch.system.Dates;
import org.claimwatch.system.Numbers;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Slots;

/**
 * Claims from text: the language (given or detected), the sentences, and the numbers in each
 * sentence that could be checked. Nothing is stored.
 */
@Singleton
public class ExtractionService {
  /** The longest text read, in characters (API.md). */
  public static final int MAX_TEXT = 200_000;

  /** The most candidates one answer lists (a text of nothing but numbers has 100,000). */
  public static final int MAX_CANDIDATES = 2_000;

  /** Candidates after this many are not looked up for duplicates (their list is empty). */
  static final int MAX_DUPLICATE_LOOKUPS = 200;

  /** A candidate's sentence is cut to this many characters around its number. */
  static final int MAX_SENTENCE = 1_000;

  /** The languages read. */
  static final Set<String> LANGUAGES = Set.of("en", "de");

  private final TextModels models;
  private final Mentions entities;
  private final DuplicateFinder duplicates;
  private final MetricWords metrics;
  private final FiscalCalendars calendars;
  private final ReportedCurrencies currencies;
  private CandidateClaims saver;
  private final Clock clock;
  private final Slots slots;

  @Inject
  ExtractionService(
      TextModels models,
      EntityNames entities,
      Duplicates duplicates,
      CandidateClaims saver,
      MetricLexicon metrics,
      EntityFiscalYears calendars,
      ReportedCurrencies currencies,
      Clock clock,
      @Value("${claimwatch.extractions.max-concurrent:2}") int maxConcurrent) {
    this(
        models,
        (Mentions) entities,
        (DuplicateFinder) duplicates,
        (MetricWords) metrics,
        (FiscalCalendars) calendars,
        currencies,
        clock,
        maxConcurrent);
    this.saver = saver;
  }

  /**
   * With no metric keywords (no candidate gets a metric) and other ways of finding entities and
   * duplicates (none: {@code x -> List.of()}).
   */
  ExtractionService(
      TextModels models,
      Mentions entities,
      DuplicateFinder duplicates,
      Clock clock,
      int maxConcurrent) {
    this(models, entities, duplicates, language -> MetricKeywords.NONE, clock, maxConcurrent);
  }

  /** With other ways of finding entities, duplicates and metric keywords (no fiscal calendars). */
  ExtractionService(
      TextModels models,
      Mentions entities,
      DuplicateFinder duplicates,
      MetricWords metrics,
      Clock clock,
      int maxConcurrent) {
    this(models, entities, duplicates, metrics, FiscalCalendars.NONE, clock, maxConcurrent);
  }

  /** With other ways of finding entities, duplicates, metric keywords and fiscal calendars. */
  ExtractionService(
      TextModels models,
      Mentions entities,
      DuplicateFinder duplicates,
      MetricWords metrics,
      FiscalCalendars calendars,
      Clock clock,
      int maxConcurrent) {
    this(
        models,
        entities,
        duplicates,
        metrics,
        calendars,
        entityId -> java.util.Optional.empty(),
        clock,
        maxConcurrent);
  }

  /**
   * With other ways of finding entities, duplicates, metric keywords, fiscal calendars and the
   * currencies entities report in.
   */
  ExtractionService(
      TextModels models,
      Mentions entities,
      DuplicateFinder duplicates,
      MetricWords metrics,
      FiscalCalendars calendars,
      ReportedCurrencies currencies,
      Clock clock,
      int maxConcurrent) {
    this.models = models;
    this.entities = entities;
    this.duplicates = duplicates;
    this.metrics = metrics;
    this.calendars = calendars;
    this.currencies = currencies;
    this.clock = clock;
    this.slots =
        new Slots(
            maxConcurrent,
            Duration.ofSeconds(10),
            "extractions-busy",
            "Extractions busy",
            "Other texts are being read; send this one again in a little while");
  }

  /** Reads the text in a slot: at most {@code claimwatch.extractions.max-concurrent} at once. */
  public Extraction extract(ExtractionRequest request) {
    String text = text(request);
    return slots.run(() -> read(request, text));
  }

  /** Reads the text and, with {@code save}, stores its candidates as claims citing the source. */
  public Extraction extract(ExtractionRequest request, Actor actor) {
    Extraction read = extract(request);
    if (!Boolean.TRUE.equals(request.save())) {
      return read;
    }
    if (read.truncated()) {
      throw ProblemException.invalidField(
          "text",
          "holds more than " + MAX_CANDIDATES + " numbers: save it in parts, or read it first");
    }
    return read.saved(
        saver.save(
            request.text(),
            read.language(),
            request.statedAt(),
            request.source(),
            read.candidates(),
            actor));
  }

  private Extraction read(ExtractionRequest request, String text) {
    String language = language(request, text);
    LocalDate statedOn = statedOn(request.statedAt());
    List<Candidate> out = new ArrayList<>();
    List<Mentions.Mention> mentions = entities.find(text);
    java.util.Set<Mentions.Mention> sources = sources(text, mentions);
    java.util.Set<Mentions.Mention> places = places(text, mentions);
    java.util.Set<Mentions.Mention> organisations = new java.util.HashSet<>(sources);
    for (Mentions.Mention m : mentions) {
      if (m.kind() == org.claimwatch.subject.SubjectKind.ORGANIZATION) {
        organisations.add(m);
      }
    }
    MetricKeywords keywords = metrics.of(language);
    ArticlePeriods periods = new ArticlePeriods(statedOn, calendars);
    Candidate previous = null; // the last figure of the last sentence with one
    Candidate justBefore = null; // the last figure of the sentence right before, if it has one
    List<Candidate> sentenceBefore = List.of(); // the figures of that sentence
    Map<Long, java.util.Optional<String>> reportedIn = new HashMap<>();
    for (Span s : models.sentences(text, language)) {
      String sentence = text.substring(s.getStart(), s.getEnd());
      // A sentence is read once for its numbers; a very long one (a text of numbers with no full
      // stop) around each number only, so nothing is read whole once per number.
      SentenceReader.Sentence whole =
          sentence.length() <= MAX_SENTENCE
              ? SentenceReader.read(sentence, statedOn, keywords, language)
              : null;
      // One more than fit, so that a text with more numbers than an answer holds says so.
      List<Found> found = NumberFinder.find(sentence, language, MAX_CANDIDATES - out.size() + 1);
      List<int[]> spans = found.stream().map(n -> new int[] {n.start(), n.end()}).toList();
      if (found.isEmpty() && whole != null && periods.leadless()) {
        // "Siemens hat im vierten Quartal seines Geschäftsjahres mehr verdient als erwartet."
        SentenceReader.Reading named = whole.of(sentence.length(), sentence.length());
        if (named.periodStart() != null || named.periodEnd() != null || named.fiscal() != null) {
          Mentions.Mention about =
              about(text, mentions, sources, s.getStart(), s.getEnd(), s.getEnd(), false, places);
          periods.sentence(named, about);
        }
      }
      Map<Integer, SentenceReader.Sentence> windows = new HashMap<>();
      Candidate last = previous;
      Candidate before = null; // the figure before in this sentence, ending at beforeEnd
      int beforeEnd = 0;
      boolean unitSoFar = false; // a figure of this sentence before has a unit
      List<Candidate> read = new ArrayList<>(); // this sentence's
      for (Found f : found) {
        if (out.size() + read.size() == MAX_CANDIDATES) {
          addAll(out, UnitPrices.of(read, sentence, s.getStart()));
          return new Extraction(language, out, true);
        }
        boolean unitBefore = unitSoFar;
        unitSoFar |= f.unit() != null;
        if (insideMention(mentions, s.getStart() + f.start(), s.getStart() + f.end())) {
          continue; // part of a stored entity's name ("Route 66 Media", "Studio 54"), not a figure
        }
        SentenceReader.Reading r =
            whole != null
                ? whole.of(f.start(), f.end(), spans)
                : aroundOnly(sentence, f, statedOn, keywords, language, windows);
        Mentions.Mention about =
            about(
                text,
                mentions,
                r.metric() != null && ECONOMY.contains(r.metric()) ? organisations : sources,
                s.getStart(),
                s.getEnd(),
                s.getStart() + f.start(),
                r.metric() != null
                    && MONEY.contains(r.metric().replaceFirst("_adjusted$", ""))
                    && !ECONOMY.contains(r.metric()),
                places);
        boolean ownPeriod = r.periodStart() != null || r.periodEnd() != null || r.fiscal() != null;
        r = notYetBegun(periods.place(r, about), sentence, statedOn);
        Candidate c = candidate(text, s.getStart(), sentence, f, r, about, language);
        if (Pronouns.refersBack(sentence, f.start(), language)) {
          c = Pronouns.metricOf(c, previous);
        }
        c = ContinuedCounts.of(c, f, unitBefore, sentence, justBefore);
        if (before == null) {
          c = ContinuedForecasts.of(c, ownPeriod, justBefore, sentenceBefore);
        }
        c = FigureChanges.of(c, f, sentence, before, beforeEnd);
        c = PlannedJobs.of(c, f, sentence, language);
        c = inReportedCurrency(c, sentence, found, about, reportedIn);
        last = c;
        before = c;
        beforeEnd = f.end();
        read.add(c);
      }
      addAll(out, UnitPrices.of(read, sentence, s.getStart()));
      justBefore = found.isEmpty() ? null : last;
      sentenceBefore = found.isEmpty() ? List.of() : read;
      previous = last;
    }
    return new Extraction(language, out, false);
  }

  /**
   * {@code r} as a forecast when it is a result of a period not yet begun on {@code statedOn} in a
   * sentence with no verb of the past or of a state: "Die Neuverschuldung steigt im kommenden Jahr
   * auf 89 Milliarden Euro", "Der Haushaltsentwurf für 2026 sieht Ausgaben von 520 Milliarden Euro
   * vor" are what is planned. With one, the year only names something: "Acme's 2030 bonds fell 2
   * cents", "Der Auftragsbestand für 2026 liegt bei 12 Milliarden Euro".
   */
  private static SentenceReader.Reading notYetBegun(
      SentenceReader.Reading r, String sentence, LocalDate statedOn) {
    return r.kind() == ClaimKind.REPORTED
            && r.periodStart() != null
            && r.periodStart().isAfter(statedOn)
            && !SentenceParts.saysPast(sentence)
        ? r.withKind(ClaimKind.FORECAST)
        : r;
  }

  /** Adds {@code read} to {@code out}, with the stored claims each repeats. */
  private void addAll(List<Candidate> out, List<Candidate> read) {
    for (Candidate c : read) {
      // Each lookup is one indexed query; beyond the first ones an article is a table of figures.
      out.add(out.size() < MAX_DUPLICATE_LOOKUPS ? c.withDuplicates(duplicates.of(c)) : c);
    }
  }

  /**
   * Figures per share, which a company pays or earns in the currency it reports in (a price at the
   * pump is in the country's, whoever sets it).
   */
  private static final Set<String> PER_SHARE_METRICS = Set.of("eps", "dividend", "per_share");

  /** Cents and nothing else: "18 Cent", "80 bis 85 Cent", "81 cents". */
  private static final java.util.regex.Pattern BARE_CENTS =
      java.util.regex.Pattern.compile(
          "(?i)[\\d.,\\s\u00a0]+(?:(?:bis|to|-|\u2013)\\s*[\\d.,\\s\u00a0]+)?cents?");

  /**
   * Cents of no named currency per share, in a sentence with no other amount of money ("Intel
   * verdiente 18 Cent je Aktie"; with one, NumberFinder gives them its currency), are of the
   * currency their entity reports in, if it has cents: the language's currency (EUR for "Cent", USD
   * for "cents") is only a guess.
   */
  private Candidate inReportedCurrency(
      Candidate c,
      String sentence,
      List<Found> found,
      Mentions.Mention about,
      Map<Long, java.util.Optional<String>> reportedIn) {
    if (about == null
        || c.unit() == null
        || c.metric() == null
        || !PER_SHARE_METRICS.contains(c.metric().replaceFirst("_adjusted$", ""))
        || !BARE_CENTS.matcher(c.quote()).matches()
        || found.stream()
            .anyMatch(
                o ->
                    NumberFinder.isCurrency(o.unit())
                        && !BARE_CENTS.matcher(sentence.substring(o.start(), o.end())).matches())) {
      return c;
    }
    String currency = reportedIn.computeIfAbsent(about.id(), currencies::currency).orElse(c.unit());
    return NumberFinder.hasCents(currency) && !currency.equals(c.unit()) ? c.withUnit(currency) : c;
  }

  /** The text's characters [start, end) lie within a mention of a stored entity's name. */
  private static boolean insideMention(List<Mentions.Mention> mentions, int start, int end) {
    for (Mentions.Mention m : mentions) {
      if (m.start() <= start && end <= m.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reading of a number in a very long sentence, from the stretch around it: stretches of
   * {@link #MAX_SENTENCE} characters that start every half of one, each read once, the number in
   * the second quarter of its stretch (or nearer the sentence's start).
   */
  private static SentenceReader.Reading aroundOnly(
      String sentence,
      Found f,
      LocalDate statedOn,
      MetricKeywords keywords,
      String language,
      Map<Integer, SentenceReader.Sentence> windows) {
    int step = MAX_SENTENCE / 2;
    int key = f.start() / step;
    int from = Math.max(0, (key - 1) * step);
    int to = Math.min(sentence.length(), Math.max(from + MAX_SENTENCE, f.end() + step / 2));
    SentenceReader.Sentence window =
        windows.computeIfAbsent(
            key,
            k -> SentenceReader.read(sentence.substring(from, to), statedOn, keywords, language));
    // A window made for an earlier number of the same key may end inside this one.
    int end = Math.min(f.end() - from, window.text().length());
    return window.of(Math.min(f.start() - from, end), end);
  }

  /**
   * The entity a number is about: the one named nearest before it in its sentence, else the nearest
   * after it there, else the last one named before the sentence ("Apple ... It earned"); of these,
   * an organisation named as the figure's source only when no other entity is named ("Die Zahl der
   * Arbeitslosen in Deutschland ... Das waren 27.000 mehr, teilte die Bundesagentur für Arbeit
   * mit": Deutschland).
   */
  private static Mentions.Mention about(
      String text,
      List<Mentions.Mention> mentions,
      java.util.Set<Mentions.Mention> sources,
      int sentenceStart,
      int sentenceEnd,
      int at,
      boolean companyFigure,
      java.util.Set<Mentions.Mention> places) {
    // [0] nearest before in the sentence, [1] first after it there, [2] a country named there by
    // its people's adjective ("American employers"), the nearest before, else the first after,
    // unless a possessive makes it a part of what was named before ("Its German business"), [3]
    // the last name before the sentence, [4] the last such country before it, [5] for a company's
    // figure of money, a place the sentence names as where ("Apple's revenue in China fell 10%"),
    // the nearest before, else the first after: of the entities not named as a source, and of any
    Mentions.Mention[] own = new Mentions.Mention[6];
    Mentions.Mention[] any = new Mentions.Mention[6];
    for (Mentions.Mention m : mentions) {
      int place;
      boolean latest; // the latest before, the first after
      if (m.end() <= sentenceStart) {
        place = m.demonym() ? 4 : 3;
        latest = true;
      } else if (m.start() < sentenceEnd && (m.end() <= at || m.start() >= at)) {
        if (m.demonym()
            && POSSESSIVE_BEFORE
                .matcher(text.substring(Math.max(sentenceStart, m.start() - 24), m.start()))
                .find()) {
          continue;
        }
        place = m.demonym() ? 2 : companyFigure && places.contains(m) ? 5 : m.end() <= at ? 0 : 1;
        latest = m.end() <= at;
      } else {
        continue;
      }
      if (latest || any[place] == null) {
        any[place] = m;
      }
      if (!sources.contains(m) && (latest || own[place] == null)) {
        own[place] = m;
      }
    }
    for (Mentions.Mention[] found : List.of(own, any)) {
      // a place of the sentence before a name of earlier sentences, unless that is a company's
      boolean companyBefore =
          found[3] != null && found[3].kind() == org.claimwatch.subject.SubjectKind.COMPANY;
      for (int i : companyBefore ? PLACES_AFTER_COMPANY : PLACES_FIRST) {
        if (found[i] != null) {
          return found[i];
        }
      }
    }
    return null;
  }

  private static final int[] PLACES_AFTER_COMPANY = {0, 1, 2, 3, 5, 4};
  private static final int[] PLACES_FIRST = {0, 1, 2, 5, 3, 4};

  /**
   * The mentions named as a place where something is ("in China", "im Inland", "in den USA",
   * "across Europe"): of a country, region or market, not of a company or organisation. Read once
   * per text.
   */
  private static java.util.Set<Mentions.Mention> places(
      String text, List<Mentions.Mention> mentions) {
    java.util.Set<Mentions.Mention> out = new java.util.HashSet<>();
    for (Mentions.Mention m : mentions) {
      if ((m.kind() == org.claimwatch.subject.SubjectKind.OTHER
              || m.kind() == org.claimwatch.subject.SubjectKind.MARKET)
          && PLACE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find()) {
        out.add(m);
      }
    }
    return out;
  }

  /** A word of place right before a name: "in", "in the", "in den", "across", "außerhalb". */
  private static final java.util.regex.Pattern PLACE_BEFORE =
      java.util.regex.Pattern.compile(
          "(?iu)\\b(?:in|im|across|throughout|outside|inside|within|außerhalb|innerhalb)\\s+"
              + "(?:(?:the|den|der|dem)\\s+)?$");

  /** A possessive right before a word: "its", "their", "seine", "ihrer". */
  private static final java.util.regex.Pattern POSSESSIVE_BEFORE =
      java.util.regex.Pattern.compile(
          "(?iu)\\b(?:its|their|his|her|sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren"
              + "|ihrem|ihrer|ihres)\\s+$");

  /**
   * The economy's figures: an organisation that states one (a statistics office, a ministry, the
   * IMF) is not what it is about while a country or market is named ("The Labor Department said
   * payrolls rose by 254,000 jobs").
   */
  private static final java.util.Set<String> ECONOMY =
      java.util.Set.of(
          "gdp", "jobs", "inflation", "unemployment_rate", "exports", "imports", "wages");

  /** Before an organisation a figure is cited from: "according to", "laut", "nach Angaben der". */
  private static final java.util.regex.Pattern CITED =
      java.util.regex.Pattern.compile(
          "(?iu)\\b(?:according to|laut|nach angaben)\\s+(?:(?:the|die|der|das|des|dem|von)\\s+)?$");

  /** A verb of saying right before it: "teilte die", "said the", "..., so das", "wie die". */
  private static final java.util.regex.Pattern SAID_BEFORE =
      java.util.regex.Pattern.compile(
          "(?iu)(?:\\b(?:teilte|teilten|sagte|said|says|erklärte|berichtete|meldete|reported)\\s+"
              + "(?:(?:the|die|der|das|des|dem)\\s+)?|,\\s*so\\s+(?:die|der|das)\\s+"
              + "|\\bwie\\s+(?:die|der|das)\\s+)$");

  /** A comma before it ("..., the Labor Department said"). */
  private static final java.util.regex.Pattern COMMA_BEFORE =
      java.util.regex.Pattern.compile("(?iu),\\s*(?:(?:the|die|der|das)\\s+)?$");

  /** A verb of saying after it: "said", "reported", "(teilte ...) am Mittwoch mit". */
  private static final java.util.regex.Pattern SAID_AFTER =
      java.util.regex.Pattern.compile(
          "(?iu)^\\s*(?:(?:am|on|last|this)\\s+\\p{L}+\\s+)?(?:said|says|reported|mitteilte"
              + "|mitgeteilt|mit\\b)");

  /**
   * The organisations (agencies, institutes: not companies, which speak of their own figures) named
   * as where figures come from rather than what they are about: cited ("according to the IMF",
   * "laut Bundesagentur") or saying so after the figures ("..., the Labor Department said", "...,
   * teilte die Bundesagentur für Arbeit am Mittwoch mit"). One that speaks first ("The ECB said it
   * kept its rate at 4%") is what its figure is about.
   */
  private static java.util.Set<Mentions.Mention> sources(
      String text, List<Mentions.Mention> mentions) {
    java.util.Set<Mentions.Mention> out = new java.util.HashSet<>();
    for (Mentions.Mention m : mentions) {
      if (m.kind() != org.claimwatch.subject.SubjectKind.ORGANIZATION) {
        continue;
      }
      String before = text.substring(Math.max(0, m.start() - 30), m.start());
      if (CITED.matcher(before).find()
          || SAID_BEFORE.matcher(before).find()
          || (COMMA_BEFORE.matcher(before).find()
              && SAID_AFTER
                  .matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 40)))
                  .find())) {
        out.add(m);
      }
    }
    return out;
  }

  private static Candidate candidate(
      String text,
      int offset,
      String sentence,
      Found f,
      SentenceReader.Reading r,
      Mentions.Mention about,
      String language) {
    int start = offset + f.start();
    int end = offset + f.end();
    Found signed = r.loss() ? asLoss(f) : f;
    return new Candidate(
        start,
        end,
        text.substring(start, end),
        around(sentence, f.start(), f.end()),
        Numbers.plain(signed.value()),
        Numbers.plain(signed.valueHigh()),
        signed.unit(),
        signed.qualifier() == null ? null : signed.qualifier().name(),
        about == null ? null : about.id(),
        about == null ? null : about.name(),
        metric(
            r.metric(),
            signed.unit(),
            signed.unit() == null && NumberFinder.countsAWordAfter(sentence, f.end(), language),
            signed.value()),
        text(r.periodStart()),
        text(r.periodEnd()),
        r.periodicity().name(),
        r.kind().name(),
        text(r.resolvesOn()),
        List.of());
  }

  /** Metrics whose figures are amounts of money (or of money per share). */
  private static final Set<String> MONEY =
      Set.of(
          "revenue",
          "net_income",
          "operating_income",
          "gross_profit",
          "cost_of_revenue",
          "r_and_d",
          "capex",
          "pretax_income",
          "eps",
          "per_share",
          "operating_cash_flow",
          "free_cash_flow",
          "ebitda",
          "ebit",
          "operating_costs",
          "market_cap",
          "buyback",
          "dividend",
          "wages");

  /**
   * The metric a figure in {@code unit} claims, of the one its words name: none of money for a
   * count of people or things ("brought in 500 workers", "500 new engineers": {@code countsAWord},
   * a number with no unit and a word of its own after it, is no revenue, whatever word stood near
   * it) or for a physical measure ("sales of 1.2 million tonnes", "lost 3 billion cubic meters"),
   * none of counted things for money ("Acme delivered $5 billion"); jobs for a count of jobs that
   * no word names ("Construction added 34,000 positions").
   */
  private static String metric(
      String named, String unit, boolean countsAWord, java.math.BigDecimal value) {
    if (named == null) {
      return "jobs".equals(unit) ? "jobs" : null;
    }
    boolean count = NumberFinder.isCount(unit);
    return (MONEY.contains(named.replaceFirst("_adjusted$", ""))
                && (count || countsAWord || NumberFinder.isMeasure(unit)))
            || ("share_price".equals(named) && count) // "holds 3 million shares"
            || (COUNTED.contains(named) && unit != null && NumberFinder.isCurrency(unit))
            || (RATES.contains(named)
                && (unit != null
                    ? !RATE_UNITS.contains(unit)
                    : value.abs().compareTo(RATE_AT_MOST) > 0)) // "by 50,000 to 1.8 million"
        ? null
        : named;
  }

  /**
   * Metrics that are rates, in percent or points only: "Unemployment rose by 50,000" is no
   * unemployment rate, "Inflation cost each household 500 Euro" no inflation.
   */
  private static final Set<String> RATES =
      Set.of(
          "unemployment_rate",
          "inflation",
          "operating_margin",
          "gross_margin",
          "net_margin",
          "market_share",
          "interest_rate",
          "return_on_sales");

  private static final Set<String> RATE_UNITS = Set.of("%", "percentage_points", "basis_points");

  /** A bare number above this is no rate. */
  private static final java.math.BigDecimal RATE_AT_MOST = java.math.BigDecimal.valueOf(1000);

  /** Metrics whose figures count things, never an amount of money. */
  private static final Set<String> COUNTED = Set.of("deliveries", "subscribers", "jobs");

  /**
   * An amount of money a loss word speaks of ("lost more than $700 million", "a loss of $4-5bn"),
   * as the net income it claims: below zero, and with its bounds turned round (a loss of more than
   * $700M is a net income below -$700M; a loss of $4-5bn, -5bn to -4bn). A loss word before a share
   * or a count ("shares lost 3%", "lost 500 jobs") is no net income: its number stays as written. A
   * scaled amount with no unit ("ein Verlust von 4,6 Milliarden") is taken for money.
   */
  static Found asLoss(Found f) {
    boolean money =
        f.unit() == null
            ? f.value().abs().compareTo(MILLION) >= 0 // "ein Verlust von 4,6 Milliarden"
            : NumberFinder.isCurrency(f.unit());
    if (!money) {
      return f;
    }
    if (f.valueHigh() != null) {
      return new Found(
          f.start(),
          f.end(),
          f.valueHigh().abs().negate(),
          f.value().abs().negate(),
          f.unit(),
          f.qualifier());
    }
    Qualifier q = f.qualifier();
    Qualifier turned =
        q == null
            ? null
            : switch (q) {
              case MORE_THAN -> Qualifier.LESS_THAN;
              case AT_LEAST -> Qualifier.AT_MOST;
              case AT_MOST -> Qualifier.AT_LEAST;
              case LESS_THAN -> Qualifier.MORE_THAN;
              default -> q;
            };
    return new Found(f.start(), f.end(), f.value().abs().negate(), null, f.unit(), turned);
  }

  private static final java.math.BigDecimal MILLION = java.math.BigDecimal.TEN.pow(6);

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private LocalDate statedOn(String statedAt) {
    if (statedAt == null || statedAt.isBlank()) {
      return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
    String t = statedAt.strip();
    try {
      return t.length() == 10
          ? Dates.date(t)
          : LocalDate.ofInstant(Dates.instant(t), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          "statedAt", "must be a date YYYY-MM-DD or a UTC date-time");
    }
  }

  /** The sentence, or the part of a very long one around the number (whole words). */
  static String around(String sentence, int start, int end) {
    if (sentence.length() <= MAX_SENTENCE) {
      return sentence;
    }
    int room = Math.max(0, (MAX_SENTENCE - (end - start)) / 2);
    int from = Math.max(0, start - room);
    int to = Math.min(sentence.length(), end + room);
    while (from > 0 && from < start && !Character.isWhitespace(sentence.charAt(from - 1))) {
      from++;
    }
    while (to < sentence.length() && to > end && !Character.isWhitespace(sentence.charAt(to))) {
      to--;
    }
    return (from > 0 ? "…" : "")
        + sentence.substring(from, to)
        + (to < sentence.length() ? "…" : "");
  }

  private static String text(ExtractionRequest request) {
    String text = request == null ? null : request.text();
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField("text", "required: the text to read");
    }
    if (text.length() > MAX_TEXT) {
      throw ProblemException.invalidField(
          "text", "at most " + MAX_TEXT + " characters (this one has " + text.length() + ")");
    }
    long control =
        text.chars()
            .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
            .count();
    if (control > 0 || text.indexOf('\uFFFD') >= 0) {
      throw ProblemException.invalidField(
          "text", "must be plain text (it holds control characters or undecodable bytes)");
    }
    return text;
  }

  private String language(ExtractionRequest request, String text) {
    String given = request.language();
    if (given != null && !given.isBlank()) {
      String l = given.strip().toLowerCase(java.util.Locale.ROOT);
      if (!LANGUAGES.contains(l)) {
        throw ProblemException.invalidField("language", "must be en or de");
      }
      return l;
    }
    String detected = models.language(text);
    if (detected == null) {
      throw ProblemException.invalidField(
          "language", "the text is in neither English nor German; say which with language");
    }
    return detected;
  }
}
