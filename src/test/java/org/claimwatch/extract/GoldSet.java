package org.claimwatch.extract;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.claimwatch.subject.EntityCreate;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.support.TestDatabase;
import org.yaml.snakeyaml.Yaml;

/**
 * The labelled sets for claims from text and how the extraction pipeline scores on them, per set,
 * language and field. Two sets, both under src/test/resources/fixtures:
 *
 * <ul>
 *   <li>{@code articles/gold.json}: the development set (five official texts, hand-made gold that
 *       the rules were developed on). Each number has a {@code hint}, a stretch of the text around
 *       it (annotations in parentheses and alternatives split by " / " are looked up separately);
 *       value, unit and qualifier are labelled.
 *   <li>{@code newsroom/gold.json}: self-written news articles that the rules were not developed on
 *       (generalisation). Each number has its {@code quote} (the number as written; {@code in}, a
 *       longer stretch, when the quote occurs more than once) and is labelled for value, unit,
 *       qualifier, entity, metric, period, periodicity, kind and horizon ({@code resolvesOn}).
 * </ul>
 *
 * <p><b>Matching.</b> A candidate matches a gold number when its span overlaps the number's place
 * in the text: for a quote, any overlap (so a span that starts at a currency sign or at the hedge
 * still matches); for a hint, which may hold more than one number, overlap and the same value (sign
 * ignored; a range matches on either end). A gold number whose hint is not in the text is matched
 * by value anywhere in its article. Each gold number is matched to at most one candidate (the first
 * that overlaps with the same value, else the first that overlaps).
 *
 * <p><b>Numbers.</b> Recall = gold numbers matched / gold numbers. A candidate is right when it
 * matches a gold number, or when it repeats one elsewhere in the article with the same value (sign
 * ignored) and unit, as a title repeats the lead (counted apart as "repeats"); precision = right
 * candidates / candidates, so noise and unlisted numbers count against it. "value+unit" is
 * stricter: a gold number counts when its candidate has its value (sign ignored) and its unit, a
 * candidate when it is right with that gold number's value and unit. Noise: the strings that must
 * not become claims (dates, years, phone and document numbers, ordinals); one is hit when a
 * candidate overlaps it.
 *
 * <p><b>Fields</b>, over matched pairs whose gold labels the field (a label may be "none"):
 * accuracy = pairs where the candidate says what the gold says / labelled pairs. For fields that
 * can be absent (all but value), "given" means not absent (qualifier not EXACT, periodicity not
 * NONE, kind not REPORTED): given-precision = candidates giving the field with the gold's value /
 * candidates giving it; given-recall = the same / gold numbers giving it. Values compare as numbers
 * with their sign ("Verlust von 5 Mrd." is -5000000000); a period is its start and end.
 *
 * <p>Entities are looked up among the stored ones, so the pipeline needs a database: {@link #main}
 * starts the service's context on the test database ({@code TEST_JDBC_URL}, else Testcontainers,
 * else an embedded MariaDB; see {@code TestDatabase}), stores the entities of {@code
 * db/seed/entities.jsonl} and {@code fixtures/newsroom/entities.jsonl} if missing, and prints the
 * tables:
 *
 * <pre>
 * mvn -q -DskipTests -Dspotless.check.skip=true test-compile
 * TEST_JDBC_URL=jdbc:mysql://127.0.0.1:3306/cw_dev mvn -q exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-classpath %classpath org.claimwatch.extract.GoldSet"
 * </pre>
 */
public final class GoldSet {
  /** The development set (official texts; the rules were developed on it). */
  static final String DEVELOPMENT = "articles";

  /**
   * The self-written news articles (written after the rules of 2026-12-01; seen while writing the
   * period rules of 2026-12-02).
   */
  static final String NEWSROOM = "newsroom";

  /**
   * Eight news articles written on 2026-12-02 by a helper who did not see the rules: the measure of
   * how the rules do on text they were not tuned on. Its misses are printed only with {@code
   * --show-heldout}, so that nobody tunes the rules on them by accident.
   */
  static final String HELDOUT = "newsroom-heldout";

  /** What is scored beside the number, with the gold key, how a candidate says it, and "absent". */
  enum Field {
    VALUE("value", null),
    UNIT("unit", null),
    QUALIFIER("qualifier", "EXACT"),
    ENTITY("entity", null),
    METRIC("metric", null),
    PERIOD("period", null), // periodStart..periodEnd
    PERIODICITY("periodicity", "NONE"),
    KIND("kind", "REPORTED"),
    HORIZON("resolvesOn", null);

    final String key;
    final String absent;

    Field(String key, String absent) {
      this.key = key;
      this.absent = absent;
    }

    String of(Candidate c) {
      return switch (this) {
        case VALUE -> range(c.value(), c.valueHigh());
        case UNIT -> c.unit();
        case QUALIFIER -> c.qualifier() == null ? "EXACT" : c.qualifier();
        case ENTITY -> c.entityName();
        case METRIC -> c.metric();
        case PERIOD ->
            c.periodStart() == null && c.periodEnd() == null
                ? null
                : c.periodStart() + ".." + c.periodEnd();
        case PERIODICITY -> c.periodicity();
        case KIND -> c.kind();
        case HORIZON -> c.resolvesOn();
      };
    }

    boolean given(String v) {
      return v != null && !v.equals(absent);
    }

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A number of the gold set: what to show for it, where it stands ({@code spans}; empty when its
   * hint is not in the text), whether a span is the number itself ({@code quote}) or a stretch
   * around it, and its labelled fields (a field missing from the map is not labelled; a null value
   * is labelled "none").
   */
  record Gold(String hint, List<int[]> spans, boolean quote, Map<Field, String> labels) {
    BigDecimal value() {
      return new BigDecimal(labels.get(Field.VALUE).split("\\.\\.")[0]);
    }

    BigDecimal valueHigh() {
      String[] v = labels.get(Field.VALUE).split("\\.\\.");
      return v.length > 1 ? new BigDecimal(v[1]) : null;
    }
  }

  /** One text with what must be found in it and what must not. */
  record Article(
      String set,
      String file,
      String language,
      String statedAt,
      String text,
      List<Gold> core,
      List<String> noise) {}

  /** Counts of one field. */
  static final class FieldScore {
    int labelled;
    int right;
    int candidateGives;
    int candidateGivesRight;
    int goldGives;
    int goldGivesRight;
    final List<String> errors = new ArrayList<>();

    double accuracy() {
      return ratio(right, labelled);
    }

    double givenPrecision() {
      return ratio(candidateGivesRight, candidateGives);
    }

    double givenRecall() {
      return ratio(goldGivesRight, goldGives);
    }
  }

  /** Counts of one set and language. */
  static final class Score {
    int articles;
    int core;
    int found;
    int candidates;
    int right;
    int foundWithUnit;
    int rightWithUnit;
    int repeats;
    int noise;
    final List<String> repeated = new ArrayList<>();
    final List<String> noiseHit = new ArrayList<>();
    final List<String> missed = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();
    final Map<Field, FieldScore> fields = new LinkedHashMap<>();

    Score() {
      for (Field f : Field.values()) {
        fields.put(f, new FieldScore());
      }
    }

    double recall() {
      return ratio(found, core);
    }

    double precision() {
      return ratio(right, candidates);
    }

    double valueUnitRecall() {
      return ratio(foundWithUnit, core);
    }

    double valueUnitPrecision() {
      return ratio(rightWithUnit, candidates);
    }
  }

  private GoldSet() {}

  /** The articles of a set ({@link #DEVELOPMENT}, {@link #NEWSROOM}). */
  @SuppressWarnings("unchecked")
  static List<Article> articles(String set) {
    Map<String, Object> gold = new Yaml().load(resource(set, "gold.json"));
    List<Article> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : gold.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> m)) {
        continue; // the note
      }
      String text = resource(set, e.getKey());
      Map<String, Object> defaults =
          m.get("defaults") == null ? Map.of() : (Map<String, Object>) m.get("defaults");
      List<Gold> core = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) m.get("core")) {
        Map<String, Object> labelled = new LinkedHashMap<>(defaults);
        labelled.putAll(c);
        core.add(gold(e.getKey(), text, labelled));
      }
      List<String> noise = (List<String>) m.get("noise");
      for (String n : noise) {
        if (!text.contains(n)) {
          throw new IllegalArgumentException(
              e.getKey() + ": noise \"" + n + "\" is not in the text");
        }
      }
      out.add(
          new Article(
              set,
              e.getKey(),
              (String) m.get("language"),
              (String) m.get("statedAt"),
              text,
              core,
              noise));
    }
    return out;
  }

  private static Gold gold(String file, String text, Map<String, Object> c) {
    Map<Field, String> labels = new LinkedHashMap<>();
    labels.put(Field.VALUE, range(str(c.get("value")), str(c.get("valueHigh"))));
    labels.put(Field.UNIT, str(c.get("unit")));
    // gold.json: "EXACT unless the text hedges"
    labels.put(Field.QUALIFIER, c.get("qualifier") == null ? "EXACT" : str(c.get("qualifier")));
    for (Field f : List.of(Field.ENTITY, Field.METRIC, Field.PERIODICITY, Field.KIND)) {
      if (c.containsKey(f.key)) {
        labels.put(f, str(c.get(f.key)));
      }
    }
    if (c.containsKey("periodStart") || c.containsKey("periodEnd")) {
      labels.put(
          Field.PERIOD,
          c.get("periodStart") == null && c.get("periodEnd") == null
              ? null
              : c.get("periodStart") + ".." + c.get("periodEnd"));
    }
    if (c.containsKey("resolvesOn")) {
      labels.put(Field.HORIZON, str(c.get("resolvesOn")));
    }
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) c.getOrDefault("unlabelled", List.of());
    for (String u : unlabelled) {
      Field f =
          java.util.Arrays.stream(Field.values())
              .filter(x -> x.key.equals(u))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(file + ": no field " + u));
      labels.remove(f);
    }
    String quote = (String) c.get("quote");
    if (quote != null) {
      String in = c.get("in") == null ? quote : (String) c.get("in");
      int at = text.indexOf(in);
      if (at < 0 || text.indexOf(in, at + 1) >= 0 || !in.contains(quote)) {
        throw new IllegalArgumentException(
            file + ": \"" + in + "\" must be in the text once and hold \"" + quote + "\"");
      }
      int start = at + in.indexOf(quote);
      return new Gold(quote, List.of(new int[] {start, start + quote.length()}), true, labels);
    }
    String hint = (String) c.get("hint");
    List<int[]> spans = new ArrayList<>();
    for (String part : hint.split(" / ")) {
      String p = ANNOTATION.matcher(part).replaceAll("").strip();
      for (int at = text.indexOf(p); !p.isEmpty() && at >= 0; at = text.indexOf(p, at + 1)) {
        spans.add(new int[] {at, at + p.length()});
      }
    }
    return new Gold(hint, spans, false, labels);
  }

  /** "(title)", "(space as thousands separator)": a note in a hint, not text. */
  private static final Pattern ANNOTATION = Pattern.compile("\\s*\\([a-z][a-z ]*\\)\\s*$");

  /** Scores per language ("en", "de") of {@code articles}, read by {@code reader}. */
  static Map<String, Score> score(
      List<Article> articles, Function<Article, List<Candidate>> reader) {
    Map<String, Score> scores = new TreeMap<>();
    for (Article a : articles) {
      Score s = scores.computeIfAbsent(a.language(), k -> new Score());
      List<Candidate> found = reader.apply(a);
      s.articles++;
      s.core += a.core().size();
      s.candidates += found.size();
      Map<Candidate, Gold> rightFor = new HashMap<>();
      List<Candidate> taken = new ArrayList<>();
      for (Gold g : a.core()) {
        for (Candidate c : found) {
          if (corresponds(c, g)) {
            rightFor.putIfAbsent(c, g);
          }
        }
      }
      for (Gold g : a.core()) {
        Candidate c = match(found, g, taken);
        if (c == null) {
          s.missed.add(a.file() + ": " + g.hint());
          continue;
        }
        taken.add(c);
        rightFor.putIfAbsent(c, g);
        s.found++;
        if (sameAbsValue(c, g) && Objects.equals(c.unit(), g.labels().get(Field.UNIT))) {
          s.foundWithUnit++;
        }
        for (Map.Entry<Field, String> l : g.labels().entrySet()) {
          fieldScore(s.fields.get(l.getKey()), l.getKey(), l.getValue(), c, a, g);
        }
      }
      for (Candidate c : found) {
        Gold g = rightFor.get(c);
        if (g == null) {
          // the same figure said again elsewhere ("0,1 %" in the title and the lead)
          g =
              a.core().stream()
                  .filter(x -> sameAbsValue(c, x))
                  .filter(x -> Objects.equals(c.unit(), x.labels().get(Field.UNIT)))
                  .findFirst()
                  .orElse(null);
          if (g != null) {
            s.repeats++;
            s.repeated.add(a.file() + ": \"" + c.quote() + "\" at " + c.start());
          }
        }
        if (g == null) {
          s.wrong.add(a.file() + ": \"" + c.quote() + "\" (" + c.value() + " " + c.unit() + ")");
        } else {
          s.right++;
          if (sameAbsValue(c, g) && Objects.equals(c.unit(), g.labels().get(Field.UNIT))) {
            s.rightWithUnit++;
          }
        }
      }
      for (String n : a.noise()) {
        s.noise++;
        for (int at = a.text().indexOf(n); at >= 0; at = a.text().indexOf(n, at + 1)) {
          int start = at;
          int end = at + n.length();
          if (found.stream().anyMatch(c -> c.start() < end && start < c.end())) {
            s.noiseHit.add(a.file() + ": " + n);
            break;
          }
        }
      }
    }
    return scores;
  }

  private static void fieldScore(
      FieldScore fs, Field f, String gold, Candidate c, Article a, Gold g) {
    String said = f.of(c);
    boolean right = f == Field.VALUE ? sameNumber(said, gold) : Objects.equals(said, gold);
    fs.labelled++;
    if (right) {
      fs.right++;
    } else {
      fs.errors.add(a.file() + ": \"" + g.hint() + "\" gold " + gold + ", got " + said);
    }
    if (f.given(said)) {
      fs.candidateGives++;
      fs.candidateGivesRight += right ? 1 : 0;
    }
    if (f.given(gold)) {
      fs.goldGives++;
      fs.goldGivesRight += right && f.given(said) ? 1 : 0;
    }
  }

  /** The candidate for {@code g}: overlapping with its value, else overlapping, else by value. */
  private static Candidate match(List<Candidate> found, Gold g, List<Candidate> taken) {
    Candidate overlapping = null;
    for (Candidate c : found) {
      if (taken.contains(c) || !overlaps(c, g)) {
        continue;
      }
      if (sameAbsValue(c, g)) {
        return c;
      }
      if (g.quote() && overlapping == null) {
        overlapping = c;
      }
    }
    if (overlapping != null || !g.spans().isEmpty()) {
      return overlapping;
    }
    return found.stream()
        .filter(c -> !taken.contains(c) && sameAbsValue(c, g))
        .findFirst()
        .orElse(null);
  }

  /** The candidate stands for {@code g} (it may be a repeat of it, as in a title). */
  private static boolean corresponds(Candidate c, Gold g) {
    if (g.spans().isEmpty()) {
      return sameAbsValue(c, g);
    }
    return overlaps(c, g) && (g.quote() || sameAbsValue(c, g));
  }

  private static boolean overlaps(Candidate c, Gold g) {
    return g.spans().stream().anyMatch(s -> c.start() < s[1] && s[0] < c.end());
  }

  /** The candidate's value (or the top of its range) is the gold value or its top, sign ignored. */
  private static boolean sameAbsValue(Candidate c, Gold g) {
    List<BigDecimal> said = new ArrayList<>();
    said.add(new BigDecimal(c.value()).abs());
    if (c.valueHigh() != null) {
      said.add(new BigDecimal(c.valueHigh()).abs());
    }
    BigDecimal high = g.valueHigh();
    return said.stream()
        .anyMatch(
            v ->
                v.compareTo(g.value().abs()) == 0
                    || (high != null && v.compareTo(high.abs()) == 0));
  }

  private static boolean sameNumber(String said, String gold) {
    if (said == null || gold == null) {
      return Objects.equals(said, gold);
    }
    String[] a = said.split("\\.\\.");
    String[] b = gold.split("\\.\\.");
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (new BigDecimal(a[i]).compareTo(new BigDecimal(b[i])) != 0) {
        return false;
      }
    }
    return true;
  }

  private static String range(String value, String high) {
    return value == null ? null : high == null ? value : value + ".." + high;
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static String resource(String set, String name) {
    String path = "/fixtures/" + set + "/" + name;
    try (InputStream in = GoldSet.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pipeline as the API runs it, with the article's language and date given. */
  static Function<Article, List<Candidate>> reader(ExtractionService service) {
    return a ->
        service.extract(new ExtractionRequest(a.text(), a.language(), a.statedAt())).candidates();
  }

  /**
   * Stores the entities the labelled sets name (the demo entities of db/seed and the newsroom set's
   * own), each unless one of that name is stored already; says which names of them the database
   * gives to another entity (the entity figures then count those as wrong).
   */
  @SuppressWarnings("unchecked")
  static List<String> storeEntities(SubjectService subjects) {
    List<String> lines = new ArrayList<>();
    try {
      lines.addAll(Files.readAllLines(Path.of("db/seed/entities.jsonl")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.addAll(resource(NEWSROOM, "entities.jsonl").lines().toList());
    lines.addAll(resource(HELDOUT, "entities.jsonl").lines().toList());
    List<String> clashes = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> e = new Yaml().load(line);
      String name = (String) e.get("name");
      List<String> aliases = (List<String>) e.getOrDefault("aliases", List.of());
      if (subjects.resolve(name).isEmpty()) {
        try {
          subjects.create(
              new EntityCreate(
                  name,
                  (String) e.get("kind"),
                  aliases,
                  e.get("secCik") == null ? null : ((Number) e.get("secCik")).longValue(),
                  (String) e.get("ticker"),
                  (String) e.get("fiscalYearEnd")));
        } catch (RuntimeException taken) {
          if (subjects.resolve(name).isEmpty()) { // else stored meanwhile by another caller
            clashes.add(name + " (not stored: " + taken.getMessage() + ")");
            continue;
          }
        }
      }
      Long id = subjects.resolve(name).orElseThrow();
      for (String alias : aliases) {
        if (!subjects.resolve(alias).map(id::equals).orElse(false)) {
          clashes.add(alias + " (names another entity)");
        }
      }
    }
    return clashes;
  }

  /**
   * Prints the tables of both sets, read by the service in a context on the test database (no HTTP
   * server, no scheduled jobs, no bootstrap admin token; it writes only the missing entities, and
   * the schema if the database is new).
   */
  public static void main(String[] args) {
    Map<String, Object> props = new HashMap<>(TestDatabase.properties());
    props.put("claimwatch.jobs.enabled", "false");
    props.put("claimwatch.webhooks.dispatcher-enabled", "false");
    try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
      List<String> clashes = storeEntities(ctx.getBean(SubjectService.class));
      clashes.forEach(c -> System.out.println("warning: entity " + c));
      Function<Article, List<Candidate>> reader = reader(ctx.getBean(ExtractionService.class));
      boolean showHeldout = List.of(args).contains("--show-heldout");
      for (String set : List.of(DEVELOPMENT, NEWSROOM, HELDOUT)) {
        print(set, score(articles(set), reader), !set.equals(HELDOUT) || showHeldout);
      }
    }
  }

  /** The tables of one set: numbers and fields per language, then what went wrong. */
  static void print(String set, Map<String, Score> scores, boolean details) {
    System.out.println();
    System.out.println(
        "== "
            + switch (set) {
              case DEVELOPMENT ->
                  "development set: fixtures/articles (official texts, rules developed on them)";
              case NEWSROOM ->
                  "newsroom set: fixtures/newsroom (self-written, seen while writing the rules)";
              default ->
                  "held-out set: fixtures/newsroom-heldout (written blind to the rules; misses"
                      + " shown with --show-heldout)";
            }
            + " ==");
    System.out.printf(
        "%-4s %4s %5s %5s %5s %7s %6s %9s | %-14s | %s%n",
        "lang",
        "docs",
        "gold",
        "cand",
        "found",
        "repeats",
        "recall",
        "precision",
        "value+unit R/P",
        "noise hit");
    scores.forEach(
        (lang, s) ->
            System.out.printf(
                "%-4s %4d %5d %5d %5d %7d %6s %9s | %6s / %-5s | %d of %d%n",
                lang,
                s.articles,
                s.core,
                s.candidates,
                s.found,
                s.repeats,
                f(s.recall()),
                f(s.precision()),
                f(s.valueUnitRecall()),
                f(s.valueUnitPrecision()),
                s.noiseHit.size(),
                s.noise));
    System.out.println();
    System.out.printf(
        "%-12s %s%n",
        "field",
        String.join(
            "   ",
            scores.keySet().stream()
                .map(l -> String.format("%-2s pairs  acc  givenP givenR", l))
                .toList()));
    for (Field field : Field.values()) {
      StringBuilder row = new StringBuilder(String.format("%-12s", field.label()));
      for (Score s : scores.values()) {
        FieldScore fs = s.fields.get(field);
        row.append(
            fs.labelled == 0
                ? String.format(" %-29s", "   (not labelled)")
                : String.format(
                    " %8d %5s %6s %6s  ",
                    fs.labelled,
                    f(fs.accuracy()),
                    field == Field.VALUE ? "" : f(fs.givenPrecision()),
                    field == Field.VALUE ? "" : f(fs.givenRecall())));
      }
      System.out.println(row.toString().stripTrailing());
    }
    if (!details) {
      return;
    }
    scores.forEach(
        (lang, s) -> {
          System.out.println();
          System.out.println(lang + ":");
          s.missed.forEach(m -> System.out.println("  missed  " + m));
          s.wrong.forEach(w -> System.out.println("  extra   " + w));
          s.repeated.forEach(r -> System.out.println("  repeat  " + r));
          s.noiseHit.forEach(n -> System.out.println("  noise   " + n));
          s.fields.forEach(
              (field, fs) ->
                  fs.errors.forEach(e -> System.out.println("  " + field.label() + "  " + e)));
        });
  }

  private static String f(double d) {
    return Double.isNaN(d) ? "-" : String.format("%.2f", d);
  }
}
